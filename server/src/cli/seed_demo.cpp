#include "cli/seed_demo.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <set>

#include "cli/seed_catalogue.hpp"
#include "cli/seed_consultation_meetings.hpp"
#include "cli/seed_consultations.hpp"
#include "cli/seed_deliberation.hpp"
#include "cli/seed_meetings.hpp"
#include "cli/seed_proposals.hpp"
#include "core/audit/audit.hpp"

namespace sl::cli {

namespace {

constexpr const char* kCommittee = "武汉市汉江区政协";  // fictional district
constexpr const char* kParent = "武汉市政协";

const std::vector<std::string> kParties = {"中国共产党", "民革",   "民盟",     "民建", "民进",
                                           "农工党",     "致公党", "九三学社", "台盟"};
const std::vector<std::string> kSectors = {"中共",       "民革",       "民盟",
                                           "民建",       "民进",       "农工党",
                                           "致公党",     "九三学社",   "台盟",
                                           "无党派人士", "工商联",     "共青团",
                                           "总工会",     "妇联",       "科协",
                                           "台联",       "侨联",       "文化艺术界",
                                           "科学技术界", "社会科学界", "经济界",
                                           "农业界",     "教育界",     "体育界",
                                           "新闻出版界", "医药卫生界", "社会福利和社会保障界",
                                           "少数民族界", "宗教界",     "特邀人士"};

struct UnitSeed {
  const char* name;
  const char* short_name;
  const char* kind;
};
const std::vector<UnitSeed> kUnits = {
    {"区发展和改革局", "区发改局", "government"},
    {"区民政局", "区民政局", "government"},
    {"区教育局", "区教育局", "government"},
    {"区卫生健康局", "区卫健局", "government"},
    {"区城市管理执法委员会", "区城管执法委", "government"},
    {"区住房和城市更新局", "区住更局", "government"},
    {"区财政局", "区财政局", "government"},
    {"区人力资源和社会保障局", "区人社局", "government"},
    {"区自然资源和规划局", "区资规局", "government"},
    {"区生态环境分局", "区环保分局", "government"},
    {"区交通运输局", "区交通局", "government"},
    {"区水务和湖泊局", "区水务局", "government"},
    {"区商务局", "区商务局", "government"},
    {"区科学技术和经济信息化局", "区科经局", "government"},
    {"区文化和旅游局", "区文旅局", "government"},
    {"区市场监督管理局", "区市场监管局", "government"},
    {"区应急管理局", "区应急局", "government"},
    {"区退役军人事务局", "区退役军人局", "government"},
    {"区医疗保障局", "区医保局", "government"},
    {"区政务服务和大数据管理局", "区政数局", "government"},
    {"区农业农村局", "区农业农村局", "government"},
    {"区审计局", "区审计局", "government"},
    {"区统计局", "区统计局", "government"},
    {"区司法局", "区司法局", "government"},
    {"区委组织部", "区委组织部", "party"},
    {"区委宣传部", "区委宣传部", "party"},
    {"区委统战部", "区委统战部", "party"},
    {"区人民法院", "区法院", "court"},
    {"区人民检察院", "区检察院", "procuratorate"},
    {"区国有资产投资集团有限公司", "区国投集团", "enterprise"},
    {"公安汉江分局", "汉江公安分局", "government"},
};

struct SpecialSeed {
  const char* name;
  const char* kind;
  std::vector<const char*> units;
};
const std::vector<SpecialSeed> kSpecials = {
    {"提案委员会", "proposal", {"区政务服务和大数据管理局"}},
    {"经济委员会", "other", {"区发展和改革局", "区财政局", "区商务局", "区科学技术和经济信息化局"}},
    {"城乡建设和环境资源委员会",
     "other",
     {"区住房和城市更新局", "区城市管理执法委员会", "区自然资源和规划局", "区生态环境分局"}},
    {"科教文卫体委员会", "other", {"区教育局", "区卫生健康局", "区文化和旅游局"}},
    {"社会和法制委员会", "other", {"区民政局", "区司法局", "区人民法院", "区人民检察院"}},
    {"文化文史和学习委员会", "other", {"区文化和旅游局"}},
};

const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
                                            "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
                                            "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁"};
const std::vector<std::string> kGiven = {
    "伟",   "芳",   "娜", "敏",   "静",   "丽",   "强",   "磊",   "军",   "洋",   "勇",   "艳",   "杰",   "娟",
    "涛",   "明",   "超", "秀英", "霞",   "平",   "刚",   "桂英", "华",   "建国", "志强", "海燕", "文博", "雪梅",
    "晓东", "春生", "丹", "晨",   "思远", "嘉怡", "国庆", "玉兰", "卫东", "红梅", "子涵", "浩然", "立新", "慧敏"};
const std::vector<std::string> kEmployers = {
    "汉江区第一中学",     "武汉市第三医院",     "汉江区实验小学",         "湖北某律师事务所",
    "汉正街商会",         "武汉某科技有限公司", "汉江区社区卫生服务中心", "华中某大学",
    "武汉某建筑设计院",   "汉江区某街道办事处", "武汉某食品有限公司",     "汉江区文化馆",
    "武汉某会计师事务所", "汉江区某幼儿园",     "武汉某物流集团",         "汉江区中医医院"};
const std::vector<std::string> kTitles = {"校长",   "主任医师", "教师",     "律师", "会长",   "总经理",
                                          "副主任", "教授",     "总工程师", "主任", "董事长", "馆长",
                                          "合伙人", "园长",     "副总经理", "院长"};

/// The gender a given name most often goes with (the demo has no other source for it).
const char* gender_of(const std::string& given) {
  static const std::set<std::string> kFemale = {"芳",   "娜",   "敏",   "静",   "丽",   "艳", "娟",
                                                "秀英", "霞",   "桂英", "海燕", "雪梅", "丹", "嘉怡",
                                                "玉兰", "红梅", "子涵", "慧敏", "晨"};
  return kFemale.count(given) ? "female" : "male";
}

int64_t insert_id(db::Connection& c, const std::string& sql, const std::vector<db::Value>& params) {
  return c.exec(sql + " RETURNING id", params).one().integer(0);
}

}  // namespace

bool database_is_empty(App& app) {
  auto c = app.db().acquire();
  return c->exec("SELECT COUNT(*) FROM committees").one().integer(0) == 0;
}

std::vector<DemoLogin> seed_demo(App& app) {
  if (!database_is_empty(app))
    throw std::runtime_error("the database already has a committee; demo data is for a fresh database");
  std::vector<DemoLogin> logins = {
      {"admin", "Admin12345", "admin", "系统管理员（政协办公室）"},
      {"tianwei", "Staff12345", "proposal_staff", "提案委员会工作人员"},
      {"jingji", "Staff12345", "committee_staff", "经济委员会工作人员"},
      {"minmeng", "Group12345", "group_contact", "民盟区委联络人"},
      {"fagaiju", "Unit12345", "unit_staff", "区发改局经办人"},
      {"fagaiju_lead", "Unit12345", "unit_leader", "区发改局负责人"},
      {"minzhengju", "Unit12345", "unit_staff", "区民政局经办人"},
      {"zhuxi", "Leader12345", "leader", "区政协主席"},
      {"ducha", "Super12345", "supervisor", "区委督查室"},
      {"13900000001", "Member12345", "member", "委员（手机号登录）"},
  };
  // Hash each distinct demo password once (argon2id is deliberately slow).
  std::map<std::string, std::string> hashes;
  for (const auto& l : logins)
    if (!hashes.count(l.password)) hashes[l.password] = app.passwords.hash(l.password);

  app.db().transaction([&](db::Connection& c) {
    int64_t parent =
        insert_id(c, "INSERT INTO committees (name, short_name, level, region) VALUES ($1, $2, 'city', $3)",
                  {kParent, "市政协", "湖北省武汉市"});
    int64_t cid = insert_id(
        c, "INSERT INTO committees (parent_id, name, short_name, level, region) VALUES ($1, $2, $3, 'district', $4)",
        {parent, kCommittee, "汉江区政协", "湖北省武汉市汉江区"});
    int64_t term = insert_id(c,
                             "INSERT INTO terms (committee_id, number, name, start_date, end_date) VALUES ($1, 14, "
                             "'第十四届', '2022-01-01', '2026-12-31')",
                             {cid});
    c.exec(
        "INSERT INTO terms (committee_id, number, name, start_date, end_date) VALUES ($1, 13, '第十三届', "
        "'2017-01-01', '2021-12-31')",
        {cid});
    for (int n = 1; n <= 5; ++n)
      c.exec(
          "INSERT INTO sessions (committee_id, term_id, number, name, start_date, end_date, is_current) VALUES "
          "($1, $2, $3, $4, $5, $6, $7)",
          {cid, term, int64_t{n},
           fmt::format("十四届{}次会议", std::vector<std::string>{"一", "二", "三", "四", "五"}[n - 1]),
           fmt::format("{}-01-08", 2021 + n), fmt::format("{}-01-11", 2021 + n), int64_t{n == 5 ? 1 : 0}});

    std::map<std::string, int64_t> party_ids, sector_ids, unit_ids, special_ids;
    int sort = 0;
    for (const auto& p : kParties)
      party_ids[p] = insert_id(c, "INSERT INTO parties (committee_id, name, short_name, sort) VALUES ($1, $2, $3, $4)",
                               {cid, p, p == "中国共产党" ? "中共" : p, int64_t{++sort}});
    sort = 0;
    for (const auto& s : kSectors)
      sector_ids[s] =
          insert_id(c, "INSERT INTO sectors (committee_id, name, sort) VALUES ($1, $2, $3)", {cid, s, int64_t{++sort}});
    sort = 0;
    for (const auto& u : kUnits) {
      std::string contact = kSurnames[sort % kSurnames.size()] + kGiven[static_cast<size_t>(sort) * 7 % kGiven.size()];
      std::string phone = fmt::format("027-8361{:04d}", 1000 + sort);
      Json contacts = Json::array({{{"name", contact}, {"title", "联络员"}, {"phone", phone}}});
      unit_ids[u.name] = insert_id(
          c,
          "INSERT INTO units (committee_id, name, short_name, kind, leader_name, contact_name, contact_phone, address, "
          "contacts, sort) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
          {cid, u.name, u.short_name, u.kind,
           kSurnames[(sort + 5) % kSurnames.size()] + kGiven[static_cast<size_t>(sort) * 3 % kGiven.size()], contact,
           phone, fmt::format("汉江区解放大道{}号", 100 + sort * 7), contacts.dump(), int64_t{++sort}});
    }
    sort = 0;
    for (const auto& s : kSpecials) {
      special_ids[s.name] =
          insert_id(c, "INSERT INTO special_committees (committee_id, name, kind, sort) VALUES ($1, $2, $3, $4)",
                    {cid, s.name, s.kind, int64_t{++sort}});
      for (const char* u : s.units)
        c.exec("INSERT INTO special_committee_units (special_committee_id, unit_id) VALUES ($1, $2)",
               {special_ids[s.name], unit_ids[u]});
    }

    // Staff, unit and leader accounts.
    auto add_user = [&](const DemoLogin& l, const std::string& name, const std::string& mobile) {
      return insert_id(c, "INSERT INTO users (username, mobile, name, password_hash) VALUES ($1, $2, $3, $4)",
                       {l.login, mobile, name, hashes[l.password]});
    };
    auto grant = [&](int64_t user, const std::string& role, const char* scope_col = nullptr, int64_t scope = 0) {
      if (scope_col)
        c.exec(std::string("INSERT INTO role_grants (user_id, committee_id, role, ") + scope_col +
                   ") VALUES ($1, $2, $3, $4)",
               {user, cid, role, scope});
      else
        c.exec("INSERT INTO role_grants (user_id, committee_id, role) VALUES ($1, $2, $3)", {user, cid, role});
    };
    int64_t admin = add_user(logins[0], "政协办管理员", "13700000001");
    grant(admin, "admin");
    c.exec("INSERT INTO role_grants (user_id, committee_id, role) VALUES ($1, $2, 'admin')", {admin, parent});
    grant(add_user(logins[1], "田伟", "13700000002"), "proposal_staff");
    grant(add_user(logins[2], "经济委 周敏", "13700000003"), "committee_staff", "special_committee_id",
          special_ids["经济委员会"]);
    grant(add_user(logins[3], "民盟 梁静", "13700000004"), "group_contact", "party_id", party_ids["民盟"]);
    grant(add_user(logins[4], "发改局 何磊", "13700000005"), "unit_staff", "unit_id", unit_ids["区发展和改革局"]);
    grant(add_user(logins[5], "发改局 局长 罗建国", "13700000006"), "unit_leader", "unit_id",
          unit_ids["区发展和改革局"]);
    grant(add_user(logins[6], "民政局 谢丽", "13700000007"), "unit_staff", "unit_id", unit_ids["区民政局"]);
    grant(add_user(logins[7], "区政协主席 曾志强", "13700000008"), "leader");
    grant(add_user(logins[8], "督查室 宋华", "13700000009"), "supervisor");

    // ~250 members; the first signs in with 13900000001 / Member12345, the others have locked-in
    // random passwords until staff reset them.
    std::vector<std::string> special_names;
    special_names.reserve(kSpecials.size());
    for (const auto& s : kSpecials) special_names.push_back(s.name);
    for (int i = 0; i < 250; ++i) {
      std::string name = kSurnames[(i * 7 + i / 36) % kSurnames.size()] + kGiven[(i * 11 + 3) % kGiven.size()];
      std::string mobile = fmt::format("139{:08d}", i + 1);
      const std::string& sector = kSectors[i % kSectors.size()];
      Json party = nullptr;
      if (i % kSectors.size() < 9) party = party_ids[kParties[i % kSectors.size()]];
      std::string hash = i == 0 ? hashes["Member12345"] : "";
      int64_t user =
          insert_id(c, "INSERT INTO users (mobile, name, password_hash) VALUES ($1, $2, $3)", {mobile, name, hash});
      int64_t member =
          insert_id(c,
                    "INSERT INTO members (committee_id, user_id, name, gender, mobile, sector_id, party_id, "
                    "is_standing, employer, "
                    "title) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    {cid, user, name, gender_of(kGiven[(i * 11 + 3) % kGiven.size()]), mobile, sector_ids[sector],
                     party.is_null() ? db::Value(nullptr) : db::Value(party.get<int64_t>()),
                     int64_t{i % 6 == 0 ? 1 : 0}, kEmployers[i % kEmployers.size()], kTitles[i % kTitles.size()]});
      grant(user, "member");
      c.exec("INSERT INTO member_special_committees (member_id, special_committee_id) VALUES ($1, $2)",
             {member, special_ids[special_names[i % special_names.size()]]});
      if (i == 0) logins.back().description = "委员 " + name + "（手机号登录）";
    }
    audit::Entry e;
    e.committee_id = cid;
    e.actor_name = "system";
    e.action = "demo.seed";
    e.subject_type = "committee";
    e.subject_id = std::to_string(cid);
    e.after = {{"committee", kCommittee}, {"members", 250}, {"units", kUnits.size()}};
    audit::record(c, e);
    seed_proposals(c, cid);  // ~300 proposals in every workflow state (cli/seed_proposals.cpp)
    seed_catalogue(c, cid);  // the current session's published topic catalogue (cli/seed_catalogue.cpp)
    // the 2026 consultation plan carried out, 2027 in drafting (cli/seed_consultations.cpp)
    seed_consultations(c, cid);
    seed_meetings(c, cid);  // past and coming meetings with replies and sign-ins (cli/seed_meetings.cpp)
    // the meetings of the consultation topics (cli/seed_consultation_meetings.cpp)
    seed_consultation_meetings(c, cid);
    seed_deliberation(c, cid);  // a past and an open 网络议政 with opinions (cli/seed_deliberation.cpp)
  });
  return logins;
}

void print_demo_logins(const std::vector<DemoLogin>& logins) {
  std::printf("\n演示账号 / demo logins (%s):\n", kCommittee);
  std::printf("  %-14s %-13s %-16s %s\n", "login", "password", "role", "who");
  for (const auto& l : logins)
    std::printf("  %-14s %-13s %-16s %s\n", l.login.c_str(), l.password.c_str(), l.role.c_str(), l.description.c_str());
  std::fflush(stdout);
}

}  // namespace sl::cli
