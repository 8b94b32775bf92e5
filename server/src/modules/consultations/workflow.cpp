#include "modules/consultations/workflow.hpp"

#include <algorithm>
#include <stdexcept>

namespace sl::consultations {

namespace {

/// One value of an enum with its wire name and Chinese label.
template <class E>
struct Named {
  E value;
  const char* name;
  const char* label;
};

template <class E, size_t N>
const Named<E>& find(const Named<E> (&table)[N], E v) {
  for (const auto& n : table)
    if (n.value == v) return n;
  throw std::logic_error("consultations: a value without a name");
}

template <class E, size_t N>
std::optional<E> parse(const Named<E> (&table)[N], std::string_view s) {
  for (const auto& n : table)
    if (s == n.name) return n.value;
  return std::nullopt;
}

template <class E, size_t N>
Json named_json(const Named<E> (&table)[N]) {
  Json out = Json::array();
  for (const auto& n : table) out.push_back({{"name", n.name}, {"label", n.label}});
  return out;
}

const Named<PlanState> kPlanStates[] = {
    {PlanState::drafting, "drafting", "起草中"},
    {PlanState::chair_review, "chair_review", "主席会议审议中"},
    {PlanState::party_review, "party_review", "报区委审定中"},
    {PlanState::published, "published", "已印发"},
};
const Named<PlanAction> kPlanActions[] = {
    {PlanAction::submit_to_chair, "submit_to_chair", "提交主席会议审议"},
    {PlanAction::submit_to_party, "submit_to_party", "主席会议通过，报区委审定"},
    {PlanAction::publish, "publish", "区委审定同意，印发"},
    {PlanAction::return_to_draft, "return_to_draft", "退回修改"},
};
const Named<Kind> kKinds[] = {
    {Kind::thematic, "thematic", "专题协商"},
    {Kind::counterpart, "counterpart", "对口协商"},
    {Kind::sector, "sector", "界别协商"},
    {Kind::proposal_handling, "proposal_handling", "提案办理协商"},
};
const Named<Form> kForms[] = {
    {Form::meeting, "meeting", "协商会"}, {Form::symposium, "symposium", "座谈会"}, {Form::talk, "talk", "恳谈会"},
    {Form::online, "online", "网络议政"}, {Form::remote, "remote", "远程协商"},
};
const Named<TopicState> kTopicStates[] = {
    {TopicState::proposed, "proposed", "待审批"},       {TopicState::planned, "planned", "已列入计划"},
    {TopicState::researching, "researching", "调研中"}, {TopicState::consulted, "consulted", "已协商"},
    {TopicState::following, "following", "成果转化中"}, {TopicState::concluded, "concluded", "已办结"},
    {TopicState::dropped, "dropped", "未列入计划"},
};
const Named<TopicAction> kTopicActions[] = {
    {TopicAction::approve, "approve", "同意列入计划"},
    {TopicAction::reject, "reject", "不列入计划"},
    {TopicAction::start_research, "start_research", "启动调研"},
    {TopicAction::record_consultation, "record_consultation", "登记协商活动已举行"},
    {TopicAction::outcome_sent, "outcome_sent", "协商成果已报送"},
    {TopicAction::conclude, "conclude", "成果转化办结"},
};
const Named<Actor> kActors[] = {
    {Actor::office, "office", "政协办公室"}, {Actor::lead_staff, "lead_staff", "牵头专委会工作人员"},
    {Actor::leader, "leader", "领导"},       {Actor::lead_leader, "lead_leader", "牵头领导"},
    {Actor::system, "system", "系统"},
};
const Named<OutcomeKind> kOutcomeKinds[] = {
    {OutcomeKind::opinions, "opinions", "意见建议"},
    {OutcomeKind::research_report, "research_report", "调研报告"},
    {OutcomeKind::recommendation, "recommendation", "建议案"},
    {OutcomeKind::digest, "digest", "协商要报"},
};
const Named<OutcomeState> kOutcomeStates[] = {
    {OutcomeState::drafting, "drafting", "起草中"},           {OutcomeState::review, "review", "待牵头领导审定"},
    {OutcomeState::approved, "approved", "已审定，待报送"},   {OutcomeState::sent, "sent", "已报送"},
    {OutcomeState::concluded, "concluded", "已反馈采纳情况"},
};
const Named<OutcomeAction> kOutcomeActions[] = {
    {OutcomeAction::submit, "submit", "提交牵头领导审定"},
    {OutcomeAction::approve, "approve", "审定同意"},
    {OutcomeAction::send_back, "send_back", "退回修改"},
    {OutcomeAction::send, "send", "报送区委、区政府"},
    {OutcomeAction::record_adoption, "record_adoption", "确认采纳情况"},
};
const Named<Adoption> kAdoptions[] = {
    {Adoption::adopted, "adopted", "采纳"},
    {Adoption::partly, "partly", "部分采纳"},
    {Adoption::not_adopted, "not_adopted", "未采纳"},
};

}  // namespace

const std::vector<PlanTransition>& plan_transitions() {
  using S = PlanState;
  using A = PlanAction;
  static const std::vector<PlanTransition> t = {
      {S::drafting, A::submit_to_chair, S::chair_review, false},
      {S::chair_review, A::submit_to_party, S::party_review, false},
      {S::party_review, A::publish, S::published, true},
      {S::chair_review, A::return_to_draft, S::drafting, false},
      {S::party_review, A::return_to_draft, S::drafting, false},
  };
  return t;
}

const std::vector<TopicTransition>& topic_transitions() {
  using S = TopicState;
  using A = TopicAction;
  static const std::vector<TopicTransition> t = {
      {S::proposed, A::approve, Actor::leader, Guard::none, S::planned},
      {S::proposed, A::approve, Actor::office, Guard::plan_drafting, S::planned},
      {S::proposed, A::reject, Actor::leader, Guard::none, S::dropped},
      {S::proposed, A::reject, Actor::office, Guard::plan_drafting, S::dropped},
      {S::planned, A::start_research, Actor::office, Guard::none, S::researching},
      {S::planned, A::start_research, Actor::lead_staff, Guard::none, S::researching},
      {S::planned, A::record_consultation, Actor::office, Guard::none, S::consulted},
      {S::planned, A::record_consultation, Actor::lead_staff, Guard::none, S::consulted},
      {S::researching, A::record_consultation, Actor::office, Guard::none, S::consulted},
      {S::researching, A::record_consultation, Actor::lead_staff, Guard::none, S::consulted},
      {S::consulted, A::outcome_sent, Actor::system, Guard::none, S::following},
      {S::following, A::conclude, Actor::system, Guard::none, S::concluded},
  };
  return t;
}

const std::vector<OutcomeTransition>& outcome_transitions() {
  using S = OutcomeState;
  using A = OutcomeAction;
  static const std::vector<OutcomeTransition> t = {
      {S::drafting, A::submit, Actor::office, S::review},
      {S::drafting, A::submit, Actor::lead_staff, S::review},
      {S::review, A::approve, Actor::lead_leader, S::approved},
      {S::review, A::send_back, Actor::lead_leader, S::drafting},
      {S::approved, A::send, Actor::office, S::sent},
      {S::sent, A::record_adoption, Actor::lead_leader, S::concluded},
  };
  return t;
}

const std::vector<TopicState>& postponable_states() {
  static const std::vector<TopicState> s = {TopicState::planned, TopicState::researching};
  return s;
}
const std::vector<TopicState>& in_plan_states() {
  static const std::vector<TopicState> s = {TopicState::planned, TopicState::researching, TopicState::consulted,
                                            TopicState::following, TopicState::concluded};
  return s;
}
const std::vector<TopicState>& pending_states() {
  static const std::vector<TopicState> s = {TopicState::planned, TopicState::researching};
  return s;
}

const char* name(PlanState s) {
  return find(kPlanStates, s).name;
}
const char* name(PlanAction a) {
  return find(kPlanActions, a).name;
}
const char* name(Kind k) {
  return find(kKinds, k).name;
}
const char* name(Form f) {
  return find(kForms, f).name;
}
const char* name(TopicState s) {
  return find(kTopicStates, s).name;
}
const char* name(TopicAction a) {
  return find(kTopicActions, a).name;
}
const char* name(Actor a) {
  return find(kActors, a).name;
}
const char* label(PlanState s) {
  return find(kPlanStates, s).label;
}
const char* label(PlanAction a) {
  return find(kPlanActions, a).label;
}
const char* label(Kind k) {
  return find(kKinds, k).label;
}
const char* label(Form f) {
  return find(kForms, f).label;
}
const char* label(TopicState s) {
  return find(kTopicStates, s).label;
}
const char* label(TopicAction a) {
  return find(kTopicActions, a).label;
}
const char* name(OutcomeKind k) {
  return find(kOutcomeKinds, k).name;
}
const char* name(OutcomeState s) {
  return find(kOutcomeStates, s).name;
}
const char* name(OutcomeAction a) {
  return find(kOutcomeActions, a).name;
}
const char* name(Adoption a) {
  return find(kAdoptions, a).name;
}
const char* label(OutcomeKind k) {
  return find(kOutcomeKinds, k).label;
}
const char* label(OutcomeState s) {
  return find(kOutcomeStates, s).label;
}
const char* label(OutcomeAction a) {
  return find(kOutcomeActions, a).label;
}
const char* label(Adoption a) {
  return find(kAdoptions, a).label;
}
std::optional<OutcomeKind> parse_outcome_kind(std::string_view s) {
  return parse(kOutcomeKinds, s);
}
std::optional<OutcomeState> parse_outcome_state(std::string_view s) {
  return parse(kOutcomeStates, s);
}
std::optional<OutcomeAction> parse_outcome_action(std::string_view s) {
  return parse(kOutcomeActions, s);
}
std::optional<Adoption> parse_adoption(std::string_view s) {
  return parse(kAdoptions, s);
}
const std::vector<OutcomeKind>& all_outcome_kinds() {
  static const std::vector<OutcomeKind> v = {OutcomeKind::opinions, OutcomeKind::research_report,
                                             OutcomeKind::recommendation, OutcomeKind::digest};
  return v;
}
const std::vector<OutcomeAction>& all_outcome_actions() {
  static const std::vector<OutcomeAction> v = {OutcomeAction::submit, OutcomeAction::approve, OutcomeAction::send_back,
                                               OutcomeAction::send, OutcomeAction::record_adoption};
  return v;
}
const std::vector<Adoption>& all_adoptions() {
  static const std::vector<Adoption> v = {Adoption::adopted, Adoption::partly, Adoption::not_adopted};
  return v;
}
std::optional<PlanState> parse_plan_state(std::string_view s) {
  return parse(kPlanStates, s);
}
std::optional<PlanAction> parse_plan_action(std::string_view s) {
  return parse(kPlanActions, s);
}
std::optional<Kind> parse_kind(std::string_view s) {
  return parse(kKinds, s);
}
std::optional<Form> parse_form(std::string_view s) {
  return parse(kForms, s);
}
std::optional<TopicState> parse_topic_state(std::string_view s) {
  return parse(kTopicStates, s);
}
std::optional<TopicAction> parse_topic_action(std::string_view s) {
  return parse(kTopicActions, s);
}

const std::vector<Kind>& all_kinds() {
  static const std::vector<Kind> v = {Kind::thematic, Kind::counterpart, Kind::sector, Kind::proposal_handling};
  return v;
}
const std::vector<Form>& all_forms() {
  static const std::vector<Form> v = {Form::meeting, Form::symposium, Form::talk, Form::online, Form::remote};
  return v;
}

std::string sql_list(const std::vector<TopicState>& states) {
  std::string out;
  for (TopicState s : states) out += (out.empty() ? "'" : ", '") + std::string(name(s)) + "'";
  return out;
}

Json workflow_json() {
  Json plan = Json::array();
  for (const auto& t : plan_transitions())
    plan.push_back({{"from", name(t.from)},
                    {"action", name(t.action)},
                    {"to", name(t.to)},
                    {"needs_doc_number", t.needs_doc_number}});
  Json topic = Json::array();
  for (const auto& t : topic_transitions())
    topic.push_back({{"from", name(t.from)},
                     {"action", name(t.action)},
                     {"actor", name(t.actor)},
                     {"guard", t.guard == Guard::plan_drafting ? "plan_drafting" : "none"},
                     {"to", name(t.to)}});
  Json outcome = Json::array();
  for (const auto& t : outcome_transitions())
    outcome.push_back(
        {{"from", name(t.from)}, {"action", name(t.action)}, {"actor", name(t.actor)}, {"to", name(t.to)}});
  auto states = [](const std::vector<TopicState>& v) {
    Json a = Json::array();
    for (TopicState s : v) a.push_back(name(s));
    return a;
  };
  return {{"plan", {{"states", named_json(kPlanStates)}, {"actions", named_json(kPlanActions)}, {"transitions", plan}}},
          {"topic",
           {{"states", named_json(kTopicStates)},
            {"actions", named_json(kTopicActions)},
            {"actors", named_json(kActors)},
            {"transitions", topic},
            {"phases", states({TopicState::proposed, TopicState::planned, TopicState::researching,
                               TopicState::consulted, TopicState::following, TopicState::concluded})},
            {"postponable_states", states(postponable_states())},
            {"in_plan_states", states(in_plan_states())}}},
          {"outcome",
           {{"kinds", named_json(kOutcomeKinds)},
            {"states", named_json(kOutcomeStates)},
            {"actions", named_json(kOutcomeActions)},
            {"adoptions", named_json(kAdoptions)},
            {"transitions", outcome}}},
          {"kinds", named_json(kKinds)},
          {"forms", named_json(kForms)}};
}

}  // namespace sl::consultations
