#include "core/audit/audit.hpp"

#include "core/auth/password.hpp"
#include "core/http/message.hpp"

namespace sl::audit {

namespace {
constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";
constexpr int64_t kAuditLockKey = 0x41554449;  // "AUDI"

std::string json_or_empty(const Json& j) {
  return j.is_null() ? std::string() : j.dump();
}

/// The text a row's hash covers: every stored field, in a fixed order, then the previous hash.
std::string canonical(const std::string& prev, int64_t committee, int64_t actor, const std::string& actor_name,
                      const std::string& role, const std::string& address, const std::string& at,
                      const std::string& action, const std::string& subject_type, const std::string& subject_id,
                      const std::string& before, const std::string& after) {
  Json j = Json::array(
      {prev, committee, actor, actor_name, role, address, at, action, subject_type, subject_id, before, after});
  return j.dump();
}
}  // namespace

Entry entry_by(const Principal& user, std::string address, std::string action, std::string subject_type,
               std::string subject_id) {
  Entry e;
  e.committee_id = user.committee_id;
  e.actor_user_id = user.user_id;
  e.actor_name = user.name;
  e.role = user.primary_role();
  e.address = std::move(address);
  e.action = std::move(action);
  e.subject_type = std::move(subject_type);
  e.subject_id = std::move(subject_id);
  return e;
}

Entry entry_for(const http::Request& req, std::string action, std::string subject_type, std::string subject_id) {
  if (req.principal)
    return entry_by(*req.principal, req.remote_addr, std::move(action), std::move(subject_type), std::move(subject_id));
  Entry e;
  e.address = req.remote_addr;
  e.action = std::move(action);
  e.subject_type = std::move(subject_type);
  e.subject_id = std::move(subject_id);
  return e;
}

void record(db::Connection& c, const Entry& e) {
  // Writers must append one at a time so each links to the true last row. SQLite's
  // BEGIN IMMEDIATE already serialises writers; PostgreSQL needs the lock.
  if (c.dialect() == db::Dialect::postgres) c.exec("SELECT pg_advisory_xact_lock($1)", {kAuditLockKey});
  auto last = c.exec("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
  std::string prev = last.empty() ? kGenesis : last.one().text(0);
  std::string at = db::now_iso();
  std::string before = json_or_empty(e.before), after = json_or_empty(e.after);
  std::string hash = auth::sha256_hex(canonical(prev, e.committee_id, e.actor_user_id, e.actor_name, e.role, e.address,
                                                at, e.action, e.subject_type, e.subject_id, before, after));
  c.exec(
      "INSERT INTO audit_log (committee_id, actor_user_id, actor_name, role, address, at, action, subject_type, "
      "subject_id, before_json, after_json, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
      {e.committee_id ? db::Value(e.committee_id) : db::Value(nullptr),
       e.actor_user_id ? db::Value(e.actor_user_id) : db::Value(nullptr), e.actor_name, e.role, e.address, at, e.action,
       e.subject_type, e.subject_id, before.empty() ? db::Value(nullptr) : db::Value(before),
       after.empty() ? db::Value(nullptr) : db::Value(after), prev, hash});
}

VerifyResult verify(db::Connection& c) {
  VerifyResult out;
  std::string prev = kGenesis;
  int64_t last_id = 0;
  constexpr int64_t kBatch = 5000;
  for (;;) {
    auto rows = c.exec(
        "SELECT id, committee_id, actor_user_id, actor_name, role, address, at, action, subject_type, subject_id, "
        "before_json, after_json, prev_hash, hash FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
        {last_id, kBatch});
    if (rows.empty()) break;
    for (const auto& r : rows.rows) {
      out.checked++;
      std::string expect = auth::sha256_hex(
          canonical(prev, r.opt_int("committee_id").value_or(0), r.opt_int("actor_user_id").value_or(0),
                    r.text("actor_name"), r.text("role"), r.text("address"), r.text("at"), r.text("action"),
                    r.text("subject_type"), r.text("subject_id"), r.text("before_json"), r.text("after_json")));
      if (r.text("prev_hash") != prev || r.text("hash") != expect) {
        out.first_broken_id = r.integer("id");
        return out;
      }
      prev = r.text("hash");
      last_id = r.integer("id");
    }
  }
  return out;
}

}  // namespace sl::audit
