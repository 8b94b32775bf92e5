#include "modules/proposals/documents.hpp"

#include <cstdio>
#include <map>

#include "core/api/resource.hpp"
#include "core/clock.hpp"
#include "core/docx/docx.hpp"
#include "core/sheet/sheet.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/permissions.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kTag = "proposals";
constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

void today_date(docx::Document& d) {
  int y = 0, m = 0, day = 0;
  std::sscanf(clock::today().c_str(), "%d-%d-%d", &y, &m, &day);
  d.date(y, m, day);
}

std::string committee_name(db::Connection& c, int64_t committee_id) {
  return c.exec(sql::kCommitteeName, {committee_id}).one().text(0);
}

std::string number_or_draft(const Json& p) {
  return p["number_label"].is_null() ? std::string("（未立案）") : p["number_label"].get<std::string>();
}

std::string units_of(const Json& p, const std::string& role) {
  std::string out;
  for (const auto& a : p["assignments"])
    if (a["state"] != "reassigned" && (role.empty() || a["role"] == role))
      out += (out.empty() ? "" : "、") + a["unit_name"].get<std::string>();
  return out;
}

std::string cosigner_names(const Json& p) {
  std::string out;
  for (const auto& x : p["cosigners"])
    if (x["status"] != "declined") out += (out.empty() ? "" : "、") + x["name"].get<std::string>();
  return out;
}

void add_sections(docx::Document& d, const Json& p) {
  d.heading1("一、情况与问题");
  d.paragraph(p["situation"].get<std::string>().empty() ? "（无）" : p["situation"].get<std::string>());
  d.heading1("二、分析");
  d.paragraph(p["analysis"].get<std::string>().empty() ? "（无）" : p["analysis"].get<std::string>());
  d.heading1("三、具体建议");
  d.paragraph(p["suggestions"].get<std::string>().empty() ? "（无）" : p["suggestions"].get<std::string>());
}

void add_form(docx::Document& d, db::Connection& c, const Json& p) {
  d.title(committee_name(c, p["committee_id"].get<int64_t>()) + "提案");
  d.subtitle(p["session_name"].get<std::string>() + "　" + number_or_draft(p));
  d.field("案由", p["title"].get<std::string>());
  d.field("提案人", p["proposer_name"].get<std::string>());
  std::string co = cosigner_names(p);
  if (!co.empty()) d.field("联名人", co);
  d.field("类别", p["category"].get<std::string>().empty() ? "未分类" : p["category"].get<std::string>());
  if (!p["keywords"].get<std::string>().empty()) d.field("关键词", p["keywords"].get<std::string>());
  std::string units = units_of(p, "");
  if (!units.empty()) d.field("承办单位", units);
  d.field("是否同意公开", p["consent_publish"].get<bool>() ? "同意" : "不同意");
  add_sections(d, p);
}

http::Response docx_file(const docx::Document& d, const std::string& name) {
  return http::Response::file(kDocxType, d.build(), name);
}

Json visible_detail(App& app, const http::Request& req) {
  auto c = app.db().acquire();
  return proposal_detail(*c, req.user(), req.param_int("id"));
}

/// Filed proposals of `session_id` (or the current session) in number order, for staff.
std::vector<int64_t> session_proposals(db::Connection& c, const http::Request& req, int64_t& session_id) {
  const auto& user = req.user();
  require_sees_all(user, "导出提案");
  if (auto s = api::query_int(req, "session_id")) {
    if (!api::exists_in_committee(c, "sessions", *s, user.committee_id)) throw ApiError::not_found("会议");
    session_id = *s;
  } else {
    auto cur = c.exec(sql::kCurrentSession, {user.committee_id});
    if (cur.empty()) throw ApiError::validation("session_id", "请指定会议");
    session_id = cur.one().integer(0);
  }
  std::vector<int64_t> ids;
  for (const auto& r : c.exec(sql::kFiledProposalsOfSession, {user.committee_id, session_id}).rows)
    ids.push_back(r.integer(0));
  return ids;
}

}  // namespace

void register_documents(App& app) {
  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/documents/form.docx",
            [&app](http::Request& req) {
              Json p = visible_detail(app, req);
              auto c = app.db().acquire();
              docx::Document d;
              add_form(d, *c, p);
              return docx_file(d, "提案表-" + p["title"].get<std::string>() + ".docx");
            },
            {"下载提案表（Word）", kTag});

  app.route(
      http::Method::GET, "/api/v1/proposals/{id:int}/documents/assignment-notice.docx",
      [&app](http::Request& req) {
        Json p = visible_detail(app, req);
        if (p["assignments"].empty()) throw ApiError(ErrorCode::illegal_transition, "该提案尚未交办");
        auto c = app.db().acquire();
        std::string lead = units_of(p, "lead"), co = units_of(p, "co");
        std::string sign_due, reply_due;
        for (const auto& a : p["assignments"])
          if (a["state"] != "reassigned") {
            sign_due = a["sign_due"].is_null() ? "" : a["sign_due"].get<std::string>();
            reply_due = a["reply_due"].is_null() ? "" : a["reply_due"].get<std::string>();
          }
        docx::Document d;
        d.title("关于交办政协提案的通知");
        d.plain(lead + (co.empty() ? "" : "、" + co) + "：");
        d.paragraph("现将" + p["session_name"].get<std::string>() + number_or_draft(p) + "提案《" +
                    p["title"].get<std::string>() + "》（提案人：" + p["proposer_name"].get<std::string>() +
                    "）交由你单位" + (co.empty() ? "办理" : "办理，其中" + lead + "主办，" + co + "协办") + "。");
        d.paragraph("请于" + sign_due + "前在系统中签收；如认为不属于本单位职责，请在签收期限内说明理由申请退回。");
        d.paragraph("办理中请主动与提案人沟通协商，并于" + reply_due +
                    "前按规定格式作出书面答复。协办单位请在一个月内将协办意见送主办单位。");
        d.paragraph("附件：提案原文");
        d.signature(committee_name(*c, p["committee_id"].get<int64_t>()) + "提案委员会");
        today_date(d);
        d.page_break();
        add_form(d, *c, p);
        return docx_file(d, "交办通知-" + number_or_draft(p) + ".docx");
      },
      {"下载交办通知（Word）", kTag});

  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/documents/reply-letter.docx",
            [&app](http::Request& req) {
              Json p = visible_detail(app, req);
              const Json* reply = nullptr;
              for (const auto& r : p["replies"]) reply = &r;  // the latest the caller may see
              if (!reply) throw ApiError::not_found("答复");
              static const std::map<std::string, std::string> kResult = {
                  {"A", "A类（已解决或采纳）"},
                  {"B", "B类（正在解决或列入计划）"},
                  {"C", "C类（因条件限制留作参考）"},
                  {"D", "D类（因政策等原因不能采纳，已作说明解释）"}};
              docx::Document d;
              d.title("关于政协" + p["session_name"].get<std::string>() + number_or_draft(p) + "提案的答复");
              d.plain(p["proposer_name"].get<std::string>() + "委员：");
              d.paragraph("您提出的《" + p["title"].get<std::string>() + "》收悉。现答复如下：");
              d.paragraph((*reply)["body"].get<std::string>());
              d.paragraph("感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。");
              auto it = kResult.find((*reply)["result_category"].get<std::string>());
              d.field("办理结果", it == kResult.end() ? (*reply)["result_category"].get<std::string>() : it->second);
              d.signature((*reply)["unit_name"].get<std::string>());
              today_date(d);
              return docx_file(d, "答复函-" + number_or_draft(p) + ".docx");
            },
            {"下载答复函（Word）", kTag});

  app.route(http::Method::GET, "/api/v1/proposals/compendium.docx",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              int64_t session_id = 0;
              auto ids = session_proposals(*c, req, session_id);
              std::string session = c->exec(sql::kSessionName, {session_id}).one().text(0);
              docx::Document d;
              d.title(session + "提案汇编");
              d.subtitle("共 " + std::to_string(ids.size()) + " 件");
              docx::Table index{{"编号", "案由", "提案人", "类别"}, {}, {22, 48, 18, 12}};
              std::vector<Json> all;
              for (int64_t id : ids) {
                Json p = proposal_detail(*c, req.user(), id);
                index.rows.push_back({number_or_draft(p), p["title"].get<std::string>(),
                                      p["proposer_name"].get<std::string>(), p["category"].get<std::string>()});
                all.push_back(std::move(p));
              }
              d.table(index);
              for (const auto& p : all) {
                d.page_break();
                add_form(d, *c, p);
              }
              return docx_file(d, session + "提案汇编.docx");
            },
            {"下载会议提案汇编（Word）", kTag});

  app.route(http::Method::GET, "/api/v1/proposals/export.xlsx",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              int64_t session_id = 0;
              auto ids = session_proposals(*c, req, session_id);
              std::string session = c->exec(sql::kSessionName, {session_id}).one().text(0);
              std::vector<std::vector<std::string>> rows;
              static const std::map<std::string, std::string> kSatisfaction = {
                  {"satisfied", "满意"}, {"basic", "基本满意"}, {"unsatisfied", "不满意"}};
              for (int64_t id : ids) {
                Json p = proposal_detail(*c, req.user(), id);
                std::string proposers = p["proposer_name"].get<std::string>();
                std::string co = cosigner_names(p);
                if (!co.empty()) proposers += "、" + co;
                auto text = [&](const char* k) { return p[k].is_null() ? std::string() : p[k].get<std::string>(); };
                std::string sat = text("satisfaction");
                auto it = kSatisfaction.find(sat);
                rows.push_back({number_or_draft(p), p["title"].get<std::string>(), proposers,
                                p["category"].get<std::string>(), units_of(p, "lead"), units_of(p, "co"),
                                p["state_label"].get<std::string>(), clock::local_day(text("submitted_at")),
                                clock::local_day(text("filed_at")), clock::local_day(text("replied_at")),
                                text("result_category"), it == kSatisfaction.end() ? sat : it->second});
              }
              return http::Response::file(kXlsxType,
                                          write_xlsx({"编号", "案由", "提案人", "类别", "主办单位", "协办单位", "状态",
                                                      "提交日期", "立案日期", "答复日期", "办理结果", "满意度"},
                                                     rows, session),
                                          session + "提案一览表.xlsx");
            },
            {"导出会议提案一览表（Excel）", kTag});
}

}  // namespace sl::proposals
