#include "modules/proposals/documents.hpp"

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/api/resource.hpp"
#include "core/auth/queries.hpp"
#include "core/clock.hpp"
#include "core/docx/docx.hpp"
#include "core/sheet/sheet.hpp"
#include "core/utf8.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/permissions.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kTag = "proposals";
constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string committee_name(db::Connection& c, int64_t committee_id) {
  return c.exec(platform_sql::kCommitteeName, {committee_id}).one().text(0);
}

std::string text_of(const Json& v) {
  return v.is_string() ? v.get<std::string>() : std::string();
}

/// A date as documents write it, "2026年11月9日" (clock::chinese_day), of a JSON value.
std::string cn_day(const Json& v) {
  return clock::chinese_day(text_of(v));
}

/// The date line of a document: the day of the act it records.
void act_date(docx::Document& d, const Json& when) {
  std::string day = cn_day(when);
  if (!day.empty()) d.block(docx::Block::date, day);
}

/// The proposal's number as a label on its own: "十四届五次会议 第0082号" (the number label
/// already names the session), or the session and "（未立案）".
std::string number_or_draft(const Json& p) {
  if (p["number_label"].is_null()) return text_of(p["session_name"]) + "（未立案）";
  return p["number_label"].get<std::string>();
}

/// The number inside a sentence: "十四届五次会议第0082号".
std::string number_in_text(const Json& p) {
  std::string out;
  for (char ch : number_or_draft(p))
    if (ch != ' ') out += ch;
  return out;
}

std::string units_of(const Json& p, const std::string& role) {
  std::string out;
  for (const auto& a : p["assignments"])
    if (a["state"] != "reassigned" && (role.empty() || a["role"] == role))
      out += (out.empty() ? "" : "、") + a["unit_name"].get<std::string>();
  return out;
}

/// Co-signers who stand on the proposal: not those who declined or let the window close.
bool cosigner_stands(const Json& x) {
  return x["status"] != "declined" && x["status"] != "expired";
}

std::string cosigner_names(const Json& p) {
  std::string out;
  for (const auto& x : p["cosigners"])
    if (cosigner_stands(x)) out += (out.empty() ? "" : "、") + x["name"].get<std::string>();
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
  d.subtitle(p["number_label"].is_null() ? text_of(p["session_name"]) + "　（未立案）" : number_or_draft(p));
  d.field("案由", p["title"].get<std::string>());
  d.field("提案人", p["proposer_name"].get<std::string>());
  std::string co = cosigner_names(p);
  if (!co.empty()) d.field("联名人", co);
  std::string submitted = cn_day(p["submitted_at"]);
  d.field("提交日期", submitted.empty() ? "（未提交）" : submitted);
  d.field("类别", p["category"].get<std::string>().empty() ? "未分类" : p["category"].get<std::string>());
  if (!p["keywords"].get<std::string>().empty()) d.field("关键词", p["keywords"].get<std::string>());
  std::string units = units_of(p, "");
  if (!units.empty()) d.field("承办单位", units);
  d.field("是否同意公开", p["consent_publish"].get<bool>() ? "同意" : "不同意");
  add_sections(d, p);
}

// ---------- the reply letter (答复函) ----------

size_t chars(const std::string& s) {
  return decode_utf8(s).size();
}

bool contains(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}

/// Trims ASCII and ideographic spaces from both ends.
std::string trimmed(std::string s) {
  auto strip = [&s] {
    bool changed = true;
    while (changed) {
      changed = false;
      if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back(), changed = true;
      if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1), changed = true;
      if (s.ends_with("　")) s.resize(s.size() - 3), changed = true;
      if (s.starts_with("　")) s.erase(0, 3), changed = true;
    }
  };
  strip();
  return s;
}

/// A salutation line of its own ("王敏委员等：", "民盟汉江区委："): short, ends with a colon, no
/// sentence inside it, and not the "现答复如下：" that ends an opening.
bool is_salutation(const std::string& line) {
  if (!(line.ends_with("：") || line.ends_with(":")) || chars(line) > 40) return false;
  for (const char* p : {"。", "，", "；", "如下", "答复", "收悉"})
    if (contains(line, p)) return false;
  return true;
}

/// A date line: "2026年10月28日" or "2026-10-28".
bool is_date_line(const std::string& line) {
  int y = 0, m = 0, d = 0;
  char rest = 0;
  if (std::sscanf(line.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3) return true;
  std::u32string u = decode_utf8(line);
  if (u.empty() || u.back() != U'日') return false;
  for (char32_t ch : u)
    if (!((ch >= U'0' && ch <= U'9') ||
          std::u32string_view(U"年月日一二三四五六七八九十〇零").find(ch) != std::u32string_view::npos))
      return false;
  return contains(line, "年") && contains(line, "月");
}

/// A note under the date ("（联系人：张涛，联系电话：027-83611002）").
bool is_note(const std::string& line) {
  return (line.starts_with("（") || line.starts_with("(")) && (line.ends_with("）") || line.ends_with(")"));
}

/// A sender's name standing alone: short, no punctuation.
bool is_sender(const std::string& line, const std::string& unit) {
  if (line == unit) return true;
  if (line.empty() || chars(line) > 30) return false;
  for (const char* p : {"。", "，", "；", "：", "！", "？", ":", ",", "、"})
    if (contains(line, p)) return false;
  return true;
}

/// A closing of thanks ("感谢您对……的关心和支持") or "此复" / "特此函复".
bool is_closing(const std::string& line) {
  return (contains(line, "感谢") && (contains(line, "支持") || contains(line, "关心"))) || contains(line, "此复") ||
         contains(line, "函复");
}

/// The unit's reply text cut into the parts of a letter: its own salutation, the body, whether it
/// opens ("……收悉") and closes by itself, and the notes after its own signature and date (which
/// are left out: the letter signs once, with the unit and the date of release).
struct ReplyParts {
  std::string salutation;
  std::vector<std::string> body;
  bool opens = false;
  bool closes = false;
  std::vector<std::string> notes;
};

ReplyParts reply_parts(const std::string& text, const std::string& unit) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    lines.push_back(trimmed(text.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  auto drop_blank_ends = [&lines] {
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  };
  drop_blank_ends();
  ReplyParts out;
  if (!lines.empty() && is_salutation(lines.front())) {
    out.salutation = lines.front();
    lines.erase(lines.begin());
    drop_blank_ends();
  } else if (!lines.empty()) {
    // "王敏委员：您提出的……": a salutation that runs on into the first paragraph.
    size_t colon = lines.front().find("：");
    if (colon != std::string::npos && colon + 3 < lines.front().size()) {
      std::string head = lines.front().substr(0, colon + 3);
      if (is_salutation(head) && (contains(head, "委员") || contains(head, "同志"))) {
        out.salutation = head;
        lines.front() = trimmed(lines.front().substr(colon + 3));
      }
    }
  }
  // From the end: notes, then the date, then the sender.
  std::vector<std::string> notes;
  while (!lines.empty() && is_note(lines.back())) {
    notes.insert(notes.begin(), lines.back());
    lines.pop_back();
    drop_blank_ends();
  }
  bool dated = false;
  if (!lines.empty() && is_date_line(lines.back())) {
    dated = true;
    lines.pop_back();
    drop_blank_ends();
  }
  if (!lines.empty() && (dated || lines.back() == unit) && is_sender(lines.back(), unit)) {
    lines.pop_back();
    drop_blank_ends();
  } else if (!dated) {
    // No signature block: the notes stay where the unit put them.
    lines.insert(lines.end(), notes.begin(), notes.end());
    notes.clear();
  }
  out.notes = std::move(notes);
  for (size_t i = 0; i < lines.size() && i < 2; ++i)
    if (contains(lines[i], "收悉")) out.opens = true;
  for (size_t i = lines.size(); i > 0 && i + 2 > lines.size(); --i)
    if (is_closing(lines[i - 1])) out.closes = true;
  // Blank lines inside the body are not paragraphs of the letter.
  for (auto& l : lines)
    if (!l.empty()) out.body.push_back(std::move(l));
  return out;
}

/// "王敏委员、李军委员：": the proposer and the co-signers who stand on it; a group by its name.
std::string salutation_of(const Json& p) {
  if (!p["group_type"].is_null()) return p["proposer_name"].get<std::string>() + "：";
  std::string out = p["proposer_name"].get<std::string>() + "委员";
  for (const auto& x : p["cosigners"])
    if (x["status"] == "confirmed") out += "、" + x["name"].get<std::string>() + "委员";
  return out + "：";
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

void add_reply_letter(docx::Document& d, const Json& p, const Json& reply) {
  static const std::map<std::string, std::string> kResult = {{"A", "A类（已解决或采纳）"},
                                                             {"B", "B类（正在解决或列入计划）"},
                                                             {"C", "C类（因条件限制留作参考）"},
                                                             {"D", "D类（因政策等原因不能采纳，已作说明解释）"}};
  const std::string unit = reply["unit_name"].get<std::string>();
  ReplyParts parts = reply_parts(reply["body"].get<std::string>(), unit);
  d.title("关于政协" + number_in_text(p) + "提案的答复");
  auto it = kResult.find(reply["result_category"].get<std::string>());
  d.field("办理结果", it == kResult.end() ? reply["result_category"].get<std::string>() : it->second);
  bool own_salutation = !parts.salutation.empty();
  // A member's letter names everyone who stands on the proposal: "赵敏委员等：" becomes
  // "赵敏委员、陈艳委员："; a group's own salutation is kept as the unit wrote it.
  bool names_proposer = contains(parts.salutation, p["proposer_name"].get<std::string>().c_str());
  bool widen = own_salutation && p["group_type"].is_null() && names_proposer;
  d.plain(own_salutation && !widen ? parts.salutation : salutation_of(p));
  std::string you = p["group_type"].is_null() ? "您" : "你们";
  if (!own_salutation && !parts.opens)
    d.paragraph(you + "提出的《" + p["title"].get<std::string>() + "》收悉。现答复如下：");
  for (const auto& line : parts.body) d.paragraph(line);
  if (!parts.closes) d.paragraph("感谢" + you + "对我们工作的关心和支持，欢迎继续提出宝贵意见。");
  d.signature(unit);
  act_date(d, reply["released_at"].is_null() ? reply["created_at"] : reply["released_at"]);
  for (const auto& n : parts.notes) d.plain(n);
}

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

  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/documents/assignment-notice.docx",
            [&app](http::Request& req) {
              Json p = visible_detail(app, req);
              if (p["assignments"].empty()) throw ApiError(ErrorCode::illegal_transition, "该提案尚未交办");
              auto c = app.db().acquire();
              std::string lead = units_of(p, "lead"), co = units_of(p, "co");
              std::string sign_due, reply_due;
              Json assigned_at = p["assigned_at"];
              for (const auto& a : p["assignments"])
                if (a["state"] != "reassigned") {
                  sign_due = cn_day(a["sign_due"]);
                  reply_due = cn_day(a["reply_due"]);
                  if (a.contains("assigned_at")) assigned_at = a["assigned_at"];  // the latest assignment
                }
              docx::Document d;
              d.title("关于交办政协提案的通知");
              d.plain(lead + (co.empty() ? "" : "、" + co) + "：");
              d.paragraph("现将政协" + number_in_text(p) + "提案《" + p["title"].get<std::string>() + "》（提案人：" +
                          p["proposer_name"].get<std::string>() + "）交由你单位" +
                          (co.empty() ? "办理" : "办理，其中" + lead + "主办，" + co + "协办") + "。");
              d.paragraph((sign_due.empty() ? std::string("请") : "请于" + sign_due + "前") +
                          "在系统中签收；如认为不属于本单位职责，请在签收期限内说明理由申请退回。");
              d.paragraph("办理中请主动与提案人沟通协商，并" +
                          (reply_due.empty() ? std::string("在规定期限内") : "于" + reply_due + "前") +
                          "按规定格式作出书面答复。协办单位请在一个月内将协办意见送主办单位。");
              d.paragraph("附件：提案原文");
              d.signature(committee_name(*c, p["committee_id"].get<int64_t>()) + "提案委员会");
              act_date(d, assigned_at);
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
              docx::Document d;
              add_reply_letter(d, p, *reply);
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
