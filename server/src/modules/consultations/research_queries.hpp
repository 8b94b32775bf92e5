#pragma once
// The research activities' fixed SQL statements (research.cpp), grouped by table.

namespace sl::consultations::sql {

// ---- consultation_research ----
inline constexpr const char* kInsertResearch =
    "INSERT INTO consultation_research (committee_id, topic_id, kind, title, outline, created_by, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
inline constexpr const char* kResearchColumns =
    "r.id, r.committee_id, r.topic_id, r.kind, r.title, r.outline, r.state, r.report_body, r.report_version, "
    "r.finalised_at, r.version, r.created_at, r.updated_at, t.title AS topic_title";
inline constexpr const char* kResearch =
    "SELECT r.id, r.committee_id, r.topic_id, r.kind, r.title, r.outline, r.state, r.report_body, "
    "r.report_version, r.finalised_at, r.version, r.created_at, r.updated_at, t.title AS topic_title "
    "FROM consultation_research r JOIN consultation_topics t ON t.id = r.topic_id WHERE r.id = $1";
inline constexpr const char* kResearchOfTopic =
    "SELECT r.id, r.committee_id, r.topic_id, r.kind, r.title, r.outline, r.state, r.report_body, "
    "r.report_version, r.finalised_at, r.version, r.created_at, r.updated_at, t.title AS topic_title "
    "FROM consultation_research r JOIN consultation_topics t ON t.id = r.topic_id WHERE r.topic_id = $1 "
    "ORDER BY r.id";
/// Updates activity $1 at version $2: $3 kind, $4 title, $5 outline, $6 now.
inline constexpr const char* kUpdateResearch =
    "UPDATE consultation_research SET kind = $3, title = $4, outline = $5, version = version + 1, updated_at = $6 "
    "WHERE id = $1 AND version = $2";
/// Saves report version $3 of activity $1 at version $2 ($4 body, $5 now).
inline constexpr const char* kSaveResearchReport =
    "UPDATE consultation_research SET report_body = $4, report_version = $3, version = version + 1, "
    "updated_at = $5 WHERE id = $1 AND version = $2";
/// Moves activity $1 at version $2 to state $3 ($4 finalised_at or null, $5 now).
inline constexpr const char* kMoveResearch =
    "UPDATE consultation_research SET state = $3, finalised_at = $4, version = version + 1, updated_at = $5 "
    "WHERE id = $1 AND version = $2";
inline constexpr const char* kTouchResearch =
    "UPDATE consultation_research SET version = version + 1, updated_at = $2 WHERE id = $1";
inline constexpr const char* kTopicOfResearch = "SELECT topic_id FROM consultation_research WHERE id = $1";

// ---- consultation_research_members ----
inline constexpr const char* kClearResearchTeam = "DELETE FROM consultation_research_members WHERE research_id = $1";
inline constexpr const char* kInsertResearchMember =
    "INSERT INTO consultation_research_members (research_id, user_id, role, name, employer, title, position) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
inline constexpr const char* kResearchTeam =
    "SELECT id, user_id, role, name, employer, title FROM consultation_research_members WHERE research_id = $1 "
    "ORDER BY position, id";
inline constexpr const char* kResearchRoleOf =
    "SELECT role FROM consultation_research_members WHERE research_id = $1 AND user_id = $2 ORDER BY position LIMIT 1";
/// A person of committee $2 by user id $1: their name (a member's record name first).
inline constexpr const char* kCommitteePerson =
    "SELECT u.id, COALESCE((SELECT m.name FROM members m WHERE m.user_id = u.id AND m.committee_id = $2 "
    "ORDER BY m.id LIMIT 1), u.name) AS name, "
    "COALESCE((SELECT m.employer FROM members m WHERE m.user_id = u.id AND m.committee_id = $2 ORDER BY m.id "
    "LIMIT 1), '') AS employer, "
    "COALESCE((SELECT m.title FROM members m WHERE m.user_id = u.id AND m.committee_id = $2 ORDER BY m.id "
    "LIMIT 1), '') AS title "
    "FROM users u WHERE u.id = $1 AND EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND "
    "g.committee_id = $2)";
/// The activities user $1 is on in committee $2, with their topic.
inline constexpr const char* kResearchOfUser =
    "SELECT r.id, r.topic_id, r.kind, r.title, r.state, t.title AS topic_title, t.state AS topic_state, "
    "(SELECT MIN(x.role) FROM consultation_research_members x WHERE x.research_id = r.id AND x.user_id = $1) AS role "
    "FROM consultation_research r JOIN consultation_topics t ON t.id = r.topic_id "
    "WHERE r.committee_id = $2 AND r.id IN (SELECT research_id FROM consultation_research_members WHERE user_id = $1) "
    "ORDER BY r.id DESC";

// ---- consultation_research_visits ----
inline constexpr const char* kInsertResearchVisit =
    "INSERT INTO consultation_research_visits (research_id, visited_on, place, participants, notes, created_by, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
inline constexpr const char* kResearchVisit =
    "SELECT id, research_id, visited_on, place, participants, notes, version FROM consultation_research_visits "
    "WHERE id = $1";
inline constexpr const char* kResearchVisits =
    "SELECT id, research_id, visited_on, place, participants, notes, version FROM consultation_research_visits "
    "WHERE research_id = $1 ORDER BY visited_on, id";
/// Updates visit $1 at version $2: $3 day, $4 place, $5 participants, $6 notes, $7 now.
inline constexpr const char* kUpdateResearchVisit =
    "UPDATE consultation_research_visits SET visited_on = $3, place = $4, participants = $5, notes = $6, "
    "version = version + 1, updated_at = $7 WHERE id = $1 AND version = $2";
/// The next visit of activity $1 on or after day $2.
inline constexpr const char* kNextResearchVisit =
    "SELECT visited_on, place FROM consultation_research_visits WHERE research_id = $1 AND visited_on >= $2 "
    "ORDER BY visited_on, id LIMIT 1";
inline constexpr const char* kCountResearchVisits =
    "SELECT COUNT(*) FROM consultation_research_visits WHERE research_id = $1";
inline constexpr const char* kClearVisitMembers = "DELETE FROM consultation_research_visit_members WHERE visit_id = $1";
inline constexpr const char* kInsertVisitMember =
    "INSERT INTO consultation_research_visit_members (visit_id, user_id) VALUES ($1, $2)";
inline constexpr const char* kVisitMembers =
    "SELECT v.user_id, COALESCE((SELECT x.name FROM consultation_research_members x JOIN "
    "consultation_research_visits rv ON rv.research_id = x.research_id WHERE rv.id = v.visit_id AND x.user_id = "
    "v.user_id ORDER BY x.position LIMIT 1), '') AS name FROM consultation_research_visit_members v "
    "WHERE v.visit_id = $1 ORDER BY v.id";
inline constexpr const char* kTookPart =
    "SELECT 1 FROM consultation_research_visit_members WHERE visit_id = $1 AND user_id = $2";

// ---- consultation_research_files ----
inline constexpr const char* kInsertResearchFile =
    "INSERT INTO consultation_research_files (committee_id, research_id, visit_id, purpose, filename, content_type, "
    "size, sha256, data, uploaded_by, uploaded_by_name, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
inline constexpr const char* kResearchFileColumns =
    "id, research_id, visit_id, purpose, filename, content_type, size, sha256, uploaded_by, uploaded_by_name, "
    "created_at";
inline constexpr const char* kResearchFiles =
    "SELECT id, research_id, visit_id, purpose, filename, content_type, size, sha256, uploaded_by, "
    "uploaded_by_name, created_at FROM consultation_research_files WHERE research_id = $1 ORDER BY id";
inline constexpr const char* kResearchFile =
    "SELECT id, committee_id, research_id, visit_id, purpose, filename, content_type, size, sha256, uploaded_by, "
    "uploaded_by_name, created_at FROM consultation_research_files WHERE id = $1";
inline constexpr const char* kResearchFileData =
    "SELECT content_type, filename, data FROM consultation_research_files WHERE id = $1";
inline constexpr const char* kCountResearchFiles =
    "SELECT COUNT(*) FROM consultation_research_files WHERE research_id = $1";
inline constexpr const char* kDeleteResearchFile = "DELETE FROM consultation_research_files WHERE id = $1";

// ---- consultation_research_report_drafts ----
inline constexpr const char* kInsertReportDraft =
    "INSERT INTO consultation_research_report_drafts (research_id, version, body, author_id, author_name, at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
inline constexpr const char* kReportDrafts =
    "SELECT version, body, author_name, at FROM consultation_research_report_drafts WHERE research_id = $1 "
    "ORDER BY version DESC";

// ---- consultation_research_history ----
inline constexpr const char* kInsertResearchHistory =
    "INSERT INTO consultation_research_history (research_id, action, from_state, to_state, note, actor_id, "
    "actor_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
inline constexpr const char* kResearchHistory =
    "SELECT action, from_state, to_state, note, actor_name, at FROM consultation_research_history "
    "WHERE research_id = $1 ORDER BY id";

}  // namespace sl::consultations::sql
