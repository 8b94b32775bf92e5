#pragma once
// The HTTP server: Boost.Beast over Asio with C++20 coroutines, one io_context run by one
// network thread. Handlers (and the compression of their answers) run on a bounded worker pool,
// so the network thread never blocks on the database. Limits: request head 16 KiB, per-route body limit, read and idle
// timeouts, a cap on open connections. SIGINT/SIGTERM: stop accepting, finish requests in flight (grace period), then
// stop.

#include <memory>
#include <string>

namespace sl {
class App;
}

namespace sl::http {

class StaticFiles;

class Server {
 public:
  Server(App& app, const StaticFiles& files);
  ~Server();
  /// Binds the listen address from the config; throws when it cannot.
  void bind();
  /// The port bound (useful with port 0).
  unsigned short port() const;
  /// Serves until a signal arrives and the shutdown finishes.
  void run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sl::http
