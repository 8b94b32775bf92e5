#pragma once
// The typed fields of each workflow action. A route reads them from the request body with
// `read_payload` (shape: presence, types, lengths and fixed choices, every bad field named at
// once); an in-process caller (a test, a script) builds them directly. The rules that need the
// database or the committee's settings (a unit exists, a reason is one of the committee's) stay
// with the action's effects.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/errors.hpp"
#include "modules/proposals/workflow.hpp"

namespace sl::proposals {

/// submit, withdraw, file, close, publish.
struct NoFields {};

/// cosign: accept or decline the invitation.
struct CosignInput {
  bool accept = true;
};

/// decline (不立案).
struct DeclineInput {
  std::string reason;
  std::string conversion = "none";  // none, opinion, social_info
  std::string comment;
};

/// return_for_revision: the comment is required.
struct RevisionInput {
  std::string comment;
};

/// merge (并案) into another proposal.
struct MergeInput {
  int64_t into_id = 0;
};

/// mark_key (重点提案): leaders who supervise it and the special committee that follows it.
struct MarkKeyInput {
  bool key = true;
  std::vector<int64_t> leader_ids;
  std::optional<int64_t> special_committee_id;  // 0 clears
};

/// One unit of an assignment.
struct UnitChoice {
  int64_t unit_id = 0;
  std::string role = "lead";  // lead, co
};

/// assign (交办).
struct AssignInput {
  std::string handling_type;  // single, lead_co, split
  std::vector<UnitChoice> units;
};

/// sign (签收): the unit signing, when the caller acts for several.
struct SignInput {
  std::optional<int64_t> unit_id;
};

/// request_return (申请退回).
struct ReturnRequestInput {
  std::optional<int64_t> unit_id;
  std::string reason;
};

/// reassign (改办: `unit_id` takes the assignment) and refuse_return (不同意退回).
struct ReturnAnswerInput {
  int64_t assignment_id = 0;
  std::optional<int64_t> unit_id;  // required for reassign
  std::string comment;
};

/// record_consultation (沟通协商).
struct ConsultationInput {
  std::optional<int64_t> unit_id;
  std::string method;   // meeting, forum, phone, site, written
  std::string held_on;  // YYYY-MM-DD
  std::string people;
  std::string content;
};

/// send_opinion (协办意见).
struct OpinionInput {
  std::optional<int64_t> unit_id;
  std::string opinion;
};

/// request_extension (申请延期).
struct ExtensionRequestInput {
  std::string reason;
  std::string requested_due;  // YYYY-MM-DD
};

/// grant_extension (审批延期).
struct ExtensionAnswerInput {
  int64_t extension_id = 0;
  bool approve = true;
};

/// submit_reply (答复).
struct ReplyInput {
  std::optional<int64_t> unit_id;
  std::string body;
  std::string result_category;  // A, B, C (D where the committee uses it)
};

/// approve_reply, reject_reply, pass_reply, send_back_reply: the comment is required to send back.
struct ReplyReviewInput {
  std::optional<int64_t> reply_id;
  std::string comment;
};

/// feedback (反馈意见) on the reply.
struct FeedbackInput {
  std::string rating;  // satisfied, basic, unsatisfied
  std::string consulted;
  std::string attitude;
  std::string answers_proposal;
  std::string comment;
};

using Payload = std::variant<NoFields, CosignInput, DeclineInput, RevisionInput, MergeInput, MarkKeyInput, AssignInput,
                             SignInput, ReturnRequestInput, ReturnAnswerInput, ConsultationInput, OpinionInput,
                             ExtensionRequestInput, ExtensionAnswerInput, ReplyInput, ReplyReviewInput, FeedbackInput>;

/// Reads the fields of action `a` from `fields` (a request body: its `action` and `version` are
/// skipped); throws validation_failed naming every bad or unknown field.
Payload read_payload(Action a, const Json& fields);

/// True when `p` is the payload type action `a` takes.
bool payload_fits(Action a, const Payload& p);

}  // namespace sl::proposals
