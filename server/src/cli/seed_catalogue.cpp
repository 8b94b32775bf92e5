#include "cli/seed_catalogue.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "modules/catalogue/queries.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::cli {

namespace {

struct TopicSeed {
  const char* category;
  const char* topic;
  const char* description;
  std::vector<const char*> units;
  const char* proposed_by;
  bool allow_sharing = false;
};

const std::vector<TopicSeed> kTopics = {
    {"经济建设",
     "优化营商环境，促进民营经济高质量发展",
     "围绕市场准入、政务服务、融资支持、涉企检查等方面，研究破解民营企业发展中的堵点难点，提出提振民营经济信心的具体举"
     "措。",
     {"区发展和改革局", "区市场监督管理局", "区政务服务和大数据管理局"},
     "区委政研室"},
    {"经济建设",
     "推动汉正街商圈转型升级",
     "研究传统批发市场业态升级、电商直播与线上线下融合、商圈交通组织和消防安全，推动老牌商圈焕发新活力。",
     {"区商务局", "区城市管理执法委员会"},
     "区政府研究室"},
    {"经济建设",
     "发展数字经济和人工智能产业",
     "围绕算力基础设施、数据要素流通、人工智能应用场景开放和产业园区建设，提出培育数字经济新动能的建议。",
     {"区科学技术和经济信息化局", "区发展和改革局"},
     "区发改局"},
    {"经济建设",
     "加强中小微企业融资服务",
     "研究政府性融资担保、应急转贷、信用信息共享等机制，缓解中小微企业融资难融资贵问题。",
     {"区财政局", "区发展和改革局"},
     "区委政研室"},
    {"城市建设",
     "推进老旧小区改造和既有住宅加装电梯",
     "聚焦老旧小区改造中的资金筹措、居民协商、加装电梯审批和后续管理维护等难点，提出可操作的政策建议。",
     {"区住房和城市更新局", "区自然资源和规划局"},
     "区政府研究室"},
    {"城市建设",
     "破解老城区停车难问题",
     "研究错时共享停车、立体停车设施建设、路内停车秩序管理和智慧停车平台建设。",
     {"区交通运输局", "区城市管理执法委员会", "公安汉江分局"},
     "区委办"},
    {"城市建设",
     "推进汉江沿岸生态廊道建设",
     "围绕岸线生态修复、滨水空间开放、防洪排涝和文旅融合，提出建设沿江生态廊道的建议。",
     {"区水务和湖泊局", "区生态环境分局", "区自然资源和规划局"},
     "区政府研究室"},
    {"城市建设",
     "提升城市精细化管理水平",
     "研究城市管理“一网统管”、背街小巷环境整治、垃圾分类长效机制和市容秩序管理。",
     {"区城市管理执法委员会", "区政务服务和大数据管理局"},
     "区委政研室"},
    {"社会事业",
     "加强“一老一小”服务体系建设",
     "围绕社区嵌入式养老、居家适老化改造、普惠托育机构建设和婴幼儿照护服务，提出完善“一老一小”服务的建议。",
     {"区民政局", "区卫生健康局"},
     "区委政研室",
     true},
    {"社会事业",
     "完善社区居家养老服务",
     "研究社区养老服务综合体、老年助餐、医养结合和养老服务人才队伍建设。",
     {"区民政局", "区医疗保障局"},
     "区民政局"},
    {"社会事业",
     "促进高校毕业生和青年就业创业",
     "围绕就业见习基地、创业孵化、技能培训和灵活就业人员权益保障，提出稳就业的具体建议。",
     {"区人力资源和社会保障局", "区财政局"},
     "区政府研究室"},
    {"社会事业",
     "健全困难群众社会救助体系",
     "研究低收入人口动态监测、分层分类救助和“物质+服务”救助方式。",
     {"区民政局", "区医疗保障局"},
     "区民政局"},
    {"科教文卫",
     "推进义务教育优质均衡发展",
     "围绕集团化办学、教师交流轮岗、课后服务质量和学位供给，提出缩小校际差距、办好家门口好学校的建议。",
     {"区教育局", "区财政局"},
     "区委政研室"},
    {"科教文卫",
     "加强青少年心理健康服务",
     "研究学校心理健康教育、家校社协同、心理危机预警干预和专业队伍建设。",
     {"区教育局", "区卫生健康局"},
     "区政协提案委"},
    {"科教文卫",
     "提升基层医疗卫生服务能力",
     "围绕社区卫生服务中心能力建设、家庭医生签约服务、医联体建设和分级诊疗，提出让群众就近看好病的建议。",
     {"区卫生健康局", "区医疗保障局"},
     "区政府研究室"},
    {"科教文卫",
     "保护利用汉口老街区历史文化资源",
     "研究历史建筑保护修缮、老字号传承、文旅融合和街区活化利用。",
     {"区文化和旅游局", "区自然资源和规划局"},
     "区委宣传部"},
    {"政治法律",
     "深化基层社会治理和矛盾纠纷多元化解",
     "围绕网格化管理、人民调解、诉源治理和“枫桥经验”在社区的实践，提出提升基层治理效能的建议。",
     {"区司法局", "区人民法院", "区民政局"},
     "区委政法委"},
    {"政治法律",
     "加强安全生产和城市应急管理",
     "研究燃气、消防、高层建筑等重点领域风险排查，应急物资储备和基层应急队伍建设。",
     {"区应急管理局", "区城市管理执法委员会"},
     "区委办"},
};

}  // namespace

void seed_catalogue(db::Connection& c, int64_t committee_id) {
  auto session = c.exec(proposals::sql::kCurrentSession, {committee_id});
  if (session.empty()) throw std::runtime_error("demo catalogue: no current session");
  int64_t session_id = session.one().integer(0);
  auto id_of = [&](const std::string& sql, const std::string& name) {
    auto r = c.exec(sql, {committee_id, name});
    if (r.empty()) throw std::runtime_error("demo catalogue: no " + name);
    return r.one().integer(0);
  };
  std::map<std::string, int64_t> topic_ids;
  int64_t sort = 0;
  for (const auto& t : kTopics) {
    Json units = Json::array();
    for (const char* u : t.units) units.push_back(id_of(catalogue::sql::kUnitByName, u));
    topic_ids[t.topic] =
        c.exec(catalogue::sql::kInsertTopic,
               {committee_id, session_id, std::string(t.category), std::string(t.topic), std::string(t.description),
                units.dump(), std::string(t.proposed_by), ++sort, int64_t{t.allow_sharing ? 1 : 0}})
            .one()
            .integer(0);
  }
  c.exec(catalogue::sql::kInsertPublishedCatalogue, {committee_id, session_id, db::now_iso()});
  // 民盟 (whose contact is minmeng) took the education topic; 民建 the private-economy one.
  auto minmeng = c.exec(catalogue::sql::kUserByUsername, {std::string("minmeng")});
  if (minmeng.empty()) throw std::runtime_error("demo catalogue: no user minmeng");
  auto claim = [&](const std::string& topic, const std::string& party, db::Value user, const std::string& by) {
    c.exec(catalogue::sql::kInsertClaim, {topic_ids.at(topic), std::string("party"),
                                          id_of(catalogue::sql::kPartyByName, party), party, user, by, db::now_iso()});
  };
  claim("推进义务教育优质均衡发展", "民盟", minmeng.one().integer(0), minmeng.one().text(1));
  claim("优化营商环境，促进民营经济高质量发展", "民建", nullptr, "民建区委");
}

}  // namespace sl::cli
