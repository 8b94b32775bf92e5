#include "modules/consultations/deliberation_routes.hpp"

#include "core/app.hpp"
#include "core/clock.hpp"
#include "core/command.hpp"
#include "modules/consultations/deliberation.hpp"
#include "modules/consultations/deliberation_notices.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/consultations/route_support.hpp"

namespace sl::consultations {

namespace {

using routes::kTag;

using routes::require_reader;

template <class Command>
http::Response run(App& app, const http::Request& req, Command&& command, int status = 200) {
  return routes::run(
      app, req, std::forward<Command>(command),
      [&](db::Connection& c, int64_t id) { return deliberation_of_topic(c, req.user(), id, clock::now()); }, status);
}

}  // namespace

void register_deliberation_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/consultations/topics/{id:int}/deliberation",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              return http::Response::json(deliberation_of_topic(*c, req.user(), req.param_int("id"), clock::now()));
            },
            {"议题的网络议政（时间窗口、受邀委员、可见的意见、已选入成果的意见、可执行的操作）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/topics/{id:int}/deliberation",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t topic = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_topic_runner(*c, req.user(), topic, "开展网络议政");
              }
              DeliberationInput in = read_deliberation_input(req.json());
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return open_deliberation(c, by, topic, in); },
                  201);
            },
            {"开展网络议政（议题、起止时间、邀请委员：按名单、界别、专委会、党派、常委）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/deliberations/mine",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              return http::Response::json(my_deliberations(*c, req.user(), clock::now()));
            },
            {"我受邀参加、尚未截止的网络议政", kTag});

  app.route(http::Method::PATCH, "/api/v1/consultations/deliberations/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_deliberation_runner(*c, req.user(), id, false, "修改网络议政");
              }
              DeliberationChange in = read_deliberation_change(req.json());
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return change_deliberation(c, by, id, in); });
            },
            {"修改网络议政（议题说明、开始时间、延长截止时间）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/deliberations/{id:int}/close",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_deliberation_runner(*c, req.user(), id, false, "结束网络议政");
              }
              int64_t version = read_close(req.json());
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return close_deliberation(c, by, id, version); });
            },
            {"提前结束网络议政", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/deliberations/{id:int}/invitees",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_deliberation_runner(*c, req.user(), id, false, "邀请委员参加网络议政");
              }
              DeliberationInvite in = read_deliberation_invite(req.json());
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return invite_to_deliberation(c, by, id, in); });
            },
            {"增加网络议政的受邀委员", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/deliberations/{id:int}/opinions",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                authorise_opinion_post(*c, req.user(), id, clock::now());
              }
              std::string body = read_opinion_body(req.json());
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return post_opinion(c, by, id, body); }, 201);
            },
            {"受邀委员在网络议政期间发表意见", kTag});

  app.route(http::Method::PATCH, "/api/v1/consultations/deliberation-opinions/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                authorise_own_opinion(*c, req.user(), id, clock::now());
              }
              std::string body = read_opinion_body(req.json());
              return run(app, req, [&](db::Connection& c, const Caller& by) { return edit_opinion(c, by, id, body); });
            },
            {"修改本人待审核的意见", kTag});

  app.route(http::Method::DELETE, "/api/v1/consultations/deliberation-opinions/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              return run(app, req, [&](db::Connection& c, const Caller& by) { return withdraw_opinion(c, by, id); });
            },
            {"撤回本人待审核的意见", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/deliberation-opinions/{id:int}/moderation",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_deliberation_runner(*c, req.user(), id, true, "审核意见");
              }
              ModerationInput in = read_moderation(req.json());
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return moderate_opinion(c, by, id, in); });
            },
            {"审核意见（发布，或注明理由隐藏）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/deliberation-opinions/{id:int}/selection",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_deliberation_runner(*c, req.user(), id, true, "将意见选入协商成果");
              }
              bool selected = read_selection(req.json());
              return run(app, req,
                         [&](db::Connection& c, const Caller& by) { return select_opinion(c, by, id, selected); });
            },
            {"将意见选入协商成果，或取消选入", kTag});

  subscribe_deliberation_notices(app);
}

}  // namespace sl::consultations
