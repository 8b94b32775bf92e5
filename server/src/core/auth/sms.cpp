#include "core/auth/sms.hpp"

#include <utility>
// <utility> before Asio: g++ 12 otherwise misses std::exchange.
#include <spdlog/spdlog.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <stdexcept>

namespace sl {

namespace {

class LogGateway final : public SmsGateway {
 public:
  void send(const std::string& phone, const std::string& text) override {
    spdlog::info("sms gateway=log phone={} text={}", phone, text);
  }
};

class HttpGateway final : public SmsGateway {
 public:
  explicit HttpGateway(std::string url) {
    static const std::regex kUrl(R"(^http://([^/:]+)(?::(\d+))?(/.*)?$)");
    std::smatch m;
    if (!std::regex_match(url, m, kUrl)) throw std::invalid_argument("sms.url must be an http:// URL");
    host_ = m[1];
    port_ = m[2].matched ? std::string(m[2]) : "80";
    target_ = m[3].matched ? std::string(m[3]) : "/";
  }

  void send(const std::string& phone, const std::string& text) override {
    namespace beast = boost::beast;
    namespace asio = boost::asio;
    asio::io_context ioc;
    asio::ip::tcp::resolver resolver(ioc);
    beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(resolver.resolve(host_, port_));
    beast::http::request<beast::http::string_body> req{beast::http::verb::post, target_, 11};
    req.set(beast::http::field::host, host_);
    req.set(beast::http::field::content_type, "application/json");
    req.body() = nlohmann::json{{"phone", phone}, {"text", text}}.dump();
    req.prepare_payload();
    beast::http::write(stream, req);
    beast::flat_buffer buf;
    beast::http::response<beast::http::string_body> res;
    beast::http::read(stream, buf, res);
    beast::error_code ec;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    if (res.result_int() >= 300) throw std::runtime_error("sms gateway answered " + std::to_string(res.result_int()));
  }

 private:
  std::string host_, port_, target_;
};

}  // namespace

std::unique_ptr<SmsGateway> make_sms_gateway(const Config::Sms& cfg) {
  if (cfg.gateway == "log") return std::make_unique<LogGateway>();
  if (cfg.gateway == "http") return std::make_unique<HttpGateway>(cfg.url);
  throw std::invalid_argument("sms.gateway must be log or http, got " + cfg.gateway);
}

}  // namespace sl
