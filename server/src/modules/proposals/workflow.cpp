#include "modules/proposals/workflow.hpp"

#include <algorithm>
#include <array>

namespace sl::proposals {

namespace {

using S = State;
using A = Action;
using R = Actor;
using G = Guard;
using D = Deadline;

struct Named {
  const char* name;
  const char* label;
};

constexpr std::array<Named, 15> kStates = {{
    {"draft", "草稿"},
    {"awaiting_cosign", "待联名确认"},
    {"submitted", "待审查"},
    {"returned", "退回修改"},
    {"filed", "已立案待交办"},
    {"not_filed", "不立案"},
    {"merged", "已并案"},
    {"assigned", "已交办待签收"},
    {"in_handling", "办理中"},
    {"reply_unit_review", "答复待单位审核"},
    {"reply_cppcc_review", "答复待提案委审核"},
    {"replied", "已答复待反馈"},
    {"feedback_received", "已反馈"},
    {"second_handling", "重新办理"},
    {"closed", "已办结"},
}};

constexpr std::array<Named, 25> kActions = {{
    {"submit", "提交"},
    {"withdraw", "撤回"},
    {"cosign", "联名确认"},
    {"file", "立案"},
    {"decline", "不立案"},
    {"return_for_revision", "退回修改"},
    {"merge", "并案"},
    {"assign", "交办"},
    {"sign", "签收"},
    {"request_return", "申请退回"},
    {"reassign", "改办"},
    {"refuse_return", "不同意退回"},
    {"record_consultation", "记录办理协商"},
    {"send_opinion", "提交协办意见"},
    {"submit_reply", "提交答复"},
    {"approve_reply", "单位审核通过"},
    {"reject_reply", "单位退回答复"},
    {"pass_reply", "审核通过并发送"},
    {"send_back_reply", "退回重新答复"},
    {"request_extension", "申请延期"},
    {"grant_extension", "批准延期"},
    {"feedback", "反馈意见"},
    {"close", "办结"},
    {"publish", "公开"},
    {"mark_key", "设为重点提案"},
}};

constexpr std::array<Phase, 15> kPhases = {
    Phase::drafts,     // draft
    Phase::submitted,  // awaiting_cosign
    Phase::submitted,  // submitted
    Phase::drafts,     // returned
    Phase::submitted,  // filed
    Phase::closed,     // not_filed
    Phase::closed,     // merged
    Phase::handling,   // assigned
    Phase::handling,   // in_handling
    Phase::handling,   // reply_unit_review
    Phase::handling,   // reply_cppcc_review
    Phase::replied,    // replied
    Phase::replied,    // feedback_received
    Phase::handling,   // second_handling
    Phase::closed,     // closed
};

constexpr std::array<const char*, 5> kPhaseNames = {"drafts", "submitted", "handling", "replied", "closed"};

constexpr std::array<const char*, 7> kGuards = {"",
                                                "has_cosigners",
                                                "last_cosigner",
                                                "first_round",
                                                "second_round",
                                                "unsatisfied_first_round",
                                                "unsigned_split_lead"};

constexpr std::array<const char*, 5> kDeadlines = {"", "cosign_window", "handling", "sign_window", "second_handling"};

constexpr std::array<const char*, 9> kRecipients = {"invited_cosigners", "proposer",        "proposers",
                                                    "merged_into",       "units_to_sign",   "proposal_staff",
                                                    "lead_unit_leaders", "lead_unit_staff", "lead_units"};

constexpr std::array<const char*, 6> kActors = {"proposer",        "cosigner",      "proposal_staff",
                                                "lead_unit_staff", "co_unit_staff", "lead_unit_leader"};

std::vector<Transition> build() {
  std::vector<Transition> t;
  auto add = [&](S from, A a, R r, G g, S to, D d = D::none) { t.push_back({from, a, r, g, to, d}); };
  // Drafting and submission.
  for (S from : {S::draft, S::returned}) {
    add(from, A::submit, R::proposer, G::has_cosigners, S::awaiting_cosign, D::cosign_window);
    add(from, A::submit, R::proposer, G::none, S::submitted);
  }
  for (S from : {S::awaiting_cosign, S::submitted, S::returned}) add(from, A::withdraw, R::proposer, G::none, S::draft);
  add(S::awaiting_cosign, A::cosign, R::cosigner, G::last_cosigner, S::submitted);
  add(S::awaiting_cosign, A::cosign, R::cosigner, G::none, S::awaiting_cosign);
  // Review (审查).
  add(S::submitted, A::file, R::proposal_staff, G::none, S::filed);
  add(S::submitted, A::decline, R::proposal_staff, G::none, S::not_filed);
  add(S::submitted, A::return_for_revision, R::proposal_staff, G::none, S::returned);
  for (S from : {S::submitted, S::filed}) add(from, A::merge, R::proposal_staff, G::none, S::merged);
  // Assignment (交办) and signing for it.
  add(S::filed, A::assign, R::proposal_staff, G::none, S::assigned, D::handling);
  add(S::assigned, A::sign, R::lead_unit_staff, G::none, S::in_handling);
  add(S::assigned, A::sign, R::co_unit_staff, G::none, S::assigned);
  for (S s : {S::assigned, S::in_handling}) {
    if (s == S::in_handling) {
      add(s, A::sign, R::co_unit_staff, G::none, s);
      add(s, A::sign, R::lead_unit_staff, G::unsigned_split_lead, s);  // the other leads of a split (分办)
    }
    add(s, A::request_return, R::lead_unit_staff, G::none, s);
    add(s, A::request_return, R::co_unit_staff, G::none, s);
    add(s, A::reassign, R::proposal_staff, G::none, s, D::sign_window);
    add(s, A::refuse_return, R::proposal_staff, G::none, s);
  }
  // Handling (办理), in the first round and again after 不满意.
  // A co-unit that has not signed yet may still sign when the proposal is handled again.
  add(S::second_handling, A::sign, R::co_unit_staff, G::none, S::second_handling);
  for (S s : {S::in_handling, S::second_handling}) {
    add(s, A::record_consultation, R::lead_unit_staff, G::none, s);
    add(s, A::record_consultation, R::co_unit_staff, G::none, s);
    add(s, A::send_opinion, R::co_unit_staff, G::none, s);
    add(s, A::submit_reply, R::lead_unit_staff, G::none, S::reply_unit_review);
    add(s, A::request_extension, R::lead_unit_staff, G::none, s);
    add(s, A::grant_extension, R::proposal_staff, G::none, s);
  }
  add(S::reply_unit_review, A::approve_reply, R::lead_unit_leader, G::none, S::reply_cppcc_review);
  add(S::reply_unit_review, A::reject_reply, R::lead_unit_leader, G::first_round, S::in_handling);
  add(S::reply_unit_review, A::reject_reply, R::lead_unit_leader, G::second_round, S::second_handling);
  add(S::reply_cppcc_review, A::pass_reply, R::proposal_staff, G::none, S::replied);
  add(S::reply_cppcc_review, A::send_back_reply, R::proposal_staff, G::first_round, S::in_handling);
  add(S::reply_cppcc_review, A::send_back_reply, R::proposal_staff, G::second_round, S::second_handling);
  // Feedback (征询意见): 不满意 in the first round starts second handling; after the second
  // reply, feedback closes the proposal whatever it says.
  add(S::replied, A::feedback, R::proposer, G::unsatisfied_first_round, S::second_handling, D::second_handling);
  add(S::replied, A::feedback, R::proposer, G::first_round, S::feedback_received);
  add(S::replied, A::feedback, R::proposer, G::second_round, S::closed);
  for (S s : {S::replied, S::feedback_received}) add(s, A::feedback, R::cosigner, G::none, s);
  add(S::feedback_received, A::close, R::proposal_staff, G::none, S::closed);
  add(S::closed, A::publish, R::proposal_staff, G::none, S::closed);
  for (S s : {S::filed, S::assigned, S::in_handling, S::reply_unit_review, S::reply_cppcc_review, S::replied,
              S::feedback_received, S::second_handling, S::closed})
    add(s, A::mark_key, R::proposal_staff, G::none, s);
  return t;
}

}  // namespace

const std::vector<Transition>& transitions() {
  static const std::vector<Transition> kTable = build();
  return kTable;
}

const char* state_name(State s) {
  return kStates.at(static_cast<size_t>(s)).name;
}
const char* state_label(State s) {
  return kStates.at(static_cast<size_t>(s)).label;
}
const char* action_name(Action a) {
  return kActions.at(static_cast<size_t>(a)).name;
}
const char* action_label(Action a) {
  return kActions.at(static_cast<size_t>(a)).label;
}
const char* actor_name(Actor a) {
  return kActors.at(static_cast<size_t>(a));
}

std::optional<State> parse_state(std::string_view s) {
  for (size_t i = 0; i < kStates.size(); ++i)
    if (s == kStates[i].name) return static_cast<State>(i);
  return std::nullopt;
}

std::optional<Action> parse_action(std::string_view s) {
  for (size_t i = 0; i < kActions.size(); ++i)
    if (s == kActions[i].name) return static_cast<Action>(i);
  return std::nullopt;
}

const std::vector<State>& all_states() {
  static const std::vector<State> kAll = [] {
    std::vector<State> v;
    for (size_t i = 0; i < kStates.size(); ++i) v.push_back(static_cast<State>(i));
    return v;
  }();
  return kAll;
}

const std::vector<Action>& all_actions() {
  static const std::vector<Action> kAll = [] {
    std::vector<Action> v;
    for (size_t i = 0; i < kActions.size(); ++i) v.push_back(static_cast<Action>(i));
    return v;
  }();
  return kAll;
}

std::optional<Actor> parse_actor(std::string_view s) {
  for (size_t i = 0; i < kActors.size(); ++i)
    if (s == kActors[i]) return static_cast<Actor>(i);
  return std::nullopt;
}

const char* deadline_name(Deadline d) {
  return kDeadlines.at(static_cast<size_t>(d));
}

Phase phase_of(State s) {
  return kPhases.at(static_cast<size_t>(s));
}

const char* phase_name(Phase p) {
  return kPhaseNames.at(static_cast<size_t>(p));
}

const std::vector<State>& editable_states() {
  static const std::vector<State> kSet = {S::draft, S::returned};
  return kSet;
}

const std::vector<State>& handling_states() {
  static const std::vector<State> kSet = [] {
    std::vector<State> v;
    for (State s : all_states())
      if (phase_of(s) == Phase::handling) v.push_back(s);
    return v;
  }();
  return kSet;
}

const std::vector<State>& overdue_states() {
  // The unit still owes the reply: from assignment until its leader has approved it. Once the
  // reply waits on the committee's own review, the unit is no longer the one who is late.
  static const std::vector<State> kSet = {S::assigned, S::in_handling, S::reply_unit_review, S::second_handling};
  return kSet;
}

const std::vector<State>& merge_target_states() {
  static const std::vector<State> kSet = [] {
    std::vector<State> v;
    for (State s : all_states())
      if (s != S::draft && s != S::awaiting_cosign && s != S::returned && s != S::not_filed && s != S::merged)
        v.push_back(s);
    return v;
  }();
  return kSet;
}

const std::vector<State>& assigned_states() {
  static const std::vector<State> kSet = [] {
    std::vector<State> v;
    for (State s : all_states())
      if (phase_of(s) == Phase::handling || phase_of(s) == Phase::replied || s == S::closed) v.push_back(s);
    return v;
  }();
  return kSet;
}

std::vector<State> states_allowing(Action a) {
  std::vector<State> v;
  for (const auto& t : transitions())
    if (t.action == a && !in(v, t.from)) v.push_back(t.from);
  return v;
}

bool in(const std::vector<State>& set, State s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

std::string sql_list(const std::vector<State>& set) {
  std::string out;
  for (State s : set) out += (out.empty() ? "'" : ", '") + std::string(state_name(s)) + "'";
  return out;
}

const std::vector<UploadRule>& upload_rules() {
  static const std::vector<UploadRule> kRules = {
      {"proposal", {R::proposer}, editable_states()},
      {"reply", {R::lead_unit_staff, R::co_unit_staff}, {S::in_handling, S::second_handling}},
  };
  return kRules;
}

const char* recipient_name(Recipient r) {
  return kRecipients.at(static_cast<size_t>(r));
}

const std::vector<NoticeRule>& notice_rules() {
  using P = Recipient;
  static const std::vector<NoticeRule> kRules = {
      {A::submit, S::awaiting_cosign, {P::invited_cosigners}, true, "联名邀请：请确认是否联名提案{title}"},
      {A::cosign, S::submitted, {P::proposer}, false, "联名确认进展：{title} 已完成联名确认并提交"},
      {A::cosign, S::awaiting_cosign, {P::proposer}, false, "联名确认进展：{title} 有委员答复了联名邀请"},
      {A::return_for_revision, std::nullopt, {P::proposers}, false, "提案{title}被退回修改，请按意见修改后重新提交"},
      {A::file, std::nullopt, {P::proposers}, false, "提案{title}已立案，编号 {number}"},
      {A::decline, std::nullopt, {P::proposers}, false, "提案{title}未予立案"},
      {A::merge, std::nullopt, {P::proposers, P::merged_into}, false, "提案{title}已与相似提案并案办理"},
      {A::assign, std::nullopt, {P::units_to_sign}, true, "新交办提案{title}，请及时签收"},
      {A::reassign, std::nullopt, {P::units_to_sign}, true, "新交办提案{title}，请及时签收"},
      {A::request_return, std::nullopt, {P::proposal_staff}, false, "承办单位申请退回：{title}"},
      {A::request_extension, std::nullopt, {P::proposal_staff}, false, "承办单位申请延期：{title}"},
      {A::submit_reply, std::nullopt, {P::lead_unit_leaders}, false, "答复待审核：{title}"},
      {A::approve_reply, std::nullopt, {P::proposal_staff}, false, "答复待提案委审核：{title}"},
      {A::reject_reply, std::nullopt, {P::lead_unit_staff}, false, "答复被退回，请修改后重新提交：{title}"},
      {A::send_back_reply, std::nullopt, {P::lead_unit_staff}, false, "答复被退回，请修改后重新提交：{title}"},
      {A::pass_reply, std::nullopt, {P::proposers}, true, "提案{title}已答复，请查看并反馈意见"},
      {A::feedback, S::second_handling, {P::lead_units}, true, "提案人对答复不满意，请重新办理：{title}{due}"},
      {A::close, std::nullopt, {P::proposers}, false, "提案{title}已办结"},
      {A::publish, std::nullopt, {P::proposers}, false, "提案{title}及答复已向社会公开"},
      {A::grant_extension, std::nullopt, {P::lead_units}, false, "延期申请已处理：{title}"},
  };
  return kRules;
}

const NoticeRule* notice_rule(Action action, State to) {
  for (const auto& r : notice_rules())
    if (r.action == action && (!r.to || *r.to == to)) return &r;
  return nullptr;
}

Json workflow_json() {
  auto names = [](const std::vector<State>& set) {
    Json a = Json::array();
    for (State s : set) a.push_back(state_name(s));
    return a;
  };
  Json states = Json::array();
  for (State s : all_states())
    states.push_back({{"name", state_name(s)}, {"label", state_label(s)}, {"phase", phase_name(phase_of(s))}});
  Json actions = Json::array();
  for (Action a : all_actions()) actions.push_back({{"name", action_name(a)}, {"label", action_label(a)}});
  Json rows = Json::array();
  for (const auto& t : transitions())
    rows.push_back({{"from", state_name(t.from)},
                    {"action", action_name(t.action)},
                    {"actor", actor_name(t.actor)},
                    {"guard", kGuards.at(static_cast<size_t>(t.guard))},
                    {"to", state_name(t.to)},
                    {"deadline", deadline_name(t.deadline)}});
  Json sets = {{"editable", names(editable_states())},
               {"handling", names(handling_states())},
               {"overdue", names(overdue_states())},
               {"merge_target", names(merge_target_states())},
               {"mergeable", names(states_allowing(Action::merge))},
               {"assigned", names(assigned_states())}};
  Json uploads = Json::array();
  for (const auto& u : upload_rules()) {
    Json actors = Json::array();
    for (Actor a : u.actors) actors.push_back(actor_name(a));
    uploads.push_back({{"purpose", u.purpose}, {"actors", actors}, {"states", names(u.states)}});
  }
  Json notify = Json::array();
  for (const auto& n : notice_rules()) {
    Json to = Json::array();
    for (Recipient r : n.recipients) to.push_back(recipient_name(r));
    notify.push_back({{"action", action_name(n.action)},
                      {"to_state", n.to ? Json(state_name(*n.to)) : Json(nullptr)},
                      {"recipients", to},
                      {"sms", n.sms}});
  }
  return {{"states", states}, {"actions", actions}, {"transitions", rows},
          {"sets", sets},     {"uploads", uploads}, {"notify", notify}};
}

}  // namespace sl::proposals
