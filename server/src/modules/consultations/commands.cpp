#include "modules/consultations/commands.hpp"

#include <algorithm>
#include <set>

#include "core/audit/audit.hpp"
#include "modules/consultations/events.hpp"
#include "modules/consultations/queries.hpp"

namespace sl::consultations {

namespace {

struct PlanRow {
  int64_t id = 0;
  int64_t committee_id = 0;
  int year = 0;
  std::string title;
  PlanState state = PlanState::drafting;
  int64_t version = 0;
};

PlanRow load_plan(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r = c.exec(sql::kPlan, {id});
  if (r.empty() || r.one().integer("committee_id") != committee_id) throw ApiError::not_found("协商计划");
  const auto& row = r.one();
  return {row.integer("id"),
          row.integer("committee_id"),
          static_cast<int>(row.integer("year")),
          row.text("title"),
          parse_plan_state(row.text("state")).value_or(PlanState::drafting),
          row.integer("version")};
}

Json plan_json(const PlanRow& p) {
  return {{"id", p.id}, {"year", p.year}, {"title", p.title}, {"state", name(p.state)}};
}

std::optional<int64_t> opt_id(const db::Row& r, std::string_view col) {
  return r.opt_int(col);
}

Json ids_json(const std::vector<int64_t>& v) {
  Json a = Json::array();
  for (int64_t x : v) a.push_back(x);
  return a;
}

/// The fields of a topic a person knows, for the audit diff.
Json topic_audit(const TopicRow& t) {
  auto o = [](const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); };
  return {{"kind", name(t.kind)},
          {"title", t.title},
          {"purpose", t.purpose},
          {"planned_month", t.planned_month},
          {"form", name(t.form)},
          {"participants", t.participants},
          {"state", name(t.state)},
          {"lead_leader_id", o(t.ref.lead_leader_id)},
          {"special_committee_id", o(t.ref.special_committee_id)},
          {"party_id", o(t.ref.party_id)},
          {"sector_id", o(t.ref.sector_id)},
          {"unit_ids", ids_json(t.ref.unit_ids)},
          {"proposal_ids", ids_json(t.proposal_ids)}};
}

void history(db::Connection& c, const Caller& by, int64_t topic_id, const std::string& action, const std::string& from,
             const std::string& to, const std::string& note) {
  c.exec(sql::kInsertTopicHistory, {topic_id, action, from, to, note, by.user.user_id, by.user.name, by.at()});
}

db::Value nullable(const std::optional<int64_t>& v) {
  if (!v || *v == 0) return nullptr;
  return *v;
}

/// Checks that every reference the topic names exists in the caller's committee, and the kind's
/// own needs (对口: a special committee; 界别: a party or sector; 提案办理: key proposals).
void check_references(db::Connection& c, int64_t committee_id, const TopicRow& t) {
  Json problems = Json::object();
  auto exists = [&](const char* q, int64_t id) { return !c.exec(q, {id, committee_id}).empty(); };
  if (t.ref.lead_leader_id && !exists(sql::kLeaderOfCommittee, *t.ref.lead_leader_id))
    problems["lead_leader_id"] = "所选牵头领导不是本会领导";
  if (t.ref.special_committee_id && !exists(sql::kSpecialCommitteeOf, *t.ref.special_committee_id))
    problems["special_committee_id"] = "专委会不存在";
  if (t.ref.party_id && !exists(sql::kPartyOf, *t.ref.party_id)) problems["party_id"] = "党派不存在";
  if (t.ref.sector_id && !exists(sql::kSectorOf, *t.ref.sector_id)) problems["sector_id"] = "界别不存在";
  for (int64_t u : t.ref.unit_ids)
    if (!exists(sql::kUnitOf, u)) problems["unit_ids"] = "对口部门中有不存在的单位";
  for (int64_t p : t.proposal_ids)
    if (!exists(sql::kProposalOf, p)) problems["proposal_ids"] = "关联提案中有不存在的提案";
  if (t.kind == Kind::counterpart && !t.ref.special_committee_id && !problems.contains("special_committee_id"))
    problems["special_committee_id"] = "对口协商需指定牵头专委会";
  if (t.kind == Kind::sector && !t.ref.party_id && !t.ref.sector_id)
    problems["party_id"] = "界别协商需指定牵头党派或界别";
  if (t.kind == Kind::proposal_handling && t.proposal_ids.empty() && !problems.contains("proposal_ids"))
    problems["proposal_ids"] = "提案办理协商需关联重点提案";
  if (!problems.empty()) throw ApiError(ErrorCode::validation_failed, "议题信息有误", problems);
}

/// Applies the fields `in` carries to `t`.
void apply(TopicRow& t, const TopicInput& in) {
  auto ref = [](std::optional<int64_t>& field, const std::optional<int64_t>& v) {
    if (v) field = *v == 0 ? std::nullopt : std::optional<int64_t>(*v);
  };
  if (in.kind) t.kind = *in.kind;
  if (in.title) t.title = *in.title;
  if (in.purpose) t.purpose = *in.purpose;
  ref(t.ref.lead_leader_id, in.lead_leader_id);
  ref(t.ref.special_committee_id, in.special_committee_id);
  ref(t.ref.party_id, in.party_id);
  ref(t.ref.sector_id, in.sector_id);
  auto unique = [](const std::vector<int64_t>& v) {  // in the caller's order, each once
    std::vector<int64_t> out;
    for (int64_t x : v)
      if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
    return out;
  };
  if (in.unit_ids) t.ref.unit_ids = unique(*in.unit_ids);
  if (in.proposal_ids) t.proposal_ids = unique(*in.proposal_ids);
  if (in.planned_month) t.planned_month = *in.planned_month;
  if (in.form) t.form = *in.form;
  if (in.participants) t.participants = *in.participants;
}

/// What a caller who is not the office may put forward: a special committee's staff their own
/// committee's topics, a contact a 界别协商 topic of their own party or sector.
void check_proposer_scope(const Principal& p, const TopicRow& t) {
  if (is_office(p)) return;
  if (staffs(p, t.ref.special_committee_id)) return;
  if (t.kind == Kind::sector && contact_of(p, t.ref)) return;
  if (p.has(Role::group_contact)) throw ApiError::forbidden("党派界别联络人只能为本党派、本界别提出界别协商议题");
  throw ApiError::forbidden("专委会工作人员只能为本专委会提出议题");
}

void write_links(db::Connection& c, const TopicRow& t) {
  c.exec(sql::kClearTopicUnits, {t.ref.id});
  for (int64_t u : t.ref.unit_ids) c.exec(sql::kInsertTopicUnit, {t.ref.id, u});
  c.exec(sql::kClearTopicProposals, {t.ref.id});
  for (int64_t p : t.proposal_ids) c.exec(sql::kInsertTopicProposal, {t.ref.id, p});
}

bool contains_state(const std::vector<TopicState>& set, TopicState s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool under_review(PlanState s) {
  return s == PlanState::chair_review || s == PlanState::party_review;
}

bool guard_holds(Guard g, PlanState plan) {
  return g == Guard::none || (g == Guard::plan_drafting && plan == PlanState::drafting);
}

}  // namespace

void audit_act(db::Connection& c, const Caller& by, const std::string& action, const char* subject_type, int64_t id,
               Json before, Json after) {
  auto e = audit::entry_by(by.user, by.address, action, subject_type, std::to_string(id));
  e.before = std::move(before);
  e.after = std::move(after);
  audit::record(c, e);
}

Event event_of(const Caller& by, std::string name, int64_t id, Json payload) {
  return {std::move(name), by.user.committee_id, by.user.user_id, std::to_string(id), std::move(payload)};
}

TopicRow load_topic(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r = c.exec(std::string("SELECT ") + sql::kTopicColumns + " " + sql::kTopicJoins + " WHERE t.id = $1", {id});
  if (r.empty() || r.one().integer("committee_id") != committee_id) throw ApiError::not_found("协商议题");
  const auto& row = r.one();
  TopicRow t;
  t.ref.id = id;
  t.ref.committee_id = committee_id;
  t.ref.special_committee_id = opt_id(row, "special_committee_id");
  t.ref.party_id = opt_id(row, "party_id");
  t.ref.sector_id = opt_id(row, "sector_id");
  t.ref.lead_leader_id = opt_id(row, "lead_leader_id");
  t.ref.proposed_by = opt_id(row, "proposed_by");
  for (const auto& u : c.exec(sql::kTopicUnits, {id}).rows) t.ref.unit_ids.push_back(u.integer(0));
  for (const auto& p : c.exec(sql::kTopicProposals, {id}).rows) t.proposal_ids.push_back(p.integer(0));
  t.plan_id = row.integer("plan_id");
  t.state = parse_topic_state(row.text("state")).value_or(TopicState::planned);
  t.plan_state = parse_plan_state(row.text("plan_state")).value_or(PlanState::drafting);
  t.version = row.integer("version");
  t.kind = parse_kind(row.text("kind")).value_or(Kind::thematic);
  t.title = row.text("title");
  t.purpose = row.text("purpose");
  t.participants = row.text("participants");
  t.planned_month = static_cast<int>(row.integer("planned_month"));
  t.form = parse_form(row.text("form")).value_or(Form::meeting);
  return t;
}

Outcome create_plan(db::Connection& c, const Caller& by, const PlanInput& in) {
  require_office(by.user, "编制协商计划");
  const int64_t committee = by.user.committee_id;
  if (!c.exec(sql::kPlanYearTaken, {committee, in.year}).empty())
    throw ApiError::conflict(std::to_string(in.year) + "年度的协商计划已存在");
  std::string title = in.title;
  if (title.empty()) {
    auto n = c.exec(sql::kCommitteeName, {committee});
    title = (n.empty() ? std::string() : n.one().text(0)) + std::to_string(in.year) + "年度协商工作计划";
  }
  int64_t id = c.exec(sql::kInsertPlan, {committee, in.year, title, by.user.user_id, by.at()}).one().integer(0);
  PlanRow p{id, committee, in.year, title, PlanState::drafting, 1};
  audit_act(c, by, "consultation.plan.create", "consultation_plan", id, nullptr, plan_json(p));
  return {id, event_of(by, events::kPlanCreated, id, {{"year", in.year}})};
}

Outcome plan_step(db::Connection& c, const Caller& by, int64_t id, const PlanStepInput& in) {
  require_office(by.user, "办理协商计划的审议和印发");
  PlanRow p = load_plan(c, by.user.committee_id, id);
  const PlanTransition* row = nullptr;
  for (const auto& t : plan_transitions())
    if (t.from == p.state && t.action == in.action) row = &t;
  if (!row)
    throw ApiError(ErrorCode::illegal_transition,
                   std::string("协商计划当前为“") + label(p.state) + "”，不能“" + label(in.action) + "”");
  if (p.version != in.version) throw ApiError(ErrorCode::version_conflict, "协商计划已被修改，请刷新后再试");
  if (row->needs_doc_number && in.doc_number.empty()) throw ApiError::validation("doc_number", "印发计划需填写文号");
  if (in.action == PlanAction::submit_to_chair) {
    auto r = c.exec(
        "SELECT COUNT(*) FROM consultation_topics WHERE plan_id = $1 AND state IN (" + sql_list(in_plan_states()) + ")",
        {id});
    if (r.one().integer(0) == 0) throw ApiError::conflict("计划中还没有列入的议题，不能提交审议");
  }
  const bool publishing = in.action == PlanAction::publish;
  auto moved = c.exec(sql::kMovePlan, {id, in.version, name(row->to), publishing ? in.doc_number : std::string(),
                                       publishing ? db::Value(in.acted_on) : db::Value(nullptr), by.at()});
  if (moved.affected == 0) throw ApiError(ErrorCode::version_conflict, "协商计划已被修改，请刷新后再试");
  c.exec(sql::kInsertPlanStep, {id, name(in.action), name(p.state), name(row->to), in.acted_on, in.doc_number, in.note,
                                by.user.user_id, by.user.name, by.at()});
  const PlanState from = p.state;
  Json before = plan_json(p);
  p.state = row->to;
  Json after = plan_json(p);
  after["acted_on"] = in.acted_on;
  if (!in.doc_number.empty()) after["doc_number"] = in.doc_number;
  audit_act(c, by, std::string("consultation.plan.") + name(in.action), "consultation_plan", id, before, after);
  return {id, event_of(by, events::of(in.action), id,
                       {{"action", name(in.action)}, {"from", name(from)}, {"to", name(row->to)}})};
}

Outcome create_topic(db::Connection& c, const Caller& by, const TopicInput& in) {
  if (!may_propose_topic(by.user))
    throw ApiError::forbidden("只有政协办公室、专委会工作人员和党派界别联络人可以提出协商议题");
  const int64_t committee = by.user.committee_id;
  PlanRow plan = load_plan(c, committee, in.plan_id.value_or(0));
  if (under_review(plan.state)) throw ApiError::conflict("协商计划正在审议中，暂不能增加议题");
  TopicRow t;
  t.ref.committee_id = committee;
  apply(t, in);
  check_proposer_scope(by.user, t);
  check_references(c, committee, t);
  const bool in_year = plan.state == PlanState::published;
  if (in_year && in.reason.value_or("").empty()) throw ApiError::validation("reason", "计划印发后增加议题，需说明理由");
  t.state = is_office(by.user) && plan.state == PlanState::drafting ? TopicState::planned : TopicState::proposed;
  t.ref.proposed_by = by.user.user_id;
  int64_t id = c.exec(sql::kInsertTopic,
                      {committee, plan.id, name(t.kind), t.title, t.purpose, nullable(t.ref.lead_leader_id),
                       nullable(t.ref.special_committee_id), nullable(t.ref.party_id), nullable(t.ref.sector_id),
                       t.planned_month, name(t.form), t.participants, name(t.state), in_year ? 1 : 0,
                       in.reason.value_or(""), by.user.user_id, by.user.name, by.at()})
                   .one()
                   .integer(0);
  t.ref.id = id;
  write_links(c, t);
  history(c, by, id, "create", "", name(t.state), in.reason.value_or(""));
  audit_act(c, by, "consultation.topic.create", "consultation_topic", id, nullptr, topic_audit(t));
  return {id, event_of(by, events::kTopicCreated, id, {{"plan_id", plan.id}, {"state", name(t.state)}})};
}

Outcome update_topic(db::Connection& c, const Caller& by, int64_t id, const TopicInput& in) {
  TopicRow t = load_topic(c, by.user.committee_id, id);
  const bool own_proposal = t.state == TopicState::proposed && t.ref.proposed_by == by.user.user_id;
  if (!is_office(by.user) && !staffs(by.user, t.ref.special_committee_id) && !own_proposal)
    throw ApiError::forbidden("只有政协办公室和牵头专委会可以修改该议题");
  if (under_review(t.plan_state)) throw ApiError::conflict("协商计划正在审议中，暂不能修改议题");
  if (t.state == TopicState::dropped) throw ApiError(ErrorCode::illegal_transition, "该议题未列入计划，不能修改");
  if (t.version != in.version) throw ApiError(ErrorCode::version_conflict, "协商议题已被修改，请刷新后再试");
  const bool fixed = t.plan_state == PlanState::published && t.state != TopicState::proposed;
  if (fixed) {
    Json problems = Json::object();
    if (in.kind && *in.kind != t.kind) problems["kind"] = "计划印发后不能修改议题类别";
    if (in.title && *in.title != t.title) problems["title"] = "计划印发后不能修改议题名称";
    if (in.planned_month && *in.planned_month != t.planned_month)
      problems["planned_month"] = "计划印发后调整时间请申请延期";
    if (!problems.empty()) throw ApiError(ErrorCode::validation_failed, "计划印发后部分内容不能修改", problems);
  }
  Json before = topic_audit(t);
  apply(t, in);
  check_proposer_scope(by.user, t);
  check_references(c, by.user.committee_id, t);
  auto r = c.exec(sql::kUpdateTopic,
                  {id, in.version, t.title, t.purpose, nullable(t.ref.lead_leader_id),
                   nullable(t.ref.special_committee_id), nullable(t.ref.party_id), nullable(t.ref.sector_id),
                   t.planned_month, name(t.form), t.participants, name(t.kind), by.at()});
  if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "协商议题已被修改，请刷新后再试");
  write_links(c, t);
  history(c, by, id, "update", name(t.state), name(t.state), "");
  audit_act(c, by, "consultation.topic.update", "consultation_topic", id, before, topic_audit(t));
  return {id, event_of(by, events::kTopicUpdated, id, {{"plan_id", t.plan_id}})};
}

std::vector<TopicAction> allowed_topic_actions(const Principal& p, const TopicRef& t, TopicState state,
                                               PlanState plan) {
  std::vector<TopicAction> out;
  auto rel = relations_to(p, t);
  for (const auto& row : topic_transitions()) {
    if (row.from != state || !guard_holds(row.guard, plan)) continue;
    if (std::find(rel.begin(), rel.end(), row.actor) == rel.end()) continue;
    if (std::find(out.begin(), out.end(), row.action) == out.end()) out.push_back(row.action);
  }
  return out;
}

namespace {

/// The row the caller may take: 403 when no row of the action has an actor the caller is (in
/// any state), then 409 when the topic's state has no row for it, then 403 when the row's actor
/// or guard does not fit, then the version.
const TopicTransition& authorise(const Caller& by, const TopicRow& t, const TopicStepInput& in) {
  const auto rel = relations_to(by.user, t.ref);
  auto is = [&](Actor a) { return std::find(rel.begin(), rel.end(), a) != rel.end(); };
  bool may_ever = false;
  for (const auto& row : topic_transitions())
    if (row.action == in.action && is(row.actor)) may_ever = true;
  if (!may_ever) throw ApiError::forbidden(std::string("您不能对该议题执行“") + label(in.action) + "”");
  bool exists = false;
  for (const auto& row : topic_transitions()) {
    if (row.from != t.state || row.action != in.action) continue;
    exists = true;
    if (is(row.actor) && guard_holds(row.guard, t.plan_state)) {
      if (t.version != in.version) throw ApiError(ErrorCode::version_conflict, "协商议题已被修改，请刷新后再试");
      return row;
    }
  }
  if (!exists)
    throw ApiError(ErrorCode::illegal_transition,
                   std::string("议题当前为“") + label(t.state) + "”，不能“" + label(in.action) + "”");
  throw ApiError::forbidden(std::string("您不能对该议题执行“") + label(in.action) + "”");
}

}  // namespace

void authorise_topic_step(db::Connection& c, const Caller& by, int64_t id, const TopicStepInput& in) {
  authorise(by, load_topic(c, by.user.committee_id, id), in);
}

Outcome topic_step(db::Connection& c, const Caller& by, int64_t id, const TopicStepInput& in,
                   const TopicStepFields& fields) {
  TopicRow t = load_topic(c, by.user.committee_id, id);
  const TopicTransition& row = authorise(by, t, in);
  if (fields.held_on && in.action == TopicAction::record_consultation && *fields.held_on > by.today())
    throw ApiError::validation("held_on", "举行日期不能晚于今天");
  auto r = c.exec(sql::kMoveTopic, {id, in.version, name(row.to), db::opt(fields.held_on), by.at()});
  if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "协商议题已被修改，请刷新后再试");
  history(c, by, id, name(in.action), name(t.state), name(row.to), fields.note);
  Json after = {{"state", name(row.to)}};
  if (fields.held_on) after["held_on"] = *fields.held_on;
  if (!fields.note.empty()) after["note"] = fields.note;
  audit_act(c, by, std::string("consultation.topic.") + name(in.action), "consultation_topic", id,
            {{"state", name(t.state)}}, after);
  return {
      id,
      event_of(by, events::of(in.action), id,
               {{"action", name(in.action)}, {"from", name(t.state)}, {"to", name(row.to)}, {"plan_id", t.plan_id}})};
}

Outcome request_postponement(db::Connection& c, const Caller& by, int64_t topic_id, const PostponeInput& in) {
  TopicRow t = load_topic(c, by.user.committee_id, topic_id);
  if (!is_office(by.user) && !staffs(by.user, t.ref.special_committee_id))
    throw ApiError::forbidden("只有政协办公室和牵头专委会可以申请延期");
  if (!contains_state(postponable_states(), t.state))
    throw ApiError(ErrorCode::illegal_transition, std::string("议题当前为“") + label(t.state) + "”，不能申请延期");
  if (in.to_month == t.planned_month) throw ApiError::validation("to_month", "延期后的月份与原计划相同");
  if (!c.exec(sql::kPendingPostponement, {topic_id}).empty()) throw ApiError::conflict("该议题已有待审批的延期申请");
  int64_t id = c.exec(sql::kInsertPostponement,
                      {topic_id, t.planned_month, in.to_month, in.reason, by.user.user_id, by.user.name, by.at()})
                   .one()
                   .integer(0);
  history(c, by, topic_id, "request_postponement", name(t.state), name(t.state),
          std::to_string(t.planned_month) + "月→" + std::to_string(in.to_month) + "月：" + in.reason);
  audit_act(c, by, "consultation.topic.request_postponement", "consultation_topic", topic_id,
            {{"planned_month", t.planned_month}}, {{"to_month", in.to_month}, {"reason", in.reason}});
  return {topic_id, event_of(by, events::kPostponementRequested, topic_id, {{"postponement_id", id}})};
}

Outcome decide_postponement(db::Connection& c, const Caller& by, int64_t id, const PostponeDecision& in) {
  auto r = c.exec(sql::kPostponement, {id});
  if (r.empty()) throw ApiError::not_found("延期申请");
  const auto& row = r.one();
  int64_t topic_id = row.integer("topic_id");
  TopicRow t = load_topic(c, by.user.committee_id, topic_id);  // not_found outside the committee
  if (!by.user.has(Role::leader)) throw ApiError::forbidden("只有领导可以审批延期申请");
  if (row.text("state") != "pending") throw ApiError(ErrorCode::illegal_transition, "该延期申请已审批");
  int to_month = static_cast<int>(row.integer("to_month"));
  c.exec(sql::kDecidePostponement,
         {id, in.approve ? "approved" : "rejected", by.user.user_id, by.user.name, by.at(), in.note});
  if (in.approve) c.exec(sql::kSetTopicMonth, {topic_id, to_month, by.at()});
  history(c, by, topic_id, in.approve ? "approve_postponement" : "reject_postponement", name(t.state), name(t.state),
          in.note);
  audit_act(c, by, in.approve ? "consultation.topic.approve_postponement" : "consultation.topic.reject_postponement",
            "consultation_topic", topic_id, {{"planned_month", t.planned_month}},
            {{"planned_month", in.approve ? to_month : t.planned_month}});
  return {topic_id,
          event_of(by, events::kPostponementDecided, topic_id, {{"postponement_id", id}, {"approved", in.approve}})};
}

TopicRef topic_ref(db::Connection& c, int64_t committee_id, int64_t id) {
  return load_topic(c, committee_id, id).ref;
}

void system_step(db::Connection& c, const Caller& by, const TopicRow& t, TopicAction action, const std::string& note) {
  for (const auto& row : topic_transitions()) {
    if (row.from != t.state || row.action != action || row.actor != Actor::system) continue;
    c.exec(sql::kMoveTopic, {t.ref.id, t.version, name(row.to), nullptr, by.at()});
    history(c, by, t.ref.id, name(action), name(t.state), name(row.to), note);
    return;
  }
}

}  // namespace sl::consultations
