#pragma once
// SMS verification codes: 6 digits, 5-minute life, one send per 60 s per phone, 5 tries.

#include <string>

#include "core/api/validation.hpp"
#include "core/app.hpp"

namespace sl::auth_module {

inline constexpr int kSmsResendSeconds = 60;

/// Whether a new code goes out. `withhold` records it (so the resend limit and every answer are
/// the same) without sending: used for numbers that have no account.
enum class Delivery {
  send,
  withhold,
};

/// Records a new code for `purpose` to `phone` and, for `Delivery::send`, sends it through the
/// gateway; 429 when one was recorded less than a minute ago.
void send_sms_code(App& app, db::Connection& c, const std::string& phone, const std::string& purpose,
                   Delivery delivery = Delivery::send);

/// Checks `code` against the newest unused code for `phone` and `purpose` and consumes it;
/// 400 with a clear message when wrong, expired or tried too often. Each try is counted
/// atomically before the comparison.
void verify_sms_code(db::Connection& c, const std::string& phone, const std::string& purpose, const std::string& code);

/// A request that proves a mobile by SMS code: reads the mobile `field` and "code" from `v`,
/// finishes `v` (so read the request's other fields first), and checks the code for `purpose`
/// as verify_sms_code does; returns the mobile.
std::string verified_mobile(db::Connection& c, api::Validator& v, const std::string& field, const std::string& purpose);

}  // namespace sl::auth_module
