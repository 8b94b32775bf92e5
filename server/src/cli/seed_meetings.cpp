#include "cli/seed_meetings.hpp"

#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "modules/meetings/commands.hpp"
#include "modules/meetings/queries.hpp"
#include "modules/meetings/sign_in_code.hpp"

namespace sl::cli {

namespace {

Principal principal(int64_t user, int64_t committee, Role role) {
  Principal p;
  p.user_id = user;
  p.committee_id = committee;
  p.name = "demo";
  p.grants.push_back(Grant{0, committee, role, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  return p;
}

int64_t staff_user(db::Connection& c) {
  return c.exec("SELECT id FROM users WHERE username = 'tianwei'").one().integer(0);
}

std::vector<int64_t> member_users(db::Connection& c, int64_t committee) {
  std::vector<int64_t> out;
  for (const auto& r :
       c.exec("SELECT user_id FROM members WHERE committee_id = $1 AND user_id IS NOT NULL ORDER BY id", {committee})
           .rows)
    out.push_back(r.integer(0));
  return out;
}

/// Epoch second of `hour`:`minute` China Standard Time, `days` days from today.
int64_t local_time(int days, int hour, int minute) {
  int64_t today = clock::now() + 8 * 3600;
  int64_t day = today / 86400 + days;
  return day * 86400 + hour * 3600 + minute * 60 - 8 * 3600;
}

const char* kLeaveReasons[] = {"在外地参加培训", "单位有紧急任务", "身体不适，正在住院治疗"};

}  // namespace

int64_t seed_meeting(db::Connection& c, int64_t committee_id, const MeetingSeed& seed) {
  Principal staff = principal(staff_user(c), committee_id, Role::proposal_staff);
  const int64_t start = seed.starts_at, end = seed.starts_at + seed.duration_minutes * 60;
  const int64_t prepared = std::min(clock::now(), start - 7 * 86400);
  meetings::MeetingInput in;
  in.kind = seed.kind;
  in.title = seed.title;
  in.agenda = seed.agenda;
  in.place = seed.place;
  in.starts_at = clock::iso_at(start);
  in.ends_at = clock::iso_at(end);
  in.subject_type = seed.subject_type;
  in.subject_id = seed.subject_id;
  in.special_committee_id = seed.special_committee_id;
  int64_t id = meetings::create_meeting(c, {staff, "127.0.0.1", prepared - 3600}, in).id;

  auto all = member_users(c, committee_id);
  std::vector<int64_t> invited;
  for (int i = 0; i < seed.members && seed.member_offset + i < static_cast<int>(all.size()); ++i)
    invited.push_back(all[static_cast<size_t>(seed.member_offset + i)]);
  meetings::InviteInput inv;
  inv.user_ids = invited;
  inv.unit_ids = seed.unit_ids;
  if (!inv.user_ids.empty() || !inv.unit_ids.empty())
    meetings::invite(c, {staff, "127.0.0.1", prepared - 1800}, id, inv);
  if (!seed.notify || invited.empty()) return id;
  meetings::notify_meeting(c, {staff, "127.0.0.1", prepared}, id);

  const bool past = end < clock::now();
  auto member = [&](size_t i) { return principal(invited[i], committee_id, Role::member); };
  // Replies: most attend; every seventh asks for leave (approved, but the last rejected); one
  // changes an answer. A coming meeting keeps the first invitee's (the demo member's) open.
  std::vector<size_t> on_leave;
  for (size_t i = 0; i < invited.size(); ++i) {
    if (!past && (i == 0 || i % 3 == 0)) continue;  // not replied yet
    Principal p = member(i);
    int64_t at = prepared + 3600 * static_cast<int64_t>(2 + i);
    if (i % 7 == 3) {
      meetings::reply(c, {p, "127.0.0.1", at}, id, "leave", kLeaveReasons[i % 3]);
      on_leave.push_back(i);
    } else {
      if (i == 5) meetings::reply(c, {p, "127.0.0.1", at - 600}, id, "leave", "原定出差，待确认");
      meetings::reply(c, {p, "127.0.0.1", at}, id, "attend", "");
    }
  }
  for (size_t k = 0; k < on_leave.size(); ++k) {
    auto row = c.exec(meetings::sql::kInviteeOfUser, {id, invited[on_leave[k]]}).one();
    bool approve = !past || k + 1 < on_leave.size();
    meetings::decide_leave(c, {staff, "127.0.0.1", prepared + 86400}, id, row.integer("id"), approve,
                           approve ? "同意" : "会议重要，请尽量安排参会");
  }
  if (!past) return id;

  // Sign-in on the day: attendees scan the code shortly before the start; one is marked absent
  // and one signed in by hand.
  std::string secret = c.exec(meetings::sql::kMeeting, {id}).one().text("sign_in_secret");
  for (size_t i = 0; i < invited.size(); ++i) {
    auto row = c.exec(meetings::sql::kInviteeOfUser, {id, invited[i]}).one();
    bool leave_ok =
        row.text("reply") == "leave" && !row.is_null("leave_state") && row.text("leave_state") == "approved";
    if (leave_ok) continue;
    if (i == invited.size() - 1) {
      meetings::mark_attendance(c, {staff, "127.0.0.1", start + 1800}, id, row.integer("id"), false, "未请假且未到会");
    } else if (i == invited.size() - 2) {
      meetings::mark_attendance(c, {staff, "127.0.0.1", start + 300}, id, row.integer("id"), true,
                                "手机未带，现场核对身份后补签");
    } else {
      int64_t at = start - 900 + static_cast<int64_t>(i) * 20;
      Principal p = member(i);
      meetings::sign_in(c, {p, "127.0.0.1", at}, id, meetings::sign_in_token(secret, id, meetings::window_of(at)));
    }
  }
  // Speeches: the first attendees apply before the meeting; staff arrange them in order.
  std::vector<int64_t> speech_ids;
  size_t speaker = 1;
  for (const auto& [title, mode] : seed.speeches) {
    while (speaker < invited.size() &&
           c.exec(meetings::sql::kInviteeOfUser, {id, invited[speaker]}).one().text("reply") != "attend")
      ++speaker;
    if (speaker >= invited.size()) break;
    Principal p = member(speaker++);
    meetings::SpeechInput s{
        title, mode, mode == "written" ? "（书面发言）" + title + "。建议有关部门加强统筹，细化措施，明确时限。" : ""};
    meetings::apply_speech(c, {p, "127.0.0.1", start - 3 * 86400}, id, s);
  }
  for (const auto& r : c.exec(meetings::sql::kSpeechesOfMeeting, {id}).rows) speech_ids.push_back(r.integer("id"));
  for (size_t k = 0; k < speech_ids.size(); ++k)
    meetings::decide_speech(c, {staff, "127.0.0.1", start - 86400}, id, speech_ids[k],
                            k + 1 < speech_ids.size() || k < 2);
  if (!seed.minutes.empty()) {
    meetings::save_minutes(c, {staff, "127.0.0.1", end + 86400}, id, seed.minutes);
    meetings::approve_minutes(c, {staff, "127.0.0.1", end + 2 * 86400}, id);
  }
  return id;
}

void seed_meetings(db::Connection& c, int64_t committee_id) {
  auto special = [&](const char* name) -> std::optional<int64_t> {
    auto r = c.exec("SELECT id FROM special_committees WHERE committee_id = $1 AND name = $2", {committee_id, name});
    if (r.empty()) return std::nullopt;
    return r.one().integer(0);
  };
  auto unit = [&](const char* name) {
    auto r = c.exec("SELECT id FROM units WHERE committee_id = $1 AND name = $2", {committee_id, name});
    return r.empty() ? std::vector<int64_t>{} : std::vector<int64_t>{r.one().integer(0)};
  };

  MeetingSeed a;
  a.kind = "standing";
  a.title = "区政协十四届常委会第十二次会议";
  a.agenda = "一、学习传达上级政协会议精神\n二、协商讨论全区优化营商环境工作情况\n三、审议通过有关人事事项";
  a.place = "区政协机关一楼报告厅";
  a.starts_at = local_time(-40, 9, 0);
  a.duration_minutes = 180;
  a.members = 24;
  a.speeches = {{"持续优化营商环境，激发民营经济活力", "oral"},
                {"以数字政务提升企业办事便利度", "oral"},
                {"关于降低中小企业融资成本的几点建议", "written"}};
  a.minutes =
      "区政协十四届常委会第十二次会议在区政协机关一楼报告厅召开。会议传达学习了上级政协会议精神，听取了区发展和改革局关"
      "于"
      "全区优化营商环境工作情况的通报。\n与会常委围绕政务服务、融资支持、要素保障等方面建言献策，提出意见建议十余条。\n"
      "会议审议通过了有关人事事项。会议要求，各专委会要把常委会议提出的意见建议梳理汇总，形成协商成果报区委、区政府。";
  a.unit_ids = unit("区发展和改革局");
  seed_meeting(c, committee_id, a);

  MeetingSeed b;
  b.kind = "symposium";
  b.title = "社区居家养老服务对口协商座谈会";
  b.agenda = "一、区民政局通报社区居家养老服务工作情况\n二、委员发言\n三、区领导讲话";
  b.place = "区民政局三楼会议室";
  b.starts_at = local_time(-12, 14, 30);
  b.special_committee_id = special("社会和法制委员会");
  b.members = 14;
  b.member_offset = 0;
  b.unit_ids = unit("区民政局");
  b.speeches = {{"补齐社区养老服务设施短板", "oral"}, {"关于发展嵌入式养老机构的建议", "written"}};
  b.minutes =
      "座谈会听取了区民政局关于社区居家养老服务工作情况的通报。委员们认为，全区养老服务体系建设取得积极进展，同时存在设"
      "施布局"
      "不均衡、专业人才不足等问题。\n会议建议：一是加快补齐社区养老服务设施；二是加强养老护理人才培养；三是推动医养结合"
      "。";
  seed_meeting(c, committee_id, b);

  MeetingSeed v;
  v.kind = "inspection";
  v.title = "视察汉江沿岸生态环境保护工作";
  v.agenda = "一、实地察看汉江沿岸生态修复项目\n二、听取区生态环境局情况介绍\n三、座谈交流";
  v.place = "汉江沿岸生态修复示范段（集合地点：区政协机关门口）";
  v.starts_at = local_time(-5, 9, 0);
  v.duration_minutes = 240;
  v.special_committee_id = special("经济委员会");
  v.members = 10;
  v.member_offset = 20;
  seed_meeting(c, committee_id, v);

  // Tomorrow: the demo member has not replied yet, and signs in on the day.
  MeetingSeed t;
  t.kind = "consultation";
  t.title = "关于推进老旧小区改造的专题协商会";
  t.agenda = "一、区住房和城市更新局通报老旧小区改造工作情况\n二、委员代表发言\n三、区政府领导回应\n四、区政协主席讲话";
  t.place = "区政协机关三楼会议室";
  t.starts_at = local_time(1, 9, 30);
  t.members = 18;
  t.unit_ids = unit("区民政局");
  seed_meeting(c, committee_id, t);

  // Next week: an invitation waiting for the demo member's reply.
  MeetingSeed w;
  w.kind = "activity";
  w.title = "“委员进社区”健康义诊活动";
  w.agenda = "医药卫生界委员在汉江社区开展健康咨询与义诊，请参加的委员着工作服。";
  w.place = "汉江社区党群服务中心";
  w.starts_at = local_time(6, 9, 0);
  w.duration_minutes = 180;
  w.members = 12;
  seed_meeting(c, committee_id, w);

  // In preparation: a draft the office has not sent yet.
  MeetingSeed d;
  d.kind = "plenary";
  d.title = "区政协十四届六次会议预备会议";
  d.agenda = "一、选举大会主席团\n二、通过大会议程";
  d.place = "区会议中心";
  d.starts_at = local_time(30, 9, 0);
  d.members = 0;
  d.notify = false;
  seed_meeting(c, committee_id, d);
}

}  // namespace sl::cli
