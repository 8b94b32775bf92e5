#include "cli/seed_consultation_meetings.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "cli/seed_meetings.hpp"
#include "core/clock.hpp"

namespace sl::cli {

namespace {

/// 14:30 China time of `day` (YYYY-MM-DD), as epoch seconds.
int64_t afternoon(const std::string& day) {
  int64_t days = clock::days_from_civil(std::stoi(day.substr(0, 4)), static_cast<unsigned>(std::stoi(day.substr(5, 2))),
                                        static_cast<unsigned>(std::stoi(day.substr(8, 2))));
  return days * 86400 + 6 * 3600 + 30 * 60;
}

constexpr const char* kTopics =
    "SELECT t.id, t.title, t.held_on, t.state, t.form, t.special_committee_id, t.planned_month, p.year "
    "FROM consultation_topics t JOIN consultation_plans p ON p.id = t.plan_id "
    "WHERE t.committee_id = $1 ORDER BY t.id";
constexpr const char* kUnits = "SELECT unit_id FROM consultation_topic_units WHERE topic_id = $1 ORDER BY id";

std::string kind_of(const std::string& form) {
  if (form == "symposium" || form == "talk") return "symposium";
  return "consultation";
}

const char* form_name(const std::string& form) {
  if (form == "symposium") return "座谈会";
  if (form == "talk") return "恳谈会";
  if (form == "online") return "网络议政";
  if (form == "remote") return "远程协商会";
  return "协商会";
}

}  // namespace

void seed_consultation_meetings(db::Connection& c, int64_t committee_id) {
  int offset = 20;  // members after those the demo's own meetings invite
  int upcoming = 0;
  for (const auto& t : c.exec(kTopics, {committee_id}).rows) {
    const std::string state = t.text("state");
    const std::string title = t.text("title");
    std::vector<int64_t> units;
    for (const auto& u : c.exec(kUnits, {t.integer("id")}).rows) units.push_back(u.integer(0));
    MeetingSeed m;
    m.subject_type = "consultation_topic";
    m.subject_id = t.integer("id");
    m.special_committee_id = t.opt_int("special_committee_id");
    m.unit_ids = units;
    m.kind = kind_of(t.text("form"));
    m.place = m.special_committee_id ? "区政协三楼会议室" : "区政协机关一楼大会议室";
    const bool held = !t.is_null("held_on") && state != "researching" && state != "planned";
    if (held) {
      m.title = std::string("“") + title + "”" + form_name(t.text("form"));
      m.agenda = "一、对口部门通报有关情况\n二、委员和特邀代表发言\n三、部门负责同志回应\n四、区政协领导讲话";
      m.starts_at = afternoon(t.text("held_on"));
      m.members = 12;
      m.member_offset = offset;
      offset += 7;
      m.speeches = {{"关于" + title + "的几点建议", "oral"}, {"从基层实践看" + title, "written"}};
      m.minutes = "会议由区政协主席主持。对口部门通报了" + title +
                  "有关工作情况，与会委员围绕存在的问题和下一步工作提出了意见建议，部门负责同志逐一作了回应。"
                  "会议要求，有关专委会认真梳理委员意见，形成协商成果按程序报送。";
      seed_meeting(c, committee_id, m);
    } else if (state == "researching" ||
               (state == "planned" && t.integer("year") == 2026 && t.integer("planned_month") == 12)) {
      // Coming this month: the demo member is invited (offset 0) to the first one.
      m.title = std::string("“") + title + "”" + form_name(t.text("form"));
      m.agenda = "一、对口部门通报有关情况\n二、委员发言\n三、部门负责同志回应";
      m.starts_at = clock::now() + (upcoming == 0 ? 9 : 15) * 86400;
      m.starts_at -= m.starts_at % 86400;
      m.starts_at += 6 * 3600 + 30 * 60;
      m.members = 14;
      m.member_offset = upcoming == 0 ? 0 : offset;
      if (upcoming > 0) offset += 7;
      ++upcoming;
      seed_meeting(c, committee_id, m);
    }
  }
}

}  // namespace sl::cli
