#include "modules/system/permissions.hpp"

#include <sodium.h>

#include "core/http/client_address.hpp"

namespace sl::system_module {

bool metrics_allowed(const Config& config, const http::Request& req) {
  const std::string& token = config.http.metrics_token;
  if (!token.empty()) {
    std::string expected = "Bearer " + token;
    std::string given = req.header("authorization");
    if (given.size() == expected.size() && sodium_memcmp(given.data(), expected.data(), given.size()) == 0) return true;
  }
  bool proxied =
      !req.header("x-forwarded-for").empty() || !req.header("forwarded").empty() || !req.header("x-real-ip").empty();
  return !proxied && http::is_loopback(req.remote_addr);
}

}  // namespace sl::system_module
