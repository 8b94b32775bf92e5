#include "modules/auth/captcha_store.hpp"

#include <algorithm>

#include "core/auth/captcha_image.hpp"
#include "core/auth/password.hpp"
#include "modules/auth/queries.hpp"

namespace sl::auth_module {

namespace {
constexpr int kCaptchaLifeSeconds = 300;

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  return s;
}
}  // namespace

IssuedCaptcha issue_captcha(db::Connection& c) {
  std::string text = random_captcha_text(4);
  IssuedCaptcha out{auth::random_hex(16), png_data_url(render_captcha_png(text))};
  c.exec(sql::kDeleteExpiredCaptchas, {db::now_iso()});
  c.exec(sql::kInsertCaptcha, {out.id, upper(text), db::iso_after(kCaptchaLifeSeconds)});
  return out;
}

bool consume_captcha(db::Connection& c, const std::string& id, const std::string& answer) {
  if (id.empty() || answer.empty()) return false;
  auto r = c.exec(sql::kConsumeCaptcha, {id, db::now_iso()});
  return !r.empty() && r.one().text(0) == upper(answer);
}

}  // namespace sl::auth_module
