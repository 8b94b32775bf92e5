#include "modules/proposals/reply_drafts.hpp"

#include <algorithm>
#include <map>

#include "core/api/validation.hpp"
#include "core/audit/audit.hpp"
#include "core/clock.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/command_route.hpp"
#include "modules/proposals/documents.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/permissions.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/settings.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kTag = "proposals";
constexpr size_t kMaxBody = 50000;  // as a submitted reply

const std::string kOpening =
    "您提出的《{title}》（{number}）收悉。我单位高度重视，经认真研究，现将办理情况答复如下：\n";
const std::string kThanks = "感谢您对我单位工作的关心和支持，欢迎继续提出宝贵意见。";

/// Replaces every {name} in `text` with its value.
std::string fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string key = "{" + name + "}";
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  }
  return text;
}

/// Whether the caller may submit a reply to the proposal in its state now.
bool may_reply(State state, const Relations& rel) {
  for (const auto& t : transitions())
    if (t.from == state && t.action == Action::submit_reply && rel.has(t.actor)) return true;
  return false;
}

struct ReplyScope {
  db::Row proposal;
  int64_t unit = 0;
  int64_t round = 1;
};

/// The proposal, checked: visible, in a state where the caller may submit the reply, and the unit
/// written for (one of the caller's lead units).
ReplyScope reply_scope(db::Connection& c, const Principal& user, int64_t id, std::optional<int64_t> unit_id) {
  db::Row p = load_visible(c, user, id);
  Relations rel = relations_of(c, user, id, p.integer("proposer_user_id"));
  if (rel.lead_units.empty()) throw ApiError::forbidden("只有主办单位可以撰写答复");
  if (!may_reply(*parse_state(p.text("state")), rel))
    throw ApiError(ErrorCode::illegal_transition, "提案当前不在答复阶段，不能撰写答复");
  int64_t unit = pick_unit(rel.lead_units, unit_id);
  int64_t round = p.integer("round");
  return {std::move(p), unit, round};
}

/// The fields of a draft (and of a preview) from the request body; `body` is required to save.
ReplyDraftInput read_draft_input(const http::Request& req, api::Presence body) {
  api::Validator v(req.json());
  ReplyDraftInput in;
  in.unit_id = v.id("unit_id", api::Presence::optional);
  in.result_category = v.text("result_category", api::Presence::optional, 1, true).value_or("");
  in.body = v.text("body", body, kMaxBody, true).value_or("");
  v.finish();
  return in;
}

/// The result category a template route names (A–D), or validation_failed.
const std::string& template_category(const http::Request& req) {
  const std::string& category = req.params.at("category");
  if (builtin_reply_template(category).empty()) throw ApiError::validation("category", "办理结果类别应为 A、B、C 或 D");
  return category;
}

/// The committee's templates of the result categories it uses, as the template routes answer.
Json templates_answer(db::Connection& c, int64_t committee_id, const Config& config) {
  return {{"items", reply_templates(c, committee_id, load_settings(c, committee_id, config).result_categories())}};
}

/// The wire name of a block of a document preview.
const char* block_name(docx::Block b) {
  switch (b) {
    case docx::Block::title:
      return "title";
    case docx::Block::subtitle:
      return "subtitle";
    case docx::Block::heading1:
    case docx::Block::heading2:
    case docx::Block::heading3:
      return "heading";
    case docx::Block::body:
      return "paragraph";
    case docx::Block::body_no_indent:
      return "plain";
    case docx::Block::signature:
      return "signature";
    case docx::Block::date:
      return "date";
    case docx::Block::table:
      return "table";
    case docx::Block::page_break:
      break;
  }
  return "plain";
}

}  // namespace

const std::string& builtin_reply_template(const std::string& category) {
  static const std::map<std::string, std::string> kTemplates = {
      {"A", kOpening + "一、基本情况\n【请说明提案所提问题的现状，以及我单位已开展的相关工作。】\n" +
                "二、办理情况\n【请逐条说明对各项建议的采纳和落实情况。】\n" +
                "三、下一步工作\n【请说明巩固办理成果的后续安排。】\n" +
                "您提出的建议我单位已予采纳，所提问题已经解决或基本解决。" + kThanks},
      {"B",
       kOpening + "一、基本情况\n【请说明提案所提问题的现状，以及我单位已开展的相关工作。】\n" +
           "二、办理情况\n【请逐条说明对各项建议的研究意见和正在推进的工作。】\n" +
           "三、工作计划\n【请说明列入计划的事项、完成时限和责任部门。】\n" +
           "您提出的建议我单位高度认同，相关工作正在推进并已列入工作计划，我们将按计划抓好落实，并及时向您通报进展。" +
           kThanks},
      {"C", kOpening + "一、基本情况\n【请说明提案所提问题的现状，以及我单位已开展的相关工作。】\n" +
                "二、研究情况\n【请说明对各项建议的研究意见，以及目前难以实施的原因（政策、资金、条件等）。】\n" +
                "三、下一步考虑\n【请说明为逐步推进拟创造的条件。】\n" +
                "您提出的建议很有价值，但受现有条件限制，目前尚难以全面实施，我们将留作今后工作参考，积极创造条件逐步推"
                "进。" +
                kThanks},
      {"D", kOpening + "一、基本情况\n【请说明提案所提问题的现状，以及我单位已开展的相关工作。】\n" +
                "二、说明解释\n【请说明不能采纳的政策依据或原因，并作解释。】\n" +
                "您提出的建议因上述原因暂不能采纳，特此说明，敬请谅解。" + kThanks},
  };
  static const std::string kNone;
  auto it = kTemplates.find(category);
  return it == kTemplates.end() ? kNone : it->second;
}

Json reply_templates(db::Connection& c, int64_t committee_id, const std::vector<std::string>& categories) {
  std::map<std::string, std::string> own;
  for (const auto& r : c.exec(sql::kReplyTemplatesOf, {committee_id}).rows) own[r.text(0)] = r.text(1);
  Json out = Json::object();
  for (const auto& cat : categories) {
    auto it = own.find(cat);
    out[cat] = {{"body", it == own.end() ? builtin_reply_template(cat) : it->second}, {"custom", it != own.end()}};
  }
  return out;
}

Json reply_draft(db::Connection& c, const Config& config, const Caller& by, int64_t id,
                 std::optional<int64_t> unit_id) {
  ReplyScope s = reply_scope(c, by.user, id, unit_id);
  const auto& p = s.proposal;
  Json out = {{"unit_id", s.unit}, {"round", s.round},      {"result_category", ""},     {"body", ""},
              {"source", "empty"}, {"updated_at", nullptr}, {"updated_by_name", nullptr}};
  auto d = c.exec(sql::kReplyDraft, {id, s.unit, s.round});
  if (!d.empty()) {
    const auto& r = d.one();
    out.update({{"result_category", r.text(0)},
                {"body", r.text(1)},
                {"source", "draft"},
                {"updated_at", r.text(2)},
                {"updated_by_name", r.text(3)}});
  } else if (auto back = c.exec(sql::kSentBackReply, {id, s.unit, s.round}); !back.empty()) {
    out.update({{"result_category", back.one().text(0)}, {"body", back.one().text(1)}, {"source", "sent_back"}});
  }
  // The templates, filled in for this proposal.
  const std::map<std::string, std::string> values = {
      {"title", p.text("title")}, {"number", p.text("number_label")}, {"proposer", p.text("proposer_name")}};
  auto categories = load_settings(c, by.user.committee_id, config).result_categories();
  Json templates = reply_templates(c, by.user.committee_id, categories);
  for (auto& [cat, t] : templates.items()) t["body"] = fill(t["body"].get<std::string>(), values);
  out["templates"] = templates;
  return out;
}

Json save_reply_draft(db::Connection& c, const Config& config, const Caller& by, int64_t id,
                      const ReplyDraftInput& in) {
  ReplyScope s = reply_scope(c, by.user, id, in.unit_id);
  if (!in.result_category.empty()) {
    auto allowed = load_settings(c, by.user.committee_id, config).result_categories();
    if (std::find(allowed.begin(), allowed.end(), in.result_category) == allowed.end())
      throw ApiError::validation("result_category", "办理结果不在本委员会启用的类别中");
  }
  c.exec(sql::kSaveReplyDraft,
         {id, s.unit, s.round, in.result_category, in.body, by.user.user_id, by.user.name, by.at()});
  return reply_draft(c, config, by, id, s.unit);
}

Json preview_reply_letter(db::Connection& c, const Caller& by, int64_t id, const ReplyDraftInput& in) {
  ReplyScope s = reply_scope(c, by.user, id, in.unit_id);
  auto unit = c.exec(sql::kUnitNameInCommittee, {s.unit, by.user.committee_id});
  Json reply = {{"unit_name", unit.empty() ? std::string() : unit.one().text(0)},
                {"body", in.body},
                {"result_category", in.result_category},
                {"created_at", by.at()},
                {"released_at", nullptr}};
  docx::Document d;
  add_reply_letter(d, proposal_detail(c, by.user, id), reply);
  Json blocks = Json::array();
  for (const auto& b : d.text_blocks()) blocks.push_back({{"kind", block_name(b.kind)}, {"text", b.text}});
  return {{"blocks", blocks}};
}

void register_reply_drafts(App& app) {
  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/reply-draft",
            [&app](http::Request& req) {
              std::optional<int64_t> unit = api::query_int(req, "unit_id");
              auto c = app.db().acquire();
              const Caller by = caller_of(req);
              return http::Response::json(reply_draft(*c, app.config, by, req.param_int("id"), unit));
            },
            {"本单位的答复草稿（含各办理结果类别的答复模板）", kTag});

  app.route(http::Method::PUT, "/api/v1/proposals/{id:int}/reply-draft",
            [&app](http::Request& req) {
              ReplyDraftInput in = read_draft_input(req, api::Presence::required);
              const Caller by = caller_of(req);
              Json out = app.db().transaction(
                  [&](db::Connection& c) { return save_reply_draft(c, app.config, by, req.param_int("id"), in); });
              return http::Response::json(out);
            },
            {"保存答复草稿", kTag});

  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/documents/reply-letter-preview",
            [&app](http::Request& req) {
              ReplyDraftInput in = read_draft_input(req, api::Presence::optional);
              const Caller by = caller_of(req);
              auto c = app.db().acquire();
              return http::Response::json(preview_reply_letter(*c, by, req.param_int("id"), in));
            },
            {"预览答复函（按正式版式逐段给出）", kTag});

  app.route(http::Method::GET, "/api/v1/proposals/reply-templates",
            [&app](http::Request& req) {
              const auto& user = req.user();
              if (!is_proposal_staff(user) && !user.has_any({Role::unit_staff, Role::unit_leader}))
                throw ApiError::forbidden("只有提案委和承办单位可以查看答复模板");
              auto c = app.db().acquire();
              return http::Response::json(templates_answer(*c, user.committee_id, app.config));
            },
            {"答复模板（按办理结果类别）", kTag});

  app.route(http::Method::PUT, "/api/v1/proposals/reply-templates/{category}",
            [&app](http::Request& req) {
              const auto& user = req.user();
              require_proposal_staff(user, "修改答复模板");
              const std::string& category = template_category(req);
              api::Validator v(req.json());
              auto body = v.text("body", api::Presence::required, kMaxBody);
              v.finish();
              app.db().transaction([&](db::Connection& c) {
                c.exec(sql::kSaveReplyTemplate, {user.committee_id, category, *body, db::now_iso()});
                auto e = audit::entry_by(user, req.remote_addr, "proposal.reply_template", "reply_template", category);
                e.after = {{"body", *body}};
                audit::record(c, e);
              });
              auto c = app.db().acquire();
              return http::Response::json(templates_answer(*c, user.committee_id, app.config));
            },
            {"修改答复模板", kTag});

  app.route(http::Method::DELETE, "/api/v1/proposals/reply-templates/{category}",
            [&app](http::Request& req) {
              const auto& user = req.user();
              require_proposal_staff(user, "恢复默认答复模板");
              const std::string& category = template_category(req);
              app.db().transaction([&](db::Connection& c) {
                c.exec(sql::kDeleteReplyTemplate, {user.committee_id, category});
                auto e =
                    audit::entry_by(user, req.remote_addr, "proposal.reply_template_reset", "reply_template", category);
                audit::record(c, e);
              });
              return http::Response::no_content();
            },
            {"恢复默认答复模板", kTag});
}

}  // namespace sl::proposals
