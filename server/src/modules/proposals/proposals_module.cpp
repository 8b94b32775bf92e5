#include "modules/proposals/proposals_module.hpp"

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "core/clock.hpp"
#include "modules/proposals/attachments.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/command_route.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/documents.hpp"
#include "modules/proposals/face_to_face.hpp"
#include "modules/proposals/follow_ups.hpp"
#include "modules/proposals/history_import.hpp"
#include "modules/proposals/permissions.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/reply_drafts.hpp"
#include "modules/proposals/settings.hpp"
#include "modules/proposals/store.hpp"
#include "modules/proposals/workflow.hpp"

namespace sl {

namespace {
constexpr const char* kTag = "proposals";

/// A draft route's description with its request schema (the editor reads the field limits).
http::RouteMeta draft_meta(const char* summary, bool creating) {
  http::RouteMeta m{summary, kTag};
  m.request_schema = proposals::draft_request_schema(creating);
  return m;
}

Json public_item(const db::Row& r) {
  return {{"id", r.integer("id")},
          {"number_label", r.text("number_label")},
          {"title", r.text("title")},
          {"category", r.text("category")},
          {"proposer_name", r.text("proposer_name")},
          {"result_category", r.is_null("result_category") ? Json(nullptr) : Json(r.text("result_category"))},
          {"published_at", r.text("published_at")}};
}

void register_public(App& app) {
  app.route(
      http::Method::GET, "/api/v1/public/proposals",
      [&app](http::Request& req) {
        auto q = api::parse_list_query(req);
        std::vector<db::Value> params;
        std::string where = "published = 1";
        if (auto v = api::query_int(req, "committee_id")) where += " AND committee_id = " + api::add_param(params, *v);
        if (auto v = api::query_int(req, "session_id")) where += " AND session_id = " + api::add_param(params, *v);
        if (auto v = req.query_param("category"); v && !v->empty())
          where += " AND category = " + api::add_param(params, *v);
        if (!q.q.empty()) where += " AND title LIKE " + api::add_param(params, "%" + q.q + "%");
        auto c = app.db().acquire();
        int64_t total = c->exec(proposals::sql::kCountPublicProposalsWhere + where, params).one().integer(0);
        Json items = Json::array();
        for (const auto& r :
             c->exec(proposals::sql::kListPublicProposalsWhere + where + " ORDER BY published_at DESC, id DESC LIMIT " +
                         api::add_param(params, q.page_size) + " OFFSET " + api::add_param(params, q.offset()),
                     params)
                 .rows)
          items.push_back(public_item(r));
        return http::Response::json(api::list_envelope(std::move(items), total, q));
      },
      {"公开的提案（无需登录）", kTag, http::Access::open});

  app.route(http::Method::GET, "/api/v1/public/proposals/{id:int}",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto r = c->exec(proposals::sql::kPublishedProposal, {req.param_int("id")});
              if (r.empty()) throw ApiError::not_found("公开的提案");
              Json item = public_item(r.one());
              for (const char* f : {"situation", "analysis", "suggestions"}) item[f] = r.one().text(f);
              Json replies = Json::array();
              for (const auto& x : c->exec(proposals::sql::kReleasedRepliesOfProposal, {req.param_int("id")}).rows)
                replies.push_back({{"unit_name", x.text(3)},
                                   {"body", x.text(0)},
                                   {"result_category", x.text(1)},
                                   {"released_at", x.text(2)}});
              item["replies"] = replies;
              return http::Response::json(item);
            },
            {"公开的提案及答复（无需登录）", kTag, http::Access::open});
}

void register_calendar(App& app) {
  auto authorize = [](const http::Request& req) { proposals::require_proposal_staff(req.user(), "维护工作日历"); };
  app.route(http::Method::GET, "/api/v1/calendar-days",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              // A committee's calendar starts from the national holidays shipped as data.
              proposals::seed_public_holidays(*c, req.user().committee_id);
              Json items = Json::array();
              for (const auto& r : c->exec(proposals::sql::kListCalendarDays, {req.user().committee_id}).rows)
                items.push_back({{"day", r.text(0)}, {"kind", r.text(1)}, {"name", r.text(2)}});
              return http::Response::json(
                  {{"items", items}, {"total", items.size()}, {"page", 1}, {"page_size", items.size()}});
            },
            {"工作日历：节假日与调休上班日", kTag});
  app.route(http::Method::POST, "/api/v1/calendar-days",
            [&app, authorize](http::Request& req) {
              authorize(req);
              api::Validator v(req.json());
              auto day = v.date("day", api::Presence::required);
              auto kind = v.one_of("kind", api::Presence::required, {"holiday", "workday"});
              auto name = v.text("name", api::Presence::optional, 30, true);
              v.finish();
              Json after = {{"day", *day}, {"kind", *kind}, {"name", name.value_or("")}};
              // Replace and audit in one transaction: every deadline of the committee counts these days.
              app.db().transaction([&](db::Connection& c) {
                auto before = c.exec(proposals::sql::kCalendarDay, {req.user().committee_id, *day});
                c.exec(proposals::sql::kDeleteCalendarDay, {req.user().committee_id, *day});
                c.exec(proposals::sql::kInsertCalendarDay, {req.user().committee_id, *day, *kind, name.value_or("")});
                auto e = audit::entry_for(req, "calendar.set", "calendar_day", *day);
                if (!before.empty())
                  e.before = {{"day", *day}, {"kind", before.one().text(0)}, {"name", before.one().text(1)}};
                e.after = after;
                audit::record(c, e);
              });
              return http::Response::json(after, 201);
            },
            {"设置节假日或调休上班日", kTag});
  app.route(http::Method::DELETE, "/api/v1/calendar-days/{day}",
            [&app, authorize](http::Request& req) {
              authorize(req);
              const std::string& day = req.params.at("day");
              app.db().transaction([&](db::Connection& c) {
                auto before = c.exec(proposals::sql::kCalendarDay, {req.user().committee_id, day});
                if (before.empty()) throw ApiError::not_found("日历设置");
                c.exec(proposals::sql::kDeleteCalendarDay, {req.user().committee_id, day});
                auto e = audit::entry_for(req, "calendar.delete", "calendar_day", day);
                e.before = {{"day", day}, {"kind", before.one().text(0)}, {"name", before.one().text(1)}};
                audit::record(c, e);
              });
              return http::Response::no_content();
            },
            {"删除节假日或调休设置", kTag});
}
}  // namespace

void register_proposals(App& app) {
  app.route(http::Method::GET, "/api/v1/proposals/workflow",
            [](http::Request&) { return http::Response::json(proposals::workflow_json()); },
            {"提案流程：状态、操作与流转表", kTag});
  app.route(http::Method::GET, "/api/v1/proposals/decline-reasons",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(
                  {{"items", proposals::load_settings(*c, req.user().committee_id, app.config).decline_reasons}});
            },
            {"不立案理由（本委员会的提案设置）", kTag});
  app.route(http::Method::GET, "/api/v1/proposals",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(proposals::proposal_list(*c, req));
            },
            {"提案列表（按角色限定范围）", kTag});
  app.route(
      http::Method::POST, "/api/v1/proposals",
      [&app](http::Request& req) {
        return http::Response::json(proposals::run_command(app, req,
                                                           [&](db::Connection& c, const proposals::Caller& by) {
                                                             return proposals::create_proposal(c, app.config, by,
                                                                                               req.json());
                                                           }),
                                    201);
      },
      draft_meta("新建提案草稿", true));
  app.route(http::Method::GET, "/api/v1/proposals/{id:int}",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(proposals::proposal_detail(*c, req.user(), req.param_int("id")));
            },
            {"提案详情（含当前可执行的操作）", kTag});
  app.route(
      http::Method::PATCH, "/api/v1/proposals/{id:int}",
      [&app](http::Request& req) {
        return http::Response::json(
            proposals::run_command(app, req, [&](db::Connection& c, const proposals::Caller& by) {
              return proposals::update_proposal(c, app.config, by, req.param_int("id"), req.json());
            }));
      },
      draft_meta("修改提案草稿", false));
  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/transitions",
            [&app](http::Request& req) {
              auto in = proposals::read_transition_input(req.json());
              return http::Response::json(
                  proposals::run_command(app, req, [&](db::Connection& c, const proposals::Caller& by) {
                    return proposals::perform_transition(c, app.config, by, req.param_int("id"), in, req.json());
                  }));
            },
            {"执行提案流程操作", kTag});
  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/history",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              proposals::load_visible(*c, req.user(), req.param_int("id"));
              Json items = Json::array();
              for (const auto& r : c->exec(proposals::sql::kHistoryOfProposal, {req.param_int("id")}).rows)
                items.push_back({{"id", r.integer("id")},
                                 {"at", r.text("at")},
                                 {"actor_name", r.text("actor_name")},
                                 {"role", r.text("role")},
                                 {"action", r.text("action")},
                                 {"from", r.text("from_state")},
                                 {"to", r.text("to_state")},
                                 {"payload", Json::parse(r.text("payload"), nullptr, false)}});
              return http::Response::json({{"items", items}});
            },
            {"提案办理全过程记录", kTag});
  register_public(app);
  register_calendar(app);
  proposals::register_documents(app);
  proposals::register_attachments(app);
  proposals::register_follow_ups(app);
  proposals::register_history_import(app);
  proposals::register_settings(app);
  proposals::register_face_to_face(app);
  proposals::register_reply_drafts(app);
}

}  // namespace sl
