#pragma once
// The fixed SQL statements of the auth module, named and kept together, grouped by table.
// The home committee and a committee's name are the platform's (core/auth/queries.hpp).

namespace sl::auth_module::sql {

// ---------- users: accounts, passwords and the attempt counter of active accounts ----------

/// The user view's identity of user $1.
inline constexpr const char* kUserIdentity =
    "SELECT id, name, username, mobile, must_change_password FROM users WHERE id = $1";
/// The account a password login $1 (mobile or username) names, with its counter.
inline constexpr const char* kUserForLogin =
    "SELECT id, password_hash, failed_logins, locked_until, status FROM users WHERE (mobile = $1 OR username = $1)";
/// The active account that signs in with mobile $1, with its lock.
inline constexpr const char* kActiveUserByMobile =
    "SELECT id, locked_until FROM users WHERE mobile = $1 AND status = 'active'";
inline constexpr const char* kPasswordHash = "SELECT password_hash FROM users WHERE id = $1";
/// A password login of user $2 succeeded at $1: the counter and any lock are cleared.
inline constexpr const char* kPasswordLoginSucceeded =
    "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $1 WHERE id = $2";
/// An SMS-code login of user $2 succeeded at $1 (a running lock stays: it was checked before).
inline constexpr const char* kSmsLoginSucceeded =
    "UPDATE users SET failed_logins = 0, last_login_at = $1 WHERE id = $2";
/// User $3 sets their own password: hash $1 at $2.
inline constexpr const char* kChangePassword =
    "UPDATE users SET password_hash = $1, must_change_password = 0, updated_at = $2 WHERE id = $3";
/// Password reset by SMS code: hash $1 at $2 for user $3, counter and lock cleared.
inline constexpr const char* kResetPassword =
    "UPDATE users SET password_hash = $1, must_change_password = 0, failed_logins = 0, locked_until = NULL, "
    "updated_at = $2 WHERE id = $3";
/// Counts an attempt on account $1 at time $2 (a lock that ran out starts the count again);
/// returns the attempt's number and the lock.
inline constexpr const char* kReserveAccount =
    "UPDATE users SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 "
    "ELSE failed_logins + 1 END, locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN NULL "
    "ELSE locked_until END WHERE id = $1 RETURNING failed_logins, locked_until";
/// Takes back an attempt counted on account $1 that was never checked.
inline constexpr const char* kUndoAccount =
    "UPDATE users SET failed_logins = failed_logins - 1 WHERE id = $1 AND failed_logins > 0";
/// Locks account $1 until $2, unless a lock runs past $3 (now) already; returns the lock's end.
inline constexpr const char* kLockAccount =
    "UPDATE users SET locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until > $3 THEN locked_until "
    "ELSE $2 END WHERE id = $1 RETURNING locked_until";

// ---------- login_failures: failures per address, and per unknown or disabled login ----------

/// Failures from address $1 since $2.
inline constexpr const char* kAddressFailures =
    "SELECT failures FROM login_failures WHERE address = $1 AND last_failed_at > $2";
/// Counts a failure from address $1 at $2 (failures older than $3 are forgotten); returns the count.
inline constexpr const char* kCountAddressFailure =
    "INSERT INTO login_failures (address, failures, last_failed_at) VALUES ($1, 1, $2) "
    "ON CONFLICT (address) DO UPDATE SET failures = CASE WHEN login_failures.last_failed_at <= $3 THEN 1 "
    "ELSE login_failures.failures + 1 END, last_failed_at = $2 RETURNING failures";
inline constexpr const char* kForgetAddressFailures = "DELETE FROM login_failures WHERE address = $1";
/// The counter of key $1 (an unknown login's hash).
inline constexpr const char* kLoginFailures = "SELECT failures, last_failed_at FROM login_failures WHERE address = $1";
/// Counts an attempt on key $1 at $2, locked from $3 failures on; returns the count and the lock's end.
inline constexpr const char* kReserveUnknown =
    "INSERT INTO login_failures (address, failures, last_failed_at) VALUES ($1, 1, $2) "
    "ON CONFLICT (address) DO UPDATE SET failures = CASE WHEN login_failures.failures >= $3 AND "
    "login_failures.last_failed_at <= $2 THEN 1 ELSE login_failures.failures + 1 END, "
    "last_failed_at = CASE WHEN login_failures.failures >= $3 AND login_failures.last_failed_at > $2 "
    "THEN login_failures.last_failed_at ELSE $2 END RETURNING failures, last_failed_at";
/// Takes back an attempt counted on key $1 that was never checked.
inline constexpr const char* kUndoUnknown =
    "UPDATE login_failures SET failures = failures - 1 WHERE address = $1 AND failures > 0";
/// Locks key $1 until $2, unless a lock ($4 failures) runs past $3 (now) already; returns its end.
inline constexpr const char* kLockUnknown =
    "UPDATE login_failures SET last_failed_at = CASE WHEN failures >= $4 AND last_failed_at > $3 THEN last_failed_at "
    "ELSE $2 END WHERE address = $1 RETURNING last_failed_at";

// ---------- auth_sessions ----------

/// The session with token hash $2 enters committee $1.
inline constexpr const char* kEnterCommittee = "UPDATE auth_sessions SET committee_id = $1 WHERE token_hash = $2";

// ---------- role_grants and committees ----------

/// The committee of user $1's first grant: where their logins are audited.

// ---------- captchas ----------

/// Drops the captchas that expired before $1.
inline constexpr const char* kDeleteExpiredCaptchas = "DELETE FROM captchas WHERE expires_at < $1";
inline constexpr const char* kInsertCaptcha = "INSERT INTO captchas (id, answer, expires_at) VALUES ($1, $2, $3)";
/// Uses up captcha $1 if unused and still valid at $2; returns its answer.
inline constexpr const char* kConsumeCaptcha =
    "UPDATE captchas SET used = 1 WHERE id = $1 AND used = 0 AND expires_at > $2 RETURNING answer";

// ---------- sms_codes ----------

/// Codes recorded for phone $1 since $2 (the resend limit).
inline constexpr const char* kRecentSmsCodes = "SELECT COUNT(*) FROM sms_codes WHERE phone = $1 AND created_at > $2";
/// A code for phone $1 and purpose $2: its hash $3, recorded at $4, valid until $5.
inline constexpr const char* kInsertSmsCode =
    "INSERT INTO sms_codes (phone, purpose, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
/// The newest unused code for phone $1 and purpose $2.
inline constexpr const char* kLatestSmsCode =
    "SELECT id, expires_at FROM sms_codes WHERE phone = $1 AND purpose = $2 AND used = 0 ORDER BY id DESC LIMIT 1";
/// Counts a try on unused code $1; returns the tries so far and the code's hash.
inline constexpr const char* kCountSmsTry =
    "UPDATE sms_codes SET tries = tries + 1 WHERE id = $1 AND used = 0 RETURNING tries, code_hash";
/// Uses up code $1 (no row when a parallel request did first).
inline constexpr const char* kUseSmsCode = "UPDATE sms_codes SET used = 1 WHERE id = $1 AND used = 0 RETURNING id";

}  // namespace sl::auth_module::sql
