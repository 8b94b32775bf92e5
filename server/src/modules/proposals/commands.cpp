#include "modules/proposals/commands.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "core/clock.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/events.hpp"
#include "modules/proposals/permissions.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

const std::vector<std::string> kKinds = {"individual", "joint", "collective", "recommendation"};

/// The member record of the caller in the committee, if any.
std::optional<db::Row> caller_member(db::Connection& c, const Principal& p) {
  auto r = c.exec(sql::kMemberOfUser, {p.user_id, p.committee_id});
  if (r.empty()) return std::nullopt;
  return r.one();
}

/// True when `p` may put forward a collective proposal in the name of group `group_type`
/// `group_id`: a party's or sector's (or people's organisation's) contact for their own group, a
/// special committee's staff for their own committee.
bool speaks_for_group(const Principal& p, const std::string& group_type, int64_t group_id) {
  if (group_type == "special_committee") {
    for (const auto* g : p.grants_of(Role::committee_staff))
      if (g->special_committee_id == group_id) return true;
    return false;
  }
  for (const auto* g : p.grants_of(Role::group_contact))
    if ((group_type == "party" ? g->party_id : g->sector_id) == group_id) return true;
  return false;
}

/// Reads and checks the editable fields of a draft into column → value; `stored` is the draft
/// being edited (nullptr when creating).
std::vector<std::pair<std::string, db::Value>> read_draft(api::Validator& v, db::Connection& c, const Principal& p,
                                                          const db::Row* stored) {
  const bool creating = stored == nullptr;
  auto presence = creating ? api::Presence::required : api::Presence::optional;
  std::vector<std::pair<std::string, db::Value>> out;
  if (auto t = v.text("title", presence, draft_limits::kTitle)) out.emplace_back("title", *t);
  for (const char* f : {"situation", "analysis", "suggestions"})
    if (auto t = v.text(f, api::Presence::optional, draft_limits::kSection, true)) out.emplace_back(f, *t);
  if (auto t = v.one_of("category", api::Presence::optional, proposal_categories(c, p.committee_id)))
    out.emplace_back("category", *t);
  if (auto t = v.text("keywords", api::Presence::optional, draft_limits::kKeywords, true))
    out.emplace_back("keywords", *t);
  if (auto k = v.one_of("kind", api::Presence::optional, kKinds)) out.emplace_back("kind", *k);
  if (auto ids = v.id_list("suggested_unit_ids", api::Presence::optional)) {
    for (int64_t id : *ids)
      if (!api::exists_in_committee(c, "units", id, p.committee_id)) v.fail("suggested_unit_ids", "所选单位不存在");
    out.emplace_back("suggested_unit_ids", Json(*ids).dump());
  }
  if (auto b = v.boolean("consent_publish", api::Presence::optional)) out.emplace_back("consent_publish", int64_t{*b});
  if (auto t = v.text("consent_reason", api::Presence::optional, draft_limits::kConsentReason, true))
    out.emplace_back("consent_reason", *t);
  if (auto b = v.boolean("between_sessions", api::Presence::optional))
    out.emplace_back("between_sessions", int64_t{*b});
  auto group_type = v.raw("group_type", api::Presence::optional);
  if (group_type && group_type->is_null()) {
    out.emplace_back("group_type", nullptr);  // null clears it (a draft no longer collective)
  } else if (auto g = v.one_of("group_type", api::Presence::optional,
                               {"party", "sector", "organisation", "special_committee"})) {
    out.emplace_back("group_type", *g);
  }
  auto group_id = v.id("group_id", api::Presence::optional, true);
  if (group_id) out.emplace_back("group_id", *group_id ? db::Value(*group_id) : nullptr);
  // The group a collective proposal speaks for: the one sent, else the one stored.
  std::optional<std::string> type_now;
  if (group_type && group_type->is_string())
    type_now = group_type->get<std::string>();
  else if (!group_type && stored && !stored->is_null("group_type"))
    type_now = stored->text("group_type");
  std::optional<int64_t> id_now = group_id && *group_id ? group_id : std::nullopt;
  if (!group_id && stored && !stored->is_null("group_id")) id_now = stored->integer("group_id");
  if (type_now && v.ok()) {
    if (!id_now)
      v.fail("group_id", "集体提案须选择提出的党派、界别、人民团体或专委会");
    else if (!speaks_for_group(p, *type_now, *id_now))
      v.fail("group_id", "只能以本人所联络的党派、界别或所在专委会的名义提出集体提案");
  }
  if (auto t = v.id("catalogue_topic_id", api::Presence::optional, true)) {  // an entry of a published catalogue
    if (*t && c.exec(sql::kPublishedCatalogueTopic, {*t, p.committee_id}).empty())
      v.fail("catalogue_topic_id", "所选参考选题不存在或参考目录尚未发布");
    out.emplace_back("catalogue_topic_id", *t ? db::Value(*t) : nullptr);
  }
  return out;
}

/// Replaces the co-signers of `id` with `member_ids` (status pending).
void set_cosigners(db::Connection& c, const Principal& p, int64_t id, const std::vector<int64_t>& member_ids,
                   api::Validator& v) {
  c.exec(sql::kDeleteCosigners, {id});
  for (int64_t m : member_ids) {
    auto r = c.exec(sql::kActiveMember, {m, p.committee_id});
    if (r.empty() || r.one().is_null("user_id")) {
      v.fail("cosigner_member_ids", "所选联名委员不存在");
      return;
    }
    if (r.one().integer("user_id") == p.user_id) {
      v.fail("cosigner_member_ids", "不能邀请自己联名");
      return;
    }
    c.exec(sql::kInsertCosigner, {id, m, r.one().integer("user_id"), r.one().text("name")});
  }
}

/// Whether `g` holds; `rating` is the feedback's rating when the action is feedback.
bool guard_holds(Guard g, Context& x, const std::string& rating) {
  int64_t round = x.row.integer("round");
  switch (g) {
    case Guard::none:
      return true;
    case Guard::has_cosigners:
      return x.c.exec(sql::kCountCosigners, {x.id}).one().integer(0) > 0;
    case Guard::last_cosigner:
      return x.c.exec(sql::kCountOtherPendingCosigners, {x.id, x.user().user_id}).one().integer(0) == 0;
    case Guard::first_round:
      return round == 1;
    case Guard::second_round:
      return round >= 2;
    case Guard::unsatisfied_first_round:
      return round == 1 && rating == "unsatisfied";
    case Guard::unsigned_split_lead: {
      if (x.row.text("handling_type") != "split") return false;
      for (int64_t unit : x.rel.lead_units)
        if (!x.c.exec(sql::kLeadAwaitsSign, {x.id, unit}).empty()) return true;
      return false;
    }
  }
  return false;
}

}  // namespace

void write_history(db::Connection& c, const Caller& by, int64_t id, const std::string& action, const std::string& from,
                   const std::string& to, const Json& payload) {
  c.exec(sql::kInsertHistory,
         {id, by.at(), by.user.user_id, by.user.name, by.user.primary_role(), action, from, to, payload.dump()});
}

void record_side_act(db::Connection& c, const Caller& by, const db::Row& p, const std::string& action,
                     const Json& payload, bool timeline) {
  int64_t id = p.integer("id");
  if (timeline) write_history(c, by, id, action, p.text("state"), p.text("state"), payload);
  auto e = audit::entry_by(by.user, by.address, "proposal." + action, "proposal", std::to_string(id));
  e.after = payload;
  audit::record(c, e);
}

Json draft_request_schema(bool creating) {
  auto text = [](size_t max) { return Json{{"type", "string"}, {"maxLength", max}}; };
  Json properties = {
      {"title", text(draft_limits::kTitle)},       {"situation", text(draft_limits::kSection)},
      {"analysis", text(draft_limits::kSection)},  {"suggestions", text(draft_limits::kSection)},
      {"keywords", text(draft_limits::kKeywords)}, {"consent_reason", text(draft_limits::kConsentReason)}};
  properties["title"]["minLength"] = 1;
  Json schema = {{"type", "object"}, {"properties", properties}};
  if (creating)
    schema["required"] = Json::array({"title"});
  else
    schema["required"] = Json::array({"version"});
  if (!creating) schema["properties"]["version"] = {{"type", "integer"}};
  return schema;
}

std::string chinese_number(int64_t n) {
  static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 0 || n >= 1000) return std::to_string(n);
  if (n < 10) return kDigits[n];
  if (n < 20) return std::string("十") + (n % 10 ? kDigits[n % 10] : "");
  if (n < 100) return std::string(kDigits[n / 10]) + "十" + (n % 10 ? kDigits[n % 10] : "");
  std::string out = std::string(kDigits[n / 100]) + "百";
  int64_t rest = n % 100;
  if (rest == 0) return out;
  if (rest < 10) return out + "零" + kDigits[rest];
  // 一百一十: the tens digit is written even when it is one.
  return out + kDigits[rest / 10] + "十" + (rest % 10 ? kDigits[rest % 10] : "");
}

std::string session_label(int64_t term, int64_t session) {
  return chinese_number(term) + "届" + chinese_number(session) + "次会议";
}

std::string number_label(int64_t term, int64_t session, int64_t number) {
  char num[24];
  std::snprintf(num, sizeof num, "%04lld", static_cast<long long>(number));
  return session_label(term, session) + " 第" + num + "号";
}

// The one built-in list; a committee's own list (settings.cpp, proposal_categories(c, id)) starts
// as a copy of it.
const std::vector<std::string>& proposal_categories() {
  static const std::vector<std::string> kCategories = {"经济建设", "城市建设", "社会事业",
                                                       "科教文卫", "政治法律", "其他"};
  return kCategories;
}

const std::vector<std::string>& decline_reasons() {
  static const std::vector<std::string> kReasons = {"涉及党和国家秘密",
                                                    "属于国家法律明令禁止的",
                                                    "涉及党派团体内部事务",
                                                    "涉及民主党派内部事务",
                                                    "属于司法程序中的诉讼、仲裁等具体案件",
                                                    "属于学术讨论的",
                                                    "涉及提案人个人及亲属事务",
                                                    "为宣传、推介具体产品、作品的",
                                                    "对具体人员进行检举、控告的",
                                                    "没有具体建议的"};
  return kReasons;
}

TransitionInput read_transition_input(const Json& body) {
  if (body.contains("action") && !body["action"].is_string()) throw ApiError::validation("action", "应为文本");
  std::string name = body.value("action", "");
  auto action = parse_action(name);
  if (!action) throw ApiError::validation("action", "未知的操作：" + name);
  if (!body.contains("version") || !body["version"].is_number_integer())
    throw ApiError::validation("version", "请提供提案的版本号（version）");
  return {*action, body["version"].get<int64_t>()};
}

Outcome create_proposal(db::Connection& c, const Config& /*config*/, const Caller& by, const Json& fields) {
  const auto& user = by.user;
  if (!may_propose(user)) throw ApiError::forbidden("只有委员、党派界别联络人和专委会可以提出提案");
  api::Validator v(fields);
  auto cols = read_draft(v, c, user, nullptr);
  auto session = v.id("session_id", api::Presence::optional);
  auto cosigners = v.id_list("cosigner_member_ids", api::Presence::optional);
  int64_t session_id = 0;
  if (session) {
    if (!api::exists_in_committee(c, "sessions", *session, user.committee_id)) v.fail("session_id", "所选会议不存在");
    session_id = *session;
  } else {
    auto cur = c.exec(sql::kCurrentSession, {user.committee_id});
    if (cur.empty()) throw ApiError::conflict("本委员会尚未设置当前会议，暂不能提出提案");
    session_id = cur.one().integer(0);
  }
  auto member = caller_member(c, user);
  std::string name = member ? member->text("name") : user.name;
  std::string cols_sql =
      "committee_id, session_id, proposer_user_id, proposer_member_id, proposer_name, created_at, "
      "updated_at";
  std::vector<db::Value> params = {
      user.committee_id, session_id, user.user_id, member ? db::Value(member->integer("id")) : db::Value(nullptr), name,
      by.at(),           by.at()};
  std::string vals = "$1, $2, $3, $4, $5, $6, $7";
  for (auto& [col, val] : cols) {
    cols_sql += ", " + col;
    vals += ", " + api::add_param(params, val);
  }
  if (!v.ok()) v.finish();
  int64_t id =
      c.exec("INSERT INTO proposals (" + cols_sql + ") VALUES (" + vals + ") RETURNING id", params).one().integer(0);
  if (cosigners) set_cosigners(c, user, id, *cosigners, v);
  v.finish();
  write_history(c, by, id, "create", "draft", "draft", Json::object());
  auto e = audit::entry_by(user, by.address, "proposal.create", "proposal", std::to_string(id));
  e.after = {{"title", fields.value("title", "")}};
  audit::record(c, e);
  return {id, {events::kCreated, user.committee_id, user.user_id, std::to_string(id), {{"id", id}}}};
}

Outcome update_proposal(db::Connection& c, const Config& /*config*/, const Caller& by, int64_t id, const Json& fields) {
  const auto& user = by.user;
  db::Row row = load_visible(c, user, id);
  if (row.integer("proposer_user_id") != user.user_id) throw ApiError::forbidden("只有提案人可以修改提案");
  State state = *parse_state(row.text("state"));
  if (!in(editable_states(), state))
    throw ApiError(ErrorCode::illegal_transition,
                   "提案已提交，当前状态（" + std::string(state_label(state)) + "）不能修改");
  api::Validator v(fields);
  auto version = v.integer("version", api::Presence::required);
  auto cols = read_draft(v, c, user, &row);
  auto cosigners = v.id_list("cosigner_member_ids", api::Presence::optional);
  if (version && *version != row.integer("version"))
    throw ApiError(ErrorCode::version_conflict, "提案已被修改，请刷新后再试");
  if (cosigners) set_cosigners(c, user, id, *cosigners, v);
  v.finish();
  std::vector<db::Value> params;
  std::string sets;
  for (auto& [col, val] : cols) sets += col + " = " + api::add_param(params, val) + ", ";
  sets += "version = version + 1, updated_at = " + api::add_param(params, by.at());
  auto r = c.exec("UPDATE proposals SET " + sets + " WHERE id = " + api::add_param(params, id) +
                      " AND version = " + api::add_param(params, *version),
                  params);
  if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "提案已被修改，请刷新后再试");
  auto e = audit::entry_by(user, by.address, "proposal.update", "proposal", std::to_string(id));
  e.before = {{"title", row.text("title")}, {"version", row.integer("version")}};
  e.after = fields;
  audit::record(c, e);
  return {id, {events::kUpdated, user.committee_id, user.user_id, std::to_string(id), {{"id", id}}}};
}

namespace {

/// perform_transition for both kinds of input: `rating` feeds the guard on the feedback's rating
/// and `read` yields the typed fields once the table's row is chosen and the version holds.
Outcome transition(db::Connection& c, const Config& config, const Caller& by, int64_t id, const TransitionInput& in,
                   const std::string& rating, const std::function<Payload()>& read) {
  const auto& user = by.user;
  const Action action = in.action;
  db::Row row = load_visible(c, user, id);
  State from = *parse_state(row.text("state"));
  Relations rel = relations_of(c, user, id, row.integer("proposer_user_id"));
  Context x{c, config, by, id, row, rel, from, {}};
  // The first row for this state and action whose actor the caller is and whose guard holds.
  const Transition* chosen = nullptr;
  bool action_exists_here = false, actor_fits = false;
  for (const auto& t : transitions()) {
    if (t.from != from || t.action != action) continue;
    action_exists_here = true;
    if (!rel.has(t.actor)) continue;
    actor_fits = true;
    if (t.actor == Actor::cosigner && action == Action::cosign &&
        c.exec(sql::kIsPendingCosigner, {id, user.user_id}).empty())
      throw ApiError(ErrorCode::illegal_transition, "您已答复过联名邀请");
    if (guard_holds(t.guard, x, rating)) {
      chosen = &t;
      break;
    }
  }
  if (!action_exists_here)
    throw ApiError(ErrorCode::illegal_transition,
                   std::string("提案当前状态为“") + state_label(from) + "”，不能执行“" + action_label(action) + "”");
  if (!actor_fits || !chosen)
    throw ApiError::forbidden(std::string("您没有权限对该提案执行“") + action_label(action) + "”");
  if (row.integer("version") != in.version)
    throw ApiError(ErrorCode::version_conflict, "提案已被他人处理（版本已变化），请刷新后再试");
  const Payload payload = read();
  x.payload = &payload;
  x.to = chosen->to;
  x.dues = compute_dues(chosen->deadline, x);
  apply_effects(action, x);
  // Bump the version only if nobody else did meanwhile (optimistic concurrency).
  auto r = c.exec(sql::kMoveProposalState, {std::string(state_name(chosen->to)), by.at(), id, in.version});
  if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "提案已被他人处理（版本已变化），请刷新后再试");
  std::string from_name = state_name(from), to_name = state_name(chosen->to), action_s = action_name(action);
  write_history(c, by, id, action_s, from_name, to_name, x.history);
  auto e = audit::entry_by(user, by.address, "proposal." + action_s, "proposal", std::to_string(id));
  e.before = {{"state", from_name}, {"version", in.version}};
  e.after = {{"state", to_name}, {"version", in.version + 1}, {"payload", x.history}};
  audit::record(c, e);
  Json event = x.event;
  event["id"] = id;
  event["action"] = action_s;
  event["from"] = from_name;
  event["to"] = to_name;
  return {id, {events::of(action), user.committee_id, user.user_id, std::to_string(id), event}};
}

}  // namespace

Outcome perform_transition(db::Connection& c, const Config& config, const Caller& by, int64_t id,
                           const TransitionInput& in, const Payload& payload) {
  if (!payload_fits(in.action, payload))
    throw std::invalid_argument(std::string("perform_transition: the fields are not those of ") +
                                action_name(in.action));
  const auto* fb = std::get_if<FeedbackInput>(&payload);
  return transition(c, config, by, id, in, fb ? fb->rating : "", [&] { return payload; });
}

Outcome perform_transition(db::Connection& c, const Config& config, const Caller& by, int64_t id,
                           const TransitionInput& in, const Json& fields) {
  std::string rating;
  if (fields.is_object() && fields.contains("rating") && fields["rating"].is_string())
    rating = fields["rating"].get<std::string>();
  return transition(c, config, by, id, in, rating, [&] { return read_payload(in.action, fields); });
}

}  // namespace sl::proposals
