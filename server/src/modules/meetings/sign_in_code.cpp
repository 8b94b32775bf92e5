#include "modules/meetings/sign_in_code.hpp"

#include <sodium.h>

#include <charconv>
#include <vector>

namespace sl::meetings {

namespace {

struct Parts {
  int64_t meeting = 0;
  int64_t window = 0;
  std::string_view mac;
};

bool parse_int(std::string_view s, int64_t& out) {
  if (s.empty() || s.size() > 18) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out >= 0;
}

std::optional<Parts> split(std::string_view token) {
  size_t a = token.find('.');
  if (a == std::string_view::npos) return std::nullopt;
  size_t b = token.find('.', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  Parts p;
  if (!parse_int(token.substr(0, a), p.meeting) || !parse_int(token.substr(a + 1, b - a - 1), p.window))
    return std::nullopt;
  p.mac = token.substr(b + 1);
  if (p.mac.size() != 10) return std::nullopt;
  return p;
}

std::string mac_of(std::string_view secret, int64_t meeting_id, int64_t window) {
  std::string message = std::to_string(meeting_id) + "." + std::to_string(window);
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&st, out);
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < 5; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 15];
  }
  return hex;
}

}  // namespace

int64_t window_of(int64_t now) {
  return now >= 0 ? now / kWindowSeconds : (now - kWindowSeconds + 1) / kWindowSeconds;
}

std::string sign_in_token(std::string_view secret, int64_t meeting_id, int64_t window) {
  return std::to_string(meeting_id) + "." + std::to_string(window) + "." + mac_of(secret, meeting_id, window);
}

std::optional<int64_t> token_meeting(std::string_view token) {
  auto p = split(token);
  if (!p) return std::nullopt;
  return p->meeting;
}

TokenCheck check_sign_in_token(std::string_view token, std::string_view secret, int64_t meeting_id, int64_t now) {
  auto p = split(token);
  if (!p) return TokenCheck::malformed;
  if (p->meeting != meeting_id) return TokenCheck::other_meeting;
  std::string expected = mac_of(secret, meeting_id, p->window);
  if (sodium_memcmp(expected.data(), p->mac.data(), expected.size()) != 0) return TokenCheck::malformed;
  int64_t current = window_of(now);
  if (p->window == current || p->window == current - 1) return TokenCheck::valid;
  return TokenCheck::expired;
}

}  // namespace sl::meetings
