#include "modules/meetings/documents.hpp"

#include <fmt/format.h>

#include "core/auth/queries.hpp"
#include "core/clock.hpp"
#include "core/docx/docx.hpp"
#include "modules/meetings/commands.hpp"
#include "modules/meetings/queries.hpp"

namespace sl::meetings {

namespace {

constexpr const char* kTag = "meetings";
constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// "9:30" of a stored UTC timestamp, in China Standard Time.
std::string clock_time(const std::string& utc) {
  int64_t local = epoch_of(utc) + 8 * 3600;
  int64_t s = ((local % 86400) + 86400) % 86400;
  return fmt::format("{}:{:02d}", s / 3600, (s % 3600) / 60);
}

std::string time_range(const db::Row& m) {
  std::string from = m.text("starts_at"), to = m.text("ends_at");
  std::string out = chinese_time(from) + "—";
  out += clock::local_day(from) == clock::local_day(to) ? clock_time(to) : chinese_time(to);
  return out;
}

/// The agenda under its own heading: items numbered 一、二、 by the writer become （一）（二）, so
/// they do not repeat the notice's own first-level numbers.
std::string agenda_items(const std::string& agenda) {
  static const char* kNumerals[] = {"十", "九", "八", "七", "六", "五", "四", "三", "二", "一"};
  std::string out, line;
  auto take = [&](std::string l) {
    for (const char* n : kNumerals) {
      std::string head = std::string(n) + "、";
      if (l.rfind(head, 0) == 0) {
        l = "（" + std::string(n) + "）" + l.substr(head.size());
        break;
      }
    }
    out += (out.empty() ? "" : "\n") + l;
  };
  size_t start = 0;
  while (start <= agenda.size()) {
    size_t end = agenda.find('\n', start);
    if (end == std::string::npos) end = agenda.size();
    take(agenda.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

struct People {
  std::string members, units, guests, present, leave, absent;
};

void append(std::string& list, const std::string& name) {
  if (!name.empty()) list += (list.empty() ? "" : "、") + name;
}

People people_of(db::Connection& c, int64_t id) {
  People p;
  for (const auto& r : c.exec(sql::kInviteesOfMeeting, {id}).rows) {
    std::string name = r.text("name");
    std::string as = r.text("invited_as");
    if (as == "unit")
      append(p.units, name);
    else if (as == "guest")
      append(p.guests, r.text("guest_employer").empty() ? name : name + "（" + r.text("guest_employer") + "）");
    else
      append(p.members, name);
    std::string leave = r.text("leave_state");
    const std::string attendance = r.text("attendance");
    if (attendance == "present")
      append(p.present, name);
    else if (r.text("reply") == "leave" && leave == "approved")
      append(p.leave, name);
    else if (as == "member" || attendance == "absent")
      append(p.absent, name);  // a unit or guest whose attendance nobody recorded is not called absent
  }
  return p;
}

std::string sender_of(db::Connection& c, const db::Row& m) {
  std::string committee = c.exec(platform_sql::kCommitteeName, {m.integer("committee_id")}).one().text(0);
  if (auto s = m.opt_int("special_committee_id")) {
    auto n = c.exec(sql::kSpecialCommitteeName, {*s, m.integer("committee_id")});
    if (!n.empty()) return committee + n.one().text(0);
  }
  return committee + "办公室";
}

std::string notice_docx(db::Connection& c, const db::Row& m) {
  docx::Document d;
  d.title("关于召开" + m.text("title") + "的通知");
  People p = people_of(c, m.integer("id"));
  std::string to = p.members.empty() ? "" : "各位委员";
  if (!p.units.empty()) to += to.empty() ? "各有关单位" : "、各有关单位";
  d.plain((to.empty() ? "各有关同志" : to) + "：");
  d.paragraph("经研究，定于" + chinese_time(m.text("starts_at")) + "在" + m.text("place") + "召开" + m.text("title") +
              "。现将有关事项通知如下：");
  d.heading1("一、会议时间");
  d.paragraph(time_range(m));
  d.heading1("二、会议地点");
  d.paragraph(m.text("place").empty() ? "另行通知" : m.text("place"));
  d.heading1("三、会议议程");
  d.paragraph(m.text("agenda").empty() ? "另行通知" : agenda_items(m.text("agenda")));
  d.heading1("四、参会人员");
  std::string who = p.members;
  if (!p.units.empty()) who += (who.empty() ? "" : "；") + std::string("有关单位：") + p.units;
  if (!p.guests.empty()) who += (who.empty() ? "" : "；") + std::string("特邀嘉宾：") + p.guests;
  d.paragraph(who.empty() ? "另行通知" : who);
  d.heading1("五、有关要求");
  d.paragraph(
      "请于会前在“商量”平台回执是否参会；因故不能参会的，请在平台上请假并说明理由，经同意后方可缺席。"
      "会议当天请提前到场，用手机扫描会场二维码签到。");
  d.signature(sender_of(c, m));
  std::string day = m.is_null("notified_at") ? clock::iso_at(clock::now()) : m.text("notified_at");
  d.block(docx::Block::date, clock::chinese_day(day));
  return d.build();
}

std::string minutes_docx(db::Connection& c, const db::Row& m) {
  docx::Document d;
  d.title(m.text("title") + "纪要");
  People p = people_of(c, m.integer("id"));
  d.field("时间", time_range(m));
  d.field("地点", m.text("place"));
  d.field("出席", p.present.empty() ? "（无）" : p.present);
  if (!p.leave.empty()) d.field("请假", p.leave);
  if (!p.absent.empty()) d.field("缺席", p.absent);
  d.heading1("一、会议纪要");
  d.paragraph(m.text("minutes").empty() ? "（纪要尚未撰写）" : m.text("minutes"));
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : c.exec(sql::kSpeechesOfMeeting, {m.integer("id")}).rows)
    if (s.text("state") == "arranged")
      rows.push_back({std::to_string(rows.size() + 1), s.text("name"), s.text("title"),
                      s.text("mode") == "written" ? "书面发言" : "口头发言"});
  if (!rows.empty()) {
    d.heading1("二、会议发言");
    d.table({{"序号", "发言人", "题目", "形式"}, rows, {10, 20, 50, 20}});
  }
  d.signature(sender_of(c, m));
  std::string day = m.is_null("minutes_approved_at") ? m.text("ends_at") : m.text("minutes_approved_at");
  d.block(docx::Block::date, clock::chinese_day(day));
  return d.build();
}

}  // namespace

std::string chinese_time(const std::string& utc) {
  return clock::chinese_day(utc) + " " + clock_time(utc);
}

void register_documents(App& app) {
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/documents/notice",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              Loaded l = load_meeting(*c, req.user(), req.param_int("id"));
              if (l.access == Access::calendar) throw ApiError::forbidden("只有参会人员和会议组织者可以下载会议通知");
              return http::Response::file(kDocxType, notice_docx(*c, l.row), l.row.text("title") + "通知.docx");
            },
            {"下载会议通知（Word，公文格式）", kTag});
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/documents/minutes",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              Loaded l = load_meeting(*c, req.user(), req.param_int("id"));
              bool drafts = reads_in_full(l.access);
              if (l.access == Access::calendar) throw ApiError::forbidden("只有参会人员和会议组织者可以下载会议纪要");
              if (!drafts && l.row.text("minutes_state") != "approved") throw ApiError::not_found("审定的会议纪要");
              return http::Response::file(kDocxType, minutes_docx(*c, l.row), l.row.text("title") + "纪要.docx");
            },
            {"下载会议纪要（Word，公文格式）", kTag});
}

}  // namespace sl::meetings
