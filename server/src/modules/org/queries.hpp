#pragma once
// The fixed SQL statements of the org module, named and kept together, grouped by table.
// Statements assembled at run time (list filters and scopes, link tables named by the caller,
// the columns of a grant, `IN (` lists) are built where they are assembled; the fixed prefix they
// start with is named here (…Where, …In: the caller appends the rest, closing what the prefix opens).

namespace sl::org::sql {

// ---------- committees and sessions ----------

inline constexpr const char* kCommitteeLevel = "SELECT level FROM committees WHERE id = $1";
/// Session $2 becomes the only current one of committee $1.
inline constexpr const char* kUnsetOtherCurrentSessions =
    "UPDATE sessions SET is_current = 0 WHERE committee_id = $1 AND id <> $2";

// ---------- special_committee_units ----------

/// The units special committee $1 corresponds with, in unit order.
inline constexpr const char* kSpecialCommitteeUnits =
    "SELECT u.id, u.name FROM special_committee_units l JOIN units u ON u.id = l.unit_id WHERE "
    "l.special_committee_id = $1 ORDER BY u.sort, u.id";

// ---------- members ----------

/// The sector and party names of the members whose ids are appended (then ")").
inline constexpr const char* kMemberGroupNamesIn =
    "SELECT m.id, s.name, p.name FROM members m JOIN sectors s ON s.id = m.sector_id LEFT JOIN parties p ON p.id = "
    "m.party_id WHERE m.id IN (";
/// The special committees of the members whose ids are appended (then kMemberSpecialCommitteesOrder).
inline constexpr const char* kMemberSpecialCommitteesIn =
    "SELECT member_id, special_committee_id FROM member_special_committees WHERE member_id IN (";
inline constexpr const char* kMemberSpecialCommitteesOrder = ") ORDER BY member_id, special_committee_id";
inline constexpr const char* kSelectMember = "SELECT name, mobile, user_id FROM members WHERE id = $1";
/// The member record of user $1 in committee $2.
inline constexpr const char* kMemberOfUser = "SELECT * FROM members WHERE user_id = $1 AND committee_id = $2";
/// Whether member $1 has no account linked yet.
inline constexpr const char* kIsUnlinkedMember = "SELECT 1 FROM members WHERE id = $1 AND user_id IS NULL";
/// Member $2 signs in with account $1.
inline constexpr const char* kLinkMember = "UPDATE members SET user_id = $1, pending_user_id = NULL WHERE id = $2";
/// Member $2 waits for the holder of account $1 to accept the link.
inline constexpr const char* kRequestLink = "UPDATE members SET pending_user_id = $1 WHERE id = $2";
/// Member $1's link request no longer applies.
inline constexpr const char* kDropLinkRequest = "UPDATE members SET pending_user_id = NULL WHERE id = $1";
/// The link requests waiting for user $1, with committee and sector names.
inline constexpr const char* kSelectPendingLinks =
    "SELECT m.id, m.committee_id, c.name AS committee_name, m.name, s.name AS sector_name, m.created_at FROM members "
    "m JOIN committees c ON c.id = m.committee_id JOIN sectors s ON s.id = m.sector_id WHERE m.pending_user_id = $1 "
    "ORDER BY m.id";
/// Member $1's link request to user $2, if it still waits.
inline constexpr const char* kSelectPendingLink =
    "SELECT committee_id, name, mobile FROM members WHERE id = $1 AND pending_user_id = $2 AND user_id IS NULL";
/// User $1 accepts at $2 the link of member $3.
inline constexpr const char* kAcceptLink =
    "UPDATE members SET user_id = $1, pending_user_id = NULL, updated_at = $2 WHERE id = $3";
/// At $1 the link request of member $2 is declined.
inline constexpr const char* kDeclineLink = "UPDATE members SET pending_user_id = NULL, updated_at = $1 WHERE id = $2";
/// The member records of user $3 take mobile $1 at $2.
inline constexpr const char* kSetMembersMobile = "UPDATE members SET mobile = $1, updated_at = $2 WHERE user_id = $3";
/// The number of members (alias m) matching the appended condition.
inline constexpr const char* kCountMembersWhere = "SELECT COUNT(*) FROM members m WHERE ";
/// The directory's names, sectors, employers and mobiles of the members (alias m) matching the
/// appended condition, order and page (the route shows only a mobile's last four digits).
inline constexpr const char* kMemberDirectoryWhere =
    "SELECT m.id, m.name, s.name AS sector_name, m.employer, m.mobile FROM members m JOIN sectors s ON s.id = "
    "m.sector_id WHERE ";

// ---------- users ----------

inline constexpr const char* kSelectUserByMobile = "SELECT id FROM users WHERE mobile = $1";
/// Whether mobile $1 signs in to an account other than $2.
inline constexpr const char* kMobileOfOtherUser = "SELECT 1 FROM users WHERE mobile = $1 AND id <> $2";
inline constexpr const char* kUserMobile = "SELECT mobile FROM users WHERE id = $1";
/// User $3 signs in with mobile $1 from $2 on.
inline constexpr const char* kSetUserMobile = "UPDATE users SET mobile = $1, updated_at = $2 WHERE id = $3";
/// A member's account: mobile $1, name $2, password hash $3, to be changed at first login.
inline constexpr const char* kInsertMemberUser =
    "INSERT INTO users (mobile, name, password_hash, must_change_password) VALUES ($1, $2, $3, 1) RETURNING id";
/// User $3 takes name $1 at $2 (from their member record).
inline constexpr const char* kSyncName = "UPDATE users SET name = $1, updated_at = $2 WHERE id = $3";
/// Staff set initial password hash $1 of user $2, to be changed at first login.
inline constexpr const char* kSetInitialPassword =
    "UPDATE users SET password_hash = $1, must_change_password = 1 WHERE id = $2";

// ---------- auth_sessions ----------

inline constexpr const char* kEndUserSessions = "DELETE FROM auth_sessions WHERE user_id = $1";

// ---------- role_grants ----------

/// The grants of user $1 in committee $2, in order.
inline constexpr const char* kGrantsOfUser =
    "SELECT id, committee_id, role, unit_id, special_committee_id, party_id, sector_id FROM role_grants WHERE "
    "user_id = $1 AND committee_id = $2 ORDER BY id";
/// The role of grant $1, if it is user $2's in committee $3.
inline constexpr const char* kGrantRole =
    "SELECT role FROM role_grants WHERE id = $1 AND user_id = $2 AND committee_id = $3";
inline constexpr const char* kCountAdmins =
    "SELECT COUNT(*) FROM role_grants WHERE committee_id = $1 AND role = 'admin'";
inline constexpr const char* kDeleteGrant = "DELETE FROM role_grants WHERE id = $1";
/// User $1 administers committee $2.
inline constexpr const char* kGrantAdmin =
    "INSERT INTO role_grants (user_id, committee_id, role) VALUES ($1, $2, 'admin')";
/// Whether user $1 is a member of committee $2.
inline constexpr const char* kHasMemberGrant =
    "SELECT 1 FROM role_grants WHERE user_id = $1 AND committee_id = $2 AND role = 'member'";
inline constexpr const char* kInsertMemberGrant =
    "INSERT INTO role_grants (user_id, committee_id, role) VALUES ($1, $2, 'member')";
/// The number of user $2's grants outside committee $1's subtree (the committee and every one below).
inline constexpr const char* kGrantsOutsideSubtree =
    "WITH RECURSIVE sub(id) AS (SELECT CAST($1 AS BIGINT) UNION SELECT c.id FROM committees c JOIN sub ON "
    "c.parent_id = sub.id) SELECT COUNT(*) FROM role_grants WHERE user_id = $2 AND committee_id NOT IN (SELECT id "
    "FROM sub)";

// ---------- imports: one savepoint per row ----------

inline constexpr const char* kSavepointRow = "SAVEPOINT import_row";
inline constexpr const char* kReleaseRow = "RELEASE SAVEPOINT import_row";
inline constexpr const char* kRollbackRow = "ROLLBACK TO SAVEPOINT import_row";

}  // namespace sl::org::sql
