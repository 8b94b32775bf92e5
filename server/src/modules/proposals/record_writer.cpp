#include "modules/proposals/record_writer.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kInsertProposal =
    "INSERT INTO proposals (committee_id, session_id, between_sessions, number, number_label, kind, title, "
    "situation, analysis, suggestions, category, keywords, suggested_unit_ids, proposer_user_id, proposer_member_id, "
    "proposer_name, group_type, group_id, consent_publish, consent_reason, state, version, merged_into_id, "
    "decline_reason, decline_conversion, review_comment, handling_type, round, result_category, satisfaction, is_key, "
    "key_leader_ids, key_special_committee_id, published, follow_up, face_to_face, due_at, submitted_at, filed_at, "
    "assigned_at, replied_at, closed_at, published_at, imported, import_id, created_at, updated_at) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, "
    "$27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47) "
    "RETURNING id";

constexpr const char* kInsertCosigner =
    "INSERT INTO proposal_cosigners (proposal_id, member_id, user_id, name, status, due_at, answered_at) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7)";

constexpr const char* kInsertAssignment =
    "INSERT INTO proposal_assignments (proposal_id, unit_id, role, state, round, sign_due, opinion_due, reply_due, "
    "return_reason, opinion, signed_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
    "RETURNING id";

constexpr const char* kInsertConsultation =
    "INSERT INTO proposal_consultations (proposal_id, unit_id, method, held_on, people, content, created_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

constexpr const char* kInsertReply =
    "INSERT INTO proposal_replies (proposal_id, unit_id, round, body, result_category, state, comment, created_by, "
    "approved_by, created_at, released_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";

constexpr const char* kInsertFeedback =
    "INSERT INTO proposal_feedback (proposal_id, round, user_id, rating, consulted, attitude, answers_proposal, "
    "comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

constexpr const char* kInsertExtension =
    "INSERT INTO proposal_extensions (proposal_id, unit_id, reason, requested_due, state, created_at) VALUES ($1, $2, "
    "$3, $4, $5, $6) RETURNING id";

constexpr const char* kInsertFollowUp =
    "INSERT INTO proposal_follow_ups (proposal_id, unit_id, commitment, due_date, progress, done, created_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7)";

constexpr const char* kInsertHistory =
    "INSERT INTO proposal_history (proposal_id, at, actor_user_id, actor_name, role, action, from_state, to_state, "
    "payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// Sets the counter to `$2` unless it is already higher (the counter's number is the last given).
constexpr const char* kRaiseNumberCounter =
    "INSERT INTO proposal_number_counters (session_id, last_number) VALUES ($1, $2) ON CONFLICT (session_id) DO "
    "UPDATE SET last_number = CASE WHEN excluded.last_number > proposal_number_counters.last_number THEN "
    "excluded.last_number ELSE proposal_number_counters.last_number END";

db::Value flag(bool b) {
  return int64_t{b ? 1 : 0};
}

int64_t inserted_id(db::Connection& c, const char* sql, const std::vector<db::Value>& params) {
  return c.exec(sql, params).one().integer(0);
}

}  // namespace

int64_t write_record(db::Connection& c, const ProposalRecord& r) {
  using db::opt;
  int64_t id = inserted_id(c, kInsertProposal,
                           {r.committee_id,
                            r.session_id,
                            flag(r.between_sessions),
                            opt(r.number),
                            opt(r.number_label),
                            r.kind,
                            r.title,
                            r.situation,
                            r.analysis,
                            r.suggestions,
                            r.category,
                            r.keywords,
                            r.suggested_unit_ids.dump(),
                            r.proposer_user_id,
                            opt(r.proposer_member_id),
                            r.proposer_name,
                            opt(r.group_type),
                            opt(r.group_id),
                            flag(r.consent_publish),
                            r.consent_reason,
                            r.state,
                            int64_t{r.version},
                            opt(r.merged_into_id),
                            opt(r.decline_reason),
                            opt(r.decline_conversion),
                            opt(r.review_comment),
                            opt(r.handling_type),
                            int64_t{r.round},
                            opt(r.result_category),
                            opt(r.satisfaction),
                            flag(r.is_key),
                            r.key_leader_ids.dump(),
                            opt(r.key_special_committee_id),
                            flag(r.published),
                            flag(r.follow_up),
                            flag(r.face_to_face),
                            opt(r.due_at),
                            opt(r.submitted_at),
                            opt(r.filed_at),
                            opt(r.assigned_at),
                            opt(r.replied_at),
                            opt(r.closed_at),
                            opt(r.published_at),
                            flag(r.imported),
                            opt(r.import_id),
                            r.created_at,
                            r.updated_at});
  for (const auto& x : r.cosigners)
    c.exec(kInsertCosigner, {id, x.member_id, x.user_id, x.name, x.status, opt(x.due_at), opt(x.answered_at)});
  std::vector<int64_t> assignment_ids, reply_ids, extension_ids;
  for (const auto& x : r.assignments)
    assignment_ids.push_back(
        inserted_id(c, kInsertAssignment,
                    {id, x.unit_id, x.role, x.state, int64_t{x.round}, opt(x.sign_due), opt(x.opinion_due),
                     opt(x.reply_due), opt(x.return_reason), opt(x.opinion), opt(x.signed_at), x.created_at}));
  for (const auto& x : r.consultations)
    c.exec(kInsertConsultation,
           {id, x.unit_id, x.method, x.held_on, x.people, x.content, opt(x.created_by), x.created_at});
  for (const auto& x : r.replies)
    reply_ids.push_back(
        inserted_id(c, kInsertReply,
                    {id, x.unit_id, int64_t{x.round}, x.body, x.result_category, x.state, opt(x.comment),
                     opt(x.created_by), opt(x.approved_by), x.created_at, opt(x.released_at)}));
  for (const auto& x : r.feedback)
    c.exec(kInsertFeedback, {id, int64_t{x.round}, x.user_id, x.rating, x.consulted, x.attitude, x.answers_proposal,
                             x.comment, x.created_at});
  for (const auto& x : r.extensions)
    extension_ids.push_back(
        inserted_id(c, kInsertExtension, {id, x.unit_id, x.reason, x.requested_due, x.state, x.created_at}));
  for (const auto& x : r.follow_ups)
    c.exec(kInsertFollowUp,
           {id, opt(x.unit_id), x.commitment, opt(x.due_date), x.progress.dump(), flag(x.done), x.created_at});
  for (const auto& h : r.history) {
    Json payload = h.payload;
    if (h.reply_ref >= 0) payload["reply_id"] = reply_ids.at(static_cast<size_t>(h.reply_ref));
    if (h.extension_ref >= 0) payload["extension_id"] = extension_ids.at(static_cast<size_t>(h.extension_ref));
    if (h.assignment_ref >= 0) payload["assignment_id"] = assignment_ids.at(static_cast<size_t>(h.assignment_ref));
    if (h.merged_into) payload["into_id"] = r.merged_into_id.value();
    c.exec(kInsertHistory,
           {id, h.at, opt(h.actor_user_id), h.actor_name, h.role, h.action, h.from_state, h.to_state, payload.dump()});
  }
  return id;
}

void raise_number_counter(db::Connection& c, int64_t session_id, int64_t number) {
  c.exec(kRaiseNumberCounter, {session_id, number});
}

}  // namespace sl::proposals
