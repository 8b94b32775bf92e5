#pragma once
// Settings: defaults, then a TOML file (`--config shangliang.toml`), then environment variables
// named SHANGLIANG_<SECTION>_<KEY> (e.g. SHANGLIANG_DATABASE_URL, SHANGLIANG_HTTP_LISTEN; the
// short SHANGLIANG_LISTEN is accepted too).

#include <cstdint>
#include <string>

namespace sl {

struct Config {
  struct Database {
    std::string url = "sqlite:./data/shangliang.db";
    int pool_size = 8;
  } database;
  struct Http {
    std::string listen = "127.0.0.1:8080";
    int workers = 8;  // threads that run handlers and database calls
    int max_connections = 10000;
    int64_t head_limit = int64_t{16} * 1024;
    int64_t body_limit = int64_t{1024} * 1024;
    int64_t upload_limit = int64_t{20} * 1024 * 1024;
    int read_timeout_seconds = 30;
    int idle_timeout_seconds = 75;
    int shutdown_grace_seconds = 10;
    std::string web_root = "web/dist";
    // Comma-separated proxy addresses or networks whose X-Forwarded-For is believed
    // (http/client_address.hpp); empty: the socket peer is always the client.
    std::string trusted_proxies;
    // When set, GET /metrics also answers `Authorization: Bearer <token>`; otherwise loopback only.
    std::string metrics_token;
  } http;
  struct Session {
    int idle_timeout_seconds = 7200;
    int absolute_timeout_seconds = 43200;  // a session ends this long after login, however busy
    bool secure_cookie = false;
  } session;
  struct Auth {
    int captcha_after_failures = 3;
    int lock_after_failures = 5;
    int lock_minutes = 15;
    int rate_limit_per_minute = 60;  // auth endpoints, per address
    int max_concurrent_hashes = 2;
    int hash_wait_ms = 200;               // a request waits at most this long for a hash slot, then 429
    int password_change_per_minute = 10;  // password changes (right or wrong) per user
  } auth;
  struct Proposals {
    std::string reminder_days = "3,1";  // working days before a deadline when reminders go out
    int scan_interval_seconds = 3600;   // how often the deadline scan runs (it also runs at start)
  } proposals;
  struct Search {
    std::string hot_block;            // comma-separated terms never shown as hot searches
    int hot_days = 30;                // hot searches count the last this many days
    int similar_threshold_pct = 7;    // the editor shows similar proposals scoring at least this
    int merge_threshold_pct = 12;     // merge suggestions pair proposals scoring at least this
    int similar_refresh_seconds = 5;  // how often each node picks up other nodes' changes
    int window = 1000;                // matches a search ranks and counts, newest first
    int short_scan_docs = 5000;       // a one-character term is looked for in this many newest documents
    // PostgreSQL: where this node keeps its full-text replica (modules/search/replica.hpp); "" for none
    std::string replica_dir = "./data";
  } search;
  struct Sms {
    std::string gateway = "log";  // "log" or "http"
    std::string url;
  } sms;

  /// Loads defaults, then `path` (when not empty), then the environment. Throws on a bad file.
  static Config load(const std::string& path);
  /// Applies SHANGLIANG_* environment overrides.
  void apply_env();
};

}  // namespace sl
