#pragma once
// SMS verification codes: 6 digits, 5-minute life, one send per 60 s per phone, 5 tries.

#include <string>

#include "core/app.hpp"

namespace sl::auth_module {

inline constexpr int kSmsResendSeconds = 60;

/// Sends a new code for `purpose` to `phone` through the gateway; 429 when one was sent less
/// than a minute ago.
void send_sms_code(App& app, db::Connection& c, const std::string& phone, const std::string& purpose);

/// Checks `code` against the newest unused code for `phone` and `purpose` and consumes it;
/// 400 with a clear message when wrong, expired or tried too often.
void verify_sms_code(db::Connection& c, const std::string& phone, const std::string& purpose, const std::string& code);

}  // namespace sl::auth_module
