#pragma once
// The application: settings, database, routes, events, shared services and background workers,
// and the middleware chain every API request passes (route match → rate limit → session → CSRF →
// handler → error mapping). Modules register their routes and workers on it; the HTTP server
// calls `dispatch`, and `serve` starts the workers (the other commands never do).

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

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
class App;

/// Background work of a serving process (a deadline scan, a search replica): it runs from its
/// construction until its destructor stops it.
class Worker {
 public:
  virtual ~Worker() = default;
};

/// A Worker around an object that already runs from its constructor until its destructor.
template <class T>
class WorkerOf final : public Worker {
 public:
  template <class... Args>
  explicit WorkerOf(Args&&... args) : running_(std::forward<Args>(args)...) {}
  T& get() { return running_; }

 private:
  T running_;
};

/// Starts one worker for `app`; nullptr when it has nothing to do in this deployment.
using WorkerStart = std::function<std::unique_ptr<Worker>(App& app)>;

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

  /// Registers a background worker (a module's register_* does, beside its routes). Nothing runs
  /// until start_workers().
  void add_worker(std::string name, WorkerStart start);
  /// Starts the registered workers in registration order (`serve` only). Names of those running.
  std::vector<std::string> start_workers();
  /// Stops the running workers, the last started first. Also done on destruction.
  void stop_workers();
  /// The names of the registered workers, in registration order.
  std::vector<std::string> worker_names() const;

 private:
  http::Response run(http::Request& req);
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<SmsGateway> sms_;
  std::vector<std::pair<std::string, WorkerStart>> worker_starts_;
  std::vector<std::unique_ptr<Worker>> workers_;  // running, in start order
};

}  // namespace sl
