#pragma once
// What the consultation commands take: one struct per act, and the readers that check a request
// body's shape and name every bad field at once (validation_failed). Rules that need the database
// (does the leader exist, is the plan still a draft) are the commands'.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "modules/consultations/workflow.hpp"

namespace sl::consultations {

namespace limits {
inline constexpr size_t kTitle = 60;
inline constexpr size_t kPurpose = 2000;
inline constexpr size_t kParticipants = 500;
inline constexpr size_t kReason = 500;
inline constexpr size_t kDocNumber = 60;
inline constexpr size_t kNote = 1000;
inline constexpr size_t kOutcomeBody = 30000;
inline constexpr size_t kInstruction = 3000;
inline constexpr size_t kItemTitle = 200;
}  // namespace limits

struct PlanInput {
  int year = 0;
  std::string title;
};
PlanInput read_plan_input(const Json& body);

/// One step of the plan: the action, the version it was taken at, when it happened and the
/// document number (required to publish).
struct PlanStepInput {
  PlanAction action = PlanAction::submit_to_chair;
  int64_t version = 0;
  std::string acted_on;  // YYYY-MM-DD
  std::string doc_number;
  std::string note;
};
PlanStepInput read_plan_step(const Json& body);

/// A topic's fields. On create every field the topic needs is required; on update (PATCH) the
/// absent ones keep their value, and `version` is required.
struct TopicInput {
  std::optional<int64_t> plan_id;
  std::optional<Kind> kind;
  std::optional<std::string> title;
  std::optional<std::string> purpose;
  std::optional<int64_t> lead_leader_id;        // 0: none
  std::optional<int64_t> special_committee_id;  // 0: none
  std::optional<int64_t> party_id;              // 0: none
  std::optional<int64_t> sector_id;             // 0: none
  std::optional<std::vector<int64_t>> unit_ids;
  std::optional<std::vector<int64_t>> proposal_ids;
  std::optional<int> planned_month;
  std::optional<Form> form;
  std::optional<std::string> participants;
  std::optional<std::string> reason;  // why a topic is added during the year
  int64_t version = 0;
};
TopicInput read_topic_input(const Json& body, bool creating);

/// A topic's action and the version it was taken at, read first; the action's own fields
/// (TopicStepFields) are read only once the caller may take it.
struct TopicStepInput {
  TopicAction action = TopicAction::approve;
  int64_t version = 0;
};
TopicStepInput read_topic_step(const Json& body);
struct TopicStepFields {
  std::string note;
  std::optional<std::string> held_on;  // record_consultation: the day it took place
};
TopicStepFields read_topic_step_fields(TopicAction action, const Json& body);

struct PostponeInput {
  int to_month = 0;
  std::string reason;
};
PostponeInput read_postpone_input(const Json& body);

struct PostponeDecision {
  bool approve = false;
  std::string note;
};
PostponeDecision read_postpone_decision(const Json& body);

}  // namespace sl::consultations

namespace sl::consultations {

/// An outcome's fields: on create kind and title are required; on update (while drafting) the
/// absent ones keep their value and `version` is required.
struct OutcomeInput {
  std::optional<OutcomeKind> kind;
  std::optional<std::string> title;
  std::optional<std::string> body;
  int64_t version = 0;
};
OutcomeInput read_outcome_input(const Json& body, bool creating);

/// An outcome's action and version, read before the caller's right is checked; its fields after.
struct OutcomeStepInput {
  OutcomeAction action = OutcomeAction::submit;
  int64_t version = 0;
};
OutcomeStepInput read_outcome_step(const Json& body);
struct OutcomeStepFields {
  std::string note;                    // send_back: required
  std::optional<std::string> sent_on;  // send: the day it went out
  std::string sent_to;                 // send: to whom (区委、区政府)
  std::optional<Adoption> adoption;    // record_adoption
};
OutcomeStepFields read_outcome_step_fields(OutcomeAction action, const Json& body);

/// A leader's instruction (批示) on an outcome and the departments that must act on it.
struct InstructionInput {
  std::string leader_name;
  std::string leader_title;
  std::string instructed_on;
  std::string text;
  std::vector<int64_t> unit_ids;
};
InstructionInput read_instruction_input(const Json& body);

/// A follow-through item (成果转化事项) of a department.
struct FollowItemInput {
  int64_t unit_id = 0;
  std::string title;
  std::string due_on;
  std::optional<int64_t> instruction_id;
};
FollowItemInput read_follow_item_input(const Json& body);
/// A progress note, or the result an item is closed with.
std::string read_note(const Json& body, const char* field);

}  // namespace sl::consultations
