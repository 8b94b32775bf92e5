#include "cli/seed_consultations.hpp"

#include <stdexcept>
#include <vector>

#include "cli/demo_principal.hpp"
#include "core/clock.hpp"
#include "core/command.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/outcomes.hpp"
#include "modules/consultations/publication.hpp"
#include "modules/consultations/research.hpp"

namespace sl::cli {

namespace {

using namespace consultations;

/// The id of the row of `table` named `name` in the committee.
int64_t id_of(db::Connection& c, const char* table, int64_t committee, const std::string& name) {
  auto r = c.exec(std::string("SELECT id FROM ") + table + " WHERE committee_id = $1 AND name = $2", {committee, name});
  if (r.empty()) throw std::runtime_error(std::string("demo consultations: no ") + table + " " + name);
  return r.one().integer(0);
}

/// Noon, China time, of `day` (YYYY-MM-DD): when the demo's acts happen.
int64_t days_of(const std::string& day) {
  return clock::days_from_civil(std::stoi(day.substr(0, 4)), static_cast<unsigned>(std::stoi(day.substr(5, 2))),
                                static_cast<unsigned>(std::stoi(day.substr(8, 2))));
}
int64_t noon(const std::string& day) {
  return days_of(day) * 86400 + 4 * 3600;
}

struct TopicSeed {
  Kind kind;
  const char* title;
  const char* purpose;
  const char* lead;  // special committee, party or sector name ("" for none)
  std::vector<const char*> units;
  int month;
  Form form;
  const char* participants;
  // What has happened: "planned", "researching" (from the day given), "consulted" (held on it)
  const char* phase;
  const char* day;
};

const std::vector<TopicSeed> kTopics2026 = {
    {Kind::thematic,
     "推动汉正街商圈转型升级",
     "围绕传统批发市场业态升级、电商直播与线上线下融合、商圈交通组织和消防安全，与区委、区政府主要领导面对面协商，"
     "推动老牌商圈焕发新活力。",
     "",
     {"区商务局", "区城市管理执法委员会", "区市场监督管理局"},
     4,
     Form::meeting,
     "区政协主席、副主席，常委，经济界、工商联界委员，区政府分管领导和相关部门负责人",
     "consulted",
     "2026-04-22"},
    {Kind::thematic,
     "加快城市更新和老旧小区改造",
     "聚焦老旧小区改造资金筹措、居民协商议事、加装电梯和改造后长效管理，提出系统推进城市更新的意见建议。",
     "",
     {"区住房和城市更新局", "区自然资源和规划局", "区财政局"},
     9,
     Form::meeting,
     "区政协主席、副主席，常委，城乡建设和环境资源委员会委员，相关街道和部门负责人",
     "consulted",
     "2026-09-17"},
    {Kind::thematic,
     "发展银发经济，完善居家社区养老服务体系",
     "调研社区嵌入式养老服务设施布局、医养结合和养老服务人才队伍建设，协商提出发展银发经济的举措。",
     "",
     {"区民政局", "区卫生健康局", "区医疗保障局"},
     11,
     Form::meeting,
     "区政协主席、副主席，常委，社会福利和社会保障界委员",
     "researching",
     "2026-09-01"},
    {Kind::counterpart,
     "优化营商环境，提振民营经济发展信心",
     "与区发改局、区市场监管局对口协商涉企服务“一网通办”、涉企检查规范和惠企政策直达快享。",
     "经济委员会",
     {"区发展和改革局", "区市场监督管理局", "区政务服务和大数据管理局"},
     5,
     Form::symposium,
     "经济委员会委员，经济界、工商联界委员，企业代表",
     "consulted",
     "2026-05-20"},
    {Kind::counterpart,
     "破解老城区停车难问题",
     "围绕错时共享停车、立体停车设施建设和路内停车秩序管理，与区交通局、区城管执法委对口协商。",
     "城乡建设和环境资源委员会",
     {"区交通运输局", "区城市管理执法委员会"},
     6,
     Form::symposium,
     "城乡建设和环境资源委员会委员，社区代表",
     "consulted",
     "2026-06-24"},
    {Kind::counterpart,
     "推进义务教育优质均衡发展",
     "围绕集团化办学、教师交流轮岗和课后服务质量，与区教育局对口协商。",
     "科教文卫体委员会",
     {"区教育局"},
     10,
     Form::symposium,
     "科教文卫体委员会委员，教育界委员，中小学校长代表",
     "consulted",
     "2026-10-28"},
    {Kind::counterpart,
     "加强基层社会治理网格化建设",
     "调研网格员队伍建设、网格事项准入和“街乡吹哨、部门报到”机制运行情况，与区民政局、区司法局对口协商。",
     "社会和法制委员会",
     {"区民政局", "区司法局"},
     12,
     Form::talk,
     "社会和法制委员会委员，街道和社区代表",
     "researching",
     "2026-11-10"},
    {Kind::sector,
     "关注青少年心理健康",
     "民盟区委牵头，联合教育界、医药卫生界委员开展界别协商，推动学校心理健康教育和家校医协同干预。",
     "民盟",
     {"区教育局", "区卫生健康局"},
     7,
     Form::talk,
     "民盟盟员委员，教育界、医药卫生界委员，学校心理教师代表",
     "consulted",
     "2026-07-15"},
    {Kind::sector,
     "助力中小微企业纾困发展",
     "民建区委牵头，围绕融资担保、应急转贷和政府采购支持中小企业开展界别协商。",
     "民建",
     {"区财政局", "区发展和改革局"},
     8,
     Form::symposium,
     "民建会员委员，经济界委员，中小企业代表",
     "planned",
     ""},
    {Kind::sector,
     "提升基层医疗卫生服务能力",
     "农工党区委牵头，围绕社区卫生服务中心能力建设、家庭医生签约服务和医保支付开展界别协商。",
     "农工党",
     {"区卫生健康局", "区医疗保障局"},
     6,
     Form::online,
     "农工党党员委员，医药卫生界委员",
     "consulted",
     "2026-06-10"},
};

/// Runs `f(caller)` as `p` at noon of `day`.
template <class F>
Outcome as(const Principal& p, const std::string& day, F&& f) {
  const Caller by{p, "demo", noon(day)};
  return f(by);
}

int64_t version_of(db::Connection& c, const char* table, int64_t id) {
  return c.exec(std::string("SELECT version FROM ") + table + " WHERE id = $1", {id}).one().integer(0);
}

/// Adds topic `s` to `plan` as `p` on `day`; `reason` for an in-year addition.
int64_t add_topic(db::Connection& c, int64_t committee, const Principal& p, int64_t plan, const TopicSeed& s,
                  const std::string& day, int64_t leader_id, const std::string& reason = "") {
  TopicInput in;
  in.plan_id = plan;
  in.kind = s.kind;
  in.title = s.title;
  in.purpose = s.purpose;
  in.lead_leader_id = leader_id;
  std::string lead = s.lead;
  if (!lead.empty()) {
    if (s.kind == Kind::sector)
      in.party_id = id_of(c, "parties", committee, lead);
    else
      in.special_committee_id = id_of(c, "special_committees", committee, lead);
  }
  std::vector<int64_t> units;
  for (const char* u : s.units) units.push_back(id_of(c, "units", committee, u));
  in.unit_ids = units;
  in.planned_month = s.month;
  in.form = s.form;
  in.participants = s.participants;
  if (!reason.empty()) in.reason = reason;
  if (s.kind == Kind::proposal_handling) {
    std::vector<int64_t> key;
    for (const auto& r :
         c.exec("SELECT id FROM proposals WHERE committee_id = $1 AND is_key = 1 ORDER BY id LIMIT 2", {committee})
             .rows)
      key.push_back(r.integer(0));
    in.proposal_ids = key;
  }
  return as(p, day, [&](const Caller& by) { return create_topic(c, by, in); }).id;
}

void step_topic(db::Connection& c, const Principal& p, int64_t id, TopicAction a, const std::string& day,
                const std::string& note = "", std::optional<std::string> held_on = std::nullopt) {
  as(p, day, [&](const Caller& by) {
    TopicStepInput in{a, version_of(c, "consultation_topics", id)};
    return topic_step(c, by, id, in, {note, held_on});
  });
}

void step_plan(db::Connection& c, const Principal& p, int64_t plan, PlanAction a, const std::string& day,
               const std::string& doc = "", const std::string& note = "") {
  as(p, day, [&](const Caller& by) {
    PlanStepInput in{a, version_of(c, "consultation_plans", plan), day, doc, note};
    return plan_step(c, by, plan, in);
  });
}

// ---- Research (调研) and inspections (视察) of the topics: a team, visits, the report ----

struct VisitSeed {
  int after;  // days after the research starts
  const char* place;
  const char* participants;
  const char* notes;
  bool member_went;  // the team's member (not the leader) took part
};

struct ResearchSeed {
  const char* topic;
  const char* runner;  // who runs the topic: the office (tianwei) or 经济委's staff (jingji)
  const char* kind;    // research, inspection
  const char* title;
  const char* outline;
  const char* leader;  // members' mobiles
  const char* member;
  const char* expert_name;
  const char* expert_employer;
  const char* expert_title;
  std::vector<VisitSeed> visits;
  std::vector<const char*> drafts;  // report versions, saved in turn
  const char* returned;             // the chair's reason for sending the first submission back ("" none)
  const char* end;                  // "final" (approved by the chair), "reviewing", "drafting"
};

const std::vector<ResearchSeed> kResearch = {
    {"推动汉正街商圈转型升级",
     "tianwei",
     "research",
     "汉正街商圈转型升级专题调研",
     "一、传统批发市场业态现状和外迁进度；二、电商直播基地和线上线下融合发展情况；三、商圈交通组织、停车和消防安全；"
     "四、商户经营困难和政策诉求。",
     "13900000006",
     "13900000013",
     "刘志远",
     "湖北省社会科学院经济研究所",
     "研究员",
     {{3, "汉正街服装批发市场", "调研组全体成员，区商务局、区市场监督管理局",
       "走访商户12户，批发业态占比下降，租金压力较大，商户希望加强电商培训。", true},
      {10, "汉正街电商直播基地", "调研组成员，区商务局",
       "基地入驻直播团队40余个，带货规模增长明显，但专业主播和供应链配套不足。", false},
      {17, "区城市管理执法委员会", "调研组成员，区城管执法委、交管大队",
       "座谈商圈交通组织和消防通道整治，建议实行错峰装卸和货运车辆分时通行。", true}},
     {"关于推动汉正街商圈转型升级的调研报告（初稿）\n一、基本情况\n二、存在的问题\n三、意见建议",
      "关于推动汉正街商圈转型升级的调研报告\n一、基本情况：商圈经营主体约1.2万户，批发业态加快转型。\n"
      "二、存在的问题：业态层次偏低，直播电商配套不足，交通组织压力大。\n"
      "三、意见建议：制定商圈转型三年行动方案；建设直播电商公共服务平台；实行货运车辆分时通行。"},
     "",
     "final"},
    {"优化营商环境，提振民营经济发展信心",
     "jingji",
     "research",
     "涉企服务和惠企政策落实情况调研",
     "一、涉企服务“一网通办”运行情况；二、涉企检查规范情况；三、惠企政策直达快享落实情况。",
     "13900000019",
     "13900000025",
     "陈静",
     "中南财经政法大学",
     "副教授",
     {{4, "区政务服务中心", "经济委员会委员，区政务服务和大数据管理局",
       "“一网通办”事项可网办率较高，但部分事项仍需线下补交材料。", true},
      {12, "区内民营企业（6家）", "调研组成员，区工商联", "企业反映涉企检查频次偏多，惠企政策申报材料繁琐。", false}},
     {"关于优化营商环境、提振民营经济发展信心的调研报告（征求意见稿）",
      "关于优化营商环境、提振民营经济发展信心的调研报告\n一、涉企服务：推行“免申即享”。\n"
      "二、涉企检查：推行“综合查一次”。\n三、惠企政策：建立政策兑现台账。"},
     "请补充企业融资方面的情况和建议",
     "final"},
    {"破解老城区停车难问题",
     "tianwei",
     "inspection",
     "老城区停车设施建设视察",
     "视察立体停车设施建设、错时共享停车和路内停车秩序管理情况。",
     "13900000031",
     "13900000037",
     "周海涛",
     "武汉市交通发展战略研究院",
     "高级工程师",
     {{6, "民族街立体停车库、前进四路共享停车点", "视察组全体成员，区交通运输局",
       "立体车库利用率约六成，共享停车点夜间利用率高、白天偏低。", true}},
     {"关于老城区停车设施建设的视察报告\n一、视察情况\n二、问题\n三、建议：扩大错时共享、规范路内停车收费。"},
     "",
     "final"},
    {"发展银发经济，完善居家社区养老服务体系",
     "tianwei",
     "research",
     "社区嵌入式养老服务专题调研",
     "一、社区嵌入式养老服务设施布局和运营；二、医养结合服务开展情况；三、养老服务人才队伍建设；四、老年助餐和适老化改"
     "造。",
     "13900000043",
     "13900000001",
     "李红梅",
     "武汉大学社会保障研究中心",
     "教授",
     {{9, "民意街社区嵌入式养老服务中心", "调研组全体成员，区民政局",
       "中心提供日间照料、助餐和康复服务，床位使用率约八成，护理员缺口较大。", true},
      {23, "区社会福利院、区中医医院", "调研组成员，区卫生健康局",
       "医养结合签约服务覆盖率提高，但上门医疗服务收费和医保支付衔接不畅。", false},
      {60, "汉兴街社区老年食堂", "调研组成员，区民政局", "", true},
      {106, "唐家墩街养老服务综合体（回访）", "调研组全体成员", "", true}},
     {"关于发展银发经济、完善居家社区养老服务体系的调研报告（初稿）",
      "关于发展银发经济、完善居家社区养老服务体系的调研报告\n一、基本情况：全区60岁以上老年人口占比超过22%。\n"
      "二、存在的问题：设施布局不均衡，护理人才短缺，医养结合支付机制不顺。\n"
      "三、意见建议：按“一刻钟养老服务圈”补齐设施；设立护理员岗位补贴；推动上门医疗服务纳入医保支付。"},
     "",
     "reviewing"},
    {"加强基层社会治理网格化建设",
     "tianwei",
     "inspection",
     "网格化服务管理工作视察",
     "视察网格员队伍建设、网格事项准入和“街乡吹哨、部门报到”机制运行情况。",
     "13900000049",
     "13900000055",
     "赵文斌",
     "华中师范大学社会学院",
     "教授",
     {{8, "区网格化服务管理中心", "视察组全体成员，区民政局、区司法局",
       "网格员平均服务约300户，事项准入清单已建立，但部分部门事项仍层层下沉。", true}},
     {},
     "",
     "drafting"},
};

int64_t user_of_mobile(db::Connection& c, int64_t committee, const std::string& mobile) {
  auto r = c.exec("SELECT user_id FROM members WHERE committee_id = $1 AND mobile = $2 AND user_id IS NOT NULL",
                  {committee, mobile});
  if (r.empty()) throw std::runtime_error("demo research: no member " + mobile);
  return r.one().integer(0);
}

int64_t research_version(db::Connection& c, int64_t id) {
  return c.exec("SELECT version FROM consultation_research WHERE id = $1", {id}).one().integer(0);
}

/// The research of topic `topic_id` as kResearch describes it, from `start` (the day research began).
void seed_research(db::Connection& c, int64_t topic_id, const std::string& title, const std::string& start) {
  const ResearchSeed* s = nullptr;
  for (const auto& r : kResearch)
    if (title == r.topic) s = &r;
  if (!s) return;
  const int64_t committee =
      c.exec("SELECT committee_id FROM consultation_topics WHERE id = $1", {topic_id}).one().integer(0);
  const Principal runner = demo_principal(c, committee, s->runner);
  const Principal chair = demo_principal(c, committee, "zhuxi");
  auto day = [&](int n) { return clock::civil_from_days(days_of(start) + n); };
  const int64_t leader = user_of_mobile(c, committee, s->leader);
  const int64_t member = user_of_mobile(c, committee, s->member);
  ResearchInput in;
  in.kind = s->kind;
  in.title = s->title;
  in.outline = s->outline;
  in.team = std::vector<TeamMemberInput>{{leader, "leader", "", "", ""},
                                         {member, "member", "", "", ""},
                                         {std::nullopt, "expert", s->expert_name, s->expert_employer, s->expert_title},
                                         {runner.user_id, "staff", "", "", ""}};
  const int64_t id = as(runner, start, [&](const Caller& by) { return create_research(c, by, topic_id, in); }).id;
  for (const auto& v : s->visits) {
    VisitInput vi;
    vi.visited_on = day(v.after);
    vi.place = v.place;
    vi.participants = v.participants;
    vi.notes = v.notes;
    vi.member_user_ids = v.member_went ? std::vector<int64_t>{leader, member} : std::vector<int64_t>{leader};
    // A visit is recorded on its day, or (one still to come) when it is arranged.
    const std::string on = v.after > 90 ? day(80) : day(v.after);
    as(runner, on, [&](const Caller& by) { return add_research_visit(c, by, id, vi); });
  }
  // Held topics' reports are approved before the consultation (five weeks after research began);
  // the topics still in research are writing theirs in November.
  int n = std::string(s->end) == "final" ? 20 : 75;
  const int first_save = n + 1;
  for (const char* body : s->drafts) {
    as(runner, day(n++), [&](const Caller& by) {
      return save_research_report(c, by, id, {research_version(c, id), body});
    });
    if (std::string(s->returned).empty() || n != first_save) continue;
    // The first version goes to the chair and comes back with a reason.
    as(runner, day(n++), [&](const Caller& by) {
      return research_step(c, by, id, {"submit", research_version(c, id)}, "");
    });
    as(chair, day(n++), [&](const Caller& by) {
      return research_step(c, by, id, {"send_back", research_version(c, id)}, s->returned);
    });
  }
  const std::string end = s->end;
  if (end == "drafting") return;
  as(runner, day(n++), [&](const Caller& by) {
    return research_step(c, by, id, {"submit", research_version(c, id)}, "");
  });
  if (end == "final")
    as(chair, day(n + 1), [&](const Caller& by) {
      return research_step(c, by, id, {"approve", research_version(c, id)}, "同意，作为协商会议参阅材料");
    });
}

/// Takes a planned topic through the phase `s` names.
void live(db::Connection& c, const Principal& runner, int64_t id, const TopicSeed& s) {
  std::string phase = s.phase;
  if (phase == "planned") return;
  std::string day = s.day;
  // Research starts about five weeks before the consultation (or on the day given).
  std::string research_day = phase == "researching" ? day : clock::civil_from_days(days_of(day) - 35);
  if (s.form != Form::online)
    step_topic(c, runner, id, TopicAction::start_research, research_day, "成立调研组，制定调研方案");
  if (s.form != Form::online) seed_research(c, id, s.title, research_day);
  if (phase == "consulted") step_topic(c, runner, id, TopicAction::record_consultation, day, "协商活动如期举行", day);
}

/// An outcome's step as `p` on `day`.
void step_outcome(db::Connection& c, const Principal& p, int64_t id, OutcomeAction a, const std::string& day,
                  OutcomeStepFields f = {}) {
  as(p, day, [&](const Caller& by) {
    OutcomeStepInput in{a, version_of(c, "consultation_outcomes", id)};
    return outcome_step(c, by, id, in, f);
  });
}

struct ItemSeed {
  const char* unit;
  const char* title;
  const char* due;
  const char* progress;  // "" for none
  const char* done_on;   // "" while open
  const char* result;
};

struct OutcomeSeed {
  const char* topic;
  OutcomeKind kind;
  const char* title;
  const char* body;
  const char* drafted;
  // How far it got: "review", "approved", "sent", "concluded"
  const char* stage;
  const char* approved;
  const char* sent;
  const char* leader_name;  // an instruction, when set
  const char* leader_title;
  const char* instructed;
  const char* instruction;
  std::vector<const char*> units;
  std::vector<ItemSeed> items;
  Adoption adoption = Adoption::adopted;
  const char* adoption_note = "";
  const char* concluded = "";
};

const std::vector<OutcomeSeed> kOutcomes = {
    {"推动汉正街商圈转型升级",
     OutcomeKind::digest,
     "关于推动汉正街商圈转型升级的协商要报",
     "一、编制商圈业态升级三年行动方案，引导批发业态向品牌展示、直播电商和设计研发转型。\n"
     "二、优化商圈交通组织，划定货运车辆错时通行和集中停靠区域。\n"
     "三、加强消防安全隐患整治，推进老旧市场电气线路改造。",
     "2026-04-28",
     "sent",
     "2026-05-06",
     "2026-05-08",
     "王建华",
     "区委书记",
     "2026-05-12",
     "协商要报提出的建议很有针对性，请区商务局、区城管执法委牵头研究落实，年内见到实效。",
     {"区商务局", "区城市管理执法委员会"},
     {{"区商务局", "制定汉正街商圈业态升级三年行动方案", "2026-08-31", "方案初稿已征求商户和行业协会意见", "2026-08-25",
       "行动方案已经区政府常务会议审议通过并印发"},
      {"区城市管理执法委员会", "划定商圈货运车辆错时通行和集中停靠区域", "2026-10-30",
       "已完成交通流量调查，停靠点选址待与交管部门会商", "", ""}}},
    {"优化营商环境，提振民营经济发展信心",
     OutcomeKind::opinions,
     "关于优化营商环境、提振民营经济发展信心的意见建议",
     "一、推行惠企政策“免申即享”，减少企业申报材料。\n二、实行涉企检查“综合查一次”，避免多头重复检查。\n"
     "三、建立企业诉求快速响应机制，做到接诉即办。",
     "2026-05-27",
     "sent",
     "2026-06-02",
     "2026-06-05",
     "陈立",
     "区长",
     "2026-06-10",
     "请区发改局、区市场监管局认真吸纳，形成具体措施。",
     {"区发展和改革局", "区市场监督管理局"},
     {{"区发展和改革局", "推行惠企政策“免申即享”", "2026-09-30", "梳理首批政策清单32项", "2026-09-20",
       "首批32项惠企政策实现免申即享，兑现资金1.2亿元"},
      {"区发展和改革局", "建立企业诉求“接诉即办”工作机制", "2026-12-18", "机制文件已起草，正在征求意见", "", ""},
      {"区市场监督管理局", "推行涉企检查“综合查一次”", "2026-11-27", "", "", ""}}},
    {"关注青少年心理健康",
     OutcomeKind::research_report,
     "关于加强青少年心理健康工作的调研报告",
     "调研发现，部分学校专职心理教师配备不足，家校医协同干预机制尚不健全。建议：一、按标准配齐专职心理教师；"
     "二、建立学校、家庭、医疗机构协同干预机制；三、在区精神卫生中心开设青少年心理门诊。",
     "2026-07-24",
     "sent",
     "2026-07-30",
     "2026-08-05",
     "刘敏",
     "副区长",
     "2026-08-12",
     "请区教育局会同区卫健局研究落实。",
     {"区教育局", "区卫生健康局"},
     {{"区教育局", "按标准配齐中小学专职心理健康教师", "2027-03-31", "已纳入2027年教师招聘计划", "", ""}}},
    {"提升基层医疗卫生服务能力",
     OutcomeKind::opinions,
     "关于提升基层医疗卫生服务能力的意见建议",
     "一、支持社区卫生服务中心建设特色科室。\n二、提高家庭医生签约服务质量。\n三、完善医保对基层就诊的倾斜政策。",
     "2026-06-16",
     "concluded",
     "2026-06-22",
     "2026-06-26",
     "",
     "",
     "",
     "",
     {},
     {},
     Adoption::partly,
     "区政府采纳第一、三条建议，第二条纳入明年卫生健康工作要点",
     "2026-09-15"},
    {"破解老城区停车难问题",
     OutcomeKind::opinions,
     "关于破解老城区停车难问题的意见建议",
     "一、推进机关企事业单位停车场错时共享。\n二、利用边角地建设立体停车设施。\n三、建设全区智慧停车平台。",
     "2026-07-02",
     "approved",
     "2026-07-10",
     "",
     "",
     "",
     "",
     "",
     {},
     {}},
    {"推进义务教育优质均衡发展",
     OutcomeKind::opinions,
     "关于推进义务教育优质均衡发展的意见建议",
     "一、深化集团化办学，扩大优质教育资源覆盖面。\n二、完善教师交流轮岗激励机制。\n三、提高课后服务质量。",
     "2026-11-12",
     "review",
     "",
     "",
     "",
     "",
     "",
     "",
     {},
     {}},
};

/// Writes outcome `s` of topic `topic_id` as far as its stage.
void seed_outcome(db::Connection& c, int64_t committee, const OutcomeSeed& s, int64_t topic_id, const Principal& office,
                  const Principal& chair) {
  OutcomeInput in;
  in.kind = s.kind;
  in.title = s.title;
  in.body = s.body;
  int64_t id = as(office, s.drafted, [&](const Caller& by) { return create_outcome(c, by, topic_id, in); }).id;
  step_outcome(c, office, id, OutcomeAction::submit, s.drafted);
  std::string stage = s.stage;
  if (stage == "review") return;
  step_outcome(c, chair, id, OutcomeAction::approve, s.approved, {"同意报送", std::nullopt, "", std::nullopt});
  if (stage == "approved") return;
  step_outcome(c, office, id, OutcomeAction::send, s.sent, {"", std::string(s.sent), "区委、区政府", std::nullopt});
  if (*s.leader_name) {
    InstructionInput ins{s.leader_name, s.leader_title, s.instructed, s.instruction, {}};
    for (const char* u : s.units) ins.unit_ids.push_back(id_of(c, "units", committee, u));
    auto instruction = as(office, s.instructed, [&](const Caller& by) { return record_instruction(c, by, id, ins); });
    (void)instruction;
  }
  for (const auto& it : s.items) {
    FollowItemInput f{id_of(c, "units", committee, it.unit), it.title, it.due, std::nullopt};
    int64_t item = as(office, s.instructed, [&](const Caller& by) { return add_follow_item(c, by, id, f); }).id;
    if (*it.progress)
      as(office, clock::civil_from_days(days_of(s.instructed) + 20),
         [&](const Caller& by) { return record_follow_progress(c, by, item, it.progress); });
    if (*it.done_on)
      as(office, it.done_on, [&](const Caller& by) { return close_follow_item(c, by, item, it.result); });
  }
  if (stage == "concluded")
    step_outcome(c, chair, id, OutcomeAction::record_adoption, s.concluded,
                 {s.adoption_note, std::nullopt, "", s.adoption});
}

}  // namespace

std::map<std::string, int64_t> seed_consultations(db::Connection& c, int64_t committee) {
  std::map<std::string, int64_t> ids;
  const Principal office = demo_principal(c, committee, "tianwei");
  const Principal jingji = demo_principal(c, committee, "jingji");
  const Principal minmeng = demo_principal(c, committee, "minmeng");
  const Principal chair = demo_principal(c, committee, "zhuxi");

  // ---- 2026: drafted in December 2025, published in January, carried out through the year ----
  int64_t plan = as(office, "2025-12-10", [&](const Caller& by) { return create_plan(c, by, {2026, ""}); }).id;
  for (const auto& s : kTopics2026) {
    if (s.kind == Kind::counterpart && std::string(s.lead) == "经济委员会") {
      // 经济委 puts its own topic forward; the office lists it while drafting.
      int64_t id = add_topic(c, committee, jingji, plan, s, "2025-12-12", chair.user_id);
      step_topic(c, office, id, TopicAction::approve, "2025-12-15");
      ids[s.title] = id;
      continue;
    }
    ids[s.title] = add_topic(c, committee, office, plan, s, "2025-12-12", chair.user_id);
  }
  TopicSeed handling = {
      Kind::proposal_handling,
      "重点提案办理协商：既有住宅加装电梯",
      "围绕重点提案中加装电梯审批简化、资金分摊和低层住户补偿等诉求，组织提案者与承办单位面对面协商。",
      "提案委员会",
      {"区住房和城市更新局", "区自然资源和规划局"},
      7,
      Form::symposium,
      "重点提案提案人，提案委员会委员，承办单位负责人",
      "consulted",
      "2026-07-08"};
  ids[handling.title] = add_topic(c, committee, office, plan, handling, "2025-12-12", chair.user_id);
  step_plan(c, office, plan, PlanAction::submit_to_chair, "2025-12-26", "", "十四届区政协第36次主席会议审议");
  step_plan(c, office, plan, PlanAction::submit_to_party, "2026-01-06", "汉政协文〔2026〕1号", "报区委常委会审定");
  step_plan(c, office, plan, PlanAction::publish, "2026-01-16", "汉政协发〔2026〕2号");

  for (const auto& s : kTopics2026)
    live(c, s.kind == Kind::counterpart && std::string(s.lead) == "经济委员会" ? jingji : office, ids[s.title], s);
  live(c, office, ids[handling.title], handling);

  // An in-year addition after the summer floods, approved by the chair and held.
  TopicSeed flood = {Kind::thematic,
                     "提升城市防汛排涝能力",
                     "汛期过后，围绕易涝点改造、排水管网建设和应急联动机制开展专题协商。",
                     "",
                     {"区水务和湖泊局", "区应急管理局"},
                     9,
                     Form::remote,
                     "区政协主席、副主席，常委，相关部门负责人",
                     "consulted",
                     "2026-09-25"};
  int64_t flood_id =
      add_topic(c, committee, office, plan, flood, "2026-08-10", chair.user_id, "今年汛期多处内涝，区委交办增加议题");
  step_topic(c, chair, flood_id, TopicAction::approve, "2026-08-12", "同意增加");
  live(c, office, flood_id, flood);
  ids[flood.title] = flood_id;

  // 民建's topic moved from August to December (approved); the elderly-care topic asks for December.
  int64_t minjian = ids["助力中小微企业纾困发展"];
  as(office, "2026-07-20", [&](const Caller& by) {
    return request_postponement(c, by, minjian, {12, "结合年底惠企政策兑现情况开展协商"});
  });
  auto pid = c.exec("SELECT id FROM consultation_postponements WHERE topic_id = $1", {minjian}).one().integer(0);
  as(chair, "2026-07-22", [&](const Caller& by) { return decide_postponement(c, by, pid, {true, "同意"}); });
  as(office, "2026-11-25", [&](const Caller& by) {
    return request_postponement(c, by, ids["发展银发经济，完善居家社区养老服务体系"],
                                {12, "调研报告尚在修改，拟与区政府年度民生实事协商合并进行"});
  });

  // 民盟's contact puts forward a topic for the rest of the year; it waits for the chair.
  TopicSeed tuoyu = {Kind::sector,
                     "推进社区嵌入式托育服务",
                     "民盟区委建议围绕普惠托育点布局和托育从业人员培训开展界别协商。",
                     "民盟",
                     {"区卫生健康局"},
                     12,
                     Form::talk,
                     "民盟盟员委员，妇联界委员",
                     "planned",
                     ""};
  ids[tuoyu.title] = add_topic(c, committee, minmeng, plan, tuoyu, "2026-11-30", 0, "响应“一老一小”民生需求");

  // Outcomes of the topics held: sent with instructions and follow-through (some late), one
  // concluded, one waiting to be sent, one waiting for the chair.
  for (const auto& o : kOutcomes) seed_outcome(c, committee, o, ids.at(o.topic), office, chair);
  // Two of them are public.
  for (const char* title : {"关于推动汉正街商圈转型升级的协商要报", "关于提升基层医疗卫生服务能力的意见建议"}) {
    int64_t oid =
        c.exec("SELECT id FROM consultation_outcomes WHERE committee_id = $1 AND title = $2", {committee, title})
            .one()
            .integer(0);
    as(office, "2026-09-20", [&](const Caller& by) { return publish_outcome(c, by, oid, true); });
  }

  // ---- 2027: in drafting ----
  int64_t next = as(office, "2026-12-01", [&](const Caller& by) { return create_plan(c, by, {2027, ""}); }).id;
  const std::vector<TopicSeed> drafts = {
      {Kind::thematic,
       "培育发展新质生产力",
       "围绕科技成果转化、数字经济和先进制造业集群开展专题协商。",
       "",
       {"区科学技术和经济信息化局", "区发展和改革局"},
       5,
       Form::meeting,
       "区政协主席、副主席，常委",
       "planned",
       ""},
      {Kind::counterpart,
       "促进消费扩容提质",
       "与区商务局对口协商夜间经济、首店经济和以旧换新政策落地。",
       "经济委员会",
       {"区商务局"},
       4,
       Form::symposium,
       "经济委员会委员",
       "planned",
       ""},
      {Kind::counterpart,
       "推进汉江岸线生态修复",
       "与区水务局、区生态环境分局对口协商岸线生态修复和滨水空间开放。",
       "城乡建设和环境资源委员会",
       {"区水务和湖泊局", "区生态环境分局"},
       6,
       Form::symposium,
       "城乡建设和环境资源委员会委员",
       "planned",
       ""},
  };
  for (const auto& s : drafts) ids[s.title] = add_topic(c, committee, office, next, s, "2026-12-03", chair.user_id);
  return ids;
}

}  // namespace sl::cli
