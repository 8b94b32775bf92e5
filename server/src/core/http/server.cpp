#include "core/http/server.hpp"

#include <utility>
// <utility> must precede Asio with g++ 12 (std::exchange).
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <limits>

#include "core/app.hpp"
#include "core/auth/password.hpp"
#include "core/http/client_address.hpp"
#include "core/http/static_files.hpp"

namespace sl::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'";

/// Runs `fn` on `pool` and resumes the calling coroutine on its own executor with the result.
template <class F>
asio::awaitable<Response> on_pool(asio::thread_pool& pool, F fn) {
  auto ex = co_await asio::this_coro::executor;
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
      [&pool, ex, fn = std::move(fn)](auto handler) mutable {
        asio::post(pool, [ex, fn = std::move(fn), handler = std::move(handler)]() mutable {
          Response r = fn();
          asio::post(ex, [handler = std::move(handler), r = std::move(r)]() mutable { handler(std::move(r)); });
        });
      },
      asio::use_awaitable);
}

std::string error_body(ErrorCode code, const std::string& message) {
  return ApiError(code, message).to_json().dump();
}

bool accepts_gzip(const std::string& accept_encoding) {
  return accept_encoding.find("gzip") != std::string::npos;
}

bool is_api_path(std::string_view p) {
  return p.rfind("/api/", 0) == 0 || p == "/healthz" || p == "/metrics";
}

std::string json_escape(const std::string& s) {
  return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

struct Server::Impl {
  App& app;
  const StaticFiles& files;
  asio::io_context ioc;
  asio::thread_pool pool;
  tcp::acceptor acceptor{ioc};
  std::atomic<bool> stopping{false};
  std::shared_ptr<spdlog::logger> access_log;

  Impl(App& a, const StaticFiles& f)
      : app(a), files(f), ioc(), pool(static_cast<size_t>(std::max(1, a.config.http.workers))) {
    access_log = spdlog::get("access");
    if (!access_log) {
      access_log = spdlog::stdout_logger_mt("access");
      access_log->set_pattern("%v");
    }
  }

  void bind() {
    const std::string& listen = app.config.http.listen;
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("http.listen must be host:port, got " + listen);
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
    auto port = static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
    tcp::endpoint ep(asio::ip::make_address(host), port);
    acceptor.open(ep.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(ep);
    acceptor.listen(asio::socket_base::max_listen_connections);
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      beast::error_code ec;
      auto sock = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      if (app.metrics.open_connections.load() >= app.config.http.max_connections) {
        beast::error_code ignored;
        sock.close(ignored);  // over the connection cap: refuse rather than queue
        continue;
      }
      asio::co_spawn(ioc, session(beast::tcp_stream(std::move(sock))), [](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          spdlog::error("connection ended by an exception: {}", ex.what());
        }
      });
    }
  }

  template <class Body>
  void apply_common_headers(bhttp::response<Body>& res, const std::string& request_id) {
    res.set(bhttp::field::server, "shangliang");
    res.set("X-Request-Id", request_id);
    res.set("Content-Security-Policy", kContentSecurityPolicy);
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "strict-origin-when-cross-origin");
    res.set("X-Frame-Options", "DENY");
  }

  asio::awaitable<void> session(beast::tcp_stream stream) {
    struct ConnectionCount {
      Metrics& m;
      explicit ConnectionCount(Metrics& metrics) : m(metrics) { m.open_connections++; }
      ~ConnectionCount() { m.open_connections--; }
    } counted(app.metrics);
    beast::flat_buffer buffer;
    std::string remote;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      remote = ec ? "" : ep.address().to_string();
    }
    bool first = true;
    for (;;) {
      if (stopping) break;
      stream.expires_after(
          std::chrono::seconds(first ? app.config.http.read_timeout_seconds : app.config.http.idle_timeout_seconds));
      first = false;
      bhttp::request_parser<bhttp::empty_body> head;
      head.header_limit(static_cast<uint32_t>(app.config.http.head_limit));
      head.body_limit(
          std::numeric_limits<std::uint64_t>::max());  // the route's own limit is applied once the target is known
      beast::error_code ec;
      co_await bhttp::async_read_header(stream, buffer, head, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        spdlog::debug("read header ended: {}", ec.message());
        if (ec == bhttp::error::header_limit)
          co_await write_error(stream, 431, ErrorCode::payload_too_large, "请求头过大");
        break;
      }
      auto started = Clock::now();
      stream.expires_after(std::chrono::seconds(app.config.http.read_timeout_seconds));
      std::string target(head.get().target());
      std::string path = target.substr(0, target.find('?'));
      Method method = parse_method(std::string(head.get().method_string()));
      size_t limit = 0;
      if (is_api_path(path)) {
        auto m = app.router.match(method, url_decode(path));
        limit = m.route ? m.route->meta.max_body : static_cast<size_t>(app.config.http.body_limit);
      }
      bhttp::request_parser<bhttp::string_body> parser(std::move(head));
      parser.body_limit(limit);
      if (parser.content_length() && *parser.content_length() > limit) {
        co_await write_error(stream, 413, ErrorCode::payload_too_large, "请求体过大");
        co_await drain(stream);
        break;
      }
      beast::error_code ec2;
      co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec2));
      if (ec2) {
        spdlog::debug("read body failed: {}", ec2.message());
        if (ec2 == bhttp::error::body_limit) {
          co_await write_error(stream, 413, ErrorCode::payload_too_large, "请求体过大");
          co_await drain(stream);
        }
        break;
      }
      auto breq = parser.release();
      Request req;
      req.method = method;
      req.target = target;
      req.path = url_decode(path);
      if (auto q = target.find('?'); q != std::string::npos)
        req.query = parse_query(std::string_view(target).substr(q + 1));
      for (const auto& f : breq) {
        std::string name(f.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        req.headers[name] = std::string(f.value());
      }
      req.body = std::move(breq.body());
      {
        // Behind a trusted proxy the client is named in X-Forwarded-For (every such header, in order).
        std::string forwarded;
        for (const auto& f : breq.base())
          if (beast::iequals(f.name_string(), "x-forwarded-for"))
            forwarded += (forwarded.empty() ? "" : ",") + std::string(f.value());
        req.remote_addr = client_address(remote, forwarded, app.trusted_proxies);
      }
      std::string incoming_id = req.header("x-request-id");
      req.request_id = (!incoming_id.empty() && incoming_id.size() <= 64) ? incoming_id : auth::random_hex(8);
      bool keep_alive = breq.keep_alive() && !stopping;

      bhttp::response<bhttp::string_body> res;
      res.version(breq.version());
      // The read timeout ends with the read: a handler may take longer (a large export, a cold
      // database) without the connection being closed under it.
      stream.expires_never();
      if (is_api_path(req.path)) {
        app.metrics.requests_in_flight++;
        // The handler and the compression of its answer run on a worker: the network thread only
        // reads and writes.
        Response r = co_await on_pool(pool, [this, &req] {
          Response out = app.dispatch(req);
          if (out.body.size() > 1024 && compressible(out.content_type) && accepts_gzip(req.header("accept-encoding"))) {
            std::string z = gzip_compress(out.body);
            if (!z.empty()) {
              out.body = std::move(z);
              out.set_header("Content-Encoding", "gzip");
            }
          }
          return out;
        });
        app.metrics.requests_in_flight--;
        res.result(r.status);
        if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
        res.set(bhttp::field::cache_control, "no-store");
        for (auto& [k, v] : r.headers) res.insert(k, v);
        res.set(bhttp::field::vary, "Accept-Encoding");
        res.body() = std::move(r.body);
      } else {
        serve_static(req, res);
      }
      apply_common_headers(res, req.request_id);
      res.keep_alive(keep_alive);
      res.prepare_payload();
      if (method == Method::HEAD) res.body().clear();
      int status = res.result_int();
      size_t bytes = res.body().size();
      beast::error_code ec3;
      stream.expires_after(std::chrono::seconds(app.config.http.read_timeout_seconds));
      co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec3));
      double seconds = std::chrono::duration<double>(Clock::now() - started).count();
      std::string route = req.route_pattern.empty() ? "static" : req.route_pattern;
      app.metrics.observe(method_name(method), route, status, seconds);
      log_access(req, status, bytes, seconds);
      if (ec3 || !keep_alive) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  void serve_static(const Request& req, bhttp::response<bhttp::string_body>& res) {
    const StaticFile* f = (req.method == Method::GET || req.method == Method::HEAD) ? files.find(req.path) : nullptr;
    if (!f) {
      res.result(bhttp::status::not_found);
      res.set(bhttp::field::content_type, "application/json; charset=utf-8");
      res.body() = error_body(ErrorCode::not_found, "页面不存在");
      return;
    }
    res.set(bhttp::field::cache_control, f->cache_control);
    res.set(bhttp::field::etag, f->etag);
    res.set(bhttp::field::vary, "Accept-Encoding");
    if (req.header("if-none-match") == f->etag) {
      res.result(bhttp::status::not_modified);
      return;
    }
    res.result(bhttp::status::ok);
    res.set(bhttp::field::content_type, f->content_type);
    if (!f->gzip.empty() && accepts_gzip(req.header("accept-encoding"))) {
      res.set(bhttp::field::content_encoding, "gzip");
      res.body() = f->gzip;
    } else {
      res.body() = f->body;
    }
  }

  asio::awaitable<void> write_error(beast::tcp_stream& stream, int status, ErrorCode code, const std::string& msg) {
    bhttp::response<bhttp::string_body> res;
    res.result(status);
    res.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res.body() = error_body(code, msg);
    apply_common_headers(res, auth::random_hex(8));
    res.keep_alive(false);
    res.prepare_payload();
    beast::error_code ec;
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }

  /// After refusing a request whose body was not read: stop sending, then read and discard
  /// what the client still sends (bounded), so closing does not reset the connection before
  /// the client has read the answer.
  asio::awaitable<void> drain(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(5));
    std::array<char, 16384> scratch;
    size_t total = 0;
    while (!ec && total < size_t{64} * 1024 * 1024) {
      total += co_await stream.async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  void log_access(const Request& req, int status, size_t bytes, double seconds) {
    access_log->info(
        "{{\"ts\":{},\"request_id\":{},\"method\":\"{}\",\"path\":{},\"route\":{},\"status\":{},\"bytes\":{},"
        "\"ms\":{:.3f},\"addr\":{},\"user\":{}}}",
        json_escape(db::now_iso()), json_escape(req.request_id), method_name(req.method), json_escape(req.path),
        json_escape(req.route_pattern), status, bytes, seconds * 1000, json_escape(req.remote_addr),
        req.principal ? req.principal->user_id : 0);
  }

  asio::awaitable<void> shutdown_when_signalled() {
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    beast::error_code ec;
    int sig = co_await signals.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    spdlog::info("signal {} received: no new connections, finishing requests in flight", sig);
    stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    auto deadline = Clock::now() + std::chrono::seconds(app.config.http.shutdown_grace_seconds);
    asio::steady_timer timer(ioc);
    while (app.metrics.requests_in_flight.load() > 0 && Clock::now() < deadline) {
      timer.expires_after(std::chrono::milliseconds(20));
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    // Let the last responses reach their sockets.
    timer.expires_after(std::chrono::milliseconds(100));
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    spdlog::info("shutdown complete ({} requests still in flight)", app.metrics.requests_in_flight.load());
    ioc.stop();
  }

  void run() {
    asio::co_spawn(ioc, accept_loop(), asio::detached);
    asio::co_spawn(ioc, shutdown_when_signalled(), asio::detached);
    // One network thread: every connection's reads, writes and timers run on it, one after the
    // other, so a stream's timeout never runs while its session does (with several threads, Beast
    // needs a strand per connection, and strands inside Boost 1.74's any_io_executor freed memory
    // still in use). The work itself runs on the worker pool.
    ioc.run();
    pool.join();
  }
};

Server::Server(App& app, const StaticFiles& files) : impl_(std::make_unique<Impl>(app, files)) {}
Server::~Server() = default;
void Server::bind() {
  impl_->bind();
}
unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}
void Server::run() {
  impl_->run();
}

}  // namespace sl::http
