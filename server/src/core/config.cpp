#include "core/config.hpp"

#include <toml++/toml.h>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <vector>

namespace sl {

namespace {

// One row per setting: its TOML path and how to store a string into it.
struct Setting {
  const char* section;
  const char* key;
  std::function<void(Config&, const std::string&)> set;
};

int to_int(const std::string& v, const char* key) {
  try {
    return std::stoi(v);
  } catch (...) {
    throw std::invalid_argument(std::string("setting ") + key + " must be a number, got " + v);
  }
}

bool to_bool(const std::string& v) {
  return v == "1" || v == "true" || v == "yes";
}

const std::vector<Setting>& settings() {
  static const std::vector<Setting> kSettings = {
      {"database", "url", [](Config& c, const std::string& v) { c.database.url = v; }},
      {"database", "pool_size", [](Config& c, const std::string& v) { c.database.pool_size = to_int(v, "pool_size"); }},
      {"http", "listen", [](Config& c, const std::string& v) { c.http.listen = v; }},
      {"http", "workers", [](Config& c, const std::string& v) { c.http.workers = to_int(v, "workers"); }},
      {"http", "max_connections",
       [](Config& c, const std::string& v) { c.http.max_connections = to_int(v, "max_connections"); }},
      {"http", "body_limit", [](Config& c, const std::string& v) { c.http.body_limit = to_int(v, "body_limit"); }},
      {"http", "upload_limit",
       [](Config& c, const std::string& v) { c.http.upload_limit = to_int(v, "upload_limit"); }},
      {"http", "read_timeout_seconds",
       [](Config& c, const std::string& v) { c.http.read_timeout_seconds = to_int(v, "read_timeout_seconds"); }},
      {"http", "idle_timeout_seconds",
       [](Config& c, const std::string& v) { c.http.idle_timeout_seconds = to_int(v, "idle_timeout_seconds"); }},
      {"http", "shutdown_grace_seconds",
       [](Config& c, const std::string& v) { c.http.shutdown_grace_seconds = to_int(v, "shutdown_grace_seconds"); }},
      {"http", "web_root", [](Config& c, const std::string& v) { c.http.web_root = v; }},
      {"http", "trusted_proxies", [](Config& c, const std::string& v) { c.http.trusted_proxies = v; }},
      {"http", "metrics_token", [](Config& c, const std::string& v) { c.http.metrics_token = v; }},
      {"session", "idle_timeout_seconds",
       [](Config& c, const std::string& v) { c.session.idle_timeout_seconds = to_int(v, "idle_timeout_seconds"); }},
      {"session", "absolute_timeout_seconds",
       [](Config& c, const std::string& v) {
         c.session.absolute_timeout_seconds = to_int(v, "absolute_timeout_seconds");
         if (c.session.absolute_timeout_seconds < 1)
           throw std::invalid_argument("setting absolute_timeout_seconds must be at least 1");
       }},
      {"session", "secure_cookie", [](Config& c, const std::string& v) { c.session.secure_cookie = to_bool(v); }},
      {"auth", "captcha_after_failures",
       [](Config& c, const std::string& v) { c.auth.captcha_after_failures = to_int(v, "captcha_after_failures"); }},
      {"auth", "lock_after_failures",
       [](Config& c, const std::string& v) { c.auth.lock_after_failures = to_int(v, "lock_after_failures"); }},
      {"auth", "lock_minutes",
       [](Config& c, const std::string& v) { c.auth.lock_minutes = to_int(v, "lock_minutes"); }},
      {"auth", "rate_limit_per_minute",
       [](Config& c, const std::string& v) { c.auth.rate_limit_per_minute = to_int(v, "rate_limit_per_minute"); }},
      {"auth", "max_concurrent_hashes",
       [](Config& c, const std::string& v) { c.auth.max_concurrent_hashes = to_int(v, "max_concurrent_hashes"); }},
      {"auth", "hash_wait_ms",
       [](Config& c, const std::string& v) { c.auth.hash_wait_ms = to_int(v, "hash_wait_ms"); }},
      {"auth", "password_change_per_minute",
       [](Config& c, const std::string& v) {
         c.auth.password_change_per_minute = to_int(v, "password_change_per_minute");
       }},
      {"proposals", "reminder_days", [](Config& c, const std::string& v) { c.proposals.reminder_days = v; }},
      {"proposals", "scan_interval_seconds",
       [](Config& c, const std::string& v) { c.proposals.scan_interval_seconds = to_int(v, "scan_interval_seconds"); }},
      {"search", "hot_block", [](Config& c, const std::string& v) { c.search.hot_block = v; }},
      {"search", "replica_dir", [](Config& c, const std::string& v) { c.search.replica_dir = v; }},
      {"search", "hot_days", [](Config& c, const std::string& v) { c.search.hot_days = to_int(v, "hot_days"); }},
      {"search", "similar_threshold_pct",
       [](Config& c, const std::string& v) { c.search.similar_threshold_pct = to_int(v, "similar_threshold_pct"); }},
      {"search", "merge_threshold_pct",
       [](Config& c, const std::string& v) { c.search.merge_threshold_pct = to_int(v, "merge_threshold_pct"); }},
      {"search", "similar_refresh_seconds",
       [](Config& c, const std::string& v) {
         c.search.similar_refresh_seconds = to_int(v, "similar_refresh_seconds");
       }},
      {"search", "window",
       [](Config& c, const std::string& v) {
         c.search.window = to_int(v, "window");
         if (c.search.window < 10) throw std::invalid_argument("setting window must be at least 10");
       }},
      {"search", "short_scan_docs",
       [](Config& c, const std::string& v) {
         c.search.short_scan_docs = to_int(v, "short_scan_docs");
         if (c.search.short_scan_docs < 1) throw std::invalid_argument("setting short_scan_docs must be at least 1");
       }},
      {"sms", "gateway", [](Config& c, const std::string& v) { c.sms.gateway = v; }},
      {"sms", "url", [](Config& c, const std::string& v) { c.sms.url = v; }},
  };
  return kSettings;
}

std::string env_name(const Setting& s) {
  std::string name = std::string("SHANGLIANG_") + s.section + "_" + s.key;
  for (auto& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return name;
}

}  // namespace

Config Config::load(const std::string& path) {
  Config c;
  if (!path.empty()) {
    toml::table tbl;
    try {
      tbl = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
      throw std::invalid_argument("cannot read config " + path + ": " + std::string(e.description()));
    }
    for (const auto& s : settings()) {
      auto node = tbl[s.section][s.key];
      if (!node) continue;
      if (auto str = node.value<std::string>())
        s.set(c, *str);
      else if (auto n = node.value<int64_t>())
        s.set(c, std::to_string(*n));
      else if (auto b = node.value<bool>())
        s.set(c, *b ? "true" : "false");
    }
  }
  c.apply_env();
  return c;
}

void Config::apply_env() {
  if (const char* v = std::getenv("SHANGLIANG_LISTEN")) http.listen = v;
  for (const auto& s : settings())
    if (const char* v = std::getenv(env_name(s).c_str())) s.set(*this, v);
}

}  // namespace sl
