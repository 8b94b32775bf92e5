#include "modules/notifications/notify.hpp"

#include <spdlog/spdlog.h>

#include "core/auth/sms.hpp"

namespace sl {

bool notify(App& app, db::Connection& c, int64_t user_id, const Notice& n) {
  if (!n.dedupe_key.empty() &&
      !c.exec("SELECT 1 FROM notifications WHERE user_id = $1 AND dedupe_key = $2", {user_id, n.dedupe_key}).empty())
    return false;
  c.exec(
      "INSERT INTO notifications (committee_id, user_id, kind, title, body, proposal_id, dedupe_key, created_at) "
      "VALUES "
      "($1, $2, $3, $4, $5, $6, $7, $8)",
      {n.committee_id, user_id, n.kind, n.title, n.body, n.proposal_id ? db::Value(n.proposal_id) : db::Value(nullptr),
       n.dedupe_key.empty() ? db::Value(nullptr) : db::Value(n.dedupe_key), db::now_iso()});
  if (n.sms) {
    auto m = c.exec("SELECT mobile FROM users WHERE id = $1 AND mobile IS NOT NULL", {user_id});
    if (!m.empty()) {
      try {
        app.sms().send(m.one().text(0), "【商量】" + n.title);
      } catch (const std::exception& e) {
        spdlog::warn("sms to user {} failed: {}", user_id, e.what());
      }
    }
  }
  return true;
}

}  // namespace sl
