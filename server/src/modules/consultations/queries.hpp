#pragma once
// The consultation module's fixed SQL statements, grouped by table. Statements assembled from a
// list's filters stay in store.cpp, where they are assembled.

namespace sl::consultations::sql {

// ---- consultation_plans ----
inline constexpr const char* kInsertPlan =
    "INSERT INTO consultation_plans (committee_id, year, title, created_by, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";
inline constexpr const char* kPlanYearTaken = "SELECT id FROM consultation_plans WHERE committee_id = $1 AND year = $2";
inline constexpr const char* kPlan =
    "SELECT id, committee_id, year, title, state, doc_number, published_on, version, created_at, updated_at "
    "FROM consultation_plans WHERE id = $1";
inline constexpr const char* kPlansOfCommittee =
    "SELECT id, committee_id, year, title, state, doc_number, published_on, version, created_at, updated_at "
    "FROM consultation_plans WHERE committee_id = $1 ORDER BY year DESC";
inline constexpr const char* kPublishedPlansOfCommittee =
    "SELECT id, committee_id, year, title, state, doc_number, published_on, version, created_at, updated_at "
    "FROM consultation_plans WHERE committee_id = $1 AND state = 'published' ORDER BY year DESC";
/// Moves plan $1 at version $2 to state $3; $4 doc number (kept when empty), $5 published_on, $6 now.
inline constexpr const char* kMovePlan =
    "UPDATE consultation_plans SET state = $3, doc_number = CASE WHEN $4 = '' THEN doc_number ELSE $4 END, "
    "published_on = COALESCE($5, published_on), version = version + 1, updated_at = $6 "
    "WHERE id = $1 AND version = $2";
inline constexpr const char* kRenamePlan =
    "UPDATE consultation_plans SET title = $3, version = version + 1, updated_at = $4 WHERE id = $1 AND version = $2";

// ---- consultation_plan_steps ----
inline constexpr const char* kInsertPlanStep =
    "INSERT INTO consultation_plan_steps (plan_id, action, from_state, to_state, acted_on, doc_number, note, "
    "actor_id, actor_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
inline constexpr const char* kPlanSteps =
    "SELECT id, action, from_state, to_state, acted_on, doc_number, note, actor_name, at "
    "FROM consultation_plan_steps WHERE plan_id = $1 ORDER BY id";

// ---- consultation_topics ----
inline constexpr const char* kInsertTopic =
    "INSERT INTO consultation_topics (committee_id, plan_id, kind, title, purpose, lead_leader_id, "
    "special_committee_id, party_id, sector_id, planned_month, form, participants, state, added_in_year, "
    "addition_reason, proposed_by, proposed_by_name, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id";
inline constexpr const char* kTopicColumns =
    "t.id, t.committee_id, t.plan_id, t.kind, t.title, t.purpose, t.lead_leader_id, t.special_committee_id, "
    "t.party_id, t.sector_id, t.planned_month, t.form, t.participants, t.state, t.added_in_year, "
    "t.addition_reason, t.proposed_by, t.proposed_by_name, t.held_on, t.version, t.created_at, t.updated_at, "
    "p.year AS plan_year, p.state AS plan_state, lu.name AS lead_leader_name, sc.name AS special_committee_name, "
    "pa.name AS party_name, se.name AS sector_name";
inline constexpr const char* kTopicJoins =
    "FROM consultation_topics t JOIN consultation_plans p ON p.id = t.plan_id "
    "LEFT JOIN users lu ON lu.id = t.lead_leader_id "
    "LEFT JOIN special_committees sc ON sc.id = t.special_committee_id "
    "LEFT JOIN parties pa ON pa.id = t.party_id LEFT JOIN sectors se ON se.id = t.sector_id";
/// Updates topic $1 at version $2: $3 title, $4 purpose, $5 lead leader, $6 special committee,
/// $7 party, $8 sector, $9 month, $10 form, $11 participants, $12 kind, $13 now.
inline constexpr const char* kUpdateTopic =
    "UPDATE consultation_topics SET title = $3, purpose = $4, lead_leader_id = $5, special_committee_id = $6, "
    "party_id = $7, sector_id = $8, planned_month = $9, form = $10, participants = $11, kind = $12, "
    "version = version + 1, updated_at = $13 WHERE id = $1 AND version = $2";
/// Moves topic $1 at version $2 to state $3 ($4 held_on, kept when null; $5 now).
inline constexpr const char* kMoveTopic =
    "UPDATE consultation_topics SET state = $3, held_on = COALESCE($4, held_on), version = version + 1, "
    "updated_at = $5 WHERE id = $1 AND version = $2";
inline constexpr const char* kSetTopicMonth =
    "UPDATE consultation_topics SET planned_month = $2, version = version + 1, updated_at = $3 WHERE id = $1";
inline constexpr const char* kTopicsOfPlan = "SELECT id FROM consultation_topics WHERE plan_id = $1";

// ---- consultation_topic_units / consultation_topic_proposals ----
inline constexpr const char* kTopicUnits =
    "SELECT tu.unit_id, u.name FROM consultation_topic_units tu JOIN units u ON u.id = tu.unit_id "
    "WHERE tu.topic_id = $1 ORDER BY tu.id";
inline constexpr const char* kClearTopicUnits = "DELETE FROM consultation_topic_units WHERE topic_id = $1";
inline constexpr const char* kInsertTopicUnit =
    "INSERT INTO consultation_topic_units (topic_id, unit_id) VALUES ($1, $2)";
inline constexpr const char* kTopicProposals =
    "SELECT tp.proposal_id, pr.title, pr.number_label FROM consultation_topic_proposals tp "
    "JOIN proposals pr ON pr.id = tp.proposal_id WHERE tp.topic_id = $1 ORDER BY tp.id";
inline constexpr const char* kClearTopicProposals = "DELETE FROM consultation_topic_proposals WHERE topic_id = $1";
inline constexpr const char* kInsertTopicProposal =
    "INSERT INTO consultation_topic_proposals (topic_id, proposal_id) VALUES ($1, $2)";

// ---- consultation_topic_history ----
inline constexpr const char* kInsertTopicHistory =
    "INSERT INTO consultation_topic_history (topic_id, action, from_state, to_state, note, actor_id, actor_name, at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
inline constexpr const char* kTopicHistory =
    "SELECT id, action, from_state, to_state, note, actor_name, at FROM consultation_topic_history "
    "WHERE topic_id = $1 ORDER BY id";

// ---- consultation_postponements ----
inline constexpr const char* kInsertPostponement =
    "INSERT INTO consultation_postponements (topic_id, from_month, to_month, reason, requested_by, "
    "requested_by_name, requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
inline constexpr const char* kPendingPostponement =
    "SELECT id FROM consultation_postponements WHERE topic_id = $1 AND state = 'pending'";
inline constexpr const char* kPostponement =
    "SELECT id, topic_id, from_month, to_month, reason, state FROM consultation_postponements WHERE id = $1";
inline constexpr const char* kDecidePostponement =
    "UPDATE consultation_postponements SET state = $2, decided_by = $3, decided_by_name = $4, decided_at = $5, "
    "decision_note = $6 WHERE id = $1 AND state = 'pending'";
inline constexpr const char* kTopicPostponements =
    "SELECT id, from_month, to_month, reason, state, requested_by_name, requested_at, decided_by_name, decided_at, "
    "decision_note FROM consultation_postponements WHERE topic_id = $1 ORDER BY id";

// ---- the organisation, as the plan needs it ----
inline constexpr const char* kLeaderOfCommittee =
    "SELECT 1 FROM role_grants WHERE user_id = $1 AND committee_id = $2 AND role = 'leader'";
inline constexpr const char* kSpecialCommitteeOf =
    "SELECT 1 FROM special_committees WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kPartyOf = "SELECT 1 FROM parties WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kSectorOf = "SELECT 1 FROM sectors WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kUnitOf = "SELECT 1 FROM units WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kProposalOf = "SELECT 1 FROM proposals WHERE id = $1 AND committee_id = $2";
inline constexpr const char* kSpecialCommittees =
    "SELECT id, name FROM special_committees WHERE committee_id = $1 ORDER BY id";
inline constexpr const char* kParties = "SELECT id, name FROM parties WHERE committee_id = $1 ORDER BY id";
inline constexpr const char* kCommitteeName = "SELECT name FROM committees WHERE id = $1";

// ---- consultation_outcomes / consultation_outcome_history ----
inline constexpr const char* kInsertOutcome =
    "INSERT INTO consultation_outcomes (committee_id, topic_id, kind, title, body, created_by, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id";
inline constexpr const char* kOutcome =
    "SELECT id, committee_id, topic_id, kind, title, body, state, sent_on, sent_to, adoption, adoption_note, version, "
    "created_at, updated_at FROM consultation_outcomes WHERE id = $1";
inline constexpr const char* kOutcomesOfTopic =
    "SELECT id, committee_id, topic_id, kind, title, body, state, sent_on, sent_to, adoption, adoption_note, version, "
    "created_at, updated_at, published_at FROM consultation_outcomes WHERE topic_id = $1 ORDER BY id";
inline constexpr const char* kUpdateOutcome =
    "UPDATE consultation_outcomes SET kind = $3, title = $4, body = $5, version = version + 1, updated_at = $6 "
    "WHERE id = $1 AND version = $2";
/// Moves outcome $1 at version $2 to $3; $4 sent_on, $5 sent_to, $6 adoption, $7 adoption note (each
/// kept when null), $8 now.
inline constexpr const char* kMoveOutcome =
    "UPDATE consultation_outcomes SET state = $3, sent_on = COALESCE($4, sent_on), sent_to = COALESCE($5, sent_to), "
    "adoption = COALESCE($6, adoption), adoption_note = COALESCE($7, adoption_note), version = version + 1, "
    "updated_at = $8 WHERE id = $1 AND version = $2";
inline constexpr const char* kInsertOutcomeHistory =
    "INSERT INTO consultation_outcome_history (outcome_id, action, from_state, to_state, note, actor_id, actor_name, "
    "at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
inline constexpr const char* kOutcomeHistory =
    "SELECT action, from_state, to_state, note, actor_name, at FROM consultation_outcome_history WHERE outcome_id = $1 "
    "ORDER BY id";
inline constexpr const char* kUnconcludedOutcomes =
    "SELECT COUNT(*) FROM consultation_outcomes WHERE topic_id = $1 AND state <> 'concluded'";

// ---- consultation_instructions / consultation_instruction_units ----
inline constexpr const char* kInsertInstruction =
    "INSERT INTO consultation_instructions (outcome_id, leader_name, leader_title, instructed_on, text, created_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
inline constexpr const char* kInsertInstructionUnit =
    "INSERT INTO consultation_instruction_units (instruction_id, unit_id) VALUES ($1, $2)";
inline constexpr const char* kInstructionsOfOutcome =
    "SELECT id, leader_name, leader_title, instructed_on, text FROM consultation_instructions WHERE outcome_id = $1 "
    "ORDER BY instructed_on, id";
inline constexpr const char* kInstructionUnits =
    "SELECT iu.unit_id, u.name FROM consultation_instruction_units iu JOIN units u ON u.id = iu.unit_id "
    "WHERE iu.instruction_id = $1 ORDER BY iu.id";
inline constexpr const char* kInstructionOfOutcome =
    "SELECT 1 FROM consultation_instructions WHERE id = $1 AND outcome_id = $2";
/// Whether unit $2 is named by an instruction on outcome $1.
inline constexpr const char* kUnitInstructed =
    "SELECT 1 FROM consultation_instruction_units iu JOIN consultation_instructions i ON i.id = iu.instruction_id "
    "WHERE i.outcome_id = $1 AND iu.unit_id = $2";

// ---- consultation_follow_items / consultation_follow_progress ----
inline constexpr const char* kInsertFollowItem =
    "INSERT INTO consultation_follow_items (committee_id, outcome_id, instruction_id, unit_id, title, due_on, "
    "created_by, created_by_name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id";
inline constexpr const char* kFollowItemColumns =
    "f.id, f.committee_id, f.outcome_id, f.instruction_id, f.unit_id, u.name AS unit_name, f.title, f.due_on, f.state, "
    "f.done_on, f.result, f.version, f.created_by_name, f.created_at, o.title AS outcome_title, o.topic_id, "
    "t.title AS topic_title";
inline constexpr const char* kFollowItemJoins =
    "FROM consultation_follow_items f JOIN units u ON u.id = f.unit_id "
    "JOIN consultation_outcomes o ON o.id = f.outcome_id JOIN consultation_topics t ON t.id = o.topic_id";
inline constexpr const char* kCloseFollowItem =
    "UPDATE consultation_follow_items SET state = 'done', done_on = $2, result = $3, version = version + 1, "
    "updated_at = $4 WHERE id = $1 AND state = 'open'";
inline constexpr const char* kTouchFollowItem = "UPDATE consultation_follow_items SET updated_at = $2 WHERE id = $1";
inline constexpr const char* kInsertFollowProgress =
    "INSERT INTO consultation_follow_progress (item_id, note, actor_id, actor_name, at) VALUES ($1, $2, $3, $4, $5)";
inline constexpr const char* kFollowProgress =
    "SELECT note, actor_name, at FROM consultation_follow_progress WHERE item_id = $1 ORDER BY id";
inline constexpr const char* kOpenItemsOfTopic =
    "SELECT COUNT(*) FROM consultation_follow_items f JOIN consultation_outcomes o ON o.id = f.outcome_id "
    "WHERE o.topic_id = $1 AND f.state = 'open'";
/// Every open item with its committee and topic, for the deadline scan.
inline constexpr const char* kOpenFollowItems =
    "SELECT f.id, f.committee_id, f.unit_id, f.title, f.due_on, o.topic_id, t.title AS topic_title "
    "FROM consultation_follow_items f JOIN consultation_outcomes o ON o.id = f.outcome_id "
    "JOIN consultation_topics t ON t.id = o.topic_id WHERE f.state = 'open' ORDER BY f.id";
inline constexpr const char* kUnitStaff =
    "SELECT DISTINCT user_id FROM role_grants WHERE unit_id = $1 AND role = 'unit_staff'";
inline constexpr const char* kUnitPeople =
    "SELECT DISTINCT user_id FROM role_grants WHERE unit_id = $1 AND role IN ('unit_staff', 'unit_leader')";
inline constexpr const char* kOfficeStaff =
    "SELECT DISTINCT user_id FROM role_grants WHERE committee_id = $1 AND role = 'proposal_staff'";

// ---- whom the notices go to ----
inline constexpr const char* kLeaders =
    "SELECT DISTINCT user_id FROM role_grants WHERE committee_id = $1 AND role = 'leader'";
inline constexpr const char* kOutcomeForNotice =
    "SELECT o.title, o.topic_id, t.lead_leader_id, t.title AS topic_title FROM consultation_outcomes o "
    "JOIN consultation_topics t ON t.id = o.topic_id WHERE o.id = $1";
inline constexpr const char* kResearchForNotice =
    "SELECT r.title, r.topic_id, t.lead_leader_id FROM consultation_research r "
    "JOIN consultation_topics t ON t.id = r.topic_id WHERE r.id = $1";
inline constexpr const char* kTopicForNotice = "SELECT title, state FROM consultation_topics WHERE id = $1";

inline constexpr const char* kTopicOfOutcome = "SELECT topic_id FROM consultation_outcomes WHERE id = $1";
inline constexpr const char* kTopicOfItem =
    "SELECT o.topic_id FROM consultation_follow_items f JOIN consultation_outcomes o ON o.id = f.outcome_id "
    "WHERE f.id = $1";
inline constexpr const char* kLeadersOfCommittee =
    "SELECT DISTINCT u.id, u.name FROM role_grants g JOIN users u ON u.id = g.user_id WHERE g.committee_id = $1 "
    "AND g.role = 'leader' ORDER BY u.id";

// ---- published outcomes ----
inline constexpr const char* kOutcomePublished = "SELECT published_at FROM consultation_outcomes WHERE id = $1";
inline constexpr const char* kPublishOutcome =
    "UPDATE consultation_outcomes SET published_at = $2, published_by_name = $3 WHERE id = $1";
/// The published outcomes with their topic, plan year and committee; the caller appends the condition.
inline constexpr const char* kPublicOutcomes =
    "SELECT o.id, o.committee_id, cm.name AS committee_name, o.kind, o.title, o.body, o.sent_on, o.adoption, "
    "o.published_at, t.title AS topic_title, t.kind AS topic_kind, t.held_on, p.year FROM consultation_outcomes o "
    "JOIN consultation_topics t ON t.id = o.topic_id JOIN consultation_plans p ON p.id = t.plan_id "
    "JOIN committees cm ON cm.id = o.committee_id WHERE ";
inline constexpr const char* kCountPublicOutcomes =
    "SELECT COUNT(*) FROM consultation_outcomes o JOIN consultation_topics t ON t.id = o.topic_id "
    "JOIN consultation_plans p ON p.id = t.plan_id WHERE ";

}  // namespace sl::consultations::sql
