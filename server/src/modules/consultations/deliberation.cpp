#include "modules/consultations/deliberation.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "core/clock.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/deliberation_events.hpp"
#include "modules/consultations/deliberation_queries.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/meetings/commands.hpp"

namespace sl::consultations {

namespace {

constexpr int64_t kMaxOpinionsPerAuthor = 20;
constexpr int64_t kMaxWindowSeconds = int64_t{90} * 86400;
constexpr const char* kSubject = "consultation_deliberation";

struct Window {
  int64_t id = 0;
  int64_t committee_id = 0;
  int64_t topic_id = 0;
  int64_t version = 0;
  std::string prompt, opens_at, closes_at, state, closed_at, created_at, topic_title;
};

Window window_row(const db::Row& r) {
  Window w;
  w.id = r.integer("id");
  w.committee_id = r.integer("committee_id");
  w.topic_id = r.integer("topic_id");
  w.version = r.integer("version");
  w.prompt = r.text("prompt");
  w.opens_at = r.text("opens_at");
  w.closes_at = r.text("closes_at");
  w.state = r.text("state");
  w.closed_at = r.is_null("closed_at") ? "" : r.text("closed_at");
  w.created_at = r.text("created_at");
  w.topic_title = r.text("topic_title");
  return w;
}

Window load_window(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r = c.exec(sql::kDeliberation, {id});
  if (r.empty() || r.one().integer("committee_id") != committee_id) throw ApiError::not_found("网络议政");
  return window_row(r.one());
}

std::optional<Window> window_of_topic(db::Connection& c, int64_t topic_id) {
  auto r = c.exec(sql::kDeliberationOfTopic, {topic_id});
  if (r.empty()) return std::nullopt;
  return window_row(r.one());
}

enum class Phase { scheduled, open, closed };

Phase phase_of(const Window& w, const std::string& now) {
  if (w.state == "closed" || now >= w.closes_at) return Phase::closed;
  if (now < w.opens_at) return Phase::scheduled;
  return Phase::open;
}
const char* name(Phase p) {
  return p == Phase::scheduled ? "scheduled" : p == Phase::open ? "open" : "closed";
}
const char* label(Phase p) {
  return p == Phase::scheduled ? "未开始" : p == Phase::open ? "进行中" : "已截止";
}

const char* opinion_label(const std::string& s) {
  if (s == "pending") return "待审核";
  if (s == "published") return "已发布";
  if (s == "hidden") return "已隐藏";
  return "";
}

/// A stored UTC timestamp as people in Beijing read it: "2026年6月10日 18:00".
std::string beijing(const std::string& utc) {
  const int64_t t = meetings::epoch_of(utc) + 8 * 3600;
  const int64_t secs = ((t % 86400) + 86400) % 86400;
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60));
  return clock::chinese_day(clock::civil_from_days((t - secs) / 86400)) + " " + hm;
}

bool in_plan(TopicState s) {
  const auto& v = in_plan_states();
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// The topic pages the caller reads (store.cpp's condition on one topic).
bool sees_topic(const Principal& p, const TopicRow& t) {
  if (p.committee_id != t.ref.committee_id) return false;
  if (reads_everything(p)) return true;
  if (t.plan_state == PlanState::published && in_plan(t.state)) return true;
  return t.ref.proposed_by == p.user_id || contact_of(p, t.ref);
}

/// The office, or staff of the topic's leading special committee.
bool runs(const Principal& p, const TopicRef& t) {
  return p.committee_id == t.committee_id && (is_office(p) || staffs(p, t.special_committee_id));
}

/// A window is held on a topic of the published plan (in any of its phases: before the
/// consultation, as its online form, or after it, to gather members' views on the follow-through).
bool may_hold(const TopicRow& t) {
  return t.plan_state == PlanState::published && in_plan(t.state);
}

void require_may_hold(const TopicRow& t) {
  if (t.plan_state != PlanState::published) throw ApiError::conflict("协商计划印发后才能开展网络议政");
  if (!may_hold(t))
    throw ApiError(ErrorCode::illegal_transition, std::string("议题当前为“") + label(t.state) + "”，不能开展网络议政");
}

TopicRow visible_topic(db::Connection& c, const Principal& p, int64_t topic_id) {
  TopicRow t = load_topic(c, p.committee_id, topic_id);
  if (!sees_topic(p, t)) throw ApiError::not_found("协商议题");
  return t;
}

void require_runner(const Principal& p, const TopicRef& t, const std::string& what) {
  if (!runs(p, t)) throw ApiError::forbidden("只有政协办公室和牵头专委会可以" + what);
}

bool invited(db::Connection& c, int64_t window_id, int64_t user_id) {
  return !c.exec(sql::kIsDeliberationInvitee, {window_id, user_id}).empty();
}

enum class Sight { summary, published, all };

Sight sight_of(const Principal& p, const TopicRef& t, bool is_invitee) {
  if (reads_everything(p)) return Sight::all;
  if (p.has(Role::member) || is_invitee || contact_of(p, t) || counterpart_of(p, t)) return Sight::published;
  return Sight::summary;
}

struct Opinion {
  int64_t id = 0;
  int64_t deliberation_id = 0;
  int64_t author_id = 0;
  std::string state, body;
  bool selected = false;
};

Opinion opinion_row(const db::Row& r) {
  return {r.integer("id"), r.integer("deliberation_id"), r.integer("author_id"), r.text("state"),
          r.text("body"),  r.integer("selected") != 0};
}

bool opinion_in_sight(const Principal& p, Sight s, const std::string& state, int64_t author_id) {
  return s == Sight::all || author_id == p.user_id || (s == Sight::published && state == "published");
}

struct OpinionContext {
  Opinion o;
  Window w;
  TopicRow t;
};

/// Opinion `id` with its window and topic, when in the caller's sight (404 otherwise).
OpinionContext load_opinion(db::Connection& c, const Principal& p, int64_t id) {
  auto r = c.exec(sql::kOpinion, {id});
  if (r.empty() || r.one().integer("committee_id") != p.committee_id) throw ApiError::not_found("意见");
  Opinion o = opinion_row(r.one());
  Window w = load_window(c, p.committee_id, o.deliberation_id);
  TopicRow t = load_topic(c, p.committee_id, w.topic_id);
  if (!sees_topic(p, t)) throw ApiError::not_found("意见");
  if (!opinion_in_sight(p, sight_of(p, t.ref, invited(c, w.id, p.user_id)), o.state, o.author_id))
    throw ApiError::not_found("意见");
  return {o, w, t};
}

/// The window `id` and its topic, when the caller sees the topic (404 otherwise).
std::pair<Window, TopicRow> load_for(db::Connection& c, const Principal& p, int64_t id) {
  Window w = load_window(c, p.committee_id, id);
  TopicRow t = load_topic(c, p.committee_id, w.topic_id);
  if (!sees_topic(p, t)) throw ApiError::not_found("网络议政");
  return {w, t};
}

void require_open_phase(const Window& w, Phase ph, const std::string& what) {
  if (ph == Phase::scheduled)
    throw ApiError(ErrorCode::illegal_transition,
                   "网络议政尚未开始（" + beijing(w.opens_at) + " 开始），暂不能" + what);
  if (ph == Phase::closed) {
    const std::string at = w.state == "closed" && !w.closed_at.empty() ? w.closed_at : w.closes_at;
    throw ApiError(ErrorCode::illegal_transition, "网络议政已于 " + beijing(at) + " 截止，不能再" + what);
  }
}

/// The people `in` names, each once, in the order asked: accounts of the committee, and the
/// active members (with an account) of the sectors, parties, special committees and the standing
/// committee named. 400 naming the field for anything of another committee.
std::vector<int64_t> resolve(db::Connection& c, int64_t committee, const DeliberationInvite& in) {
  std::vector<int64_t> out;
  std::set<int64_t> seen;
  for (int64_t u : in.user_ids) {
    if (c.exec(sql::kDeliberationUserInCommittee, {u, committee}).empty())
      throw ApiError::validation("user_ids", "用户 " + std::to_string(u) + " 不属于本委员会");
    if (seen.insert(u).second) out.push_back(u);
  }
  auto by_group = [&](const std::vector<int64_t>& ids, const char* check, const char* field, const char* what,
                      const std::string& condition) {
    for (int64_t g : ids) {
      if (c.exec(check, {g, committee}).empty())
        throw ApiError::validation(field, std::string(what) + " " + std::to_string(g) + " 不属于本委员会");
      for (const auto& r :
           c.exec(std::string(sql::kDeliberationMembersWhere) + condition + " ORDER BY 1", {committee, g}).rows)
        if (seen.insert(r.integer(0)).second) out.push_back(r.integer(0));
    }
  };
  by_group(in.sector_ids, sql::kSectorInCommittee, "sector_ids", "界别", "mem.sector_id = $2");
  by_group(in.party_ids, sql::kPartyInCommittee, "party_ids", "党派", "mem.party_id = $2");
  by_group(in.special_committee_ids, sql::kSpecialCommitteeInCommittee, "special_committee_ids", "专委会",
           "mem.id IN (SELECT member_id FROM member_special_committees WHERE special_committee_id = $2)");
  if (in.standing_committee)
    for (const auto& r :
         c.exec(std::string(sql::kDeliberationMembersWhere) + "mem.is_standing = 1 ORDER BY 1", {committee}).rows)
      if (seen.insert(r.integer(0)).second) out.push_back(r.integer(0));
  return out;
}

/// Invites `users` to window `id`; returns those newly invited.
std::vector<int64_t> add_invitees(db::Connection& c, const Caller& by, int64_t id, const std::vector<int64_t>& users) {
  std::vector<int64_t> added;
  for (int64_t u : users) {
    if (invited(c, id, u)) continue;
    c.exec(sql::kInsertDeliberationInvitee, {id, u, by.user.user_id, by.at()});
    added.push_back(u);
  }
  return added;
}

Json window_audit(const Window& w) {
  return {{"prompt", w.prompt}, {"opens_at", w.opens_at}, {"closes_at", w.closes_at}, {"state", w.state}};
}

void check_span(const std::string& opens, const std::string& closes, const std::string& now) {
  if (closes <= now) throw ApiError::validation("closes_at", "截止时间应晚于当前时间");
  if (closes <= opens) throw ApiError::validation("closes_at", "截止时间应晚于开始时间");
  if (meetings::epoch_of(closes) - meetings::epoch_of(opens) > kMaxWindowSeconds)
    throw ApiError::validation("closes_at", "网络议政最长 90 天");
}

Json counts_json(db::Connection& c, int64_t id, Sight s) {
  int64_t pending = 0, published = 0, hidden = 0, selected = 0;
  for (const auto& r : c.exec(sql::kOpinionCounts, {id}).rows) {
    const std::string st = r.text(0);
    const int64_t n = r.integer(1);
    if (st == "pending") pending = n;
    if (st == "published") published = n;
    if (st == "hidden") hidden = n;
    if (!r.is_null(2)) selected += r.integer(2);
  }
  if (s != Sight::all) return {{"published", published}, {"selected", selected}};
  return {{"total", pending + published + hidden},
          {"pending", pending},
          {"published", published},
          {"hidden", hidden},
          {"selected", selected}};
}

Json window_json(db::Connection& c, const Window& w, Phase ph) {
  return {{"id", w.id},
          {"topic_id", w.topic_id},
          {"prompt", w.prompt},
          {"opens_at", w.opens_at},
          {"closes_at", w.closes_at},
          {"closed_early", w.state == "closed"},
          {"closed_at", w.closed_at.empty() ? Json(nullptr) : Json(w.closed_at)},
          {"phase", name(ph)},
          {"phase_label", label(ph)},
          {"version", w.version},
          {"created_at", w.created_at},
          {"invitees_count", c.exec(sql::kCountDeliberationInvitees, {w.id}).one().integer(0)}};
}

Json opinion_json(const db::Row& r, const Principal& p, Sight s, bool runner, Phase ph) {
  const Opinion o = opinion_row(r);
  const bool mine = o.author_id == p.user_id;
  const bool sees_moderation = s == Sight::all || mine;
  Json out = {
      {"id", o.id},
      {"deliberation_id", o.deliberation_id},
      {"author_id", o.author_id},
      {"author_name", r.text("author_name")},
      {"body", o.body},
      {"state", o.state},
      {"state_label", opinion_label(o.state)},
      {"mine", mine},
      {"selected", o.selected},
      {"selected_at", s == Sight::all && !r.is_null("selected_at") ? Json(r.text("selected_at")) : Json(nullptr)},
      {"selected_by_name",
       s == Sight::all && !r.is_null("selected_by_name") ? Json(r.text("selected_by_name")) : Json(nullptr)},
      {"moderation_reason", sees_moderation ? r.text("moderation_reason") : std::string()},
      {"moderated_by_name", s == Sight::all ? r.text("moderated_by_name") : std::string()},
      {"moderated_at", s == Sight::all && !r.is_null("moderated_at") ? Json(r.text("moderated_at")) : Json(nullptr)},
      {"created_at", r.text("created_at")},
      {"updated_at", r.text("updated_at")}};
  const bool own_pending = mine && o.state == "pending" && ph == Phase::open;
  out["can_edit"] = own_pending;
  out["can_withdraw"] = own_pending;
  out["can_publish"] = runner && o.state != "published";
  out["can_hide"] = runner && o.state != "hidden";
  out["can_select"] = runner && o.state == "published";
  return out;
}

}  // namespace

void require_topic_runner(db::Connection& c, const Principal& p, int64_t topic_id, const std::string& what) {
  TopicRow t = visible_topic(c, p, topic_id);
  require_runner(p, t.ref, what);
}

void require_deliberation_runner(db::Connection& c, const Principal& p, int64_t id, bool of_opinion,
                                 const std::string& what) {
  if (of_opinion) {
    OpinionContext x = load_opinion(c, p, id);
    require_runner(p, x.t.ref, what);
  } else {
    auto [w, t] = load_for(c, p, id);
    require_runner(p, t.ref, what);
  }
}

void authorise_opinion_post(db::Connection& c, const Principal& p, int64_t id, int64_t now) {
  auto [w, t] = load_for(c, p, id);
  if (!invited(c, w.id, p.user_id)) throw ApiError::forbidden("您未受邀参加本次网络议政，不能发表意见");
  require_open_phase(w, phase_of(w, clock::iso_at(now)), "发表意见");
}

void authorise_own_opinion(db::Connection& c, const Principal& p, int64_t opinion_id, int64_t now) {
  OpinionContext x = load_opinion(c, p, opinion_id);
  if (x.o.author_id != p.user_id) throw ApiError::forbidden("只能修改或撤回本人的意见");
  if (x.o.state != "pending")
    throw ApiError(ErrorCode::illegal_transition,
                   std::string("意见") + opinion_label(x.o.state) + "，不能再修改或撤回");
  require_open_phase(x.w, phase_of(x.w, clock::iso_at(now)), "修改或撤回意见");
}

Outcome open_deliberation(db::Connection& c, const Caller& by, int64_t topic_id, const DeliberationInput& in) {
  TopicRow t = visible_topic(c, by.user, topic_id);
  require_runner(by.user, t.ref, "开展网络议政");
  require_may_hold(t);
  if (window_of_topic(c, topic_id)) throw ApiError::conflict("该议题已开展网络议政，可修改或延长其时间");
  const std::string now = by.at();
  const std::string opens = in.opens_at && *in.opens_at > now ? *in.opens_at : now;
  check_span(opens, in.closes_at, now);
  const auto users = resolve(c, by.user.committee_id, in.invite);
  if (users.empty()) throw ApiError::validation("user_ids", "所选范围内没有可邀请的委员");
  const int64_t id = c.exec(sql::kInsertDeliberation,
                            {by.user.committee_id, topic_id, in.prompt, opens, in.closes_at, by.user.user_id, now})
                         .one()
                         .integer(0);
  const auto added = add_invitees(c, by, id, users);
  audit_act(c, by, "consultation.deliberation.open", kSubject, id, nullptr,
            {{"topic_id", topic_id},
             {"prompt", in.prompt},
             {"opens_at", opens},
             {"closes_at", in.closes_at},
             {"invitee_ids", added}});
  return {topic_id, event_of(by, events::kDeliberationOpened, id, {{"topic_id", topic_id}, {"user_ids", added}})};
}

Outcome change_deliberation(db::Connection& c, const Caller& by, int64_t id, const DeliberationChange& in) {
  auto [w, t] = load_for(c, by.user, id);
  require_runner(by.user, t.ref, "修改网络议政");
  if (w.version != in.version) throw ApiError(ErrorCode::version_conflict, "网络议政已被修改，请刷新后再试");
  const std::string now = by.at();
  const Phase ph = phase_of(w, now);
  const Window before = w;
  if (in.prompt) w.prompt = *in.prompt;
  if (in.opens_at) {
    if (ph != Phase::scheduled) throw ApiError(ErrorCode::illegal_transition, "网络议政已开始，不能修改开始时间");
    w.opens_at = *in.opens_at > now ? *in.opens_at : now;
  }
  if (in.closes_at) {
    if (ph == Phase::closed) require_may_hold(t);
    w.closes_at = *in.closes_at;
    w.state = "open";  // extending a window closed early reopens it
    w.closed_at.clear();
    check_span(w.opens_at, w.closes_at, now);
  } else if (in.opens_at) {
    if (w.closes_at <= w.opens_at) throw ApiError::validation("opens_at", "开始时间应早于截止时间");
  }
  if (c.exec(sql::kUpdateDeliberation, {id, in.version, w.prompt, w.opens_at, w.closes_at, w.state,
                                        w.closed_at.empty() ? db::Value(nullptr) : db::Value(w.closed_at), now})
          .affected == 0)
    throw ApiError(ErrorCode::version_conflict, "网络议政已被修改，请刷新后再试");
  audit_act(c, by, "consultation.deliberation.change", kSubject, id, window_audit(before), window_audit(w));
  return {w.topic_id, event_of(by, events::kDeliberationChanged, id, {{"topic_id", w.topic_id}})};
}

Outcome close_deliberation(db::Connection& c, const Caller& by, int64_t id, int64_t version) {
  auto [w, t] = load_for(c, by.user, id);
  require_runner(by.user, t.ref, "结束网络议政");
  if (w.version != version) throw ApiError(ErrorCode::version_conflict, "网络议政已被修改，请刷新后再试");
  const std::string now = by.at();
  if (phase_of(w, now) == Phase::closed) throw ApiError(ErrorCode::illegal_transition, "网络议政已截止");
  const Window before = w;
  w.state = "closed";
  w.closed_at = now;
  if (w.closes_at > now) w.closes_at = now;
  if (c.exec(sql::kUpdateDeliberation, {id, version, w.prompt, w.opens_at, w.closes_at, w.state, w.closed_at, now})
          .affected == 0)
    throw ApiError(ErrorCode::version_conflict, "网络议政已被修改，请刷新后再试");
  audit_act(c, by, "consultation.deliberation.close", kSubject, id, window_audit(before), window_audit(w));
  return {w.topic_id, event_of(by, events::kDeliberationClosed, id, {{"topic_id", w.topic_id}})};
}

Outcome invite_to_deliberation(db::Connection& c, const Caller& by, int64_t id, const DeliberationInvite& in) {
  auto [w, t] = load_for(c, by.user, id);
  require_runner(by.user, t.ref, "邀请委员参加网络议政");
  if (phase_of(w, by.at()) == Phase::closed)
    throw ApiError(ErrorCode::illegal_transition, "网络议政已截止，不能再邀请");
  const auto added = add_invitees(c, by, id, resolve(c, by.user.committee_id, in));
  c.exec(sql::kTouchDeliberation, {id, by.at()});
  audit_act(c, by, "consultation.deliberation.invite", kSubject, id, nullptr, {{"invitee_ids", added}});
  return {w.topic_id, event_of(by, events::kDeliberationInvited, id, {{"topic_id", w.topic_id}, {"user_ids", added}})};
}

Outcome post_opinion(db::Connection& c, const Caller& by, int64_t id, const std::string& body) {
  authorise_opinion_post(c, by.user, id, by.now);
  Window w = load_window(c, by.user.committee_id, id);
  if (c.exec(sql::kCountOpinionsOfAuthor, {id, by.user.user_id}).one().integer(0) >= kMaxOpinionsPerAuthor)
    throw ApiError::conflict("每位委员在一次网络议政中最多发表 20 条意见");
  auto n = c.exec(sql::kAuthorName, {by.user.user_id, by.user.committee_id});
  const std::string author = n.empty() ? by.user.name : n.one().text(0);
  const int64_t oid =
      c.exec(sql::kInsertOpinion, {by.user.committee_id, id, by.user.user_id, author, body, by.at()}).one().integer(0);
  audit_act(c, by, "consultation.deliberation.post", kSubject, id, nullptr, {{"opinion_id", oid}, {"body", body}});
  return {w.topic_id, event_of(by, events::kOpinionPosted, id, {{"topic_id", w.topic_id}, {"opinion_id", oid}})};
}

Outcome edit_opinion(db::Connection& c, const Caller& by, int64_t opinion_id, const std::string& body) {
  authorise_own_opinion(c, by.user, opinion_id, by.now);
  OpinionContext x = load_opinion(c, by.user, opinion_id);
  if (c.exec(sql::kUpdateOpinionBody, {opinion_id, body, by.at()}).affected == 0)
    throw ApiError(ErrorCode::illegal_transition, "意见已审核，不能再修改");
  audit_act(c, by, "consultation.deliberation.edit", kSubject, x.w.id, {{"opinion_id", opinion_id}, {"body", x.o.body}},
            {{"opinion_id", opinion_id}, {"body", body}});
  return {x.w.topic_id,
          event_of(by, events::kOpinionEdited, x.w.id, {{"topic_id", x.w.topic_id}, {"opinion_id", opinion_id}})};
}

Outcome withdraw_opinion(db::Connection& c, const Caller& by, int64_t opinion_id) {
  authorise_own_opinion(c, by.user, opinion_id, by.now);
  OpinionContext x = load_opinion(c, by.user, opinion_id);
  if (c.exec(sql::kDeleteOpinion, {opinion_id}).affected == 0)
    throw ApiError(ErrorCode::illegal_transition, "意见已审核，不能再撤回");
  audit_act(c, by, "consultation.deliberation.withdraw", kSubject, x.w.id,
            {{"opinion_id", opinion_id}, {"body", x.o.body}}, nullptr);
  return {x.w.topic_id,
          event_of(by, events::kOpinionWithdrawn, x.w.id, {{"topic_id", x.w.topic_id}, {"opinion_id", opinion_id}})};
}

Outcome moderate_opinion(db::Connection& c, const Caller& by, int64_t opinion_id, const ModerationInput& in) {
  OpinionContext x = load_opinion(c, by.user, opinion_id);
  require_runner(by.user, x.t.ref, "审核意见");
  const std::string to = in.action == "publish" ? "published" : "hidden";
  if (x.o.state == to)
    throw ApiError(ErrorCode::illegal_transition, std::string("意见已") + (to == "published" ? "发布" : "隐藏"));
  const bool selected = to == "published" && x.o.selected;
  c.exec(sql::kModerateOpinion,
         {opinion_id, to, by.user.user_id, by.user.name, by.at(), in.reason, int64_t{selected ? 1 : 0}});
  c.exec(sql::kTouchDeliberation, {x.w.id, by.at()});
  Json after = {{"opinion_id", opinion_id}, {"state", to}, {"selected", selected}};
  if (!in.reason.empty()) after["reason"] = in.reason;
  audit_act(c, by, "consultation.deliberation." + in.action, kSubject, x.w.id,
            {{"opinion_id", opinion_id}, {"state", x.o.state}, {"selected", x.o.selected}}, after);
  return {x.w.topic_id, event_of(by, events::kOpinionModerated, x.w.id,
                                 {{"topic_id", x.w.topic_id}, {"opinion_id", opinion_id}, {"state", to}})};
}

Outcome select_opinion(db::Connection& c, const Caller& by, int64_t opinion_id, bool selected) {
  OpinionContext x = load_opinion(c, by.user, opinion_id);
  require_runner(by.user, x.t.ref, "将意见选入协商成果");
  if (selected && x.o.state != "published")
    throw ApiError(ErrorCode::illegal_transition, "只有已发布的意见可以选入协商成果");
  c.exec(sql::kSelectOpinion,
         {opinion_id, int64_t{selected ? 1 : 0}, selected ? db::Value(by.user.user_id) : db::Value(nullptr),
          selected ? db::Value(by.at()) : db::Value(nullptr)});
  c.exec(sql::kTouchDeliberation, {x.w.id, by.at()});
  audit_act(c, by, selected ? "consultation.deliberation.select" : "consultation.deliberation.unselect", kSubject,
            x.w.id, {{"opinion_id", opinion_id}, {"selected", x.o.selected}},
            {{"opinion_id", opinion_id}, {"selected", selected}});
  return {x.w.topic_id, event_of(by, events::kOpinionSelected, x.w.id,
                                 {{"topic_id", x.w.topic_id}, {"opinion_id", opinion_id}, {"selected", selected}})};
}

Json deliberation_of_topic(db::Connection& c, const Principal& p, int64_t topic_id, int64_t now) {
  TopicRow t = visible_topic(c, p, topic_id);
  const bool runner = runs(p, t.ref);
  auto w = window_of_topic(c, topic_id);
  Json out = {{"topic_id", topic_id},       {"topic_title", t.title},
              {"topic_form", name(t.form)}, {"topic_form_label", label(t.form)},
              {"window", nullptr},          {"counts", nullptr},
              {"invited", false},           {"invitees", Json::array()},
              {"opinions", Json::array()},  {"selected", Json::array()},
              {"selected_text", ""},        {"can_open", runner && !w && may_hold(t)},
              {"can_change", false},        {"can_close", false},
              {"can_invite", false},        {"can_post", false},
              {"can_moderate", false},      {"post_refusal", nullptr}};
  if (!w) return out;
  const Phase ph = phase_of(*w, clock::iso_at(now));
  const bool me_invited = invited(c, w->id, p.user_id);
  const Sight s = sight_of(p, t.ref, me_invited);
  out["window"] = window_json(c, *w, ph);
  out["counts"] = counts_json(c, w->id, s);
  out["invited"] = me_invited;
  if (s == Sight::all) {
    Json people = Json::array();
    for (const auto& r : c.exec(sql::kDeliberationInvitees, {w->id}).rows)
      people.push_back({{"user_id", r.integer(0)}, {"name", r.text(1)}, {"opinions", r.integer(2)}});
    out["invitees"] = people;
  }
  Json opinions = Json::array();
  Json selected = Json::array();
  std::string text;
  int n = 0;
  for (const auto& r : c.exec(sql::kOpinionsOfDeliberation, {w->id}).rows) {
    const std::string state = r.text("state");
    if (!opinion_in_sight(p, s, state, r.integer("author_id"))) continue;
    Json o = opinion_json(r, p, s, runner, ph);
    if (o["selected"].get<bool>() && state == "published") {
      selected.push_back(o);
      text += "（" + std::to_string(++n) + "）" + r.text("author_name") + "：" + r.text("body") + "\n";
    }
    opinions.push_back(std::move(o));
  }
  out["opinions"] = opinions;
  out["selected"] = selected;
  out["selected_text"] = text;
  out["can_change"] = runner;
  out["can_close"] = runner && ph != Phase::closed;
  out["can_invite"] = runner && ph != Phase::closed;
  out["can_moderate"] = runner;
  out["can_post"] = me_invited && ph == Phase::open;
  if (me_invited && ph != Phase::open) {
    try {
      require_open_phase(*w, ph, "发表意见");
    } catch (const ApiError& e) {
      out["post_refusal"] = e.message();
    }
  }
  return out;
}

Json deliberation_summary(db::Connection& c, const Principal& p, int64_t topic_id) {
  auto w = window_of_topic(c, topic_id);
  if (!w) return nullptr;
  TopicRef ref = topic_ref(c, p.committee_id, topic_id);
  const Phase ph = phase_of(*w, clock::iso_at(clock::now()));
  const bool me_invited = invited(c, w->id, p.user_id);
  const Sight s = sight_of(p, ref, me_invited);
  return {{"id", w->id},
          {"prompt", w->prompt},
          {"opens_at", w->opens_at},
          {"closes_at", w->closes_at},
          {"phase", name(ph)},
          {"phase_label", label(ph)},
          {"invitees_count", c.exec(sql::kCountDeliberationInvitees, {w->id}).one().integer(0)},
          {"counts", counts_json(c, w->id, s)},
          {"invited", me_invited},
          {"can_post", me_invited && ph == Phase::open}};
}

Json my_deliberations(db::Connection& c, const Principal& p, int64_t now) {
  const std::string at = clock::iso_at(now);
  Json items = Json::array();
  for (const auto& r : c.exec(sql::kDeliberationsOfInvitee, {p.user_id, p.committee_id, at}).rows) {
    const bool open = at >= r.text("opens_at");
    const Phase ph = open ? Phase::open : Phase::scheduled;
    const int64_t topic = r.integer("topic_id");
    auto form = parse_form(r.text("form"));
    items.push_back({{"id", r.integer("id")},
                     {"topic_id", topic},
                     {"topic_title", r.text("topic_title")},
                     {"topic_form", r.text("form")},
                     {"topic_form_label", form ? label(*form) : ""},
                     {"prompt", r.text("prompt")},
                     {"opens_at", r.text("opens_at")},
                     {"closes_at", r.text("closes_at")},
                     {"phase", name(ph)},
                     {"phase_label", label(ph)},
                     {"my_opinions", r.integer("mine")},
                     {"can_post", open},
                     {"link", "/consultations/topics/" + std::to_string(topic)}});
  }
  return {{"items", items}, {"total", items.size()}};
}

int64_t topic_of_deliberation(db::Connection& c, int64_t id) {
  auto r = c.exec(sql::kDeliberation, {id});
  return r.empty() ? 0 : r.one().integer("topic_id");
}

}  // namespace sl::consultations
