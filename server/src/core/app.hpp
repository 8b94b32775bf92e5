#pragma once
// The application: settings, database, routes, events and shared services, and the middleware
// chain every API request passes (route match → rate limit → session → CSRF → handler → error
// mapping). Modules register their routes on it; the HTTP server calls `dispatch`.

#include <memory>

#include "core/auth/password.hpp"
#include "core/config.hpp"
#include "core/db/database.hpp"
#include "core/events.hpp"
#include "core/http/client_address.hpp"
#include "core/http/metrics.hpp"
#include "core/http/rate_limiter.hpp"
#include "core/http/router.hpp"

namespace sl {

class SmsGateway;

class App {
 public:
  App(Config config, std::unique_ptr<db::Database> db);
  ~App();

  Config config;
  db::Database& db() { return *db_; }
  http::Router router;
  EventBus events;
  http::Metrics metrics;
  auth::PasswordHasher passwords;
  http::RateLimiter auth_limiter;
  http::RateLimiter password_change_limiter;  // per user (the address is under auth_limiter)
  http::TrustedProxies trusted_proxies;       // config.http.trusted_proxies, parsed
  SmsGateway& sms() { return *sms_; }

  /// Runs one API request through the middleware chain and the matched handler. Never throws.
  http::Response dispatch(http::Request& req);

  /// Registers a route (shorthand used by modules).
  void route(http::Method m, std::string pattern, http::Handler h, http::RouteMeta meta) {
    router.add(m, std::move(pattern), std::move(h), std::move(meta));
  }

 private:
  http::Response run(http::Request& req);
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<SmsGateway> sms_;
};

}  // namespace sl
