#include "modules/audit/audit_module.hpp"

#include "core/api/resource.hpp"
#include "modules/audit/permissions.hpp"

namespace sl {

void register_audit(App& app) {
  app.route(http::Method::GET, "/api/v1/audit",
            [&app](http::Request& req) {
              const auto& p = req.user();
              audit_module::require_audit_reader(p);
              auto q = api::parse_list_query(req);
              std::vector<db::Value> params;
              std::string where = "committee_id = " + api::add_param(params, p.committee_id);
              if (auto v = req.query_param("action"); v && !v->empty())
                where += " AND action LIKE " + api::add_param(params, *v + "%");
              if (auto v = req.query_param("subject_type"); v && !v->empty())
                where += " AND subject_type = " + api::add_param(params, *v);
              if (auto v = req.query_param("subject_id"); v && !v->empty())
                where += " AND subject_id = " + api::add_param(params, *v);
              if (auto v = api::query_int(req, "actor")) where += " AND actor_user_id = " + api::add_param(params, *v);
              for (const char* k : {"from", "to"}) {
                auto v = req.query_param(k);
                if (!v || v->empty()) continue;
                if (!api::is_date(*v)) throw ApiError::validation(k, "日期格式应为 YYYY-MM-DD");
                where += std::string(" AND at ") + (std::string(k) == "from" ? ">= " : "< ") +
                         api::add_param(params, std::string(k) == "from" ? *v : *v + "T99");
              }
              if (!q.q.empty()) {
                std::string like = "%" + q.q + "%";
                where += " AND (actor_name LIKE " + api::add_param(params, like) + " OR action LIKE " +
                         api::add_param(params, like) + ")";
              }
              auto c = app.db().acquire();
              int64_t total = c->exec("SELECT COUNT(*) FROM audit_log WHERE " + where, params).one().integer(0);
              auto rows = c->exec(
                  "SELECT id, at, actor_user_id, actor_name, role, address, action, subject_type, subject_id, "
                  "before_json, after_json FROM audit_log WHERE " +
                      where + " ORDER BY id DESC LIMIT " + api::add_param(params, q.page_size) + " OFFSET " +
                      api::add_param(params, q.offset()),
                  params);
              Json items = Json::array();
              for (const auto& r : rows.rows) {
                auto parse = [&](const char* col) {
                  return r.is_null(col) ? Json(nullptr) : Json::parse(r.text(col), nullptr, false);
                };
                items.push_back(
                    {{"id", r.integer("id")},
                     {"at", r.text("at")},
                     {"actor_user_id", r.opt_int("actor_user_id") ? Json(*r.opt_int("actor_user_id")) : Json(nullptr)},
                     {"actor_name", r.text("actor_name")},
                     {"role", r.text("role")},
                     {"address", r.text("address")},
                     {"action", r.text("action")},
                     {"subject_type", r.text("subject_type")},
                     {"subject_id", r.text("subject_id")},
                     {"before", parse("before_json")},
                     {"after", parse("after_json")}});
              }
              return http::Response::json(api::list_envelope(std::move(items), total, q));
            },
            {"审计日志（管理员）", "audit"});
}

}  // namespace sl
