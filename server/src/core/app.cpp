#include "core/app.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "core/auth/session_store.hpp"
#include "core/auth/sms.hpp"
#include "core/http/media_type.hpp"
#include "core/utf8.hpp"

namespace sl {

App::App(Config cfg, std::unique_ptr<db::Database> db)
    : config(std::move(cfg)),
      passwords(config.auth.max_concurrent_hashes, std::chrono::milliseconds(config.auth.hash_wait_ms)),
      auth_limiter(config.auth.rate_limit_per_minute),
      password_change_limiter(config.auth.password_change_per_minute),
      trusted_proxies(http::TrustedProxies::parse(config.http.trusted_proxies)),
      db_(std::move(db)),
      sms_(make_sms_gateway(config.sms)) {}

App::~App() {
  stop_workers();
}

void App::add_worker(std::string name, WorkerStart start) {
  worker_starts_.emplace_back(std::move(name), std::move(start));
}

std::vector<std::string> App::start_workers() {
  if (!workers_.empty()) throw std::logic_error("the workers are already running");
  std::vector<std::string> started;
  for (const auto& [name, start] : worker_starts_) {
    if (auto w = start(*this)) {
      workers_.push_back(std::move(w));
      started.push_back(name);
    }
  }
  return started;
}

void App::stop_workers() {
  while (!workers_.empty()) workers_.pop_back();
}

std::vector<std::string> App::worker_names() const {
  std::vector<std::string> names;
  names.reserve(worker_starts_.size());
  for (const auto& w : worker_starts_) names.push_back(w.first);
  return names;
}

namespace {
bool is_write(http::Method m) {
  return m == http::Method::POST || m == http::Method::PUT || m == http::Method::PATCH || m == http::Method::DELETE;
}

/// A write's body must declare the route's media type: JSON routes take `application/json`
/// (a cross-site form cannot send it without a preflight: no login CSRF), upload routes
/// multipart/form-data. Open routes need it even without a body; session routes only with one
/// (a body-less action carries the CSRF token instead). 415 otherwise.
void require_media_type(const http::Request& req, const http::RouteMeta& meta) {
  if (req.body.empty() && meta.access != http::Access::open) return;
  std::string type = req.header("content-type");
  if (meta.body == http::BodyKind::multipart) {
    if (!http::media_type_is(type, "multipart/form-data"))
      throw ApiError(ErrorCode::unsupported_media_type, "请以 multipart/form-data 格式上传文件");
    return;
  }
  if (!http::media_type_is(type, "application/json"))
    throw ApiError(ErrorCode::unsupported_media_type, "请求体须为 JSON（Content-Type: application/json）");
}
}  // namespace

http::Response App::dispatch(http::Request& req) {
  try {
    return run(req);
  } catch (const ApiError& e) {
    return http::Response::error(e);
  } catch (const db::ConstraintError& e) {
    // A constraint the command did not check first (a race, or a missing check): still a 409.
    spdlog::warn("constraint violation on {} {}: {}", http::method_name(req.method), req.path, e.what());
    const char* msg = e.kind == db::ConstraintError::Kind::unique        ? "记录重复：已存在相同的记录"
                      : e.kind == db::ConstraintError::Kind::foreign_key ? "关联的记录不存在或仍被引用"
                                                                         : "数据不满足约束条件";
    return http::Response::error(ApiError(ErrorCode::conflict, msg));
  } catch (const std::exception& e) {
    spdlog::error("request {} {} failed: {}", http::method_name(req.method), req.path, e.what());
    return http::Response::error(ApiError(ErrorCode::internal, "服务器内部错误，请稍后再试"));
  }
}

http::Response App::run(http::Request& req) {
  auto m = router.match(req.method, req.path);
  if (!m.route) {
    req.route_pattern = "unmatched";
    if (m.path_known) throw ApiError(ErrorCode::method_not_allowed, "不支持该请求方法");
    throw ApiError(ErrorCode::not_found, "接口不存在");
  }
  const auto& route = *m.route;
  req.route_pattern = route.pattern;
  req.params = std::move(m.params);
  if (req.body.size() > route.meta.max_body) throw ApiError(ErrorCode::payload_too_large, "请求体过大");
  // A body nested deeper than any form sends is refused for every route before a handler (or
  // anything that might copy it) sees it; multipart uploads carry files, not JSON.
  if (!req.body.empty() && route.meta.body != http::BodyKind::multipart) http::require_json_depth(req.body);

  if (is_write(req.method)) require_media_type(req, route.meta);
  // Path parameters and query strings arrive percent-encoded: once decoded they must be text
  // (well-formed UTF-8 without control characters) before any handler or database sees them.
  auto is_text = [](const std::string& s) {
    for (unsigned char ch : s)
      if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7F) return false;
    return utf8_well_formed(s);
  };
  for (const auto& [name, value] : req.params)
    if (!is_text(value)) throw ApiError(ErrorCode::bad_request, "路径参数 " + name + " 不是有效的文本");
  for (const auto& [name, value] : req.query)
    if (!is_text(name) || !is_text(value))
      throw ApiError(ErrorCode::bad_request, "查询参数不是有效的文本（须为 UTF-8，不含控制字符）");

  if (route.meta.rate_limited && !auth_limiter.allow(req.remote_addr))
    throw ApiError(ErrorCode::rate_limited, "操作过于频繁，请稍后再试");

  std::string token = req.cookie(auth::kSessionCookie);
  if (!token.empty()) {
    auto lease = db_->acquire();
    req.principal =
        auth::load_session(*lease, token, config.session.idle_timeout_seconds, config.session.absolute_timeout_seconds);
  }
  if (route.meta.access == http::Access::session) {
    if (!req.principal) throw ApiError(ErrorCode::unauthorized, "登录已失效，请重新登录");
    if (req.principal->must_change_password && !route.meta.allow_password_change_pending)
      throw ApiError(ErrorCode::password_change_required, "首次登录请先修改密码");
  }
  // Every write that acts through a session must carry its CSRF token. Open routes (login,
  // captcha, SMS) act on no session; SameSite=Lax covers them.
  if (is_write(req.method) && route.meta.access == http::Access::session &&
      req.header("x-csrf-token") != req.principal->csrf_token)
    throw ApiError(ErrorCode::csrf_failed, "安全校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试");
  return route.handler(req);
}

}  // namespace sl
