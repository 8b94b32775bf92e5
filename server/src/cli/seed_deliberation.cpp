#include "cli/seed_deliberation.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "cli/demo_principal.hpp"
#include "core/clock.hpp"
#include "core/command.hpp"
#include "modules/consultations/deliberation.hpp"

namespace sl::cli {

namespace {

using namespace consultations;

/// Epoch seconds of `hour`:00 China time on `day` (YYYY-MM-DD).
int64_t beijing(const std::string& day, int hour) {
  return clock::days_from_civil(std::stoi(day.substr(0, 4)), static_cast<unsigned>(std::stoi(day.substr(5, 2))),
                                static_cast<unsigned>(std::stoi(day.substr(8, 2)))) *
             86400 +
         (hour - 8) * 3600;
}

int64_t topic_named(db::Connection& c, int64_t committee, const std::string& title) {
  auto r = c.exec(
      "SELECT t.id FROM consultation_topics t JOIN consultation_plans p ON p.id = t.plan_id WHERE t.committee_id = $1 "
      "AND p.year = 2026 AND t.title = $2",
      {committee, title});
  return r.empty() ? 0 : r.one().integer(0);
}

/// The active members with an account, in the order they were added, without the demo member.
std::vector<int64_t> member_users(db::Connection& c, int64_t committee, int64_t demo) {
  std::vector<int64_t> out;
  for (const auto& r : c.exec("SELECT user_id FROM members WHERE committee_id = $1 AND status = 'active' AND user_id "
                              "IS NOT NULL ORDER BY id",
                              {committee})
                           .rows)
    if (r.integer(0) != demo) out.push_back(r.integer(0));
  return out;
}

struct OpinionSeed {
  const char* body;
  const char* state;   // published, hidden, pending
  const char* reason;  // why hidden
  bool selected;
};

const std::vector<OpinionSeed> kHealth = {
    {"建议按服务人口核定社区卫生服务中心人员编制，落实“两个允许”要求，提高全科医生待遇，解决基层招人难、留人难问题。",
     "published", "", true},
    {"家庭医生签约“签而不约”现象仍较突出。建议把履约率、续约率和居民满意度纳入家庭医生团队考核，为老年人、慢病患者和"
     "残疾人提供个性化上门服务包。",
     "published", "", true},
    {"建议扩大在社区卫生服务中心可报销的门诊慢特病病种，对高血压、糖尿病等慢病患者推行长处方，减少老年人往返大医院开药"
     "。",
     "published", "", true},
    {"区域医联体内检查检验结果互认落实不到位，建议建设全区统一的影像和检验信息平台，群众在社区做的检查上级医院直接认可"
     "。",
     "published", "", true},
    {"社区卫生服务中心药品目录与二三级医院衔接不够，不少常用药在社区开不到，建议统一医联体用药目录，保障上下转诊用药连"
     "续。",
     "published", "", false},
    {"建议医保支付向基层倾斜，对家庭医生签约服务探索按人头打包付费、结余留用，调动基层医务人员积极性。", "published",
     "", false},
    {"建议依托互联网医院开展远程会诊和在线复诊，让居民在社区就能得到上级医院专家的诊疗意见。", "published", "", false},
    {"建议加强社区卫生服务中心中医药服务能力建设，推广中医适宜技术，每个中心建设一个标准化中医馆。", "published", "",
     false},
    {"我家小区旁边的社区卫生服务站周末不开门，老人看病很不方便，希望尽快解决。", "hidden",
     "属于具体诉求，已转区卫生健康局按“接诉即办”办理", false},
    {"推荐一款进口保健品，调理慢性病效果很好，需要的委员可以私信联系我。", "hidden", "含商业推广内容，与议题无关",
     false},
};

const std::vector<OpinionSeed> kGrid = {
    {"建议制定网格事项准入清单，各部门不得把工作任务层层下压到网格员，让网格员回归发现问题、服务群众的本职。",
     "published", "", false},
    {"网格员队伍流动性大，建议建立与工作年限、考核结果挂钩的薪酬增长机制，畅通优秀网格员进入社区工作者队伍的渠道。",
     "published", "", false},
    {"建议整合各部门的信息采集手机应用，实现“一次采集、多方共享”，减轻网格员重复填报负担。", "pending", "", false},
};

/// Posts `s` as `author` at `posted`, then moderates (and selects) it as `office` at `moderated`.
void opinion(db::Connection& c, int64_t committee, int64_t window, int64_t author, const OpinionSeed& s, int64_t posted,
             const Principal& office, int64_t moderated) {
  const Principal member = demo_principal(c, committee, author);
  post_opinion(c, Caller{member, "demo", posted}, window, s.body);
  const int64_t id = c.exec(
                          "SELECT MAX(id) FROM consultation_deliberation_opinions WHERE deliberation_id = $1 AND "
                          "author_id = $2",
                          {window, author})
                         .one()
                         .integer(0);
  const std::string state = s.state;
  if (state == "pending") return;
  const Caller by{office, "demo", moderated};
  moderate_opinion(c, by, id, {state == "published" ? "publish" : "hide", s.reason});
  if (s.selected) select_opinion(c, Caller{office, "demo", moderated + 600}, id, true);
}

int64_t window_of(db::Connection& c, int64_t topic) {
  return c.exec("SELECT id FROM consultation_deliberations WHERE topic_id = $1", {topic}).one().integer(0);
}

}  // namespace

void seed_deliberation(db::Connection& c, int64_t committee_id) {
  const Principal office = demo_principal(c, committee_id, std::string("tianwei"));
  auto demo = c.exec("SELECT user_id FROM members WHERE committee_id = $1 AND mobile = '13900000001'", {committee_id});
  const int64_t demo_member = demo.empty() || demo.one().is_null(0) ? 0 : demo.one().integer(0);
  const auto members = member_users(c, committee_id, demo_member);
  if (members.size() < 80) return;

  // 1–10 June 2026: the online consultation on primary health care, held on the 10th.
  if (int64_t topic = topic_named(c, committee_id, "提升基层医疗卫生服务能力")) {
    DeliberationInput in;
    in.prompt =
        "围绕社区卫生服务中心能力建设、家庭医生签约服务和医保支付方式改革，请各位委员结合调研和履职实践提出意见建议，"
        "每条意见请聚焦一个问题并提出具体举措。";
    in.closes_at = clock::iso_at(beijing("2026-06-10", 9));
    for (size_t i = 0; i < 14; ++i) in.invite.user_ids.push_back(members[40 + i]);
    open_deliberation(c, Caller{office, "demo", beijing("2026-06-01", 9)}, topic, in);
    const int64_t window = window_of(c, topic);
    for (size_t i = 0; i < kHealth.size(); ++i) {
      const std::string day = "2026-06-0" + std::to_string(1 + i * 8 / kHealth.size());
      opinion(c, committee_id, window, members[40 + i], kHealth[i], beijing(day, 10 + static_cast<int>(i % 8)), office,
              beijing("2026-06-09", 15) + static_cast<int64_t>(i) * 300);
    }
  }

  // Open now: from three days ago to ten days from now, the demo member invited.
  if (int64_t topic = topic_named(c, committee_id, "加强基层社会治理网格化建设")) {
    const int64_t now = clock::now();
    const int64_t start = now - 3 * 86400;
    DeliberationInput in;
    in.prompt =
        "围绕网格员队伍建设、网格事项准入和“街乡吹哨、部门报到”机制运行中的问题，欢迎各位委员发表意见建议，"
        "意见经审核后公开，部分意见将吸收进对口协商成果。";
    in.closes_at = clock::iso_at(now + 10 * 86400 - (now % 3600));
    if (demo_member) in.invite.user_ids.push_back(demo_member);
    for (size_t i = 0; i < 10; ++i) in.invite.user_ids.push_back(members[70 + i]);
    open_deliberation(c, Caller{office, "demo", start}, topic, in);
    const int64_t window = window_of(c, topic);
    for (size_t i = 0; i < kGrid.size(); ++i)
      opinion(c, committee_id, window, members[70 + i], kGrid[i], start + static_cast<int64_t>(i + 1) * 20 * 3600,
              office, start + static_cast<int64_t>(i + 1) * 20 * 3600 + 7200);
  }
}

}  // namespace sl::cli
