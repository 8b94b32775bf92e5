#pragma once
// The rotating sign-in code of a meeting (签到码): "<meeting id>.<window>.<10 hex>", the hex being
// the first ten of HMAC-SHA256(meeting secret, "<meeting id>.<window>"), the window the
// 30-second slice of time it was issued in. The code names its meeting, so a code of another
// meeting is told apart from a stale or forged one; the current and the previous window are
// accepted (a phone that scanned just before the code turned still signs in). Pure functions:
// unit-tested in server/tests/meetings_sign_in_test.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sl::meetings {

/// The length of a window, in seconds.
inline constexpr int64_t kWindowSeconds = 30;
/// Codes are shown and accepted from this long before a meeting starts until it ends.
inline constexpr int64_t kOpensBeforeSeconds = 60 * 60;

/// The window of epoch second `now`.
int64_t window_of(int64_t now);
/// The code of meeting `meeting_id` with `secret` for `window`.
std::string sign_in_token(std::string_view secret, int64_t meeting_id, int64_t window);

/// What a presented code is, checked against meeting `meeting_id` at `now`.
enum class TokenCheck {
  valid,          // this meeting's, of the current or the previous window
  other_meeting,  // well-formed, but it names another meeting
  expired,        // this meeting's, of an older (or a future) window
  malformed,      // not a code of this shape, or its hex does not match
};
TokenCheck check_sign_in_token(std::string_view token, std::string_view secret, int64_t meeting_id, int64_t now);

/// The meeting a well-formed code names, or nullopt.
std::optional<int64_t> token_meeting(std::string_view token);

}  // namespace sl::meetings
