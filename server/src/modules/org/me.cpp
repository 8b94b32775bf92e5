#include "modules/org/me.hpp"

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "modules/auth/sms_codes.hpp"
#include "modules/org/specs.hpp"

namespace sl::org {

void register_me(App& app) {
  app.route(
      http::Method::GET, "/api/v1/me/member",
      [&app](http::Request& req) {
        const auto& p = req.user();
        auto c = app.db().acquire();
        auto r = c->exec("SELECT * FROM members WHERE user_id = $1 AND committee_id = $2", {p.user_id, p.committee_id});
        if (r.empty()) throw ApiError::not_found("本人的委员信息");
        auto spec = member_spec(app);
        Json item = api::row_to_json(r.one(), spec);
        spec.decorate(*c, req, item);
        return http::Response::json(item);
      },
      {"我的委员信息", "org"});

  app.route(
      http::Method::POST, "/api/v1/me/mobile",
      [&app](http::Request& req) {
        api::Validator v(req.json());
        auto mobile = v.mobile("mobile", api::Presence::required);
        auto code = v.text("code", api::Presence::required, 6);
        v.finish();
        const auto& p = req.user();
        auto c = app.db().acquire();
        auth_module::verify_sms_code(*c, *mobile, "change_mobile", *code);
        c->begin();
        try {
          if (!c->exec("SELECT 1 FROM users WHERE mobile = $1 AND id <> $2", {*mobile, p.user_id}).empty())
            throw ApiError::validation("mobile", "该手机号已被其他账号使用");
          auto before = c->exec("SELECT mobile FROM users WHERE id = $1", {p.user_id}).one().text(0);
          c->exec("UPDATE users SET mobile = $1, updated_at = $2 WHERE id = $3", {*mobile, db::now_iso(), p.user_id});
          c->exec("UPDATE members SET mobile = $1, updated_at = $2 WHERE user_id = $3",
                  {*mobile, db::now_iso(), p.user_id});
          auto e = audit::entry_for(req, "user.change_mobile", "user", std::to_string(p.user_id));
          e.before = {{"mobile", before}};
          e.after = {{"mobile", *mobile}};
          audit::record(*c, e);
          c->commit();
        } catch (...) {
          c->rollback();
          throw;
        }
        return http::Response::json({{"mobile", *mobile}});
      },
      {"更换本人手机号（短信验证）", "org"});
}

}  // namespace sl::org
