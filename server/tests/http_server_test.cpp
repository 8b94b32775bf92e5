// The HTTP server with a handler that outlasts the read timeout: the answer still arrives, on a
// fresh connection and on a kept-alive one, and the server keeps serving. (The read timer used to
// close the socket under a running handler, from another network thread, and crash the process.)
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "core/app.hpp"
#include "core/db/database.hpp"
#include "core/http/server.hpp"
#include "core/http/static_files.hpp"

namespace sl::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

bhttp::response<bhttp::string_body> get(tcp::socket& sock, const std::string& target, bool keep_alive) {
  bhttp::request<bhttp::empty_body> req{bhttp::verb::get, target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  req.keep_alive(keep_alive);
  bhttp::write(sock, req);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(sock, buffer, res);
  return res;
}

TEST(HttpServer, HandlerOutlastingTheReadTimeoutStillAnswers) {
  auto dir = std::filesystem::temp_directory_path() / ("sl_http_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  Config cfg;
  cfg.http.listen = "127.0.0.1:0";
  cfg.http.read_timeout_seconds = 1;
  cfg.http.workers = 2;
  App app(cfg, db::Database::open("sqlite:" + (dir / "t.db").string(), 2));
  app.route(Method::GET, "/api/v1/test/slow",
            [](Request&) {
              std::this_thread::sleep_for(std::chrono::milliseconds(1600));
              return Response::json({{"slow", true}});
            },
            {"slow", "test", Access::open});
  app.route(Method::GET, "/api/v1/test/fast",
            [](Request&) {
              return Response::json({{"fast", true}});
            },
            {"fast", "test", Access::open});
  StaticFiles files((dir / "no-web").string());
  Server server(app, files);
  server.bind();
  auto port = server.port();
  std::thread serving([&] { server.run(); });

  asio::io_context ioc;
  tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), port);
  for (int i = 0; i < 3; ++i) {  // one request per connection, as most clients send them
    tcp::socket sock(ioc);
    sock.connect(ep);
    auto res = get(sock, "/api/v1/test/slow", false);
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_NE(res.body().find("\"slow\":true"), std::string::npos);
  }
  {  // a kept-alive connection goes on after the slow answer
    tcp::socket sock(ioc);
    sock.connect(ep);
    EXPECT_EQ(get(sock, "/api/v1/test/slow", true).result_int(), 200);
    auto res = get(sock, "/api/v1/test/fast", true);
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_NE(res.body().find("\"fast\":true"), std::string::npos);
  }

  ::kill(::getpid(), SIGTERM);  // the server's own graceful shutdown
  serving.join();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sl::http
