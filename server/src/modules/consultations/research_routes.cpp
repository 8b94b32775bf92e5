#include "modules/consultations/research_routes.hpp"

#include <algorithm>

#include "core/api/validation.hpp"
#include "core/app.hpp"
#include "core/clock.hpp"
#include "core/command.hpp"
#include "core/http/multipart.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/consultations/research.hpp"
#include "modules/consultations/route_support.hpp"
#include "modules/consultations/store.hpp"

namespace sl::consultations {

namespace {

using routes::kTag;

using routes::require_reader;

template <class Command>
http::Response run(App& app, const http::Request& req, Command&& command, int status = 200) {
  return routes::run(
      app, req, std::forward<Command>(command),
      [&](db::Connection& c, int64_t id) { return research_detail(c, req.user(), id); }, status);
}

/// Throws 404 when activity `id` is out of the caller's sight, 403 when the caller does not run
/// its topic: checked before a body's fields are read.
void require_runs(db::Connection& c, const Principal& p, int64_t id, const std::string& what) {
  Json r = research_detail(c, p, id);
  auto ref = topic_ref(c, p.committee_id, r["topic_id"].get<int64_t>());
  if (!is_office(p) && !staffs(p, ref.special_committee_id))
    throw ApiError::forbidden("只有政协办公室和牵头专委会可以" + what);
}

Json topic_research(db::Connection& c, const Principal& p, int64_t topic_id) {
  Json items = research_of_topic(c, p, topic_id);
  const size_t n = items.size();
  return {{"items", std::move(items)}, {"total", n}, {"can_create", may_create_research(c, p, topic_id)}};
}

}  // namespace

void register_research_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/consultations/topics/{id:int}/research",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              auto c = app.db().acquire();
              require_topic_visible(*c, req.user(), id);  // 404 for a topic out of sight
              return http::Response::json(topic_research(*c, req.user(), id));
            },
            {"议题的调研和视察（调研组、走访、照片和材料、调研报告及审定、可执行的操作）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/topics/{id:int}/research",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t topic = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_topic_visible(*c, req.user(), topic);
                if (!may_create_research(*c, req.user(), topic)) {
                  // The caller's right first (403), then the topic's state (409), before the fields.
                  auto ref = topic_ref(*c, req.user().committee_id, topic);
                  if (!is_office(req.user()) && !staffs(req.user(), ref.special_committee_id))
                    throw ApiError::forbidden("只有政协办公室和牵头专委会可以组织调研和视察");
                }
              }
              ResearchInput in = read_research_input(req.json(), true);
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return create_research(c, by, topic, in); },
                  201);
            },
            {"组织调研或视察（调研组、调研提纲）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/research/mine",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              return http::Response::json(my_research(*c, req.user(), clock::today()));
            },
            {"我参加的调研组（议题、担任角色、下次走访）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/research/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              return http::Response::json(research_detail(*c, req.user(), req.param_int("id")));
            },
            {"调研或视察活动", kTag});

  app.route(http::Method::PATCH, "/api/v1/consultations/research/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_runs(*c, req.user(), id, "修改调研活动");
              }
              ResearchInput in = read_research_input(req.json(), false);
              return run(app, req, [&](db::Connection& c, const Caller& by) { return update_research(c, by, id, in); });
            },
            {"修改调研活动（类别、名称、提纲、调研组）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/research/{id:int}/visits",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_runs(*c, req.user(), id, "登记调研走访");
              }
              VisitInput in = read_visit_input(req.json(), true);
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return add_research_visit(c, by, id, in); },
                  201);
            },
            {"登记调研走访（日期、地点、参加人员、情况记录）", kTag});

  app.route(http::Method::PATCH, "/api/v1/consultations/research-visits/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                int64_t research = research_of_visit(*c, id);
                if (!research) throw ApiError::not_found("调研走访");
                require_runs(*c, req.user(), research, "修改调研走访");
              }
              VisitInput in = read_visit_input(req.json(), false);
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return update_research_visit(c, by, id, in); });
            },
            {"修改调研走访记录", kTag});

  http::RouteMeta upload{"上传调研照片、材料或报告文件（?purpose=photo|material|report&visit_id=）", kTag};
  upload.max_body =
      std::min<size_t>(static_cast<size_t>(app.config.http.upload_limit), size_t{20} * 1024 * 1024 + size_t{64} * 1024);
  upload.body = http::BodyKind::multipart;
  app.route(
      http::Method::POST, "/api/v1/consultations/research/{id:int}/files",
      [&app](http::Request& req) {
        require_reader(req);
        int64_t id = req.param_int("id");
        auto file = http::uploaded_file(req);
        ResearchFileInput in;
        in.purpose = req.query_param("purpose").value_or("");
        in.visit_param = req.query_param("visit_id").value_or("");
        in.filename = std::move(file.filename);
        in.content = std::move(file.content);
        return run(
            app, req, [&](db::Connection& c, const Caller& by) { return add_research_file(c, by, id, in); }, 201);
      },
      upload);

  app.route(http::Method::GET, "/api/v1/consultations/research-files/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              auto f = research_file(*c, req.user(), req.param_int("id"));
              return http::Response::file(f.content_type, f.bytes, f.filename);
            },
            {"下载调研照片、材料或报告文件", kTag});

  app.route(http::Method::DELETE, "/api/v1/consultations/research-files/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return delete_research_file(c, by, id); });
            },
            {"删除调研文件", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/research/{id:int}/report",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_runs(*c, req.user(), id, "起草调研报告");
              }
              ReportDraftInput in = read_report_draft(req.json());
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return save_research_report(c, by, id, in); });
            },
            {"保存调研报告（每次保存为一个新版本）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/research/{id:int}/transitions",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              ResearchStepInput in = read_research_step(req.json());
              return run(app, req, [&](db::Connection& c, const Caller& by) {
                authorise_research_step(c, by, id, in);
                std::string note = read_research_step_note(in.action, req.json());
                return research_step(c, by, id, in, note);
              });
            },
            {"调研报告的审定（提交审定、审定定稿、退回修改）", kTag});
}

}  // namespace sl::consultations
