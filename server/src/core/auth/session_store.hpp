#pragma once
// Sessions live in the database (table auth_sessions) so several server nodes share them. The
// cookie carries a random token; the table keeps only its SHA-256.

#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace sl::auth {

inline constexpr const char* kSessionCookie = "sl_session";

struct NewSession {
  std::string token;  // for the cookie
  std::string csrf_token;
};

/// Starts a session for `user_id` acting in `committee_id` (0: the first committee they hold a grant in).
NewSession create_session(db::Connection& c, int64_t user_id, int64_t committee_id, const std::string& address);

/// Loads the principal for cookie `token`; nullopt when unknown, idle longer than
/// `idle_timeout_seconds` or begun more than `absolute_timeout_seconds` ago (the stale row is
/// removed). Refreshes the last-seen time.
std::optional<Principal> load_session(db::Connection& c, const std::string& token, int idle_timeout_seconds,
                                      int absolute_timeout_seconds);

/// Loads the role grants of `user_id` in every committee.
std::vector<Grant> load_grants(db::Connection& c, int64_t user_id);

/// Ends the session whose token hashes to `token_hash`.
void destroy_session(db::Connection& c, const std::string& token_hash);
/// Ends every session of `user_id` except `keep_token_hash`.
void destroy_user_sessions(db::Connection& c, int64_t user_id, const std::string& keep_token_hash = "");

/// The Set-Cookie value for `token` (empty token: expire the cookie).
std::string session_cookie(const std::string& token, bool secure);

}  // namespace sl::auth
