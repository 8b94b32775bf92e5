#include "modules/auth/login.hpp"

#include "modules/auth/captcha_store.hpp"

namespace sl::auth_module {

namespace {
constexpr int kAddressWindowSeconds = 3600;  // address failures older than this are forgotten

int64_t address_failures(db::Connection& c, const std::string& address) {
  auto r = c.exec("SELECT failures FROM login_failures WHERE address = $1 AND last_failed_at > $2",
                  {address, db::iso_after(-kAddressWindowSeconds)});
  return r.empty() ? 0 : r.one().integer(0);
}

void count_address_failure(db::Connection& c, const std::string& address) {
  auto r = c.exec("SELECT failures, last_failed_at FROM login_failures WHERE address = $1", {address});
  if (r.empty()) {
    c.exec("INSERT INTO login_failures (address, failures, last_failed_at) VALUES ($1, 1, $2)",
           {address, db::now_iso()});
    return;
  }
  bool stale = r.one().text("last_failed_at") <= db::iso_after(-kAddressWindowSeconds);
  c.exec("UPDATE login_failures SET failures = $1, last_failed_at = $2 WHERE address = $3",
         {stale ? int64_t{1} : r.one().integer("failures") + 1, db::now_iso(), address});
}
}  // namespace

void ensure_not_locked(const std::string& locked_until) {
  if (locked_until.empty() || locked_until <= db::now_iso()) return;
  throw ApiError(ErrorCode::account_locked, "密码错误次数过多，账号已锁定，请 15 分钟后再试或通过短信验证码重置密码")
      .with("locked_until", locked_until);
}

int64_t check_password_login(App& app, db::Connection& c, const std::string& address, const std::string& login,
                             const std::string& password, const std::string& captcha_id,
                             const std::string& captcha_answer) {
  const auto& cfg = app.config.auth;
  auto u = c.exec(
      "SELECT id, password_hash, failed_logins, locked_until, status FROM users WHERE (mobile = $1 OR username = $1)",
      {login});
  bool found = !u.empty() && u.one().text("status") == "active";
  int64_t account_failures = found ? u.one().integer("failed_logins") : 0;
  if (found) ensure_not_locked(u.one().text("locked_until"));

  bool need_captcha =
      account_failures >= cfg.captcha_after_failures || address_failures(c, address) >= cfg.captcha_after_failures;
  if (need_captcha) {
    if (captcha_id.empty() || captcha_answer.empty())
      throw ApiError(ErrorCode::captcha_required, "请输入图形验证码").with("captcha_required", true);
    if (!consume_captcha(c, captcha_id, captcha_answer))
      throw ApiError(ErrorCode::captcha_invalid, "图形验证码错误或已过期，请换一张再试",
                     {{"captcha_answer", "图形验证码错误"}})
          .with("captcha_required", true);
  }

  if (found && app.passwords.verify(u.one().text("password_hash"), password)) {
    int64_t id = u.one().integer("id");
    c.exec("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $1 WHERE id = $2",
           {db::now_iso(), id});
    c.exec("DELETE FROM login_failures WHERE address = $1", {address});
    return id;
  }

  count_address_failure(c, address);
  if (found) {
    int64_t failures = account_failures + 1;
    if (failures >= cfg.lock_after_failures) {
      std::string until = db::iso_after(int64_t{cfg.lock_minutes} * 60);
      c.exec("UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2", {until, u.one().integer("id")});
      ensure_not_locked(until);
    }
    c.exec("UPDATE users SET failed_logins = $1 WHERE id = $2", {failures, u.one().integer("id")});
  }
  int64_t now_failures = std::max(account_failures + 1, address_failures(c, address));
  throw ApiError(ErrorCode::unauthorized, "账号或密码错误")
      .with("captcha_required", now_failures >= cfg.captcha_after_failures);
}

}  // namespace sl::auth_module
