#pragma once
// The one writer of proposals that arrive finished: a proposal row written whole, in whatever
// state it ended, together with its co-signers, assignments, consultations, replies, feedback,
// extensions, follow-ups and history, as if the workflow had already run. Two callers use it:
//   cli/seed_proposals.cpp                       the demo committee's proposals, scripted through
//                                                the workflow in memory (every state, with the
//                                                history that led there);
//   modules/proposals/history_import_write.cpp   proposals closed in past sessions, imported
//                                                from a committee's spreadsheet.
//
// Live proposals never come here. They are created and moved only by the commands
// (commands.hpp), which check the workflow table, the actor, the version and the action's own
// rules, work out the due dates, number filed proposals from the counter and record the audit
// entry. This writer checks none of that: its callers vouch that the rows are consistent, and it
// writes them as given, in the caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/errors.hpp"

namespace sl::proposals {

/// A proposal_cosigners row.
struct CosignerRecord {
  int64_t member_id = 0;
  int64_t user_id = 0;
  std::string name;
  std::string status = "pending";
  std::optional<std::string> due_at, answered_at;
};

/// A proposal_assignments row.
struct AssignmentRecord {
  int64_t unit_id = 0;
  std::string role;  // lead | co
  std::string state = "awaiting_sign";
  int round = 1;
  std::optional<std::string> sign_due, opinion_due, reply_due, return_reason, opinion, signed_at;
  std::string created_at;
};

/// A proposal_consultations row.
struct ConsultationRecord {
  int64_t unit_id = 0;
  std::string method, held_on, people, content;
  std::optional<int64_t> created_by;
  std::string created_at;
};

/// A proposal_replies row.
struct ReplyRecord {
  int64_t unit_id = 0;
  int round = 1;
  std::string body, result_category;
  std::string state = "unit_review";
  std::optional<std::string> comment;
  std::optional<int64_t> created_by, approved_by;
  std::string created_at;
  std::optional<std::string> released_at;
};

/// A proposal_feedback row.
struct FeedbackRecord {
  int round = 1;
  int64_t user_id = 0;
  std::string rating, consulted, attitude, answers_proposal, comment, created_at;
};

/// A proposal_extensions row.
struct ExtensionRecord {
  int64_t unit_id = 0;
  std::string reason, requested_due;
  std::string state = "requested";
  std::string created_at;
};

/// A proposal_follow_ups row.
struct FollowUpRecord {
  std::optional<int64_t> unit_id;
  std::string commitment;
  std::optional<std::string> due_date;
  Json progress = Json::array();
  bool done = false;
  std::string created_at;
};

/// A proposal_history row. The ids of rows written with it are not known to the caller: an
/// entry names them by index into the record's vectors, and the writer puts the ids into the
/// payload (reply_id, extension_id, assignment_id; into_id for the record's merged_into_id).
struct HistoryRecord {
  std::string at;
  std::optional<int64_t> actor_user_id;
  std::string actor_name, role, action, from_state, to_state;
  Json payload = Json::object();
  int reply_ref = -1;        // index into ProposalRecord::replies
  int extension_ref = -1;    // index into ProposalRecord::extensions
  int assignment_ref = -1;   // index into ProposalRecord::assignments
  bool merged_into = false;  // payload gets into_id = ProposalRecord::merged_into_id
};

/// A proposals row and everything written with it. Defaults are the columns' defaults.
struct ProposalRecord {
  int64_t committee_id = 0;
  int64_t session_id = 0;
  bool between_sessions = false;
  std::optional<int64_t> number;
  std::optional<std::string> number_label;  // proposals::number_label(term, session, number)
  std::string kind = "individual";
  std::string title, situation, analysis, suggestions, category, keywords;
  Json suggested_unit_ids = Json::array();
  int64_t proposer_user_id = 0;
  std::optional<int64_t> proposer_member_id;
  std::string proposer_name;
  std::optional<std::string> group_type;
  std::optional<int64_t> group_id;
  bool consent_publish = true;
  std::string consent_reason;
  std::string state = "draft";
  int version = 1;
  std::optional<int64_t> merged_into_id;  // the id of the proposal it was merged into
  std::optional<std::string> decline_reason, decline_conversion, review_comment, handling_type;
  int round = 1;
  std::optional<std::string> result_category, satisfaction;
  bool is_key = false;
  Json key_leader_ids = Json::array();
  std::optional<int64_t> key_special_committee_id;
  bool published = false, follow_up = false, face_to_face = false;
  std::optional<std::string> due_at, submitted_at, filed_at, assigned_at, replied_at, closed_at, published_at;
  bool imported = false;
  std::optional<int64_t> import_id;  // proposal_imports row of a historical import
  std::string created_at, updated_at;

  std::vector<CosignerRecord> cosigners;
  std::vector<AssignmentRecord> assignments;
  std::vector<ConsultationRecord> consultations;
  std::vector<ReplyRecord> replies;
  std::vector<FeedbackRecord> feedback;
  std::vector<ExtensionRecord> extensions;
  std::vector<FollowUpRecord> follow_ups;
  std::vector<HistoryRecord> history;
};

/// Inserts the proposal of `r` and then its co-signers, assignments, consultations, replies,
/// feedback, extensions, follow-ups and history (in that order, each in vector order) on `c`,
/// in the caller's transaction; returns the new proposal's id.
int64_t write_record(db::Connection& c, const ProposalRecord& r);

/// Makes the number counter of `session_id` continue after `number` (立案 then gives number + 1
/// onwards); a counter already past it stays where it is.
void raise_number_counter(db::Connection& c, int64_t session_id, int64_t number);

}  // namespace sl::proposals
