#include "modules/system/system_module.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/api/validation.hpp"
#include "core/app.hpp"
#include "core/clock.hpp"
#include "modules/consultations/follow_scan.hpp"
#include "modules/proposals/scheduler.hpp"
#include "modules/system/permissions.hpp"
#include "modules/system/queries.hpp"

namespace sl {

namespace {
constexpr const char* kTag = "system";

void register_test_routes(App& app) {
  // Hooks for the black-box and browser tests only; never registered in production.
  app.route(http::Method::GET, "/api/v1/test/slow",
            [](http::Request& req) {
              auto ms = api::query_int(req, "ms").value_or(1000);
              std::this_thread::sleep_for(std::chrono::milliseconds(std::clamp<int64_t>(ms, 0, 30000)));
              return http::Response::json({{"slept_ms", ms}});
            },
            {"测试：慢请求", kTag, http::Access::open});
  app.route(http::Method::GET, "/api/v1/test/captcha/{id}",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              auto r = c->exec(system_module::sql::kCaptchaAnswer, {req.params.at("id")});
              if (r.empty()) throw ApiError::not_found("验证码");
              return http::Response::json({{"answer", r.one().text(0)}});
            },
            {"测试：读取图形验证码答案", kTag, http::Access::open});
  app.route(http::Method::POST, "/api/v1/test/clock",
            [](http::Request& req) {
              api::Validator v(req.json());
              auto offset = v.integer("offset_seconds", api::Presence::required, -400LL * 86400, 4000LL * 86400);
              v.finish();
              clock::set_offset(*offset);
              return http::Response::json({{"offset_seconds", *offset}, {"today", clock::today()}});
            },
            {"测试：拨动服务器时钟", kTag, http::Access::open});
  app.route(http::Method::POST, "/api/v1/test/scheduler/run",
            [&app](http::Request&) {
              auto r = proposals::run_deadline_scan(app);
              auto f = consultations::run_follow_scan(app);
              return http::Response::json({{"ran", r.ran && f.ran},
                                           {"reminders", r.reminders},
                                           {"escalations", r.escalations},
                                           {"cosigners_expired", r.cosigners_expired},
                                           {"follow_reminders", f.reminders},
                                           {"follow_escalations", f.escalations}});
            },
            {"测试：立即运行期限扫描", kTag, http::Access::open});
}
}  // namespace

void register_system(App& app) {
  app.route(http::Method::GET, "/healthz",
            [&app](http::Request&) {
              try {
                auto c = app.db().acquire();
                c->exec(system_module::sql::kPing);
                return http::Response::json({{"status", "ok"}, {"database", "ok"}});
              } catch (const std::exception& e) {
                return http::Response::json({{"status", "error"}, {"database", "unreachable"}}, 503);
              }
            },
            {"健康检查（含数据库）", kTag, http::Access::open});

  app.route(http::Method::GET, "/metrics",
            [&app](http::Request& req) {
              if (!system_module::metrics_allowed(app.config, req))
                throw ApiError::forbidden("监控指标只对本机或持有监控令牌的请求开放");
              auto s = app.db().stats();
              std::string extra = fmt::format(
                  "# HELP shangliang_db_pool_connections Database connections by state.\n"
                  "# TYPE shangliang_db_pool_connections gauge\n"
                  "shangliang_db_pool_connections{{state=\"open\"}} {}\n"
                  "shangliang_db_pool_connections{{state=\"in_use\"}} {}\n"
                  "shangliang_db_pool_connections{{state=\"max\"}} {}\n"
                  "# HELP shangliang_db_pool_waits_total Times a request waited for a free connection.\n"
                  "# TYPE shangliang_db_pool_waits_total counter\n"
                  "shangliang_db_pool_waits_total {}\n",
                  s.open, s.in_use, s.max, s.waits);
              http::Response r;
              r.content_type = "text/plain; version=0.0.4; charset=utf-8";
              r.body = app.metrics.render(extra);
              return r;
            },
            {"Prometheus 指标", kTag, http::Access::open});

  app.route(http::Method::GET, "/api/v1/openapi.json",
            [&app](http::Request&) { return http::Response::json(app.router.openapi()); },
            {"OpenAPI 接口描述", kTag, http::Access::open});

  if (const char* t = std::getenv("SHANGLIANG_TEST_ROUTES"); t && std::string(t) == "1") register_test_routes(app);
}

}  // namespace sl
