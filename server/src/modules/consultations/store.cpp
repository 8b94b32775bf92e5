#include "modules/consultations/store.hpp"

#include <algorithm>

#include "core/db/row_json.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/deliberation.hpp"
#include "modules/consultations/outcomes.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/consultations/queries.hpp"
#include "modules/consultations/research.hpp"
#include "modules/consultations/workflow.hpp"

namespace sl::consultations {

namespace {

Json plan_row_json(const db::Row& r) {
  auto state = parse_plan_state(r.text("state")).value_or(PlanState::drafting);
  return {{"id", r.integer("id")},
          {"year", r.integer("year")},
          {"title", r.text("title")},
          {"state", name(state)},
          {"state_label", label(state)},
          {"doc_number", r.text("doc_number")},
          {"published_on", db::text_or_null(r, "published_on")},
          {"version", r.integer("version")},
          {"updated_at", r.text("updated_at")}};
}

/// The SQL condition on `t` (and its plan `p`) for the topics the caller may read; binds nothing.
std::string visible(const Principal& user) {
  if (reads_everything(user)) return "1=1";
  std::string cond = "(p.state = 'published' AND t.state IN (" + sql_list(in_plan_states()) + "))";
  cond += " OR t.proposed_by = " + std::to_string(user.user_id);
  for (const auto* g : user.grants_of(Role::group_contact)) {
    if (g->party_id) cond += " OR t.party_id = " + std::to_string(*g->party_id);
    if (g->sector_id) cond += " OR t.sector_id = " + std::to_string(*g->sector_id);
  }
  return "(" + cond + ")";
}

/// The condition for "mine": topics the caller leads, staffs, answers for or put forward.
std::string mine(const Principal& user) {
  std::string cond =
      "t.lead_leader_id = " + std::to_string(user.user_id) + " OR t.proposed_by = " + std::to_string(user.user_id);
  for (const auto* g : user.grants_of(Role::committee_staff))
    if (g->special_committee_id) cond += " OR t.special_committee_id = " + std::to_string(*g->special_committee_id);
  for (const auto* g : user.grants_of(Role::group_contact)) {
    if (g->party_id) cond += " OR t.party_id = " + std::to_string(*g->party_id);
    if (g->sector_id) cond += " OR t.sector_id = " + std::to_string(*g->sector_id);
  }
  for (int64_t u : user.unit_scope())
    cond += " OR t.id IN (SELECT topic_id FROM consultation_topic_units WHERE unit_id = " + std::to_string(u) + ")";
  return "(" + cond + ")";
}

Json named_list(db::Connection& c, const char* q, int64_t id) {
  Json out = Json::array();
  for (const auto& r : c.exec(q, {id}).rows) out.push_back({{"id", r.integer(0)}, {"name", r.text(1)}});
  return out;
}

Json topic_row_json(db::Connection& c, const db::Row& r) {
  auto state = parse_topic_state(r.text("state")).value_or(TopicState::planned);
  auto kind = parse_kind(r.text("kind")).value_or(Kind::thematic);
  auto form = parse_form(r.text("form")).value_or(Form::meeting);
  int64_t id = r.integer("id");
  return {{"id", id},
          {"plan_id", r.integer("plan_id")},
          {"plan_year", r.integer("plan_year")},
          {"kind", name(kind)},
          {"kind_label", label(kind)},
          {"title", r.text("title")},
          {"purpose", r.text("purpose")},
          {"lead_leader_id", db::int_or_null(r, "lead_leader_id")},
          {"lead_leader_name", db::text_or_null(r, "lead_leader_name")},
          {"special_committee_id", db::int_or_null(r, "special_committee_id")},
          {"special_committee_name", db::text_or_null(r, "special_committee_name")},
          {"party_id", db::int_or_null(r, "party_id")},
          {"party_name", db::text_or_null(r, "party_name")},
          {"sector_id", db::int_or_null(r, "sector_id")},
          {"sector_name", db::text_or_null(r, "sector_name")},
          {"planned_month", r.integer("planned_month")},
          {"form", name(form)},
          {"form_label", label(form)},
          {"participants", r.text("participants")},
          {"state", name(state)},
          {"state_label", label(state)},
          {"added_in_year", r.integer("added_in_year") != 0},
          {"addition_reason", r.text("addition_reason")},
          {"proposed_by_name", r.text("proposed_by_name")},
          {"held_on", db::text_or_null(r, "held_on")},
          {"version", r.integer("version")},
          {"units", named_list(c, sql::kTopicUnits, id)}};
}

std::string topic_select(const std::string& where) {
  return std::string("SELECT ") + sql::kTopicColumns + " " + sql::kTopicJoins + " WHERE " + where;
}

}  // namespace

Json plans_list(db::Connection& c, const Principal& p) {
  Json items = Json::array();
  // Those who may put a topic forward see the plans being drafted too (their own topics in them).
  const char* q =
      reads_everything(p) || may_propose_topic(p) ? sql::kPlansOfCommittee : sql::kPublishedPlansOfCommittee;
  for (const auto& r : c.exec(q, {p.committee_id}).rows) items.push_back(plan_row_json(r));
  return {{"items", items}, {"can_create", is_office(p)}};
}

Json plan_detail(db::Connection& c, const Principal& p, int64_t id, const std::string& today) {
  auto r = c.exec(sql::kPlan, {id});
  if (r.empty() || r.one().integer("committee_id") != p.committee_id) throw ApiError::not_found("协商计划");
  auto state = parse_plan_state(r.one().text("state")).value_or(PlanState::drafting);
  if (state != PlanState::published && !reads_everything(p) && !may_propose_topic(p))
    throw ApiError::not_found("协商计划");
  Json out = plan_row_json(r.one());
  Json steps = Json::array();
  for (const auto& s : c.exec(sql::kPlanSteps, {id}).rows) {
    auto a = parse_plan_action(s.text("action"));
    steps.push_back({{"action", s.text("action")},
                     {"action_label", a ? label(*a) : ""},
                     {"from", s.text("from_state")},
                     {"to", s.text("to_state")},
                     {"acted_on", s.text("acted_on")},
                     {"doc_number", s.text("doc_number")},
                     {"note", s.text("note")},
                     {"actor_name", s.text("actor_name")},
                     {"at", s.text("at")}});
  }
  out["steps"] = steps;
  Json actions = Json::array();
  if (is_office(p))
    for (const auto& t : plan_transitions())
      if (t.from == state)
        actions.push_back(
            {{"action", name(t.action)}, {"label", label(t.action)}, {"needs_doc_number", t.needs_doc_number}});
  out["allowed_actions"] = actions;
  out["can_add_topic"] = may_propose_topic(p) && state != PlanState::chair_review && state != PlanState::party_review;
  Json topics = Json::array();
  for (const auto& t :
       c.exec(topic_select("t.plan_id = $1 AND " + visible(p)) + " ORDER BY t.planned_month, t.id", {id}).rows)
    topics.push_back(topic_row_json(c, t));
  out["topics"] = topics;
  out["warnings"] = reads_everything(p) ? coverage_warnings(c, p.committee_id, id, today) : Json::array();
  return out;
}

Json topics_list(db::Connection& c, const Principal& p, const TopicFilter& f) {
  std::string where = "t.committee_id = $1 AND " + visible(p);
  std::vector<db::Value> params = {p.committee_id};
  auto bind = [&](db::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (f.plan_id) where += " AND t.plan_id = " + bind(*f.plan_id);
  if (f.kind) where += " AND t.kind = " + bind(*f.kind);
  if (f.state) where += " AND t.state = " + bind(*f.state);
  if (f.mine) where += " AND " + mine(p);
  if (!f.q.empty()) where += " AND t.title LIKE " + bind("%" + f.q + "%");
  Json items = Json::array();
  for (const auto& r : c.exec(topic_select(where) + " ORDER BY p.year DESC, t.planned_month, t.id", params).rows)
    items.push_back(topic_row_json(c, r));
  return {{"items", items}, {"total", items.size()}};
}

void require_topic_visible(db::Connection& c, const Principal& p, int64_t id) {
  if (c.exec("SELECT t.id " + std::string(sql::kTopicJoins) + " WHERE t.id = $1 AND t.committee_id = $2 AND " +
                 visible(p),
             {id, p.committee_id})
          .empty())
    throw ApiError::not_found("协商议题");
}

Json topic_detail(db::Connection& c, const Principal& p, int64_t id) {
  auto r = c.exec(topic_select("t.id = $1 AND t.committee_id = $2 AND " + visible(p)), {id, p.committee_id});
  if (r.empty()) throw ApiError::not_found("协商议题");
  Json out = topic_row_json(c, r.one());
  auto state = parse_topic_state(r.one().text("state")).value_or(TopicState::planned);
  auto plan_state = parse_plan_state(r.one().text("plan_state")).value_or(PlanState::drafting);
  out["plan_state"] = name(plan_state);
  out["plan_state_label"] = label(plan_state);
  Json proposals = Json::array();
  for (const auto& x : c.exec(sql::kTopicProposals, {id}).rows)
    proposals.push_back(
        {{"id", x.integer(0)}, {"title", x.text(1)}, {"number_label", db::text_or_null(x, "number_label")}});
  out["proposals"] = proposals;
  Json hist = Json::array();
  for (const auto& h : c.exec(sql::kTopicHistory, {id}).rows)
    hist.push_back({{"action", h.text("action")},
                    {"from", h.text("from_state")},
                    {"to", h.text("to_state")},
                    {"note", h.text("note")},
                    {"actor_name", h.text("actor_name")},
                    {"at", h.text("at")}});
  out["history"] = hist;
  Json posts = Json::array();
  std::optional<int64_t> pending;
  for (const auto& x : c.exec(sql::kTopicPostponements, {id}).rows) {
    if (x.text("state") == "pending") pending = x.integer("id");
    posts.push_back({{"id", x.integer("id")},
                     {"from_month", x.integer("from_month")},
                     {"to_month", x.integer("to_month")},
                     {"reason", x.text("reason")},
                     {"state", x.text("state")},
                     {"requested_by_name", x.text("requested_by_name")},
                     {"requested_at", x.text("requested_at")},
                     {"decided_by_name", x.text("decided_by_name")},
                     {"decided_at", db::text_or_null(x, "decided_at")},
                     {"decision_note", x.text("decision_note")}});
  }
  out["postponements"] = posts;
  // The caller's rights to it, from the row already read (not a second load).
  const auto& row = r.one();
  TopicRef ref;
  ref.id = id;
  ref.committee_id = p.committee_id;
  ref.special_committee_id = row.opt_int("special_committee_id");
  ref.party_id = row.opt_int("party_id");
  ref.sector_id = row.opt_int("sector_id");
  ref.lead_leader_id = row.opt_int("lead_leader_id");
  ref.proposed_by = row.opt_int("proposed_by");
  for (const auto& u : out["units"]) ref.unit_ids.push_back(u["id"].get<int64_t>());
  Json actions = Json::array();
  for (auto a : allowed_topic_actions(p, ref, state, plan_state))
    actions.push_back({{"action", name(a)}, {"label", label(a)}});
  out["allowed_actions"] = actions;
  const bool runs = is_office(p) || staffs(p, ref.special_committee_id);
  const bool review = plan_state == PlanState::chair_review || plan_state == PlanState::party_review;
  const bool own_proposal = state == TopicState::proposed && ref.proposed_by == p.user_id;
  out["can_edit"] = (runs || own_proposal) && !review && state != TopicState::dropped;
  const auto& ps = postponable_states();
  out["can_request_postponement"] = runs && !pending && std::find(ps.begin(), ps.end(), state) != ps.end();
  out["can_decide_postponement"] = pending.has_value() && p.has(Role::leader);
  out["pending_postponement_id"] = pending ? Json(*pending) : Json(nullptr);
  out["outcomes"] = outcomes_of_topic(c, p, id);
  out["research"] = research_of_topic(c, p, id);
  out["deliberation"] = deliberation_summary(c, p, id);
  out["can_add_outcome"] = runs && (state == TopicState::consulted || state == TopicState::following);
  out["can_arrange_meeting"] = runs && state != TopicState::dropped && state != TopicState::concluded;
  return out;
}

Json coverage_warnings(db::Connection& c, int64_t committee_id, int64_t plan_id, const std::string& today) {
  Json out = Json::array();
  const std::string counted = "t.plan_id = $1 AND t.state IN (" + sql_list(in_plan_states()) + ")";
  Json missing = Json::array();
  for (const auto& s : c.exec(sql::kSpecialCommittees, {committee_id}).rows) {
    auto n = c.exec("SELECT COUNT(*) FROM consultation_topics t WHERE " + counted +
                        " AND t.kind IN ('counterpart', 'proposal_handling') AND t.special_committee_id = $2",
                    {plan_id, s.integer(0)});
    if (n.one().integer(0) == 0) missing.push_back(s.text(1));
  }
  if (!missing.empty())
    out.push_back({{"kind", "special_committee_without_counterpart"},
                   {"message", "以下专委会本年度没有对口协商议题"},
                   {"names", missing}});
  Json parties = Json::array();
  for (const auto& s : c.exec(sql::kParties, {committee_id}).rows) {
    auto n = c.exec(
        "SELECT COUNT(*) FROM consultation_topics t WHERE " + counted + " AND t.kind = 'sector' AND t.party_id = $2",
        {plan_id, s.integer(0)});
    if (n.one().integer(0) == 0) parties.push_back(s.text(1));
  }
  if (!parties.empty())
    out.push_back(
        {{"kind", "party_without_sector_topic"}, {"message", "以下党派本年度没有界别协商活动"}, {"names", parties}});
  auto plan = c.exec(sql::kPlan, {plan_id});
  int year = static_cast<int>(plan.one().integer("year"));
  int this_year = std::stoi(today.substr(0, 4));
  int this_month = std::stoi(today.substr(5, 2));
  Json late = Json::array();
  for (const auto& t : c.exec("SELECT t.id, t.title, t.planned_month FROM consultation_topics t WHERE t.plan_id = $1 "
                              "AND t.state IN (" +
                                  sql_list(pending_states()) + ") ORDER BY t.planned_month, t.id",
                              {plan_id})
                           .rows) {
    int month = static_cast<int>(t.integer(2));
    if (year < this_year || (year == this_year && month < this_month))
      late.push_back({{"id", t.integer(0)}, {"title", t.text(1)}, {"planned_month", month}});
  }
  if (!late.empty())
    out.push_back({{"kind", "topic_overdue"}, {"message", "以下议题已过计划月份，尚未开展协商"}, {"topics", late}});
  return out;
}

}  // namespace sl::consultations
