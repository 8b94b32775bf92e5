#include "modules/consultations/documents.hpp"

#include <algorithm>
#include <cstdio>

#include "core/auth/queries.hpp"
#include "core/docx/docx.hpp"
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
  if (published && !plan["doc_number"].get<std::string>().empty())
    d.subtitle(plan["doc_number"].get<std::string>());
  if (!published) d.subtitle("（草案）");
  d.paragraph("为深入贯彻中共中央关于加强和改进人民政协工作的部署，发挥人民政协作为专门协商机构的作用，"
              "推进协商民主广泛多层制度化发展，根据区委年度工作要点，经主席会议审议并报区委审定，"
              "现将" + std::to_string(plan["year"].get<int64_t>()) + "年度协商议题安排如下。");
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
  d.paragraph("各专委会、各参加单位要按照计划安排，会同对口部门认真做好调研、情况通报和协商准备工作，"
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
