#include "modules/audit/audit_module.hpp"

#include "core/api/resource.hpp"
#include "modules/audit/permissions.hpp"
#include "modules/audit/query.hpp"

namespace sl {

void register_audit(App& app) {
  app.route(http::Method::GET, "/api/v1/audit",
            [&app](http::Request& req) {
              const auto& p = req.user();
              audit_module::require_audit_reader(p);
              auto q = api::parse_list_query(req);
              auto [where, params] = audit_module::read_filter(req, p.committee_id, q.q);
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
              audit_module::add_subject_labels(*c, p.committee_id, items);
              return http::Response::json(api::list_envelope(std::move(items), total, q));
            },
            {"审计日志（管理员）", "audit"});
}

}  // namespace sl
