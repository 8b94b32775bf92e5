#pragma once
// Writing one notice to one user (in-app, and by SMS when it concerns a deadline). Shared by the
// event subscriber and the deadline scheduler.

#include <string>

#include "core/app.hpp"

namespace sl {

struct Notice {
  int64_t committee_id = 0;
  std::string kind;
  std::string title;
  std::string body;
  int64_t proposal_id = 0;
  std::string dedupe_key;  // when set, a user gets a notice with this key at most once
  bool sms = false;
  std::string link;  // the web page the notice opens ("/meetings/12"), when not a proposal's
};

/// Stores `n` for `user_id` (skipped when its dedupe key was already sent to them) and sends
/// the SMS when asked and the user has a mobile. Returns true when stored.
bool notify(App& app, db::Connection& c, int64_t user_id, const Notice& n);

}  // namespace sl
