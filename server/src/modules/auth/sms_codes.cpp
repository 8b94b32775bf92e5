#include "modules/auth/sms_codes.hpp"

#include <sodium.h>

#include <ctime>

#include "core/auth/password.hpp"
#include "core/auth/sms.hpp"
#include "modules/auth/queries.hpp"

namespace sl::auth_module {

namespace {
constexpr int kCodeLifeSeconds = 300;
constexpr int kMaxTries = 5;

std::string code_hash(const std::string& phone, const std::string& purpose, const std::string& code) {
  return auth::sha256_hex(phone + "|" + purpose + "|" + code);
}

const char* purpose_label(const std::string& purpose) {
  if (purpose == "login") return "登录";
  if (purpose == "reset") return "重置密码";
  return "更换手机号";
}
}  // namespace

void send_sms_code(App& app, db::Connection& c, const std::string& phone, const std::string& purpose,
                   Delivery delivery) {
  auto recent = c.exec(sql::kRecentSmsCodes, {phone, db::iso_after(-kSmsResendSeconds)});
  if (recent.one().integer(0) > 0)
    throw ApiError(ErrorCode::rate_limited, "验证码发送过于频繁，请 60 秒后再试")
        .with("retry_after", kSmsResendSeconds);
  char code[8];
  std::snprintf(code, sizeof code, "%06u", randombytes_uniform(1000000));
  c.exec(sql::kInsertSmsCode,
         {phone, purpose, code_hash(phone, purpose, code), db::now_iso(), db::iso_after(kCodeLifeSeconds)});
  if (delivery == Delivery::send)
    app.sms().send(phone,
                   std::string("【商量】您的") + purpose_label(purpose) + "验证码是 " + code + "，5 分钟内有效。");
}

void verify_sms_code(db::Connection& c, const std::string& phone, const std::string& purpose, const std::string& code) {
  auto r = c.exec(sql::kLatestSmsCode, {phone, purpose});
  if (r.empty()) throw ApiError::validation("code", "验证码错误或已失效，请重新获取");
  int64_t id = r.one().integer("id");
  if (r.one().text("expires_at") < db::now_iso()) throw ApiError::validation("code", "验证码已过期，请重新获取");
  // Count this try before comparing, in one statement: parallel guesses each get their own
  // number, so no more than kMaxTries of them are ever compared.
  auto t = c.exec(sql::kCountSmsTry, {id});
  if (t.empty()) throw ApiError::validation("code", "验证码错误或已失效，请重新获取");
  if (t.one().integer(0) > kMaxTries) throw ApiError::validation("code", "验证码错误次数过多，请重新获取");
  if (t.one().text("code_hash") != code_hash(phone, purpose, code)) throw ApiError::validation("code", "验证码错误");
  // Consume it; a parallel request with the same code may have done so first.
  if (c.exec(sql::kUseSmsCode, {id}).empty()) throw ApiError::validation("code", "验证码错误或已失效，请重新获取");
}

std::string verified_mobile(db::Connection& c, api::Validator& v, const std::string& field,
                            const std::string& purpose) {
  auto mobile = v.mobile(field, api::Presence::required);
  auto code = v.text("code", api::Presence::required, 6);
  v.finish();
  verify_sms_code(c, *mobile, purpose, *code);
  return *mobile;
}

}  // namespace sl::auth_module
