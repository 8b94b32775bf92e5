#include "modules/proposals/commands.hpp"

#include <algorithm>

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "core/clock.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/settings.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

const std::vector<std::string> kCategories = {"经济建设", "城市建设", "社会事业", "科教文卫", "政治法律", "其他"};
const std::vector<std::string> kKinds = {"individual", "joint", "collective", "recommendation"};

/// The member record of the caller in the committee, if any.
std::optional<db::Row> caller_member(db::Connection& c, const Principal& p) {
  auto r = c.exec("SELECT id, name FROM members WHERE user_id = $1 AND committee_id = $2", {p.user_id, p.committee_id});
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
  if (auto t = v.text("title", presence, 50)) out.emplace_back("title", *t);
  for (const char* f : {"situation", "analysis", "suggestions"})
    if (auto t = v.text(f, api::Presence::optional, 20000, true)) out.emplace_back(f, *t);
  if (auto t = v.one_of("category", api::Presence::optional, kCategories)) out.emplace_back("category", *t);
  if (auto t = v.text("keywords", api::Presence::optional, 100, true)) out.emplace_back("keywords", *t);
  if (auto k = v.one_of("kind", api::Presence::optional, kKinds)) out.emplace_back("kind", *k);
  if (auto ids = v.id_list("suggested_unit_ids", api::Presence::optional)) {
    for (int64_t id : *ids)
      if (!api::exists_in_committee(c, "units", id, p.committee_id)) v.fail("suggested_unit_ids", "所选单位不存在");
    out.emplace_back("suggested_unit_ids", Json(*ids).dump());
  }
  if (auto b = v.boolean("consent_publish", api::Presence::optional)) out.emplace_back("consent_publish", int64_t{*b});
  if (auto t = v.text("consent_reason", api::Presence::optional, 200, true)) out.emplace_back("consent_reason", *t);
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
    if (*t && c.exec("SELECT 1 FROM catalogue_topics k JOIN catalogues g ON g.session_id = k.session_id WHERE k.id = "
                     "$1 AND k.committee_id = $2 AND g.state = 'published'",
                     {*t, p.committee_id})
                  .empty())
      v.fail("catalogue_topic_id", "所选参考选题不存在或参考目录尚未发布");
    out.emplace_back("catalogue_topic_id", *t ? db::Value(*t) : nullptr);
  }
  return out;
}

/// Replaces the co-signers of `id` with `member_ids` (status pending).
void set_cosigners(db::Connection& c, const Principal& p, int64_t id, const std::vector<int64_t>& member_ids,
                   api::Validator& v) {
  c.exec("DELETE FROM proposal_cosigners WHERE proposal_id = $1", {id});
  for (int64_t m : member_ids) {
    auto r = c.exec("SELECT user_id, name FROM members WHERE id = $1 AND committee_id = $2 AND status = 'active'",
                    {m, p.committee_id});
    if (r.empty() || r.one().is_null("user_id")) {
      v.fail("cosigner_member_ids", "所选联名委员不存在");
      return;
    }
    if (r.one().integer("user_id") == p.user_id) {
      v.fail("cosigner_member_ids", "不能邀请自己联名");
      return;
    }
    c.exec("INSERT INTO proposal_cosigners (proposal_id, member_id, user_id, name) VALUES ($1, $2, $3, $4)",
           {id, m, r.one().integer("user_id"), r.one().text("name")});
  }
}

void write_history(db::Connection& c, const http::Request& req, int64_t id, const std::string& action,
                   const std::string& from, const std::string& to, const Json& payload) {
  const auto& p = req.user();
  c.exec(
      "INSERT INTO proposal_history (proposal_id, at, actor_user_id, actor_name, role, action, from_state, to_state, "
      "payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {id, db::now_iso(), p.user_id, p.name, p.primary_role(), action, from, to, payload.dump()});
}

struct Context {
  App& app;
  db::Connection& c;
  const http::Request& req;
  const Principal& user;
  int64_t id;
  db::Row row;
  Relations rel;
  api::Validator& v;
  Json history = Json::object();  // what the history row records of the payload
  Json event = Json::object();    // extra event payload (recipients)
  std::optional<Settings> settings_;

  /// The committee's proposal settings (loaded on first use).
  const Settings& settings() {
    if (!settings_) settings_ = load_settings(c, user.committee_id, app.config);
    return *settings_;
  }
};

bool guard_holds(Guard g, Context& x, const Json& body) {
  int64_t round = x.row.integer("round");
  switch (g) {
    case Guard::none:
      return true;
    case Guard::has_cosigners:
      return x.c.exec("SELECT COUNT(*) FROM proposal_cosigners WHERE proposal_id = $1", {x.id}).one().integer(0) > 0;
    case Guard::last_cosigner:
      return x.c.exec(
                    "SELECT COUNT(*) FROM proposal_cosigners WHERE proposal_id = $1 AND status = 'pending' AND "
                    "user_id <> $2",
                    {x.id, x.user.user_id})
                 .one()
                 .integer(0) == 0;
    case Guard::first_round:
      return round == 1;
    case Guard::second_round:
      return round >= 2;
    case Guard::unsatisfied_first_round:
      return round == 1 && body.contains("rating") && body["rating"] == "unsatisfied";
    case Guard::unsigned_split_lead: {
      if (x.row.text("handling_type") != "split") return false;
      for (int64_t unit : x.rel.lead_units)
        if (!x.c.exec("SELECT 1 FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND role = 'lead' "
                      "AND state = 'awaiting_sign'",
                      {x.id, unit})
                 .empty())
          return true;
      return false;
    }
  }
  return false;
}

int64_t pick_unit(Context& x, const std::vector<int64_t>& units, const Json& body) {
  if (units.empty()) throw ApiError::forbidden("您所在单位不是该提案的承办单位");
  if (body.contains("unit_id") && body["unit_id"].is_number_integer()) {
    int64_t u = body["unit_id"].get<int64_t>();
    if (std::find(units.begin(), units.end(), u) == units.end())
      throw ApiError::forbidden("该单位不是您所在的承办单位");
    return u;
  }
  return units.front();
}

std::string today() {
  return clock::today();
}

int64_t next_number(db::Connection& c, int64_t session_id) {
  return c
      .exec(
          "INSERT INTO proposal_number_counters (session_id, last_number) VALUES ($1, 1) ON CONFLICT (session_id) DO "
          "UPDATE SET last_number = proposal_number_counters.last_number + 1 RETURNING last_number",
          {session_id})
      .one()
      .integer(0);
}

std::string number_label(db::Connection& c, int64_t session_id, int64_t number) {
  auto s = c.exec("SELECT t.number, s.number FROM sessions s JOIN terms t ON t.id = s.term_id WHERE s.id = $1",
                  {session_id});
  static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto cn = [](int64_t n) {
    if (n < 10) return std::string(kDigits[n]);
    if (n < 20) return std::string("十") + (n % 10 ? kDigits[n % 10] : "");
    return std::string(kDigits[n / 10]) + "十" + (n % 10 ? kDigits[n % 10] : "");
  };
  char num[16];
  std::snprintf(num, sizeof num, "%04lld", static_cast<long long>(number));
  return cn(s.one().integer(0)) + "届" + cn(s.one().integer(1)) + "次会议 第" + num + "号";
}

/// The action's own validation and effects. Runs after the table allowed it.
void apply_effects(Action action, Context& x, const Json& body, State to) {
  auto& c = x.c;
  auto& v = x.v;
  int64_t id = x.id;
  std::string now = db::now_iso();
  switch (action) {
    case Action::submit: {
      v.finish();
      if (x.row.text("suggestions").empty()) throw ApiError::validation("suggestions", "请填写具体建议后再提交");
      if (x.row.text("category").empty()) throw ApiError::validation("category", "请选择提案类别后再提交");
      c.exec("UPDATE proposals SET submitted_at = $1 WHERE id = $2", {now, id});
      if (to == State::awaiting_cosign)
        c.exec(
            "UPDATE proposal_cosigners SET status = 'pending', answered_at = NULL, due_at = $1 WHERE proposal_id = $2",
            {db::iso_after(int64_t{x.settings().cosign_window_days} * 86400), id});
      break;
    }
    case Action::withdraw:
      v.finish();
      break;
    case Action::cosign: {
      auto accept = v.boolean("accept", api::Presence::required);
      v.finish();
      c.exec(
          "UPDATE proposal_cosigners SET status = $1, answered_at = $2 WHERE proposal_id = $3 AND user_id = $4 AND "
          "status = 'pending'",
          {*accept ? "confirmed" : "declined", now, id, x.user.user_id});
      x.history["accept"] = *accept;
      break;
    }
    case Action::file: {
      v.finish();
      int64_t session = x.row.integer("session_id");
      int64_t n = next_number(c, session);
      c.exec("UPDATE proposals SET number = $1, number_label = $2, filed_at = $3 WHERE id = $4",
             {n, number_label(c, session, n), now, id});
      x.history["number"] = n;
      break;
    }
    case Action::decline: {
      auto reason = v.text("reason", api::Presence::required, 100);
      const auto& reasons = x.settings().decline_reasons;
      if (reason && std::find(reasons.begin(), reasons.end(), *reason) == reasons.end()) {
        v.fail("reason", "不立案理由须从本委员会设置的理由中选择");
        reason.reset();
      }
      auto conv = v.one_of("conversion", api::Presence::optional, {"none", "opinion", "social_info"});
      auto comment = v.text("comment", api::Presence::optional, 500, true);
      v.finish();
      c.exec("UPDATE proposals SET decline_reason = $1, decline_conversion = $2, review_comment = $3 WHERE id = $4",
             {*reason, conv.value_or("none"), comment.value_or(""), id});
      x.history = {{"reason", *reason}, {"conversion", conv.value_or("none")}};
      break;
    }
    case Action::return_for_revision: {
      auto comment = v.text("comment", api::Presence::required, 1000);
      v.finish();
      c.exec("UPDATE proposals SET review_comment = $1 WHERE id = $2", {*comment, id});
      x.history["comment"] = *comment;
      break;
    }
    case Action::merge: {
      auto into = v.id("into_id", api::Presence::required);
      v.finish();
      if (*into == id) throw ApiError::validation("into_id", "不能与自身并案");
      auto lead = c.exec("SELECT state, committee_id, session_id FROM proposals WHERE id = $1", {*into});
      if (lead.empty() || lead.one().integer("committee_id") != x.user.committee_id)
        throw ApiError::validation("into_id", "并入的提案不存在");
      std::string ls = lead.one().text("state");
      if (ls == "draft" || ls == "merged" || ls == "not_filed" || ls == "returned" || ls == "awaiting_cosign")
        throw ApiError::validation("into_id", "只能并入已提交或已立案的提案");
      c.exec("UPDATE proposals SET merged_into_id = $1 WHERE id = $2", {*into, id});
      x.history["into_id"] = *into;
      x.event["into_id"] = *into;
      break;
    }
    case Action::assign: {
      auto type = v.one_of("handling_type", api::Presence::required, {"single", "lead_co", "split"});
      auto units = v.raw("units", api::Presence::required);
      v.finish();
      if (!units->is_array() || units->empty()) throw ApiError::validation("units", "请选择承办单位");
      int leads = 0;
      std::vector<std::pair<int64_t, std::string>> list;
      for (const auto& u : *units) {
        if (!u.is_object() || !u.contains("unit_id") || !u["unit_id"].is_number_integer())
          throw ApiError::validation("units", "承办单位格式有误");
        if (u.contains("role") && !u["role"].is_string()) throw ApiError::validation("units", "承办方式应为主办或协办");
        std::string role = u.value("role", "lead");
        if (role != "lead" && role != "co") throw ApiError::validation("units", "承办方式应为主办或协办");
        int64_t uid = u["unit_id"].get<int64_t>();
        if (!api::exists_in_committee(c, "units", uid, x.user.committee_id))
          throw ApiError::validation("units", "所选承办单位不存在");
        for (auto& [existing, _] : list)
          if (existing == uid) throw ApiError::validation("units", "同一单位不能重复交办");
        if (role == "lead") ++leads;
        list.emplace_back(uid, role);
      }
      if (*type == "single" && (list.size() != 1 || leads != 1))
        throw ApiError::validation("units", "单办须且只能选择一个主办单位");
      if (*type == "lead_co" && (leads != 1 || list.size() < 2))
        throw ApiError::validation("units", "主办加协办须有一个主办单位和至少一个协办单位");
      if (*type == "split" && (leads != static_cast<int>(list.size()) || list.size() < 2))
        throw ApiError::validation("units", "分办须选择两个或以上的主办单位");
      auto cal = WorkCalendar::load(c, x.user.committee_id);
      std::string t = today();
      const auto& cfg = x.settings();
      std::string sign_due = cal.add_working_days(t, cfg.sign_window_working_days);
      std::string reply_due = add_months(t, cfg.reply_months);
      std::string opinion_due = add_months(t, cfg.opinion_months);
      for (auto& [uid, role] : list)
        c.exec(
            "INSERT INTO proposal_assignments (proposal_id, unit_id, role, sign_due, opinion_due, reply_due) VALUES "
            "($1, $2, $3, $4, $5, $6)",
            {id, uid, role, sign_due, role == "co" ? db::Value(opinion_due) : db::Value(nullptr), reply_due});
      c.exec("UPDATE proposals SET handling_type = $1, assigned_at = $2, due_at = $3 WHERE id = $4",
             {*type, now, reply_due, id});
      x.history = {{"handling_type", *type}, {"units", *units}, {"sign_due", sign_due}, {"reply_due", reply_due}};
      break;
    }
    case Action::sign: {
      v.id("unit_id", api::Presence::optional);
      v.finish();
      std::vector<int64_t> mine = x.rel.lead_units;
      mine.insert(mine.end(), x.rel.co_units.begin(), x.rel.co_units.end());
      int64_t unit = pick_unit(x, mine, body);
      auto r = c.exec(
          "UPDATE proposal_assignments SET state = 'signed', signed_at = $1 WHERE proposal_id = $2 AND "
          "unit_id = $3 AND state = 'awaiting_sign'",
          {now, id, unit});
      if (r.affected == 0) throw ApiError(ErrorCode::illegal_transition, "本单位已签收或不在待签收状态");
      x.history["unit_id"] = unit;
      break;
    }
    case Action::request_return: {
      v.id("unit_id", api::Presence::optional);
      auto reason = v.text("reason", api::Presence::required, 500);
      v.finish();
      std::vector<int64_t> mine = x.rel.lead_units;
      mine.insert(mine.end(), x.rel.co_units.begin(), x.rel.co_units.end());
      int64_t unit = pick_unit(x, mine, body);
      auto a = c.exec(
          "SELECT id, state, sign_due FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND "
          "state IN ('awaiting_sign', 'signed')",
          {id, unit});
      if (a.empty()) throw ApiError(ErrorCode::illegal_transition, "本单位当前不能申请退回");
      if (!a.one().is_null("sign_due") && today() > a.one().text("sign_due"))
        throw ApiError(ErrorCode::illegal_transition, "已超过签收期限，不能再申请退回，请联系提案委");
      c.exec("UPDATE proposal_assignments SET state = 'return_requested', return_reason = $1 WHERE id = $2",
             {*reason, a.one().integer("id")});
      x.history = {{"unit_id", unit}, {"reason", *reason}};
      break;
    }
    case Action::reassign:
    case Action::refuse_return: {
      auto assignment = v.id("assignment_id", api::Presence::required);
      auto new_unit = action == Action::reassign ? v.id("unit_id", api::Presence::required) : std::optional<int64_t>();
      auto comment = v.text("comment", api::Presence::optional, 500, true);
      v.finish();
      auto a = c.exec(
          "SELECT unit_id, role, state, sign_due, reply_due, opinion_due FROM proposal_assignments WHERE id "
          "= $1 AND proposal_id = $2",
          {*assignment, id});
      if (a.empty() || a.one().text("state") != "return_requested")
        throw ApiError(ErrorCode::illegal_transition, "该单位没有待处理的退回申请");
      if (action == Action::refuse_return) {
        c.exec(
            "UPDATE proposal_assignments SET state = CASE WHEN signed_at IS NULL THEN 'awaiting_sign' ELSE 'signed' "
            "END WHERE id = $1",
            {*assignment});
        x.history = {{"assignment_id", *assignment}, {"comment", comment.value_or("")}};
        break;
      }
      if (!api::exists_in_committee(c, "units", *new_unit, x.user.committee_id))
        throw ApiError::validation("unit_id", "所选承办单位不存在");
      if (!c.exec(
                "SELECT 1 FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND state <> 'reassigned'",
                {id, *new_unit})
               .empty())
        throw ApiError::validation("unit_id", "该单位已在承办该提案");
      c.exec("UPDATE proposal_assignments SET state = 'reassigned' WHERE id = $1", {*assignment});
      auto cal = WorkCalendar::load(c, x.user.committee_id);
      c.exec(
          "INSERT INTO proposal_assignments (proposal_id, unit_id, role, sign_due, opinion_due, reply_due) VALUES "
          "($1, $2, $3, $4, $5, $6)",
          {id, *new_unit, a.one().text("role"), cal.add_working_days(today(), x.settings().sign_window_working_days),
           a.one().is_null("opinion_due") ? db::Value(nullptr) : db::Value(a.one().text("opinion_due")),
           a.one().text("reply_due")});
      x.history = {
          {"assignment_id", *assignment}, {"from_unit_id", a.one().integer("unit_id")}, {"unit_id", *new_unit}};
      break;
    }
    case Action::record_consultation: {
      v.id("unit_id", api::Presence::optional);
      auto method = v.one_of("method", api::Presence::required, {"meeting", "forum", "phone", "site", "written"});
      auto held_on = v.date("held_on", api::Presence::required);
      auto people = v.text("people", api::Presence::optional, 200, true);
      auto content = v.text("content", api::Presence::required, 5000);
      v.finish();
      std::vector<int64_t> mine = x.rel.lead_units;
      mine.insert(mine.end(), x.rel.co_units.begin(), x.rel.co_units.end());
      int64_t unit = pick_unit(x, mine, body);
      if (*held_on > today()) throw ApiError::validation("held_on", "协商日期不能晚于今天");
      c.exec(
          "INSERT INTO proposal_consultations (proposal_id, unit_id, method, held_on, people, content, created_by) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7)",
          {id, unit, *method, *held_on, people.value_or(""), *content, x.user.user_id});
      x.history = {{"unit_id", unit}, {"method", *method}, {"held_on", *held_on}};
      break;
    }
    case Action::send_opinion: {
      v.id("unit_id", api::Presence::optional);
      auto opinion = v.text("opinion", api::Presence::required, 10000);
      v.finish();
      int64_t unit = pick_unit(x, x.rel.co_units, body);
      auto r = c.exec(
          "UPDATE proposal_assignments SET state = 'opinion_sent', opinion = $1 WHERE proposal_id = $2 AND "
          "unit_id = $3 AND role = 'co' AND state IN ('signed', 'opinion_sent')",
          {*opinion, id, unit});
      if (r.affected == 0) throw ApiError(ErrorCode::illegal_transition, "请先签收后再提交协办意见");
      x.history["unit_id"] = unit;
      break;
    }
    case Action::submit_reply: {
      v.id("unit_id", api::Presence::optional);
      auto reply = v.text("body", api::Presence::required, 50000);
      auto allowed = x.settings().result_categories();
      auto result = v.text("result_category", api::Presence::required, 1);
      if (result && std::find(allowed.begin(), allowed.end(), *result) == allowed.end()) {
        v.fail("result_category",
               *result == "D" ? "本委员会未启用 D 类办理结果，请选择 A、B 或 C 类"
                              : "办理结果应为 A、B、C" + std::string(allowed.size() > 3 ? "、D" : "") + " 类之一");
        result.reset();
      }
      v.finish();
      int64_t unit = pick_unit(x, x.rel.lead_units, body);
      auto a = c.exec(
          "SELECT state FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND role = 'lead' "
          "AND state <> 'reassigned'",
          {id, unit});
      if (a.empty() || a.one().text(0) == "awaiting_sign")
        throw ApiError(ErrorCode::illegal_transition, "请先签收后再答复");
      if (c.exec("SELECT COUNT(*) FROM proposal_consultations WHERE proposal_id = $1", {id}).one().integer(0) == 0)
        throw ApiError(ErrorCode::illegal_transition, "答复前须先与提案人沟通协商，并记录协商情况");
      c.exec(
          "INSERT INTO proposal_replies (proposal_id, unit_id, round, body, result_category, created_by) VALUES ($1, "
          "$2, $3, $4, $5, $6)",
          {id, unit, x.row.integer("round"), *reply, *result, x.user.user_id});
      x.history = {{"unit_id", unit}, {"result_category", *result}};
      break;
    }
    case Action::approve_reply:
    case Action::reject_reply:
    case Action::pass_reply:
    case Action::send_back_reply: {
      auto comment =
          v.text("comment",
                 (action == Action::reject_reply || action == Action::send_back_reply) ? api::Presence::required
                                                                                       : api::Presence::optional,
                 1000, true);
      auto reply_id = v.id("reply_id", api::Presence::optional);
      v.finish();
      const bool unit_review = action == Action::approve_reply || action == Action::reject_reply;
      // The reply is chosen by proposal and unit: a unit leader reviews their own units' replies
      // only (under split handling each lead unit answers separately); staff may name one.
      std::vector<db::Value> params = {id, std::string(unit_review ? "unit_review" : "cppcc_review")};
      std::string which;
      if (unit_review) {
        std::string in;
        for (int64_t u : x.rel.lead_units) in += (in.empty() ? "" : ", ") + api::add_param(params, u);
        which = in.empty() ? " AND 1=0" : " AND unit_id IN (" + in + ")";
      }
      if (reply_id) which += " AND id = " + api::add_param(params, *reply_id);
      auto reply = c.exec("SELECT id, result_category FROM proposal_replies WHERE proposal_id = $1 AND state = $2" +
                              which + " ORDER BY id DESC LIMIT 1",
                          params);
      if (reply.empty()) throw ApiError(ErrorCode::illegal_transition, "没有待您审核的答复");
      int64_t rid = reply.one().integer(0);
      const char* next = action == Action::approve_reply ? "cppcc_review"
                         : action == Action::pass_reply  ? "released"
                                                         : "sent_back";
      c.exec(
          "UPDATE proposal_replies SET state = $1, comment = $2, approved_by = CASE WHEN $1 = 'cppcc_review' THEN $3 "
          "ELSE approved_by END, released_at = CASE WHEN $1 = 'released' THEN $4 ELSE released_at END WHERE id = $5",
          {std::string(next), comment.value_or(""), x.user.user_id, now, rid});
      if (action == Action::pass_reply) {
        std::string result = reply.one().text(1);
        c.exec("UPDATE proposals SET result_category = $1, replied_at = $2, follow_up = $3 WHERE id = $4",
               {result, now, int64_t{result == "B" || result == "C"}, id});
        c.exec(
            "UPDATE proposal_assignments SET state = 'replied' WHERE proposal_id = $1 AND role = 'lead' AND state <> "
            "'reassigned'",
            {id});
      }
      x.history = {{"reply_id", rid}, {"comment", comment.value_or("")}};
      break;
    }
    case Action::request_extension: {
      auto reason = v.text("reason", api::Presence::required, 500);
      auto due = v.date("requested_due", api::Presence::required);
      v.finish();
      std::string assigned = clock::local_day(x.row.text("assigned_at"));
      if (*due <= x.row.text("due_at").substr(0, 10))
        throw ApiError::validation("requested_due", "延期后的日期须晚于现有期限");
      int max_months = x.settings().max_reply_months;
      if (*due > add_months(assigned, max_months))
        throw ApiError::validation("requested_due", "办理期限最长为交办后 " + std::to_string(max_months) + " 个月（" +
                                                        add_months(assigned, max_months) + "）");
      int64_t unit = pick_unit(x, x.rel.lead_units, body);
      c.exec("INSERT INTO proposal_extensions (proposal_id, unit_id, reason, requested_due) VALUES ($1, $2, $3, $4)",
             {id, unit, *reason, *due});
      x.history = {{"reason", *reason}, {"requested_due", *due}};
      break;
    }
    case Action::grant_extension: {
      auto ext = v.id("extension_id", api::Presence::required);
      auto approve = v.boolean("approve", api::Presence::required);
      v.finish();
      auto e = c.exec(
          "SELECT requested_due FROM proposal_extensions WHERE id = $1 AND proposal_id = $2 AND state = "
          "'requested'",
          {*ext, id});
      if (e.empty()) throw ApiError(ErrorCode::illegal_transition, "没有待处理的延期申请");
      c.exec("UPDATE proposal_extensions SET state = $1 WHERE id = $2", {*approve ? "granted" : "refused", *ext});
      if (*approve) {
        std::string due = e.one().text(0);
        c.exec("UPDATE proposals SET due_at = $1 WHERE id = $2", {due, id});
        c.exec("UPDATE proposal_assignments SET reply_due = $1 WHERE proposal_id = $2 AND state <> 'reassigned'",
               {due, id});
      }
      x.history = {{"extension_id", *ext}, {"approve", *approve}};
      break;
    }
    case Action::feedback: {
      auto rating = v.one_of("rating", api::Presence::required, {"satisfied", "basic", "unsatisfied"});
      auto consulted = v.one_of("consulted", api::Presence::optional, {"face_to_face", "phone", "written", "none"});
      auto attitude = v.one_of("attitude", api::Presence::optional, {"good", "fair", "poor"});
      auto answers = v.one_of("answers_proposal", api::Presence::optional, {"yes", "partly", "no"});
      auto comment = v.text("comment", api::Presence::optional, 2000, true);
      v.finish();
      int64_t round = x.row.integer("round");
      if (!c.exec("SELECT 1 FROM proposal_feedback WHERE proposal_id = $1 AND round = $2 AND user_id = $3",
                  {id, round, x.user.user_id})
               .empty())
        throw ApiError::conflict("本轮办理您已反馈过意见");
      c.exec(
          "INSERT INTO proposal_feedback (proposal_id, round, user_id, rating, consulted, attitude, answers_proposal, "
          "comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
          {id, round, x.user.user_id, *rating, consulted.value_or(""), attitude.value_or(""), answers.value_or(""),
           comment.value_or("")});
      x.history["rating"] = *rating;
      if (!x.rel.has(Actor::proposer) || to == State::replied || to == State::feedback_received) {
        if (x.rel.has(Actor::proposer)) c.exec("UPDATE proposals SET satisfaction = $1 WHERE id = $2", {*rating, id});
        break;
      }
      c.exec("UPDATE proposals SET satisfaction = $1 WHERE id = $2", {*rating, id});
      if (to == State::second_handling) {
        std::string due = add_months(today(), x.settings().second_handling_months);
        c.exec("UPDATE proposals SET round = 2, due_at = $1 WHERE id = $2", {due, id});
        c.exec(
            "UPDATE proposal_assignments SET state = 'signed', reply_due = $1, round = 2 WHERE proposal_id = $2 AND "
            "state = 'replied'",
            {due, id});
        x.history["second_due"] = due;
      } else if (to == State::closed) {
        c.exec("UPDATE proposals SET closed_at = $1, face_to_face = $2 WHERE id = $3",
               {now, int64_t{*rating == "unsatisfied"}, id});
      }
      break;
    }
    case Action::close:
      v.finish();
      c.exec("UPDATE proposals SET closed_at = $1 WHERE id = $2", {now, id});
      break;
    case Action::publish: {
      v.finish();
      if (x.row.integer("consent_publish") == 0)
        throw ApiError(ErrorCode::illegal_transition, "提案人不同意公开，不能公开");
      if (x.row.integer("published") != 0) throw ApiError(ErrorCode::illegal_transition, "该提案已公开");
      c.exec("UPDATE proposals SET published = 1, published_at = $1 WHERE id = $2", {now, id});
      break;
    }
    case Action::mark_key: {
      auto key = v.boolean("key", api::Presence::required);
      auto leaders = v.id_list("leader_ids", api::Presence::optional);
      auto sc = v.id("special_committee_id", api::Presence::optional, true);
      v.finish();
      if (sc && *sc && !api::exists_in_committee(c, "special_committees", *sc, x.user.committee_id))
        throw ApiError::validation("special_committee_id", "所选专委会不存在");
      for (int64_t l : leaders.value_or(std::vector<int64_t>{}))
        if (c.exec("SELECT 1 FROM role_grants WHERE user_id = $1 AND committee_id = $2 AND role = 'leader'",
                   {l, x.user.committee_id})
                .empty())
          throw ApiError::validation("leader_ids", "领衔督办人须为本委员会的领导");
      c.exec("UPDATE proposals SET is_key = $1, key_leader_ids = $2, key_special_committee_id = $3 WHERE id = $4",
             {int64_t{*key}, Json(leaders.value_or(std::vector<int64_t>{})).dump(),
              (sc && *sc) ? db::Value(*sc) : db::Value(nullptr), id});
      x.history = {{"key", *key}, {"leader_ids", leaders.value_or(std::vector<int64_t>{})}};
      break;
    }
  }
}

}  // namespace

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

Json create_proposal(App& app, const http::Request& req, const Json& body) {
  const auto& user = req.user();
  if (!user.has_any({Role::member, Role::group_contact, Role::committee_staff}))
    throw ApiError::forbidden("只有委员、党派界别联络人和专委会可以提出提案");
  int64_t id = 0;
  app.db().transaction([&](db::Connection& c) {
    api::Validator v(body);
    auto cols = read_draft(v, c, user, nullptr);
    auto session = v.id("session_id", api::Presence::optional);
    auto cosigners = v.id_list("cosigner_member_ids", api::Presence::optional);
    int64_t session_id = 0;
    if (session) {
      if (!api::exists_in_committee(c, "sessions", *session, user.committee_id)) v.fail("session_id", "所选会议不存在");
      session_id = *session;
    } else {
      auto cur = c.exec("SELECT id FROM sessions WHERE committee_id = $1 AND is_current = 1", {user.committee_id});
      if (cur.empty()) throw ApiError::conflict("本委员会尚未设置当前会议，暂不能提出提案");
      session_id = cur.one().integer(0);
    }
    auto member = caller_member(c, user);
    std::string name = member ? member->text("name") : user.name;
    std::string cols_sql = "committee_id, session_id, proposer_user_id, proposer_member_id, proposer_name";
    std::vector<db::Value> params = {user.committee_id, session_id, user.user_id,
                                     member ? db::Value(member->integer("id")) : db::Value(nullptr), name};
    std::string vals = "$1, $2, $3, $4, $5";
    for (auto& [col, val] : cols) {
      cols_sql += ", " + col;
      vals += ", " + api::add_param(params, val);
    }
    if (!v.ok()) v.finish();
    id = c.exec("INSERT INTO proposals (" + cols_sql + ") VALUES (" + vals + ") RETURNING id", params).one().integer(0);
    if (cosigners) set_cosigners(c, user, id, *cosigners, v);
    v.finish();
    write_history(c, req, id, "create", "draft", "draft", Json::object());
    auto e = audit::entry_for(req, "proposal.create", "proposal", std::to_string(id));
    e.after = {{"title", body.value("title", "")}};
    audit::record(c, e);
  });
  auto c = app.db().acquire();
  Json detail = proposal_detail(*c, user, id);
  app.events.publish({"proposal.created", user.committee_id, user.user_id, std::to_string(id), {{"id", id}}});
  return detail;
}

Json update_proposal(App& app, const http::Request& req, int64_t id, const Json& body) {
  const auto& user = req.user();
  app.db().transaction([&](db::Connection& c) {
    db::Row row = load_visible(c, user, id);
    if (row.integer("proposer_user_id") != user.user_id) throw ApiError::forbidden("只有提案人可以修改提案");
    std::string state = row.text("state");
    if (state != "draft" && state != "returned")
      throw ApiError(ErrorCode::illegal_transition,
                     "提案已提交，当前状态（" + std::string(state_label(*parse_state(state))) + "）不能修改");
    api::Validator v(body);
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
    sets += "version = version + 1, updated_at = " + api::add_param(params, db::now_iso());
    auto r = c.exec("UPDATE proposals SET " + sets + " WHERE id = " + api::add_param(params, id) +
                        " AND version = " + api::add_param(params, *version),
                    params);
    if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "提案已被修改，请刷新后再试");
    auto e = audit::entry_for(req, "proposal.update", "proposal", std::to_string(id));
    e.before = {{"title", row.text("title")}, {"version", row.integer("version")}};
    e.after = body;
    audit::record(c, e);
  });
  app.events.publish({"proposal.updated", user.committee_id, user.user_id, std::to_string(id), {{"id", id}}});
  auto c = app.db().acquire();
  return proposal_detail(*c, user, id);
}

Json perform_transition(App& app, const http::Request& req, int64_t id, const Json& body) {
  const auto& user = req.user();
  if (body.contains("action") && !body["action"].is_string()) throw ApiError::validation("action", "应为文本");
  std::string action_s = body.value("action", "");
  auto action = parse_action(action_s);
  if (!action) throw ApiError::validation("action", "未知的操作：" + action_s);
  if (!body.contains("version") || !body["version"].is_number_integer())
    throw ApiError::validation("version", "请提供提案的版本号（version）");
  int64_t version = body["version"].get<int64_t>();
  Json event_payload;
  std::string from_name, to_name;
  app.db().transaction([&](db::Connection& c) {
    db::Row row = load_visible(c, user, id);
    State from = *parse_state(row.text("state"));
    Relations rel = relations_of(c, user, id, row.integer("proposer_user_id"));
    api::Validator v(body);
    v.skip("action");  // read by the caller
    v.skip("version");
    Context x{app, c, req, user, id, row, rel, v};
    // The first row for this state and action whose actor the caller is and whose guard holds.
    const Transition* chosen = nullptr;
    bool action_exists_here = false, actor_fits = false;
    for (const auto& t : transitions()) {
      if (t.from != from || t.action != *action) continue;
      action_exists_here = true;
      if (!rel.has(t.actor)) continue;
      actor_fits = true;
      if (t.actor == Actor::cosigner && *action == Action::cosign &&
          c.exec("SELECT 1 FROM proposal_cosigners WHERE proposal_id = $1 AND user_id = $2 AND status = 'pending'",
                 {id, user.user_id})
              .empty())
        throw ApiError(ErrorCode::illegal_transition, "您已答复过联名邀请");
      if (guard_holds(t.guard, x, body)) {
        chosen = &t;
        break;
      }
    }
    if (!action_exists_here)
      throw ApiError(ErrorCode::illegal_transition,
                     std::string("提案当前状态为“") + state_label(from) + "”，不能执行“" + action_label(*action) + "”");
    if (!actor_fits || !chosen)
      throw ApiError::forbidden(std::string("您没有权限对该提案执行“") + action_label(*action) + "”");
    if (row.integer("version") != version)
      throw ApiError(ErrorCode::version_conflict, "提案已被他人处理（版本已变化），请刷新后再试");
    apply_effects(*action, x, body, chosen->to);
    // Bump the version only if nobody else did meanwhile (optimistic concurrency).
    auto r =
        c.exec("UPDATE proposals SET state = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4",
               {std::string(state_name(chosen->to)), db::now_iso(), id, version});
    if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "提案已被他人处理（版本已变化），请刷新后再试");
    from_name = state_name(from);
    to_name = state_name(chosen->to);
    write_history(c, req, id, action_s, from_name, to_name, x.history);
    auto e = audit::entry_for(req, "proposal." + action_s, "proposal", std::to_string(id));
    e.before = {{"state", from_name}, {"version", version}};
    e.after = {{"state", to_name}, {"version", version + 1}, {"payload", x.history}};
    audit::record(c, e);
    event_payload = x.event;
  });
  event_payload["id"] = id;
  event_payload["action"] = action_s;
  event_payload["from"] = from_name;
  event_payload["to"] = to_name;
  app.events.publish({"proposal." + action_s, user.committee_id, user.user_id, std::to_string(id), event_payload});
  auto c = app.db().acquire();
  return proposal_detail(*c, user, id);
}

}  // namespace sl::proposals
