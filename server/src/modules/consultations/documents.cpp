#include "modules/consultations/documents.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/auth/queries.hpp"
#include "core/clock.hpp"
#include "core/docx/docx.hpp"
#include "modules/consultations/outcomes.hpp"
#include "modules/consultations/store.hpp"
#include "modules/consultations/workflow.hpp"

namespace sl::consultations {

namespace {

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

std::string text_of(const Json& v) {
  return v.is_string() ? v.get<std::string>() : std::string();
}

/// Who leads topic `t`: its special committee, or its party or sector.
std::string lead_body(const Json& t) {
  std::string out = text_of(t["special_committee_name"]);
  for (const char* k : {"party_name", "sector_name"}) {
    std::string s = text_of(t[k]);
    if (!s.empty()) out += (out.empty() ? "" : "、") + s;
  }
  return out;
}

}  // namespace

DocumentFile plan_document(db::Connection& c, const Principal& p, int64_t id, const std::string& today) {
  Json plan = plan_detail(c, p, id, today);
  const bool published = plan["state"] == "published";
  std::string committee = c.exec(platform_sql::kCommitteeName, {p.committee_id}).one().text(0);
  docx::Document d;
  d.title(plan["title"].get<std::string>());
  if (published && !plan["doc_number"].get<std::string>().empty()) d.subtitle(plan["doc_number"].get<std::string>());
  if (!published) d.subtitle("（草案）");
  d.paragraph(
      "为深入贯彻中共中央关于加强和改进人民政协工作的部署，发挥人民政协作为专门协商机构的作用，"
      "推进协商民主广泛多层制度化发展，根据区委年度工作要点，" +
      // a draft has not been through the chair meeting and the party committee yet
      std::string(published ? "经主席会议审议并报区委审定，现将" : "拟将") +
      std::to_string(plan["year"].get<int64_t>()) + "年度协商议题安排如下。");
  int group = 0;
  for (Kind k : all_kinds()) {
    int n = 0;
    for (const auto& t : plan["topics"]) {
      if (t["kind"] != name(k)) continue;
      const auto& in_plan = in_plan_states();
      auto st = parse_topic_state(t["state"].get<std::string>());
      if (!st || std::find(in_plan.begin(), in_plan.end(), *st) == in_plan.end()) continue;
      if (n == 0) d.heading1(std::string(kNumerals[group++ % 10]) + "、" + label(k));
      d.heading3(std::to_string(++n) + ". " + t["title"].get<std::string>());
      if (!text_of(t["purpose"]).empty()) d.paragraph(text_of(t["purpose"]));
      if (!text_of(t["lead_leader_name"]).empty()) d.field("牵头领导", text_of(t["lead_leader_name"]));
      if (!lead_body(t).empty()) d.field("牵头单位", lead_body(t));
      std::string units;
      for (const auto& u : t["units"]) units += (units.empty() ? "" : "、") + u["name"].get<std::string>();
      if (!units.empty()) d.field("对口部门", units);
      d.field("时间安排", std::to_string(t["planned_month"].get<int64_t>()) + "月");
      d.field("协商形式", t["form_label"].get<std::string>());
      if (!text_of(t["participants"]).empty()) d.field("参加人员", text_of(t["participants"]));
    }
  }
  if (group == 0) d.paragraph("（暂无列入计划的议题）");
  d.paragraph(
      "各专委会、各参加单位要按照计划安排，会同对口部门认真做好调研、情况通报和协商准备工作，"
      "协商成果按程序报送区委、区政府。计划执行中确需调整的，按程序报批。");
  d.signature(committee);
  if (published && plan["published_on"].is_string()) {
    int y = 0, m = 0, day = 0;
    std::sscanf(plan["published_on"].get<std::string>().c_str(), "%d-%d-%d", &y, &m, &day);
    d.date(y, m, day);
  }
  return {d.build(), plan["title"].get<std::string>() + (published ? "" : "（草案）") + ".docx"};
}

}  // namespace sl::consultations

namespace sl::consultations {

DocumentFile late_notice(db::Connection& c, const Principal& p, const std::string& number, const std::string& today) {
  FollowFilter f;
  f.late = true;
  Json items = follow_items_list(c, p, f, today)["items"];
  std::string committee = c.exec(platform_sql::kCommitteeName, {p.committee_id}).one().text(0);
  docx::Document d;
  d.title("协商成果转化督查通报");
  if (!number.empty()) d.subtitle(number);
  std::map<std::string, int> per_unit;
  for (const auto& it : items) per_unit[it["unit_name"].get<std::string>()]++;
  if (items.empty()) {
    d.paragraph("截至" + clock::chinese_day(today) + "，协商成果转化事项均在办理期限内，没有超期事项。");
  } else {
    d.paragraph("截至" + clock::chinese_day(today) + "，共有" + std::to_string(per_unit.size()) + "个单位的" +
                std::to_string(items.size()) +
                "项协商成果转化事项超过办理期限。现将有关情况通报如下，请相关单位抓紧办理，并于5个工作日内在系统中登记"
                "办理进展。");
    docx::Table t;
    t.header = {"序号", "责任单位", "协商议题", "转化事项", "办理期限", "超期（工作日）"};
    t.widths_percent = {7, 17, 25, 27, 13, 11};
    int n = 0;
    for (const auto& it : items)
      t.rows.push_back({std::to_string(++n), it["unit_name"].get<std::string>(), it["topic_title"].get<std::string>(),
                        it["title"].get<std::string>(), clock::chinese_day(it["due_on"].get<std::string>()),
                        std::to_string(it["late_working_days"].get<int64_t>())});
    d.table(t);
  }
  d.signature(committee);
  int y = 0, m = 0, day = 0;
  std::sscanf(today.c_str(), "%d-%d-%d", &y, &m, &day);
  d.date(y, m, day);
  return {d.build(), "协商成果转化督查通报" + (number.empty() ? std::string() : "（" + number + "）") + ".docx"};
}

}  // namespace sl::consultations
