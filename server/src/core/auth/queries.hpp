#pragma once
// The platform's own statements that several modules share: the committee a user's session
// starts in and a committee's name. Modules keep their other statements in their own queries.hpp.

namespace sl::platform_sql {

/// The committee a session of user $1 starts in: that of their first role grant.
inline constexpr const char* kHomeCommittee =
    "SELECT committee_id FROM role_grants WHERE user_id = $1 ORDER BY id LIMIT 1";
/// The name of committee $1.
inline constexpr const char* kCommitteeName = "SELECT name FROM committees WHERE id = $1";

}  // namespace sl::platform_sql
