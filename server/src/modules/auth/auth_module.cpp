#include "modules/auth/auth_module.hpp"

#include <type_traits>

#include "core/api/validation.hpp"
#include "core/app.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/queries.hpp"
#include "core/auth/session_store.hpp"
#include "modules/auth/captcha_store.hpp"
#include "modules/auth/login.hpp"
#include "modules/auth/permissions.hpp"
#include "modules/auth/queries.hpp"
#include "modules/auth/sms_codes.hpp"
#include "modules/auth/user_view.hpp"

namespace sl {

namespace {
namespace sql = auth_module::sql;
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

/// Runs `fn` inside a transaction on `c`: commits when it returns, rolls back when it throws.
template <class F>
auto in_transaction(db::Connection& c, F&& fn) {
  c.begin();
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      c.commit();
    } else {
      auto r = fn();
      c.commit();
      return r;
    }
  } catch (...) {
    c.rollback();
    throw;
  }
}

/// Signs in `user_id`, who has just proved who they are by `method` ("password", "sms"): starts a
/// session in their home committee (that of their first grant) and records the login there as
/// `auth.login` with the address. Answers the session: cookie plus {user, csrf_token}.
http::Response login_answer(App& app, db::Connection& c, int64_t user_id, const http::Request& req,
                            const char* method) {
  auto home = c.exec(platform_sql::kHomeCommittee, {user_id});
  int64_t committee = home.empty() ? 0 : home.one().integer(0);
  auto s = auth::create_session(c, user_id, committee, req.remote_addr);
  Json user = auth_module::user_view(c, user_id, committee);
  // Built by hand: a cookie still sent from an earlier session must not name its own user.
  audit::Entry e;
  e.committee_id = committee;
  e.actor_user_id = user_id;
  e.actor_name = user["name"].get<std::string>();
  e.address = req.remote_addr;
  e.action = "auth.login";
  e.subject_type = "user";
  e.subject_id = std::to_string(user_id);
  e.after = {{"method", method}};
  audit::record(c, e);
  auto res = http::Response::json({{"user", std::move(user)}, {"csrf_token", s.csrf_token}});
  res.set_header("Set-Cookie", auth::session_cookie(s.token, app.config.session.secure_cookie));
  return res;
}

/// The active account that signs in with `mobile`, after its SMS code was checked.
db::Row active_user_by_mobile(db::Connection& c, const std::string& mobile) {
  auto u = c.exec(sql::kActiveUserByMobile, {mobile});
  if (u.empty()) throw ApiError::validation("code", "验证码错误或已失效，请重新获取");
  return u.one();
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
        return in_transaction(*c, [&] { return login_answer(app, *c, user_id, req, "password"); });
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

  app.route(http::Method::POST, "/api/v1/auth/committee",
            [&app](http::Request& req) {
              api::Validator v(req.json());
              auto committee_id = v.id("committee_id", api::Presence::required);
              v.finish();
              const auto& p = req.user();
              auth_module::require_may_enter_committee(p, *committee_id);
              auto c = app.db().acquire();
              in_transaction(*c, [&] {
                c->exec(sql::kEnterCommittee, {*committee_id, p.token_hash});
                // Recorded in the committee entered, with the one left.
                auto e = audit::entry_for(req, "auth.committee_switch", "committee", std::to_string(*committee_id));
                e.committee_id = *committee_id;
                e.before = {{"committee_id", p.committee_id}};
                e.after = {{"committee_id", *committee_id}};
                audit::record(*c, e);
              });
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
        auto hash = c->exec(sql::kPasswordHash, {p.user_id}).one().text(0);
        if (!app.passwords.verify(hash, *old_pw)) throw ApiError::validation("old_password", "原密码不正确");
        std::string new_hash = app.passwords.hash(*new_pw);
        in_transaction(*c, [&] {
          c->exec(sql::kChangePassword, {new_hash, db::now_iso(), p.user_id});
          auth::destroy_user_sessions(*c, p.user_id, p.token_hash);
          audit_self(*c, req, p.user_id, "auth.password_change");
        });
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
        bool known = !c->exec(sql::kActiveUserByMobile, {*phone}).empty();
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
        auto c = app.db().acquire();
        auto user = active_user_by_mobile(*c, auth_module::verified_mobile(*c, v, "phone", "login"));
        int64_t user_id = user.integer("id");
        auth_module::ensure_not_locked(user.text("locked_until"));
        return in_transaction(*c, [&] {
          c->exec(sql::kSmsLoginSucceeded, {db::now_iso(), user_id});
          return login_answer(app, *c, user_id, req, "sms");
        });
      },
      open_meta("短信验证码登录"));

  app.route(
      http::Method::POST, "/api/v1/auth/password/reset",
      [&app](http::Request& req) {
        api::Validator v(req.json());
        auto new_pw = v.text("new_password", api::Presence::required, 128, true);
        if (new_pw)
          if (auto problem = auth::password_problem(*new_pw)) v.fail("new_password", *problem);
        auto c = app.db().acquire();
        int64_t user_id =
            active_user_by_mobile(*c, auth_module::verified_mobile(*c, v, "phone", "reset")).integer("id");
        std::string hash = app.passwords.hash(*new_pw);
        in_transaction(*c, [&] {
          c->exec(sql::kResetPassword, {hash, db::now_iso(), user_id});
          auth::destroy_user_sessions(*c, user_id);
          audit_self(*c, req, user_id, "auth.password_reset");
        });
        return http::Response::json({{"ok", true}});
      },
      open_meta("通过短信验证码重置密码"));
}

}  // namespace sl
