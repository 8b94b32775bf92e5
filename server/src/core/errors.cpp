#include "core/errors.hpp"

namespace sl {

namespace {
struct ErrorInfo {
  const char* name;
  int status;
};

// One row per ErrorCode, in declaration order.
constexpr ErrorInfo kErrorTable[] = {
    {"validation_failed", 400},
    {"bad_request", 400},
    {"unauthorized", 401},
    {"forbidden", 403},
    {"csrf_failed", 403},
    {"not_found", 404},
    {"method_not_allowed", 405},
    {"conflict", 409},
    {"referenced", 409},
    {"illegal_transition", 409},
    {"version_conflict", 409},
    {"payload_too_large", 413},
    {"unsupported_media_type", 415},
    {"rate_limited", 429},
    {"captcha_required", 400},
    {"captcha_invalid", 400},
    {"account_locked", 423},
    {"password_change_required", 403},
    {"unavailable", 503},
    {"internal", 500},
};
static_assert(std::size(kErrorTable) == static_cast<size_t>(ErrorCode::internal) + 1);
}  // namespace

const char* error_code_name(ErrorCode code) {
  return kErrorTable[static_cast<size_t>(code)].name;
}
int error_code_status(ErrorCode code) {
  return kErrorTable[static_cast<size_t>(code)].status;
}

Json ApiError::to_json() const {
  Json err = {{"code", error_code_name(code_)}, {"message", message_}};
  if (!fields_.empty()) err["fields"] = fields_;
  for (auto it = extra_.begin(); it != extra_.end(); ++it) err[it.key()] = it.value();
  return Json{{"error", std::move(err)}};
}

ApiError ApiError::validation(std::string field, std::string problem) {
  Json fields = Json::object();
  fields[field] = problem;
  return ApiError(ErrorCode::validation_failed, "输入有误：" + problem, std::move(fields));
}

ApiError ApiError::not_found(std::string what) {
  return ApiError(ErrorCode::not_found, what + "不存在");
}

ApiError ApiError::forbidden(std::string message) {
  return ApiError(ErrorCode::forbidden, std::move(message));
}

ApiError ApiError::conflict(std::string message) {
  return ApiError(ErrorCode::conflict, std::move(message));
}

}  // namespace sl
