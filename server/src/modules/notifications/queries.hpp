#pragma once
// The fixed SQL statements of the notifications module, named and kept together, grouped by
// table. Statements assembled at run time (the centre's list filter, the unit people of an
// assignment filter) are built where they are assembled; the fixed prefix they start with is
// named here (…Where: the caller appends the condition).

namespace sl::notifications::sql {

// ---------- notifications ----------

/// Whether user $1 was already told notice $2 (a dedupe key).
inline constexpr const char* kNoticeSent = "SELECT 1 FROM notifications WHERE user_id = $1 AND dedupe_key = $2";
/// A notice in committee $1 to user $2: kind $3, title $4, body $5, proposal $6, dedupe key $7, at $8,
/// link $9 (the web page it opens, when not the proposal's).
inline constexpr const char* kInsertNotice =
    "INSERT INTO notifications (committee_id, user_id, kind, title, body, proposal_id, dedupe_key, created_at, link) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
/// The number of notices matching the appended condition.
inline constexpr const char* kCountNoticesWhere = "SELECT COUNT(*) FROM notifications WHERE ";
/// The notices matching the appended condition, order and page.
inline constexpr const char* kNoticesWhere = "SELECT * FROM notifications WHERE ";
/// User $1's unread notices in committee $2.
inline constexpr const char* kCountUnread =
    "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND committee_id = $2 AND read_at IS NULL";
/// At $1 user $3 reads notice $2 (if unread).
inline constexpr const char* kMarkRead =
    "UPDATE notifications SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL";
/// Whether notice $1 is user $2's.
inline constexpr const char* kIsOwnNotice = "SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2";
/// At $1 user $2 reads every notice of committee $3.
inline constexpr const char* kMarkAllRead =
    "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND committee_id = $3 AND read_at IS NULL";

// ---------- users ----------

/// The mobile of user $1, if any (for SMS notices).
inline constexpr const char* kUserMobile = "SELECT mobile FROM users WHERE id = $1 AND mobile IS NOT NULL";

// ---------- proposals and their people: who a notice goes to ----------

/// What a notice names of proposal $1.
inline constexpr const char* kProposalForNotice = "SELECT title, number_label, due_at FROM proposals WHERE id = $1";
inline constexpr const char* kProposer = "SELECT proposer_user_id FROM proposals WHERE id = $1";
/// The co-signers of proposal $1 that did not decline.
inline constexpr const char* kCosigningUsers =
    "SELECT user_id FROM proposal_cosigners WHERE proposal_id = $1 AND status <> 'declined'";
/// Everyone invited to co-sign proposal $1.
inline constexpr const char* kInvitedCosigners = "SELECT user_id FROM proposal_cosigners WHERE proposal_id = $1";
/// The people of the units assigned proposal $1 (alias a the assignment, g the grant): append the
/// roles (`g.role IN (…)`) and the assignments' condition.
inline constexpr const char* kUnitPeopleWhere =
    "SELECT DISTINCT g.user_id FROM role_grants g JOIN proposal_assignments a ON a.unit_id = g.unit_id WHERE "
    "a.proposal_id = $1 AND ";

}  // namespace sl::notifications::sql
