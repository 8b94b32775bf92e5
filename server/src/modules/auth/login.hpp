#pragma once
// Password login with its defences: after `captcha_after_failures` failures for an account or
// from an address a captcha is required; after `lock_after_failures` for an account it is
// locked for `lock_minutes`. Counters live in the database so every node sees them, and are
// written outside any transaction so a failed attempt still counts. Each attempt is counted by
// one atomic UPDATE before the password is checked, so parallel guesses cannot pass the limits
// together. An unknown login answers exactly like a known one with a wrong password (same
// counters, captcha, lock and a dummy hash check of the same cost). Failures are audited as
// `auth.login_failed` (the login tried and the address; never the password); a success is audited
// as `auth.login` where its session starts (auth_module.cpp), as is a login by SMS code.

#include <string>

#include "core/app.hpp"

namespace sl::auth_module {

/// Returns the user id when `login` (mobile or username) and `password` match; otherwise throws
/// 401 unauthorized, 400 captcha_required / captcha_invalid, or 423 account_locked.
int64_t check_password_login(App& app, db::Connection& c, const std::string& address, const std::string& login,
                             const std::string& password, const std::string& captcha_id,
                             const std::string& captcha_answer);

/// Throws 423 account_locked when `locked_until` (ISO text, may be empty) is in the future.
void ensure_not_locked(const std::string& locked_until);

}  // namespace sl::auth_module
