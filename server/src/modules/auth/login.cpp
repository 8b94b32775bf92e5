#include "modules/auth/login.hpp"

#include <algorithm>
#include <optional>

#include "core/audit/audit.hpp"
#include "core/auth/password.hpp"
#include "core/auth/queries.hpp"
#include "modules/auth/captcha_store.hpp"
#include "modules/auth/queries.hpp"

namespace sl::auth_module {

namespace {
constexpr int kAddressWindowSeconds = 3600;  // address failures older than this are forgotten

int64_t address_failures(db::Connection& c, const std::string& address) {
  auto r = c.exec(sql::kAddressFailures, {address, db::iso_after(-kAddressWindowSeconds)});
  return r.empty() ? 0 : r.one().integer(0);
}

/// Counts a failure from `address` in one statement (parallel failures all count); returns the count.
int64_t count_address_failure(db::Connection& c, const std::string& address) {
  auto r = c.exec(sql::kCountAddressFailure, {address, db::now_iso(), db::iso_after(-kAddressWindowSeconds)});
  return r.one().integer(0);
}

// The attempt counter of one login. An active account keeps it in users.failed_logins /
// locked_until; any other login (unknown, or a disabled account) in a login_failures row keyed by
// the login's hash, where failures >= lock_after with last_failed_at in the future means "locked
// until then". Both behave alike, so no answer tells a known login from an unknown one.
//
// An attempt is counted (reserved) in one UPDATE before the password is checked, and the
// decision is made on the count that statement returns: parallel guesses each get their own
// number, so no more than lock_after of them are ever checked before the lock.
struct Counter {
  std::optional<int64_t> user_id;  // an active account; otherwise `key` in login_failures
  std::string key;
  int64_t prior = 0;         // failures counted before this attempt (as read: the captcha gate only)
  std::string locked_until;  // "" when not locked
};

struct Reserved {
  int64_t number = 0;  // this attempt's number since the last success or lock
  std::string locked_until;
};

Counter read_counter(db::Connection& c, const db::Row* account, const std::string& login, int lock_after) {
  Counter k;
  std::string now = db::now_iso();
  if (account) {
    k.user_id = account->integer("id");
    std::string until = account->text("locked_until");
    bool lock_over = !until.empty() && until <= now;
    k.prior = lock_over ? 0 : account->integer("failed_logins");
    if (!lock_over) k.locked_until = until;
    return k;
  }
  k.key = "login:" + auth::sha256_hex(login);
  auto r = c.exec(sql::kLoginFailures, {k.key});
  if (r.empty()) return k;
  int64_t failures = r.one().integer(0);
  std::string until = r.one().text("last_failed_at");
  if (failures >= lock_after && until > now)
    k.locked_until = until;
  else if (failures < lock_after)
    k.prior = failures;
  return k;
}

Reserved reserve(db::Connection& c, const Counter& k, int lock_after) {
  std::string now = db::now_iso();
  if (k.user_id) {
    auto r = c.exec(sql::kReserveAccount, {*k.user_id, now});
    return {r.one().integer(0), r.one().text("locked_until")};
  }
  auto r = c.exec(sql::kReserveUnknown, {k.key, now, int64_t{lock_after}});
  Reserved out{r.one().integer(0), ""};
  if (out.number > lock_after && r.one().text("last_failed_at") > now)
    out.locked_until = r.one().text("last_failed_at");
  return out;
}

void undo(db::Connection& c, const Counter& k) {
  if (k.user_id)
    c.exec(sql::kUndoAccount, {*k.user_id});
  else
    c.exec(sql::kUndoUnknown, {k.key});
}

/// Locks the login for `lock_minutes` (or keeps a lock already running); returns its end.
std::string lock(db::Connection& c, const Counter& k, const Config::Auth& cfg) {
  std::string until = db::iso_after(int64_t{cfg.lock_minutes} * 60), now = db::now_iso();
  if (k.user_id) return c.exec(sql::kLockAccount, {*k.user_id, until, now}).one().text("locked_until");
  return c.exec(sql::kLockUnknown, {k.key, until, now, int64_t{cfg.lock_after_failures}}).one().text("last_failed_at");
}

/// A hash of a random password, checked when the login is unknown so that answering takes as
/// long as for a known login with a wrong password.
const std::string& dummy_hash(App& app) {
  static const std::string hash = app.passwords.hash(auth::random_hex(16));
  return hash;
}

/// Records a refused login attempt (the login tried and why, never the password) in its own
/// transaction: the request itself fails.
void audit_failure(db::Connection& c, const std::string& address, const std::string& login, const Counter& k,
                   const char* reason, const std::string& locked_until = "") {
  audit::Entry e;
  e.address = address;
  e.action = "auth.login_failed";
  e.subject_type = "user";
  c.begin();
  try {
    if (k.user_id) {
      e.subject_id = std::to_string(*k.user_id);
      // Shown to the administrators of the account's home committee.
      auto home = c.exec(platform_sql::kHomeCommittee, {*k.user_id});
      if (!home.empty()) e.committee_id = home.one().integer(0);
    }
    e.after = {{"login", login}, {"reason", reason}};
    if (!locked_until.empty()) e.after["locked_until"] = locked_until;
    audit::record(c, e);
    c.commit();
  } catch (...) {
    c.rollback();
    throw;
  }
}

/// Answers 423 for a login locked until `until`, recording the attempt (`reason`: "locked" when
/// the password was not checked, "password" when this wrong password set the lock).
[[noreturn]] void refuse_locked(db::Connection& c, const std::string& address, const std::string& login,
                                const Counter& k, const std::string& until, const char* reason = "locked") {
  audit_failure(c, address, login, k, reason, until);
  ensure_not_locked(until);
  // `until` lies ahead (a lock just set or still running); should the clock have passed it, still refuse.
  throw ApiError(ErrorCode::account_locked, "账号已锁定，请稍后再试").with("locked_until", until);
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
  auto u = c.exec(sql::kUserForLogin, {login});
  bool found = !u.empty() && u.one().text("status") == "active";
  Counter counter = read_counter(c, found ? &u.one() : nullptr, login, cfg.lock_after_failures);
  if (!counter.locked_until.empty()) refuse_locked(c, address, login, counter, counter.locked_until);

  bool captcha_checked = false;
  if (counter.prior >= cfg.captcha_after_failures || address_failures(c, address) >= cfg.captcha_after_failures) {
    if (captcha_id.empty() || captcha_answer.empty())
      throw ApiError(ErrorCode::captcha_required, "请输入图形验证码").with("captcha_required", true);
    if (!consume_captcha(c, captcha_id, captcha_answer))
      throw ApiError(ErrorCode::captcha_invalid, "图形验证码错误或已过期，请换一张再试",
                     {{"captcha_answer", "图形验证码错误"}})
          .with("captcha_required", true);
    captcha_checked = true;
  }

  Reserved attempt = reserve(c, counter, cfg.lock_after_failures);
  if (!attempt.locked_until.empty() && attempt.locked_until > db::now_iso())
    refuse_locked(c, address, login, counter, attempt.locked_until);
  if (attempt.number - 1 >= cfg.captcha_after_failures && !captcha_checked) {
    // Parallel attempts passed the gate together: this one comes after the captcha threshold.
    undo(c, counter);
    throw ApiError(ErrorCode::captcha_required, "请输入图形验证码").with("captcha_required", true);
  }
  if (attempt.number > cfg.lock_after_failures) refuse_locked(c, address, login, counter, lock(c, counter, cfg));

  bool matched = false;
  try {
    if (found)
      matched = app.passwords.verify(u.one().text("password_hash"), password);
    else
      app.passwords.verify(dummy_hash(app), password);
  } catch (...) {
    undo(c, counter);  // not checked (no hash slot free): not a guess
    throw;
  }
  if (matched) {
    int64_t id = u.one().integer("id");
    c.exec(sql::kPasswordLoginSucceeded, {db::now_iso(), id});
    c.exec(sql::kForgetAddressFailures, {address});
    return id;
  }

  int64_t from_address = count_address_failure(c, address);
  if (attempt.number >= cfg.lock_after_failures)
    refuse_locked(c, address, login, counter, lock(c, counter, cfg), "password");
  audit_failure(c, address, login, counter, "password");
  throw ApiError(ErrorCode::unauthorized, "账号或密码错误")
      .with("captcha_required", std::max(attempt.number, from_address) >= cfg.captcha_after_failures);
}

}  // namespace sl::auth_module
