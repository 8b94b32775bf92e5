#pragma once
// SMS gateways. `log` writes the message to the server log and nothing else (development and
// tests read codes from there); `http` POSTs {"phone","text"} as JSON to a configured
// http:// URL (a committee's SMS platform adapter).

#include <memory>
#include <string>

#include "core/config.hpp"

namespace sl {

class SmsGateway {
 public:
  virtual ~SmsGateway() = default;
  /// Sends `text` to `phone`; throws on failure.
  virtual void send(const std::string& phone, const std::string& text) = 0;
};

std::unique_ptr<SmsGateway> make_sms_gateway(const Config::Sms& cfg);

}  // namespace sl
