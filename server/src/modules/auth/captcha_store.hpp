#pragma once
// Image captchas kept in the database (so any node can check them): single use, 5-minute life.

#include <string>

#include "core/db/database.hpp"

namespace sl::auth_module {

struct IssuedCaptcha {
  std::string id;
  std::string image;  // PNG data URL
};

/// Draws a new captcha and stores its answer.
IssuedCaptcha issue_captcha(db::Connection& c);

/// Consumes captcha `id` (whatever the answer, it cannot be used again); true when `answer`
/// matches, case-insensitively, before it expired.
bool consume_captcha(db::Connection& c, const std::string& id, const std::string& answer);

}  // namespace sl::auth_module
