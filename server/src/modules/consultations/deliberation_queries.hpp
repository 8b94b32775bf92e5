#pragma once
// The online deliberation's fixed SQL statements (deliberation.cpp), grouped by table.

namespace sl::consultations::sql {

// ---- consultation_deliberations ----
inline constexpr const char* kDeliberationColumns =
    "d.id, d.committee_id, d.topic_id, d.prompt, d.opens_at, d.closes_at, d.state, d.closed_at, d.version, "
    "d.created_by, d.created_at, d.updated_at, t.title AS topic_title";
inline constexpr const char* kDeliberation =
    "SELECT d.id, d.committee_id, d.topic_id, d.prompt, d.opens_at, d.closes_at, d.state, d.closed_at, d.version, "
    "d.created_by, d.created_at, d.updated_at, t.title AS topic_title FROM consultation_deliberations d "
    "JOIN consultation_topics t ON t.id = d.topic_id WHERE d.id = $1";
inline constexpr const char* kDeliberationOfTopic =
    "SELECT d.id, d.committee_id, d.topic_id, d.prompt, d.opens_at, d.closes_at, d.state, d.closed_at, d.version, "
    "d.created_by, d.created_at, d.updated_at, t.title AS topic_title FROM consultation_deliberations d "
    "JOIN consultation_topics t ON t.id = d.topic_id WHERE d.topic_id = $1";
/// Opens the window of topic $2 in committee $1: $3 prompt, $4 opens_at, $5 closes_at, $6 by, $7 now.
inline constexpr const char* kInsertDeliberation =
    "INSERT INTO consultation_deliberations (committee_id, topic_id, prompt, opens_at, closes_at, created_by, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
/// Window $1 at version $2: $3 prompt, $4 opens_at, $5 closes_at, $6 state, $7 closed_at, $8 now.
inline constexpr const char* kUpdateDeliberation =
    "UPDATE consultation_deliberations SET prompt = $3, opens_at = $4, closes_at = $5, state = $6, closed_at = $7, "
    "version = version + 1, updated_at = $8 WHERE id = $1 AND version = $2";
inline constexpr const char* kTouchDeliberation =
    "UPDATE consultation_deliberations SET version = version + 1, updated_at = $2 WHERE id = $1";
/// The windows user $1 is invited to in committee $2 that have not closed at $3, with their topic.
inline constexpr const char* kDeliberationsOfInvitee =
    "SELECT d.id, d.topic_id, d.prompt, d.opens_at, d.closes_at, d.state, t.title AS topic_title, t.form, "
    "(SELECT COUNT(*) FROM consultation_deliberation_opinions o WHERE o.deliberation_id = d.id AND o.author_id = $1) "
    "AS mine FROM consultation_deliberations d JOIN consultation_topics t ON t.id = d.topic_id "
    "JOIN consultation_deliberation_invitees i ON i.deliberation_id = d.id AND i.user_id = $1 "
    "WHERE d.committee_id = $2 AND d.state = 'open' AND d.closes_at > $3 ORDER BY d.closes_at, d.id";

// ---- consultation_deliberation_invitees ----
inline constexpr const char* kIsDeliberationInvitee =
    "SELECT 1 FROM consultation_deliberation_invitees WHERE deliberation_id = $1 AND user_id = $2";
inline constexpr const char* kInsertDeliberationInvitee =
    "INSERT INTO consultation_deliberation_invitees (deliberation_id, user_id, invited_by, invited_at) "
    "VALUES ($1, $2, $3, $4)";
/// The invitees of window $1 with their name (a member's record name first) and how many opinions.
inline constexpr const char* kDeliberationInvitees =
    "SELECT i.user_id, COALESCE((SELECT m.name FROM members m WHERE m.user_id = i.user_id AND m.committee_id = "
    "d.committee_id ORDER BY m.id LIMIT 1), u.name) AS name, "
    "(SELECT COUNT(*) FROM consultation_deliberation_opinions o WHERE o.deliberation_id = i.deliberation_id AND "
    "o.author_id = i.user_id) AS opinions FROM consultation_deliberation_invitees i "
    "JOIN consultation_deliberations d ON d.id = i.deliberation_id JOIN users u ON u.id = i.user_id "
    "WHERE i.deliberation_id = $1 ORDER BY i.id";
inline constexpr const char* kCountDeliberationInvitees =
    "SELECT COUNT(*) FROM consultation_deliberation_invitees WHERE deliberation_id = $1";

// ---- whom an invitation resolves to ----
/// Whether user $1 holds a role in committee $2.
inline constexpr const char* kDeliberationUserInCommittee =
    "SELECT 1 FROM role_grants WHERE user_id = $1 AND committee_id = $2";
/// The active members of committee $1 with an account: append the condition (alias mem).
inline constexpr const char* kDeliberationMembersWhere =
    "SELECT DISTINCT mem.user_id FROM members mem WHERE mem.committee_id = $1 AND mem.status = 'active' AND "
    "mem.user_id IS NOT NULL AND ";
inline constexpr const char* kSectorInCommittee = "SELECT 1 FROM sectors WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kPartyInCommittee = "SELECT 1 FROM parties WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kSpecialCommitteeInCommittee =
    "SELECT 1 FROM special_committees WHERE id = $1 AND committee_id = $2";

// ---- consultation_deliberation_opinions ----
inline constexpr const char* kOpinionColumns =
    "o.id, o.committee_id, o.deliberation_id, o.author_id, o.author_name, o.body, o.state, o.moderated_by_name, "
    "o.moderated_at, o.moderation_reason, o.selected, o.selected_at, o.created_at, o.updated_at, "
    "(SELECT su.name FROM users su WHERE su.id = o.selected_by) AS selected_by_name";
inline constexpr const char* kOpinion =
    "SELECT o.id, o.committee_id, o.deliberation_id, o.author_id, o.author_name, o.body, o.state, "
    "o.moderated_by_name, o.moderated_at, o.moderation_reason, o.selected, o.selected_at, o.created_at, "
    "o.updated_at, (SELECT su.name FROM users su WHERE su.id = o.selected_by) AS selected_by_name "
    "FROM consultation_deliberation_opinions o WHERE o.id = $1";
inline constexpr const char* kOpinionsOfDeliberation =
    "SELECT o.id, o.committee_id, o.deliberation_id, o.author_id, o.author_name, o.body, o.state, "
    "o.moderated_by_name, o.moderated_at, o.moderation_reason, o.selected, o.selected_at, o.created_at, "
    "o.updated_at, (SELECT su.name FROM users su WHERE su.id = o.selected_by) AS selected_by_name "
    "FROM consultation_deliberation_opinions o WHERE o.deliberation_id = $1 ORDER BY o.id";
/// Counts of window $1 by state, and how many are selected.
inline constexpr const char* kOpinionCounts =
    "SELECT state, COUNT(*), SUM(selected) FROM consultation_deliberation_opinions WHERE deliberation_id = $1 "
    "GROUP BY state";
inline constexpr const char* kCountOpinionsOfAuthor =
    "SELECT COUNT(*) FROM consultation_deliberation_opinions WHERE deliberation_id = $1 AND author_id = $2";
/// A new opinion: $1 committee, $2 window, $3 author, $4 author's name, $5 body, $6 now.
inline constexpr const char* kInsertOpinion =
    "INSERT INTO consultation_deliberation_opinions (committee_id, deliberation_id, author_id, author_name, body, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
inline constexpr const char* kUpdateOpinionBody =
    "UPDATE consultation_deliberation_opinions SET body = $2, updated_at = $3 WHERE id = $1 AND state = 'pending'";
inline constexpr const char* kDeleteOpinion =
    "DELETE FROM consultation_deliberation_opinions WHERE id = $1 AND state = 'pending'";
/// Opinion $1 to state $2 by $3 ($4 name) at $5 with reason $6; hiding it also unselects it ($7 selected).
inline constexpr const char* kModerateOpinion =
    "UPDATE consultation_deliberation_opinions SET state = $2, moderated_by = $3, moderated_by_name = $4, "
    "moderated_at = $5, moderation_reason = $6, selected = $7, updated_at = $5 WHERE id = $1";
/// Opinion $1 selected ($2 1 or 0) by $3 at $4 (both null when unselected).
inline constexpr const char* kSelectOpinion =
    "UPDATE consultation_deliberation_opinions SET selected = $2, selected_by = $3, selected_at = $4 WHERE id = $1";
/// The member name of user $1 in committee $2 (their account's name otherwise).
inline constexpr const char* kAuthorName =
    "SELECT COALESCE((SELECT m.name FROM members m WHERE m.user_id = u.id AND m.committee_id = $2 ORDER BY m.id "
    "LIMIT 1), u.name) FROM users u WHERE u.id = $1";

}  // namespace sl::consultations::sql
