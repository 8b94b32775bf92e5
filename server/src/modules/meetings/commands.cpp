#include "modules/meetings/commands.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/password.hpp"
#include "modules/meetings/events.hpp"
#include "modules/meetings/queries.hpp"
#include "modules/meetings/sign_in_code.hpp"

namespace sl::meetings {

namespace {

Event event_of(const Caller& by, const char* name, int64_t id, Json payload = Json::object()) {
  payload["id"] = id;
  return {name, by.user.committee_id, by.user.user_id, std::to_string(id), std::move(payload)};
}

void audit_act(db::Connection& c, const Caller& by, int64_t id, const std::string& action, Json before, Json after) {
  auto e = audit::entry_by(by.user, by.address, "meeting." + action, "meeting", std::to_string(id));
  e.before = std::move(before);
  e.after = std::move(after);
  audit::record(c, e);
}

ApiError state_error(const std::string& message) {
  return ApiError(ErrorCode::illegal_transition, message);
}

void require_state(const db::Row& m, std::initializer_list<const char*> states, const std::string& message) {
  std::string s = m.text("state");
  for (const char* x : states)
    if (s == x) return;
  throw state_error(message);
}

void require_manager(const Loaded& l) {
  if (l.access != Access::manager)
    throw ApiError::forbidden("只有政协办、提案委和组织会议的专委会工作人员可以管理会议");
}

db::Row invitee_of(db::Connection& c, int64_t meeting, int64_t invitee_id) {
  auto r = c.exec(sql::kInvitee, {invitee_id, meeting});
  if (r.empty()) throw ApiError::not_found("参会人员");
  return r.one();
}

/// The caller's own invitee row, 403 unless invited.
db::Row own_invitee(const Loaded& l) {
  if (!l.mine) throw ApiError::forbidden("您不在本次会议的参会名单中");
  return *l.mine;
}

void check_input(db::Connection& c, const Principal& p, const MeetingInput& in) {
  const auto& kinds = meeting_kinds();
  if (std::find(kinds.begin(), kinds.end(), in.kind) == kinds.end())
    throw ApiError::validation("kind", "会议类型不在可选范围内");
  if (in.ends_at <= in.starts_at) throw ApiError::validation("ends_at", "结束时间应晚于开始时间");
  if (epoch_of(in.ends_at) - epoch_of(in.starts_at) > 31LL * 86400)
    throw ApiError::validation("ends_at", "一次会议活动不能超过31天");
  if (in.special_committee_id && c.exec(sql::kSpecialCommitteeName, {*in.special_committee_id, p.committee_id}).empty())
    throw ApiError::validation("special_committee_id", "专委会不存在");
  if (in.subject_type.has_value() != in.subject_id.has_value())
    throw ApiError::validation("subject_id", "议题类型与议题编号应同时填写");
}

}  // namespace

const std::vector<std::string>& meeting_kinds() {
  static const std::vector<std::string> k = {"consultation", "symposium", "plenary",  "standing", "chairs", "activity",
                                             "inspection",   "research",  "briefing", "training", "other"};
  return k;
}

Json options_json() {
  return {{"kinds", meeting_kinds()},
          {"states", {"draft", "notified", "held", "cancelled"}},
          {"replies", {"none", "attend", "leave"}},
          {"leave_states", {"pending", "approved", "rejected"}},
          {"attendance", {"none", "present", "absent"}},
          {"invited_as", {"member", "staff", "unit", "guest"}},
          {"speech_modes", {"oral", "written"}},
          {"speech_states", {"applied", "arranged", "declined"}},
          {"sign_in", {{"window_seconds", kWindowSeconds}, {"opens_before_seconds", kOpensBeforeSeconds}}}};
}

std::optional<std::string> normalize_utc(const std::string& text) {
  // YYYY-MM-DDTHH:MM[:SS[.fff]]Z
  int y, mo, d, h, mi, s = 0;
  char tail[16] = {0};
  if (text.size() < 17 || text.size() > 24 || text.back() != 'Z') return std::nullopt;
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%15s", &y, &mo, &d, &h, &mi, tail);
  if (n != 6 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':') return std::nullopt;
  std::string rest(tail);
  if (rest != "Z") {
    if (rest.size() < 4 || rest[0] != ':' || !std::isdigit(static_cast<unsigned char>(rest[1])) ||
        !std::isdigit(static_cast<unsigned char>(rest[2])))
      return std::nullopt;
    s = (rest[1] - '0') * 10 + (rest[2] - '0');
    std::string frac = rest.substr(3);
    if (frac != "Z") {
      if (frac.size() < 3 || frac[0] != '.' || frac.back() != 'Z') return std::nullopt;
      for (size_t i = 1; i + 1 < frac.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(frac[i]))) return std::nullopt;
    }
  }
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0)
    return std::nullopt;
  char day[11];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", y, mo, d);
  if (!api::is_date(day)) return std::nullopt;
  char out[32];
  std::snprintf(out, sizeof out, "%sT%02d:%02d:%02dZ", day, h, mi, s);
  return std::string(out);
}

int64_t epoch_of(const std::string& utc) {
  int y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0;
  std::sscanf(utc.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s);
  return clock::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 +
         s;
}

Loaded load_meeting(db::Connection& c, const Principal& p, int64_t id) {
  auto r = c.exec(sql::kMeeting, {id});
  if (r.empty() || r.one().integer("committee_id") != p.committee_id) throw ApiError::not_found("会议");
  Loaded l{r.one(), Access::none, std::nullopt};
  auto own = c.exec(sql::kInviteeOfUser, {id, p.user_id});
  if (!own.empty()) {
    l.mine = own.one();
  } else if (auto units = p.unit_scope(); !units.empty()) {
    std::vector<db::Value> params{id};
    std::string in;
    for (int64_t u : units) in += (in.empty() ? "" : ", ") + api::add_param(params, u);
    auto unit = c.exec(std::string(sql::kInviteeOfUnitsWhere) + "(" + in + ") ORDER BY id LIMIT 1", params);
    if (!unit.empty()) l.mine = unit.one();
  }
  l.access = access_to(p, l.row, l.mine.has_value());
  if (l.access == Access::none) throw ApiError::not_found("会议");
  return l;
}

Loaded load_managed(db::Connection& c, const Principal& p, int64_t id) {
  Loaded l = load_meeting(c, p, id);
  require_manager(l);
  return l;
}

Outcome create_meeting(db::Connection& c, const Caller& by, const MeetingInput& in) {
  if (!may_create(by.user, in.special_committee_id)) {
    if (!acts_in_committee(by.user)) throw ApiError::forbidden();
    throw ApiError::forbidden("只有政协办、提案委可以安排会议；专委会工作人员只能安排本专委会组织的会议");
  }
  check_input(c, by.user, in);
  int64_t id =
      c.exec(sql::kInsertMeeting, {by.user.committee_id, in.kind, in.title, in.agenda, in.place, in.starts_at,
                                   in.ends_at, db::opt(in.subject_type), db::opt(in.subject_id),
                                   db::opt(in.special_committee_id), auth::random_hex(16), by.user.user_id, by.at()})
          .one()
          .integer(0);
  audit_act(c, by, id, "create", nullptr,
            {{"title", in.title}, {"kind", in.kind}, {"starts_at", in.starts_at}, {"place", in.place}});
  return {id, event_of(by, events::kCreated, id)};
}

Outcome update_meeting(db::Connection& c, const Caller& by, int64_t id, int64_t version, const MeetingInput& in) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"draft", "notified"}, "会议已举行或已取消，不能再修改");
  if (in.special_committee_id != l.row.opt_int("special_committee_id") && !may_create(by.user, in.special_committee_id))
    throw ApiError::forbidden("专委会工作人员只能安排本专委会组织的会议");
  check_input(c, by.user, in);
  auto r = c.exec(sql::kUpdateMeeting,
                  {in.kind, in.title, in.agenda, in.place, in.starts_at, in.ends_at, db::opt(in.subject_type),
                   db::opt(in.subject_id), db::opt(in.special_committee_id), id, version, by.at()});
  if (r.affected == 0) throw ApiError(ErrorCode::version_conflict, "会议已被他人修改，请刷新后重试");
  const db::Row& m = l.row;
  bool moved = m.text("starts_at") != in.starts_at || m.text("ends_at") != in.ends_at || m.text("place") != in.place;
  audit_act(c, by, id, "update",
            {{"title", m.text("title")}, {"starts_at", m.text("starts_at")}, {"place", m.text("place")}},
            {{"title", in.title}, {"starts_at", in.starts_at}, {"place", in.place}});
  return {id, event_of(by, events::kUpdated, id, {{"notified", m.text("state") == "notified"}, {"moved", moved}})};
}

Outcome cancel_meeting(db::Connection& c, const Caller& by, int64_t id, const std::string& reason) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"draft", "notified"}, "会议已举行或已取消，不能取消");
  c.exec(sql::kCancel, {id, reason, by.at()});
  audit_act(c, by, id, "cancel", {{"state", l.row.text("state")}}, {{"state", "cancelled"}, {"reason", reason}});
  return {id, event_of(by, events::kCancelled, id, {{"was_notified", l.row.text("state") == "notified"}})};
}

Outcome invite(db::Connection& c, const Caller& by, int64_t id, const InviteInput& in) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"draft", "notified"}, "会议已举行或已取消，不能再邀请");
  const int64_t committee = by.user.committee_id;
  std::vector<int64_t> users;  // in the order asked
  std::set<int64_t> seen;
  auto add_users = [&](const std::string& condition, const std::vector<db::Value>& extra) {
    std::vector<db::Value> params{committee};
    params.insert(params.end(), extra.begin(), extra.end());
    for (const auto& r : c.exec(std::string(sql::kMemberUsersWhere) + condition + " ORDER BY 1", params).rows)
      if (seen.insert(r.integer(0)).second) users.push_back(r.integer(0));
  };
  auto in_list = [](const std::vector<int64_t>& ids, std::vector<db::Value>& params) {
    std::string out;
    for (int64_t x : ids) {
      params.push_back(x);
      out += (out.empty() ? "$" : ", $") + std::to_string(params.size() + 1);
    }
    return "(" + out + ")";
  };
  for (int64_t u : in.user_ids) {
    if (c.exec(sql::kUserInCommittee, {u, committee}).empty())
      throw ApiError::validation("user_ids", "用户 " + std::to_string(u) + " 不属于本委员会");
    if (seen.insert(u).second) users.push_back(u);
  }
  if (!in.sector_ids.empty()) {
    std::vector<db::Value> p;
    std::string list = in_list(in.sector_ids, p);
    add_users("mem.sector_id IN " + list, p);
  }
  if (!in.party_ids.empty()) {
    std::vector<db::Value> p;
    std::string list = in_list(in.party_ids, p);
    add_users("mem.party_id IN " + list, p);
  }
  if (!in.special_committee_ids.empty()) {
    std::vector<db::Value> p;
    std::string list = in_list(in.special_committee_ids, p);
    add_users("mem.id IN (SELECT member_id FROM member_special_committees WHERE special_committee_id IN " + list + ")",
              p);
  }
  if (in.standing_committee) add_users("mem.is_standing = 1", {});
  Json added = Json::array();
  for (int64_t u : users) {
    if (!c.exec(sql::kHasUserInvitee, {id, u}).empty()) continue;
    bool member = !c.exec(sql::kIsMember, {u, committee}).empty();
    added.push_back(c.exec(sql::kInviteUser, {id, u, member ? "member" : "staff", by.at()}).one().integer(0));
  }
  for (int64_t unit : in.unit_ids) {
    if (c.exec(sql::kUnitInCommittee, {unit, committee}).empty())
      throw ApiError::validation("unit_ids", "单位 " + std::to_string(unit) + " 不属于本委员会");
    if (!c.exec(sql::kHasUnitInvitee, {id, unit}).empty()) continue;
    added.push_back(c.exec(sql::kInviteUnit, {id, unit, by.at()}).one().integer(0));
  }
  for (const auto& g : in.guests)
    added.push_back(c.exec(sql::kInviteGuest, {id, g.name, g.employer, by.at()}).one().integer(0));
  if (!added.empty()) audit_act(c, by, id, "invite", nullptr, {{"invitee_ids", added}});
  return {id, event_of(by, events::kInvited, id,
                       {{"invitee_ids", added}, {"notified", l.row.text("state") == "notified"}})};
}

Outcome uninvite(db::Connection& c, const Caller& by, int64_t id, int64_t invitee_id) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"draft", "notified"}, "会议已举行或已取消，不能再调整参会人员");
  db::Row i = invitee_of(c, id, invitee_id);
  if (i.text("attendance") != "none") throw state_error("该人员已签到或已记录出勤，不能移出名单");
  c.exec(sql::kDeleteInvitee, {invitee_id, id});
  audit_act(c, by, id, "uninvite", {{"invitee_id", invitee_id}}, nullptr);
  return {id, event_of(by, events::kUninvited, id, {{"invitee_id", invitee_id}})};
}

Outcome notify_meeting(db::Connection& c, const Caller& by, int64_t id) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"draft"}, "会议通知已发出或会议已取消");
  if (c.exec(sql::kCountInvitees, {id}).one().integer(0) == 0) throw state_error("请先添加参会人员，再发送会议通知");
  c.exec(sql::kMarkNotified, {id, by.at()});
  audit_act(c, by, id, "notify", {{"state", "draft"}}, {{"state", "notified"}});
  return {id, event_of(by, events::kNotified, id)};
}

Outcome remind(db::Connection& c, const Caller& by, int64_t id) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"notified"}, "只能对已发通知的会议催办回执");
  if (epoch_of(l.row.text("ends_at")) < by.now) throw state_error("会议已结束，无需催办回执");
  return {id, event_of(by, events::kReminded, id, {{"day", by.today()}})};
}

Outcome reply(db::Connection& c, const Caller& by, int64_t id, const std::string& answer, const std::string& reason) {
  Loaded l = load_meeting(c, by.user, id);
  db::Row i = own_invitee(l);
  require_state(l.row, {"notified"}, "会议已举行或已取消，不能再回执");
  if (epoch_of(l.row.text("ends_at")) < by.now) throw state_error("会议已结束，不能再回执");
  if (answer == "leave" && reason.empty()) throw ApiError::validation("reason", "请假须说明理由");
  std::string from = i.text("reply");
  if (from == answer && (answer == "attend" || i.text("leave_reason") == reason))
    return {id, Event{}};  // the same answer again: nothing changes
  if (i.text("attendance") == "present") throw state_error("您已签到，不能再更改回执");
  c.exec(sql::kSetReply, {i.integer("id"), answer, answer == "leave" ? reason : std::string(),
                          answer == "leave" ? db::Value("pending") : db::Value(nullptr), by.at()});
  c.exec(sql::kInsertReplyChange,
         {id, i.integer("id"), from, answer, answer == "leave" ? reason : std::string(), by.user.user_id, by.at()});
  audit_act(c, by, id, "reply", {{"reply", from}}, {{"reply", answer}, {"invitee_id", i.integer("id")}});
  return {id,
          event_of(by, events::kReplied, id,
                   {{"invitee_id", i.integer("id")}, {"from", from}, {"reply", answer}, {"changed", from != "none"}})};
}

Outcome decide_leave(db::Connection& c, const Caller& by, int64_t id, int64_t invitee_id, bool approve,
                     const std::string& note) {
  Loaded l = load_managed(c, by.user, id);
  db::Row i = invitee_of(c, id, invitee_id);
  if (i.text("reply") != "leave" || i.is_null("leave_state")) throw state_error("该人员没有请假");
  if (i.text("leave_state") != "pending") throw state_error("该请假已处理");
  std::string to = approve ? "approved" : "rejected";
  c.exec(sql::kDecideLeave, {invitee_id, to, note, by.user.user_id, by.at()});
  audit_act(c, by, id, "leave_decided", {{"leave_state", "pending"}},
            {{"invitee_id", invitee_id}, {"leave_state", to}, {"note", note}});
  return {id, event_of(by, events::kLeaveDecided, id,
                       {{"invitee_id", invitee_id}, {"decision", to}, {"user_id", i.opt_int("user_id").value_or(0)}})};
}

namespace {

/// The sign-in window of meeting `m`: [opens, closes] in epoch seconds.
std::pair<int64_t, int64_t> window_of_meeting(const db::Row& m) {
  return {epoch_of(m.text("starts_at")) - kOpensBeforeSeconds, epoch_of(m.text("ends_at"))};
}

}  // namespace

Json sign_in_code(db::Connection& c, const Caller& by, int64_t id) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"notified", "held"}, "会议尚未发出通知或已取消，不能签到");
  auto [opens, closes] = window_of_meeting(l.row);
  Json out = {{"valid_from", clock::iso_at(opens)}, {"valid_until", clock::iso_at(closes)}};
  if (by.now < opens || by.now > closes)
    throw ApiError(ErrorCode::conflict, by.now < opens ? "签到将于会议开始前60分钟开放" : "会议已结束，签到已关闭")
        .with("reason", "sign_in_closed")
        .with("valid_from", clock::iso_at(opens))
        .with("valid_until", clock::iso_at(closes));
  int64_t w = window_of(by.now);
  std::string token = sign_in_token(l.row.text("sign_in_secret"), id, w);
  out["token"] = token;
  out["url"] = "/meetings/" + std::to_string(id) + "/sign-in?t=" + token;
  out["refresh_in"] = (w + 1) * kWindowSeconds - by.now;
  out["window_seconds"] = kWindowSeconds;
  return out;
}

Outcome sign_in(db::Connection& c, const Caller& by, int64_t id, const std::string& token) {
  Loaded l = load_meeting(c, by.user, id);
  auto named = token_meeting(token);
  if (named && *named != id)
    throw ApiError(ErrorCode::bad_request, "这是另一场会议的签到码，请扫描本次会议现场的二维码")
        .with("reason", "sign_in_wrong_meeting");
  db::Row i = own_invitee(l);
  require_state(l.row, {"notified", "held"}, "会议未发通知或已取消，不能签到");
  auto [opens, closes] = window_of_meeting(l.row);
  if (by.now < opens || by.now > closes)
    throw ApiError(ErrorCode::conflict,
                   by.now < opens ? "签到尚未开始：会议开始前60分钟开放签到" : "会议已结束，签到已关闭")
        .with("reason", "sign_in_closed");
  if (i.text("attendance") == "present") return {id, Event{}};  // signed in already
  switch (check_sign_in_token(token, l.row.text("sign_in_secret"), id, by.now)) {
    case TokenCheck::valid:
      break;
    case TokenCheck::expired:
      throw ApiError(ErrorCode::conflict, "签到码已过期，请重新扫描现场大屏上的二维码")
          .with("reason", "sign_in_expired");
    case TokenCheck::other_meeting:
      throw ApiError(ErrorCode::bad_request, "这是另一场会议的签到码，请扫描本次会议现场的二维码")
          .with("reason", "sign_in_wrong_meeting");
    case TokenCheck::malformed:
      throw ApiError(ErrorCode::bad_request, "签到码无效，请重新扫描现场大屏上的二维码")
          .with("reason", "sign_in_invalid");
  }
  c.exec(sql::kSignIn, {i.integer("id"), by.at()});
  audit_act(c, by, id, "sign_in", nullptr, {{"invitee_id", i.integer("id")}, {"how", "qr"}});
  return {id, event_of(by, events::kSignedIn, id, {{"invitee_id", i.integer("id")}, {"user_id", by.user.user_id}})};
}

Outcome mark_attendance(db::Connection& c, const Caller& by, int64_t id, int64_t invitee_id, bool present,
                        const std::string& reason) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"notified", "held"}, "会议未发通知或已取消，不能记录出勤");
  db::Row i = invitee_of(c, id, invitee_id);
  std::string to = present ? "present" : "absent";
  c.exec(sql::kMarkAttendance,
         {invitee_id, to, present ? db::Value(by.at()) : db::Value(nullptr), reason, by.user.user_id});
  audit_act(c, by, id, "attendance_marked", {{"invitee_id", invitee_id}, {"attendance", i.text("attendance")}},
            {{"invitee_id", invitee_id}, {"attendance", to}, {"reason", reason}});
  return {id,
          event_of(by, events::kAttendanceMarked, id,
                   {{"invitee_id", invitee_id}, {"attendance", to}, {"user_id", i.opt_int("user_id").value_or(0)}})};
}

Outcome apply_speech(db::Connection& c, const Caller& by, int64_t id, const SpeechInput& in) {
  Loaded l = load_meeting(c, by.user, id);
  db::Row i = own_invitee(l);
  if (i.is_null("user_id")) throw ApiError::forbidden("以单位身份受邀的，请由本人账号申请发言");
  require_state(l.row, {"notified", "held"}, "会议未发通知或已取消，不能申请发言");
  if (l.row.text("minutes_state") == "approved") throw state_error("会议纪要已审定，不能再申请发言");
  int64_t pos = c.exec(sql::kNextSpeechPosition, {id}).one().integer(0);
  int64_t sid =
      c.exec(sql::kInsertSpeech, {id, by.user.user_id, in.title, in.mode, in.body, pos, by.at()}).one().integer(0);
  audit_act(c, by, id, "speech_applied", nullptr, {{"speech_id", sid}, {"title", in.title}, {"mode", in.mode}});
  return {id, event_of(by, events::kSpeechApplied, id, {{"speech_id", sid}, {"mode", in.mode}})};
}

Outcome decide_speech(db::Connection& c, const Caller& by, int64_t id, int64_t speech_id, bool arrange) {
  Loaded l = load_managed(c, by.user, id);
  auto s = c.exec(sql::kSpeech, {speech_id, id});
  if (s.empty()) throw ApiError::not_found("发言");
  std::string to = arrange ? "arranged" : "declined";
  c.exec(sql::kDecideSpeech, {speech_id, to, by.user.user_id, by.at()});
  audit_act(c, by, id, "speech_decided", {{"speech_id", speech_id}, {"state", s.one().text("state")}},
            {{"speech_id", speech_id}, {"state", to}});
  return {id, event_of(by, events::kSpeechDecided, id,
                       {{"speech_id", speech_id}, {"decision", to}, {"user_id", s.one().integer("user_id")}})};
}

Outcome order_speeches(db::Connection& c, const Caller& by, int64_t id, const std::vector<int64_t>& ids) {
  Loaded l = load_managed(c, by.user, id);
  std::set<int64_t> all;
  for (const auto& r : c.exec(sql::kSpeechesOfMeeting, {id}).rows) all.insert(r.integer("id"));
  std::set<int64_t> given(ids.begin(), ids.end());
  if (given.size() != ids.size()) throw ApiError::validation("ids", "发言顺序中有重复");
  if (given != all) throw ApiError::validation("ids", "发言顺序应列出本次会议的全部发言");
  int64_t pos = 0;
  for (int64_t s : ids) c.exec(sql::kSpeechPosition, {s, ++pos});
  audit_act(c, by, id, "speeches_ordered", nullptr, {{"ids", ids}});
  return {id, event_of(by, events::kSpeechesOrdered, id)};
}

Outcome save_minutes(db::Connection& c, const Caller& by, int64_t id, const std::string& text) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"notified", "held"}, "会议未发通知或已取消，不能撰写纪要");
  if (l.row.text("minutes_state") == "approved") throw state_error("会议纪要已审定，不能再修改");
  c.exec(sql::kSaveMinutes, {id, text, by.at()});
  return {id, event_of(by, events::kMinutesSaved, id)};
}

Outcome approve_minutes(db::Connection& c, const Caller& by, int64_t id) {
  Loaded l = load_managed(c, by.user, id);
  require_state(l.row, {"notified", "held"}, "会议未发通知或已取消，不能审定纪要");
  if (l.row.text("minutes_state") == "approved") throw state_error("会议纪要已审定");
  if (api::trim(l.row.text("minutes")).empty()) throw state_error("会议纪要还是空的，请先撰写纪要");
  c.exec(sql::kApproveMinutes, {id, by.user.user_id, by.at()});
  audit_act(c, by, id, "minutes_approved", {{"minutes_state", "draft"}}, {{"minutes_state", "approved"}});
  return {id, event_of(by, events::kMinutesApproved, id)};
}

}  // namespace sl::meetings
