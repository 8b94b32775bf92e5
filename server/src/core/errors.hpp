#pragma once
// Expected failures of a request, as one small typed hierarchy. A handler or command throws
// `ApiError`; `App::dispatch` (core/app.cpp) maps it, in one place, to its status and the JSON
// envelope {"error":{"code":"…","message":"…","fields":{…}}} (ApiError::to_json, through
// http::Response::error). Programmer errors are not ApiErrors: they are logged and answered as
// 500 `internal`.

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace sl {

using Json = nlohmann::json;

enum class ErrorCode {
  validation_failed,
  bad_request,
  unauthorized,
  forbidden,
  csrf_failed,
  not_found,
  method_not_allowed,
  conflict,
  referenced,
  illegal_transition,
  version_conflict,
  payload_too_large,
  unsupported_media_type,
  rate_limited,
  captcha_required,
  captcha_invalid,
  account_locked,
  password_change_required,
  unavailable,
  internal,
};

/// The wire name of `code` (snake_case, stable, English).
const char* error_code_name(ErrorCode code);
/// The HTTP status `code` answers with.
int error_code_status(ErrorCode code);

class ApiError : public std::runtime_error {
 public:
  /// `message` is shown to people: Chinese. `fields` maps a field name to its problem.
  ApiError(ErrorCode code, std::string message, Json fields = Json::object())
      : std::runtime_error(message), code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Json& fields() const { return fields_; }
  int status() const { return error_code_status(code_); }
  /// The JSON envelope for this error.
  Json to_json() const;
  /// Adds `key` = `value` to the error object (e.g. "captcha_required": true).
  ApiError& with(const std::string& key, Json value) {
    extra_[key] = std::move(value);
    return *this;
  }

  static ApiError validation(std::string field, std::string problem);
  static ApiError not_found(std::string what = "记录");
  static ApiError forbidden(std::string message = "没有权限执行此操作");
  static ApiError conflict(std::string message);

 private:
  ErrorCode code_;
  std::string message_;
  Json fields_;
  Json extra_ = Json::object();
};

}  // namespace sl
