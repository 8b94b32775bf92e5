#include "modules/notifications/notify.hpp"

#include <spdlog/spdlog.h>

#include "core/auth/sms.hpp"
#include "modules/notifications/queries.hpp"

namespace sl {

bool notify(App& app, db::Connection& c, int64_t user_id, const Notice& n) {
  if (!n.dedupe_key.empty() && !c.exec(notifications::sql::kNoticeSent, {user_id, n.dedupe_key}).empty()) return false;
  c.exec(notifications::sql::kInsertNotice, {n.committee_id, user_id, n.kind, n.title, n.body,
                                             n.proposal_id ? db::Value(n.proposal_id) : db::Value(nullptr),
                                             n.dedupe_key.empty() ? db::Value(nullptr) : db::Value(n.dedupe_key),
                                             db::now_iso(), n.link.empty() ? db::Value(nullptr) : db::Value(n.link)});
  if (n.sms) {
    auto m = c.exec(notifications::sql::kUserMobile, {user_id});
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
