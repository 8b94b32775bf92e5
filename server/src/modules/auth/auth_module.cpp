#include "modules/auth/auth_module.hpp"

#include "core/api/validation.hpp"
#include "core/app.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/session_store.hpp"
#include "modules/auth/captcha_store.hpp"
#include "modules/auth/login.hpp"
#include "modules/auth/permissions.hpp"
#include "modules/auth/sms_codes.hpp"
#include "modules/auth/user_view.hpp"

namespace sl {

namespace {
constexpr const char* kTag = "auth";

http::RouteMeta open_meta(std::string summary) {
  http::RouteMeta m{std::move(summary), kTag, http::Access::open};
  m.rate_limited = true;
  return m;
}

http::RouteMeta pending_ok(std::string summary) {
  http::RouteMeta m{std::move(summary), kTag, http::Access::session};
  m.allow_password_change_pending = true;
  return m;
}

/// Answers a fresh session: cookie plus {user, csrf_token}.
http::Response session_answer(App& app, db::Connection& c, int64_t user_id, const http::Request& req) {
  auto s = auth::create_session(c, user_id, 0, req.remote_addr);
  auto committee = c.exec("SELECT committee_id FROM auth_sessions WHERE token_hash = $1", {auth::sha256_hex(s.token)})
                       .one()
                       .opt_int("committee_id")
                       .value_or(0);
  auto res =
      http::Response::json({{"user", auth_module::user_view(c, user_id, committee)}, {"csrf_token", s.csrf_token}});
  res.set_header("Set-Cookie", auth::session_cookie(s.token, app.config.session.secure_cookie));
  return res;
}

void require_captcha(db::Connection& c, api::Validator& v) {
  auto id = v.text("captcha_id", api::Presence::required, 64);
  auto answer = v.text("captcha_answer", api::Presence::required, 16);
  v.finish();
  if (!auth_module::consume_captcha(c, *id, *answer))
    throw ApiError(ErrorCode::captcha_invalid, "图形验证码错误或已过期，请换一张再试",
                   {{"captcha_answer", "图形验证码错误"}});
}

void audit_self(db::Connection& c, const http::Request& req, int64_t user_id, const std::string& action) {
  auto e = audit::entry_for(req, action, "user", std::to_string(user_id));
  if (!req.principal) e.actor_user_id = user_id;
  audit::record(c, e);
}
}  // namespace

void register_auth(App& app) {
  app.route(
      http::Method::POST, "/api/v1/auth/login",
      [&app](http::Request& req) {
        const Json& body = req.json();
        api::Validator v(body);
        auto login = v.text("login", api::Presence::required, 64);
        auto password = v.text("password", api::Presence::required, 128, true);
        auto captcha_id = v.text("captcha_id", api::Presence::optional, 64);
        auto captcha_answer = v.text("captcha_answer", api::Presence::optional, 16);
        v.finish();
        auto c = app.db().acquire();
        int64_t user_id = auth_module::check_password_login(app, *c, req.remote_addr, *login, *password,
                                                            captcha_id.value_or(""), captcha_answer.value_or(""));
        c->begin();
        try {
          auto res = session_answer(app, *c, user_id, req);
          audit_self(*c, req, user_id, "auth.login");
          c->commit();
          return res;
        } catch (...) {
          c->rollback();
          throw;
        }
      },
      open_meta("账号密码登录（失败 3 次后需图形验证码，5 次锁定 15 分钟）"));

  app.route(
      http::Method::GET, "/api/v1/auth/captcha",
      [&app](http::Request&) {
        auto c = app.db().acquire();
        auto cap = auth_module::issue_captcha(*c);
        return http::Response::json({{"id", cap.id}, {"image", cap.image}});
      },
      open_meta("获取图形验证码"));

  app.route(
      http::Method::POST, "/api/v1/auth/logout",
      [&app](http::Request& req) {
        auto c = app.db().acquire();
        auth::destroy_session(*c, req.user().token_hash);
        auto res = http::Response::json({{"ok", true}});
        res.set_header("Set-Cookie", auth::session_cookie("", app.config.session.secure_cookie));
        return res;
      },
      pending_ok("退出登录"));

  app.route(
      http::Method::GET, "/api/v1/auth/me",
      [&app](http::Request& req) {
        auto c = app.db().acquire();
        const auto& p = req.user();
        return http::Response::json(
            {{"user", auth_module::user_view(*c, p.user_id, p.committee_id)}, {"csrf_token", p.csrf_token}});
      },
      pending_ok("当前用户"));

  app.route(
      http::Method::POST, "/api/v1/auth/committee",
      [&app](http::Request& req) {
        api::Validator v(req.json());
        auto committee_id = v.id("committee_id", api::Presence::required);
        v.finish();
        const auto& p = req.user();
        auth_module::require_may_enter_committee(p, *committee_id);
        auto c = app.db().acquire();
        c->begin();
        try {
          c->exec("UPDATE auth_sessions SET committee_id = $1 WHERE token_hash = $2", {*committee_id, p.token_hash});
          // Recorded in the committee entered, with the one left.
          auto e = audit::entry_for(req, "auth.committee_switch", "committee", std::to_string(*committee_id));
          e.committee_id = *committee_id;
          e.before = {{"committee_id", p.committee_id}};
          e.after = {{"committee_id", *committee_id}};
          audit::record(*c, e);
          c->commit();
        } catch (...) {
          c->rollback();
          throw;
        }
        return http::Response::json(
            {{"user", auth_module::user_view(*c, p.user_id, *committee_id)}, {"csrf_token", p.csrf_token}});
      },
      {"切换当前委员会", kTag});

  app.route(
      http::Method::POST, "/api/v1/auth/password",
      [&app](http::Request& req) {
        // Each try costs two password hashes: limited per user here, per address by the route meta.
        if (!app.password_change_limiter.allow("user:" + std::to_string(req.user().user_id)))
          throw ApiError(ErrorCode::rate_limited, "修改密码过于频繁，请稍后再试");
        api::Validator v(req.json());
        auto old_pw = v.text("old_password", api::Presence::required, 128, true);
        auto new_pw = v.text("new_password", api::Presence::required, 128, true);
        if (new_pw)
          if (auto problem = auth::password_problem(*new_pw)) v.fail("new_password", *problem);
        if (old_pw && new_pw && *old_pw == *new_pw) v.fail("new_password", "新密码不能与原密码相同");
        v.finish();
        const auto& p = req.user();
        auto c = app.db().acquire();
        auto hash = c->exec("SELECT password_hash FROM users WHERE id = $1", {p.user_id}).one().text(0);
        if (!app.passwords.verify(hash, *old_pw)) throw ApiError::validation("old_password", "原密码不正确");
        std::string new_hash = app.passwords.hash(*new_pw);
        c->begin();
        try {
          c->exec("UPDATE users SET password_hash = $1, must_change_password = 0, updated_at = $2 WHERE id = $3",
                  {new_hash, db::now_iso(), p.user_id});
          auth::destroy_user_sessions(*c, p.user_id, p.token_hash);
          audit_self(*c, req, p.user_id, "auth.password_change");
          c->commit();
        } catch (...) {
          c->rollback();
          throw;
        }
        return http::Response::json(
            {{"user", auth_module::user_view(*c, p.user_id, p.committee_id)}, {"csrf_token", p.csrf_token}});
      },
      [] {
        auto m = pending_ok("修改密码");
        m.rate_limited = true;
        return m;
      }());

  app.route(
      http::Method::POST, "/api/v1/auth/sms/send",
      [&app](http::Request& req) {
        const Json& body = req.json();
        api::Validator v(body);
        auto phone = v.mobile("phone", api::Presence::required);
        auto purpose = v.one_of("purpose", api::Presence::required, {"login", "reset", "change_mobile"});
        auto c = app.db().acquire();
        require_captcha(*c, v);
        bool known = !c->exec("SELECT 1 FROM users WHERE mobile = $1 AND status = 'active'", {*phone}).empty();
        if (*purpose == "change_mobile") {
          if (!req.principal) {
            // Changing a mobile needs a session: look it up (the route is open for login/reset).
            throw ApiError(ErrorCode::unauthorized, "请先登录");
          }
          if (known) throw ApiError::validation("phone", "该手机号已被其他账号使用");
          auth_module::send_sms_code(app, *c, *phone, *purpose);
        } else {
          // Unknown numbers get the same answer, resend limit included (a code is recorded but
          // not sent), so the endpoint does not reveal who has an account.
          auth_module::send_sms_code(app, *c, *phone, *purpose,
                                     known ? auth_module::Delivery::send : auth_module::Delivery::withhold);
        }
        return http::Response::json({{"sent", true}, {"resend_after", auth_module::kSmsResendSeconds}});
      },
      open_meta("发送短信验证码（需图形验证码）"));

  app.route(
      http::Method::POST, "/api/v1/auth/sms/login",
      [&app](http::Request& req) {
        api::Validator v(req.json());
        auto phone = v.mobile("phone", api::Presence::required);
        auto code = v.text("code", api::Presence::required, 6);
        v.finish();
        auto c = app.db().acquire();
        auth_module::verify_sms_code(*c, *phone, "login", *code);
        auto u = c->exec("SELECT id, locked_until FROM users WHERE mobile = $1 AND status = 'active'", {*phone});
        if (u.empty()) throw ApiError::validation("code", "验证码错误或已失效，请重新获取");
        int64_t user_id = u.one().integer("id");
        auth_module::ensure_not_locked(u.one().text("locked_until"));
        c->begin();
        try {
          c->exec("UPDATE users SET failed_logins = 0, last_login_at = $1 WHERE id = $2", {db::now_iso(), user_id});
          auto res = session_answer(app, *c, user_id, req);
          audit_self(*c, req, user_id, "auth.sms_login");
          c->commit();
          return res;
        } catch (...) {
          c->rollback();
          throw;
        }
      },
      open_meta("短信验证码登录"));

  app.route(
      http::Method::POST, "/api/v1/auth/password/reset",
      [&app](http::Request& req) {
        api::Validator v(req.json());
        auto phone = v.mobile("phone", api::Presence::required);
        auto code = v.text("code", api::Presence::required, 6);
        auto new_pw = v.text("new_password", api::Presence::required, 128, true);
        if (new_pw)
          if (auto problem = auth::password_problem(*new_pw)) v.fail("new_password", *problem);
        v.finish();
        auto c = app.db().acquire();
        auth_module::verify_sms_code(*c, *phone, "reset", *code);
        auto u = c->exec("SELECT id FROM users WHERE mobile = $1 AND status = 'active'", {*phone});
        if (u.empty()) throw ApiError::validation("code", "验证码错误或已失效，请重新获取");
        int64_t user_id = u.one().integer(0);
        std::string hash = app.passwords.hash(*new_pw);
        c->begin();
        try {
          c->exec(
              "UPDATE users SET password_hash = $1, must_change_password = 0, failed_logins = 0, locked_until = NULL, "
              "updated_at = $2 WHERE id = $3",
              {hash, db::now_iso(), user_id});
          auth::destroy_user_sessions(*c, user_id);
          audit_self(*c, req, user_id, "auth.password_reset");
          c->commit();
        } catch (...) {
          c->rollback();
          throw;
        }
        return http::Response::json({{"ok", true}});
      },
      open_meta("通过短信验证码重置密码"));
}

}  // namespace sl
