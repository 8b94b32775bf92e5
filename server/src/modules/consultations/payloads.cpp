#include "modules/consultations/payloads.hpp"

#include "core/api/validation.hpp"

namespace sl::consultations {

namespace {

using api::Presence;

template <class E>
std::vector<std::string> choices(const std::vector<E>& all) {
  return names_of(all);
}

std::vector<std::string> plan_action_names() {
  std::vector<std::string> out;
  for (auto a :
       {PlanAction::submit_to_chair, PlanAction::submit_to_party, PlanAction::publish, PlanAction::return_to_draft})
    out.emplace_back(name(a));
  return out;
}

std::vector<std::string> topic_action_names() {
  std::vector<std::string> out;
  // The actions people take; outcome_sent and conclude are the module's own (Actor::system).
  for (auto a :
       {TopicAction::approve, TopicAction::reject, TopicAction::start_research, TopicAction::record_consultation})
    out.emplace_back(name(a));
  return out;
}

/// An optional reference that may be cleared with null (0).
std::optional<int64_t> ref(api::Validator& v, const char* field) {
  return v.id(field, Presence::optional, true);
}

}  // namespace

PlanInput read_plan_input(const Json& body) {
  api::Validator v(body);
  PlanInput in;
  auto year = v.integer("year", Presence::required, 2000, 2100);
  auto title = v.text("title", Presence::optional, limits::kTitle);
  v.finish();
  in.year = static_cast<int>(*year);
  in.title = title.value_or("");
  return in;
}

PlanStepInput read_plan_step(const Json& body) {
  api::Validator v(body);
  PlanStepInput in;
  auto action = v.one_of("action", Presence::required, plan_action_names());
  auto version = v.integer("version", Presence::required, 1);
  auto acted_on = v.date("acted_on", Presence::required);
  auto doc = v.text("doc_number", Presence::optional, limits::kDocNumber, true);
  auto note = v.text("note", Presence::optional, limits::kNote, true);
  v.finish();
  in.action = *parse_plan_action(*action);
  in.version = *version;
  in.acted_on = *acted_on;
  in.doc_number = doc.value_or("");
  in.note = note.value_or("");
  return in;
}

TopicInput read_topic_input(const Json& body, bool creating) {
  api::Validator v(body);
  const Presence needed = creating ? Presence::required : Presence::optional;
  TopicInput in;
  if (creating)
    in.plan_id = v.id("plan_id", Presence::required);
  else
    in.version = v.integer("version", Presence::required, 1).value_or(0);
  if (auto k = v.one_of("kind", needed, choices(all_kinds()))) in.kind = parse_kind(*k);
  in.title = v.text("title", needed, limits::kTitle);
  in.purpose = v.text("purpose", Presence::optional, limits::kPurpose, true);
  in.lead_leader_id = ref(v, "lead_leader_id");
  in.special_committee_id = ref(v, "special_committee_id");
  in.party_id = ref(v, "party_id");
  in.sector_id = ref(v, "sector_id");
  in.unit_ids = v.id_list("unit_ids", Presence::optional);
  in.proposal_ids = v.id_list("proposal_ids", Presence::optional);
  if (auto m = v.integer("planned_month", needed, 1, 12)) in.planned_month = static_cast<int>(*m);
  if (auto f = v.one_of("form", needed, choices(all_forms()))) in.form = parse_form(*f);
  in.participants = v.text("participants", Presence::optional, limits::kParticipants, true);
  if (creating) in.reason = v.text("reason", Presence::optional, limits::kReason, true);
  v.finish();
  return in;
}

TopicStepInput read_topic_step(const Json& body) {
  api::Validator v(body);
  auto action = v.one_of("action", Presence::required, topic_action_names());
  auto version = v.integer("version", Presence::required, 1);
  v.skip("note");
  v.skip("held_on");
  v.finish();
  return {*parse_topic_action(*action), *version};
}

TopicStepFields read_topic_step_fields(TopicAction action, const Json& body) {
  api::Validator v(body);
  v.skip("action");
  v.skip("version");
  TopicStepFields f;
  const bool rejecting = action == TopicAction::reject;
  f.note = v.text("note", rejecting ? Presence::required : Presence::optional, limits::kNote, !rejecting).value_or("");
  if (action == TopicAction::record_consultation)
    f.held_on = v.date("held_on", Presence::required);
  else if (body.contains("held_on"))
    v.fail("held_on", "只有登记协商活动时填写举行日期");
  v.finish();
  return f;
}

PostponeInput read_postpone_input(const Json& body) {
  api::Validator v(body);
  auto month = v.integer("to_month", Presence::required, 1, 12);
  auto reason = v.text("reason", Presence::required, limits::kReason);
  v.finish();
  return {static_cast<int>(*month), *reason};
}

PostponeDecision read_postpone_decision(const Json& body) {
  api::Validator v(body);
  auto decision = v.one_of("decision", Presence::required, {"approve", "reject"});
  auto note = v.text("note", Presence::optional, limits::kNote, true);
  v.finish();
  return {*decision == "approve", note.value_or("")};
}

}  // namespace sl::consultations

namespace sl::consultations {

OutcomeInput read_outcome_input(const Json& body, bool creating) {
  api::Validator v(body);
  const api::Presence needed = creating ? api::Presence::required : api::Presence::optional;
  OutcomeInput in;
  if (!creating) in.version = v.integer("version", api::Presence::required, 1).value_or(0);
  if (auto k = v.one_of("kind", needed, names_of(all_outcome_kinds()))) in.kind = parse_outcome_kind(*k);
  in.title = v.text("title", needed, limits::kTitle);
  in.body = v.text("body", api::Presence::optional, limits::kOutcomeBody, true);
  v.finish();
  return in;
}

OutcomeStepInput read_outcome_step(const Json& body) {
  api::Validator v(body);
  auto action = v.one_of("action", api::Presence::required, names_of(all_outcome_actions()));
  auto version = v.integer("version", api::Presence::required, 1);
  for (const char* f : {"note", "sent_on", "sent_to", "adoption"}) v.skip(f);
  v.finish();
  return {*parse_outcome_action(*action), *version};
}

OutcomeStepFields read_outcome_step_fields(OutcomeAction action, const Json& body) {
  api::Validator v(body);
  v.skip("action");
  v.skip("version");
  OutcomeStepFields f;
  const bool back = action == OutcomeAction::send_back;
  f.note = v.text("note", back ? api::Presence::required : api::Presence::optional, limits::kNote, !back).value_or("");
  const bool send = action == OutcomeAction::send;
  auto only = [&](const char* field, bool when, const char* problem) {
    if (!when && body.contains(field)) v.fail(field, problem);
  };
  if (send) {
    f.sent_on = v.date("sent_on", api::Presence::required);
    f.sent_to = v.text("sent_to", api::Presence::required, 200).value_or("");
  }
  only("sent_on", send, "只有报送时填写报送日期");
  only("sent_to", send, "只有报送时填写报送对象");
  const bool adopt = action == OutcomeAction::record_adoption;
  if (adopt)
    if (auto a = v.one_of("adoption", api::Presence::required, names_of(all_adoptions())))
      f.adoption = parse_adoption(*a);
  only("adoption", adopt, "只有确认采纳情况时填写");
  v.finish();
  return f;
}

InstructionInput read_instruction_input(const Json& body) {
  api::Validator v(body);
  InstructionInput in;
  in.leader_name = v.text("leader_name", api::Presence::required, 40).value_or("");
  in.leader_title = v.text("leader_title", api::Presence::optional, 60, true).value_or("");
  in.instructed_on = v.date("instructed_on", api::Presence::required).value_or("");
  in.text = v.text("text", api::Presence::required, limits::kInstruction).value_or("");
  in.unit_ids = v.id_list("unit_ids", api::Presence::optional).value_or(std::vector<int64_t>{});
  v.finish();
  return in;
}

FollowItemInput read_follow_item_input(const Json& body) {
  api::Validator v(body);
  FollowItemInput in;
  in.unit_id = v.id("unit_id", api::Presence::required).value_or(0);
  in.title = v.text("title", api::Presence::required, limits::kItemTitle).value_or("");
  in.due_on = v.date("due_on", api::Presence::required).value_or("");
  if (auto i = v.id("instruction_id", api::Presence::optional, true); i && *i) in.instruction_id = *i;
  v.finish();
  return in;
}

std::string read_note(const Json& body, const char* field) {
  api::Validator v(body);
  auto note = v.text(field, api::Presence::required, limits::kNote);
  v.finish();
  return *note;
}

}  // namespace sl::consultations
