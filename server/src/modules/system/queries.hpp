#pragma once
// The fixed SQL statements of the system module, named and kept together.

namespace sl::system_module::sql {

/// The health check's round trip to the database.
inline constexpr const char* kPing = "SELECT 1";
/// Test route only: the answer of captcha $1.
inline constexpr const char* kCaptchaAnswer = "SELECT answer FROM captchas WHERE id = $1";

}  // namespace sl::system_module::sql
