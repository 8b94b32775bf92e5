#include "modules/consultations/outcomes.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/db/row_json.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/events.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/consultations/queries.hpp"
#include "modules/proposals/calendar.hpp"

namespace sl::consultations {

namespace {

struct OutcomeRow {
  int64_t id = 0;
  int64_t topic_id = 0;
  OutcomeKind kind = OutcomeKind::opinions;
  std::string title;
  std::string body;
  OutcomeState state = OutcomeState::drafting;
  int64_t version = 0;
};

OutcomeRow load_outcome(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r = c.exec(sql::kOutcome, {id});
  if (r.empty() || r.one().integer("committee_id") != committee_id) throw ApiError::not_found("协商成果");
  const auto& row = r.one();
  return {row.integer("id"),
          row.integer("topic_id"),
          parse_outcome_kind(row.text("kind")).value_or(OutcomeKind::opinions),
          row.text("title"),
          row.text("body"),
          parse_outcome_state(row.text("state")).value_or(OutcomeState::drafting),
          row.integer("version")};
}

void outcome_history(db::Connection& c, const Caller& by, int64_t id, const std::string& action,
                     const std::string& from, const std::string& to, const std::string& note) {
  c.exec(sql::kInsertOutcomeHistory, {id, action, from, to, note, by.user.user_id, by.user.name, by.at()});
}

/// The office, or staff of the topic's leading special committee.
bool runs(const Principal& p, const TopicRef& t) {
  return is_office(p) || staffs(p, t.special_committee_id);
}

bool has(const std::vector<Actor>& rel, Actor a) {
  return std::find(rel.begin(), rel.end(), a) != rel.end();
}

/// Concludes the topic when every outcome has its adoption recorded and no item is open.
void maybe_conclude(db::Connection& c, const Caller& by, int64_t topic_id) {
  if (c.exec(sql::kUnconcludedOutcomes, {topic_id}).one().integer(0) > 0) return;
  if (c.exec(sql::kOpenItemsOfTopic, {topic_id}).one().integer(0) > 0) return;
  system_step(c, by, load_topic(c, by.user.committee_id, topic_id), TopicAction::conclude,
              "成果采纳情况已确认，转化事项均已办结");
}

struct ItemRow {
  int64_t id = 0;
  int64_t outcome_id = 0;
  int64_t unit_id = 0;
  std::string title;
  std::string state;
  int64_t topic_id = 0;
};

ItemRow load_item(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r =
      c.exec(std::string("SELECT ") + sql::kFollowItemColumns + " " + sql::kFollowItemJoins + " WHERE f.id = $1", {id});
  if (r.empty() || r.one().integer("committee_id") != committee_id) throw ApiError::not_found("成果转化事项");
  const auto& row = r.one();
  return {row.integer("id"), row.integer("outcome_id"), row.integer("unit_id"),
          row.text("title"), row.text("state"),         row.integer("topic_id")};
}

bool in_scope(const Principal& p, int64_t unit_id) {
  auto scope = p.unit_scope();
  return std::find(scope.begin(), scope.end(), unit_id) != scope.end();
}

/// The item's department or the office may act on it; it must still be open.
ItemRow item_for_update(db::Connection& c, const Caller& by, int64_t id) {
  ItemRow item = load_item(c, by.user.committee_id, id);
  if (!is_office(by.user) && !in_scope(by.user, item.unit_id))
    throw ApiError::forbidden("只有责任单位和政协办公室可以办理该事项");
  if (item.state != "open") throw ApiError(ErrorCode::illegal_transition, "该事项已办结");
  return item;
}

}  // namespace

Outcome create_outcome(db::Connection& c, const Caller& by, int64_t topic_id, const OutcomeInput& in) {
  TopicRow t = load_topic(c, by.user.committee_id, topic_id);
  if (!runs(by.user, t.ref)) throw ApiError::forbidden("只有政协办公室和牵头专委会可以起草协商成果");
  if (t.state != TopicState::consulted && t.state != TopicState::following)
    throw ApiError(ErrorCode::illegal_transition, "协商活动举行后才能形成协商成果");
  int64_t id = c.exec(sql::kInsertOutcome, {by.user.committee_id, topic_id, name(*in.kind), *in.title,
                                            in.body.value_or(""), by.user.user_id, by.at()})
                   .one()
                   .integer(0);
  outcome_history(c, by, id, "create", "", name(OutcomeState::drafting), "");
  audit_act(c, by, "consultation.outcome.create", "consultation_outcome", id, nullptr,
            {{"topic_id", topic_id}, {"kind", name(*in.kind)}, {"title", *in.title}});
  return {id, event_of(by, events::kOutcomeCreated, id, {{"topic_id", topic_id}})};
}

Outcome update_outcome(db::Connection& c, const Caller& by, int64_t id, const OutcomeInput& in) {
  OutcomeRow o = load_outcome(c, by.user.committee_id, id);
  TopicRow t = load_topic(c, by.user.committee_id, o.topic_id);
  if (!runs(by.user, t.ref)) throw ApiError::forbidden("只有政协办公室和牵头专委会可以修改协商成果");
  if (o.state != OutcomeState::drafting) throw ApiError(ErrorCode::illegal_transition, "协商成果已提交审定，不能修改");
  if (o.version != in.version) throw ApiError(ErrorCode::version_conflict, "协商成果已被修改，请刷新后再试");
  Json before = {{"kind", name(o.kind)}, {"title", o.title}, {"body", o.body}};
  if (in.kind) o.kind = *in.kind;
  if (in.title) o.title = *in.title;
  if (in.body) o.body = *in.body;
  if (c.exec(sql::kUpdateOutcome, {id, in.version, name(o.kind), o.title, o.body, by.at()}).affected == 0)
    throw ApiError(ErrorCode::version_conflict, "协商成果已被修改，请刷新后再试");
  audit_act(c, by, "consultation.outcome.update", "consultation_outcome", id, before,
            {{"kind", name(o.kind)}, {"title", o.title}, {"body", o.body}});
  return {id, event_of(by, events::kOutcomeUpdated, id, {{"topic_id", o.topic_id}})};
}

namespace {

const OutcomeTransition& authorise(const Caller& by, const TopicRow& t, const OutcomeRow& o,
                                   const OutcomeStepInput& in) {
  const auto rel = relations_to(by.user, t.ref);
  bool may_ever = false;
  for (const auto& row : outcome_transitions())
    if (row.action == in.action && has(rel, row.actor)) may_ever = true;
  if (!may_ever) throw ApiError::forbidden(std::string("您不能对该协商成果执行“") + label(in.action) + "”");
  for (const auto& row : outcome_transitions())
    if (row.from == o.state && row.action == in.action && has(rel, row.actor)) {
      if (o.version != in.version) throw ApiError(ErrorCode::version_conflict, "协商成果已被修改，请刷新后再试");
      return row;
    }
  for (const auto& row : outcome_transitions())
    if (row.from == o.state && row.action == in.action)
      throw ApiError::forbidden(std::string("您不能对该协商成果执行“") + label(in.action) + "”");
  throw ApiError(ErrorCode::illegal_transition,
                 std::string("协商成果当前为“") + label(o.state) + "”，不能“" + label(in.action) + "”");
}

}  // namespace

void authorise_outcome_step(db::Connection& c, const Caller& by, int64_t id, const OutcomeStepInput& in) {
  OutcomeRow o = load_outcome(c, by.user.committee_id, id);
  authorise(by, load_topic(c, by.user.committee_id, o.topic_id), o, in);
}

Outcome outcome_step(db::Connection& c, const Caller& by, int64_t id, const OutcomeStepInput& in,
                     const OutcomeStepFields& f) {
  OutcomeRow o = load_outcome(c, by.user.committee_id, id);
  TopicRow t = load_topic(c, by.user.committee_id, o.topic_id);
  const OutcomeTransition& row = authorise(by, t, o, in);
  if (f.sent_on && *f.sent_on > by.today()) throw ApiError::validation("sent_on", "报送日期不能晚于今天");
  auto opt = [](bool set, const std::string& v) { return set ? db::Value(v) : db::Value(nullptr); };
  const bool adopting = f.adoption.has_value();
  auto r = c.exec(sql::kMoveOutcome,
                  {id, in.version, name(row.to), db::opt(f.sent_on), opt(in.action == OutcomeAction::send, f.sent_to),
                   opt(adopting, adopting ? name(*f.adoption) : ""), opt(adopting, f.note), by.at()});
  if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "协商成果已被修改，请刷新后再试");
  std::string note = f.note;
  if (in.action == OutcomeAction::send) note = "报送" + f.sent_to + (f.note.empty() ? "" : "；" + f.note);
  if (adopting) note = std::string(label(*f.adoption)) + (f.note.empty() ? "" : "：" + f.note);
  outcome_history(c, by, id, name(in.action), name(o.state), name(row.to), note);
  Json after = {{"state", name(row.to)}};
  if (f.sent_on) after["sent_on"] = *f.sent_on;
  if (!f.sent_to.empty()) after["sent_to"] = f.sent_to;
  if (adopting) after["adoption"] = name(*f.adoption);
  if (!f.note.empty()) after["note"] = f.note;
  audit_act(c, by, std::string("consultation.outcome.") + name(in.action), "consultation_outcome", id,
            {{"state", name(o.state)}}, after);
  if (in.action == OutcomeAction::send) system_step(c, by, t, TopicAction::outcome_sent, "《" + o.title + "》已报送");
  if (in.action == OutcomeAction::record_adoption) maybe_conclude(c, by, o.topic_id);
  return {
      id,
      event_of(by, events::of(in.action), id,
               {{"action", name(in.action)}, {"from", name(o.state)}, {"to", name(row.to)}, {"topic_id", o.topic_id}})};
}

Outcome record_instruction(db::Connection& c, const Caller& by, int64_t outcome_id, const InstructionInput& in) {
  OutcomeRow o = load_outcome(c, by.user.committee_id, outcome_id);
  require_office(by.user, "登记领导批示");
  if (o.state != OutcomeState::sent && o.state != OutcomeState::concluded)
    throw ApiError(ErrorCode::illegal_transition, "协商成果报送后才能登记领导批示");
  if (in.instructed_on > by.today()) throw ApiError::validation("instructed_on", "批示日期不能晚于今天");
  for (int64_t u : in.unit_ids)
    if (c.exec(sql::kUnitOf, {u, by.user.committee_id}).empty())
      throw ApiError::validation("unit_ids", "责任单位中有不存在的单位");
  int64_t id = c.exec(sql::kInsertInstruction, {outcome_id, in.leader_name, in.leader_title, in.instructed_on, in.text,
                                                by.user.user_id, by.at()})
                   .one()
                   .integer(0);
  std::vector<int64_t> units;
  for (int64_t u : in.unit_ids)
    if (std::find(units.begin(), units.end(), u) == units.end()) {
      units.push_back(u);
      c.exec(sql::kInsertInstructionUnit, {id, u});
    }
  outcome_history(c, by, outcome_id, "instruction", name(o.state), name(o.state),
                  in.leader_title + in.leader_name + "批示：" + in.text);
  Json unit_json = Json::array();
  for (int64_t u : units) unit_json.push_back(u);
  audit_act(c, by, "consultation.outcome.instruction", "consultation_outcome", outcome_id, nullptr,
            {{"leader_name", in.leader_name},
             {"instructed_on", in.instructed_on},
             {"text", in.text},
             {"unit_ids", unit_json}});
  return {outcome_id, event_of(by, events::kInstructionRecorded, outcome_id,
                               {{"instruction_id", id}, {"topic_id", o.topic_id}, {"unit_ids", unit_json}})};
}

Outcome add_follow_item(db::Connection& c, const Caller& by, int64_t outcome_id, const FollowItemInput& in) {
  OutcomeRow o = load_outcome(c, by.user.committee_id, outcome_id);
  TopicRow t = load_topic(c, by.user.committee_id, o.topic_id);
  const bool office = is_office(by.user);
  if (!office && !in_scope(by.user, in.unit_id)) {
    if (by.user.unit_scope().empty()) throw ApiError::forbidden("只有政协办公室和责任单位可以登记成果转化事项");
    throw ApiError::forbidden("只能为本单位登记成果转化事项");
  }
  if (o.state != OutcomeState::sent && o.state != OutcomeState::concluded)
    throw ApiError(ErrorCode::illegal_transition, "协商成果报送后才能登记成果转化事项");
  if (c.exec(sql::kUnitOf, {in.unit_id, by.user.committee_id}).empty())
    throw ApiError::validation("unit_id", "责任单位不存在");
  const bool named = !c.exec(sql::kUnitInstructed, {outcome_id, in.unit_id}).empty() ||
                     std::find(t.ref.unit_ids.begin(), t.ref.unit_ids.end(), in.unit_id) != t.ref.unit_ids.end();
  if (!office && !named) throw ApiError::forbidden("本单位不是该议题的对口部门或批示责任单位");
  if (in.instruction_id && c.exec(sql::kInstructionOfOutcome, {*in.instruction_id, outcome_id}).empty())
    throw ApiError::validation("instruction_id", "批示不属于该协商成果");
  if (in.due_on < by.today()) throw ApiError::validation("due_on", "办理期限不能早于今天");
  int64_t id = c.exec(sql::kInsertFollowItem, {by.user.committee_id, outcome_id, db::opt(in.instruction_id), in.unit_id,
                                               in.title, in.due_on, by.user.user_id, by.user.name, by.at()})
                   .one()
                   .integer(0);
  audit_act(c, by, "consultation.follow.add", "consultation_follow_item", id, nullptr,
            {{"outcome_id", outcome_id}, {"unit_id", in.unit_id}, {"title", in.title}, {"due_on", in.due_on}});
  return {id, event_of(by, events::kFollowItemAdded, id, {{"topic_id", o.topic_id}, {"unit_id", in.unit_id}})};
}

Outcome record_follow_progress(db::Connection& c, const Caller& by, int64_t id, const std::string& note) {
  ItemRow item = item_for_update(c, by, id);
  c.exec(sql::kInsertFollowProgress, {id, note, by.user.user_id, by.user.name, by.at()});
  c.exec(sql::kTouchFollowItem, {id, by.at()});
  audit_act(c, by, "consultation.follow.progress", "consultation_follow_item", id, nullptr, {{"note", note}});
  return {id, event_of(by, events::kFollowProgress, id, {{"topic_id", item.topic_id}})};
}

Outcome close_follow_item(db::Connection& c, const Caller& by, int64_t id, const std::string& result) {
  ItemRow item = item_for_update(c, by, id);
  if (c.exec(sql::kCloseFollowItem, {id, by.today(), result, by.at()}).affected == 0)
    throw ApiError(ErrorCode::illegal_transition, "该事项已办结");
  audit_act(c, by, "consultation.follow.close", "consultation_follow_item", id, {{"state", "open"}},
            {{"state", "done"}, {"result", result}});
  maybe_conclude(c, by, item.topic_id);
  return {id, event_of(by, events::kFollowClosed, id, {{"topic_id", item.topic_id}})};
}

// ---- read models ----

bool reads_all_follow_items(const Principal& p) {
  return reads_everything(p);
}

namespace {

Json item_json(db::Connection& c, const Principal& p, const db::Row& r, const proposals::WorkCalendar& cal,
               const std::string& today) {
  const std::string due = r.text("due_on");
  const bool open = r.text("state") == "open";
  // Who may report on it: its department and the office, while it is open (item_for_update's rule).
  const bool may_act = open && (is_office(p) || in_scope(p, r.integer("unit_id")));
  int late = open && today > due ? cal.working_days_between(due, today) : 0;
  Json progress = Json::array();
  for (const auto& x : c.exec(sql::kFollowProgress, {r.integer("id")}).rows)
    progress.push_back({{"note", x.text(0)}, {"actor_name", x.text(1)}, {"at", x.text(2)}});
  return {{"id", r.integer("id")},
          {"outcome_id", r.integer("outcome_id")},
          {"outcome_title", r.text("outcome_title")},
          {"topic_id", r.integer("topic_id")},
          {"topic_title", r.text("topic_title")},
          {"instruction_id", db::int_or_null(r, "instruction_id")},
          {"unit_id", r.integer("unit_id")},
          {"unit_name", r.text("unit_name")},
          {"title", r.text("title")},
          {"due_on", due},
          {"state", r.text("state")},
          {"state_label", open ? (late > 0 ? "已超期" : "办理中") : "已办结"},
          {"late_working_days", late},
          {"done_on", db::text_or_null(r, "done_on")},
          {"result", r.text("result")},
          {"created_by_name", r.text("created_by_name")},
          {"progress", progress},
          {"can_progress", may_act},
          {"can_close", may_act}};
}

}  // namespace

Json outcomes_of_topic(db::Connection& c, const Principal& p, int64_t topic_id) {
  TopicRef t = topic_ref(c, p.committee_id, topic_id);
  const bool all = reads_everything(p);
  auto scope = p.unit_scope();
  const auto rel = relations_to(p, t);
  auto cal = proposals::WorkCalendar::load(c, p.committee_id);
  const std::string today = clock::today();
  Json out = Json::array();
  for (const auto& r : c.exec(sql::kOutcomesOfTopic, {topic_id}).rows) {
    auto state = parse_outcome_state(r.text("state")).value_or(OutcomeState::drafting);
    const bool went_out = state == OutcomeState::sent || state == OutcomeState::concluded;
    // Everyone who reads the topic reads its published outcomes; departments the sent ones that
    // concern them (below); the office, leaders and supervisors all.
    const bool published = !r.is_null("published_at");
    if (!all && !published && !(went_out && !scope.empty())) continue;
    auto kind = parse_outcome_kind(r.text("kind")).value_or(OutcomeKind::opinions);
    int64_t id = r.integer("id");
    Json o = {{"id", id},
              {"kind", name(kind)},
              {"kind_label", label(kind)},
              {"title", r.text("title")},
              {"body", r.text("body")},
              {"state", name(state)},
              {"state_label", label(state)},
              {"sent_on", db::text_or_null(r, "sent_on")},
              {"sent_to", r.text("sent_to")},
              {"adoption", r.text("adoption")},
              {"adoption_label", parse_adoption(r.text("adoption")) ? label(*parse_adoption(r.text("adoption"))) : ""},
              {"adoption_note", r.text("adoption_note")},
              {"version", r.integer("version")}};
    Json hist = Json::array();
    for (const auto& h : c.exec(sql::kOutcomeHistory, {id}).rows)
      hist.push_back({{"action", h.text(0)},
                      {"from", h.text(1)},
                      {"to", h.text(2)},
                      {"note", h.text(3)},
                      {"actor_name", h.text(4)},
                      {"at", h.text(5)}});
    o["history"] = hist;
    Json instructions = Json::array();
    bool named = false;
    for (const auto& i : c.exec(sql::kInstructionsOfOutcome, {id}).rows) {
      Json units = Json::array();
      for (const auto& u : c.exec(sql::kInstructionUnits, {i.integer(0)}).rows) {
        units.push_back({{"id", u.integer(0)}, {"name", u.text(1)}});
        if (std::find(scope.begin(), scope.end(), u.integer(0)) != scope.end()) named = true;
      }
      instructions.push_back({{"id", i.integer(0)},
                              {"leader_name", i.text(1)},
                              {"leader_title", i.text(2)},
                              {"instructed_on", i.text(3)},
                              {"text", i.text(4)},
                              {"units", units}});
    }
    const bool counterpart = std::any_of(t.unit_ids.begin(), t.unit_ids.end(), [&](int64_t u) {
      return std::find(scope.begin(), scope.end(), u) != scope.end();
    });
    const bool concerned = all || named || counterpart;
    if (!concerned && !published) continue;
    if (!concerned) {  // the public text only
      instructions = Json::array();
      o["history"] = Json::array();
    }
    o["instructions"] = instructions;
    Json items = Json::array();
    for (const auto& it : c.exec(std::string("SELECT ") + sql::kFollowItemColumns + " " + sql::kFollowItemJoins +
                                     " WHERE f.outcome_id = $1 ORDER BY f.due_on, f.id",
                                 {id})
                              .rows)
      if (all || (concerned && std::find(scope.begin(), scope.end(), it.integer("unit_id")) != scope.end()))
        items.push_back(item_json(c, p, it, cal, today));
    o["items"] = items;
    Json actions = Json::array();
    for (const auto& row : outcome_transitions())
      if (row.from == state && has(rel, row.actor))
        actions.push_back({{"action", name(row.action)}, {"label", label(row.action)}});
    o["allowed_actions"] = actions;
    o["can_edit"] = state == OutcomeState::drafting && runs(p, t);
    o["published_at"] = db::text_or_null(r, "published_at");
    o["can_publish"] = went_out && is_office(p);
    o["can_record_instruction"] = went_out && is_office(p);
    o["can_add_item"] = went_out && (is_office(p) || named || counterpart);
    out.push_back(o);
  }
  return out;
}

Json follow_items_list(db::Connection& c, const Principal& p, const FollowFilter& f, const std::string& today) {
  std::string where = "f.committee_id = $1";
  std::vector<db::Value> params = {p.committee_id};
  auto scope = p.unit_scope();
  auto unit_list = [&] {
    std::string s;
    for (int64_t u : scope) s += (s.empty() ? "" : ", ") + std::to_string(u);
    return s.empty() ? std::string("0") : s;
  };
  if (!reads_all_follow_items(p) || f.mine) where += " AND f.unit_id IN (" + unit_list() + ")";
  if (f.state) {
    params.push_back(*f.state);
    where += " AND f.state = $" + std::to_string(params.size());
  }
  if (f.late) {
    params.push_back(today);
    where += " AND f.state = 'open' AND f.due_on < $" + std::to_string(params.size());
  }
  if (f.unit_id) {
    params.push_back(*f.unit_id);
    where += " AND f.unit_id = $" + std::to_string(params.size());
  }
  auto cal = proposals::WorkCalendar::load(c, p.committee_id);
  Json items = Json::array();
  for (const auto& r : c.exec(std::string("SELECT ") + sql::kFollowItemColumns + " " + sql::kFollowItemJoins +
                                  " WHERE " + where + " ORDER BY f.state DESC, f.due_on, f.id",
                              params)
                           .rows)
    items.push_back(item_json(c, p, r, cal, today));
  return {{"items", items}, {"total", items.size()}};
}

}  // namespace sl::consultations
