#include "core/auth/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/errors.hpp"

namespace sl::auth {

class PasswordHasher::Slot {
 public:
  explicit Slot(PasswordHasher& h) : h_(h) {
    std::unique_lock lk(h_.mu_);
    if (!h_.cv_.wait_for(lk, h_.max_wait_, [&] { return h_.free_ > 0; }))
      throw ApiError(ErrorCode::rate_limited, "服务器正忙，请稍后再试");
    h_.free_--;
  }
  ~Slot() {
    std::lock_guard lk(h_.mu_);
    h_.free_++;
    h_.cv_.notify_one();
  }

 private:
  PasswordHasher& h_;
};

PasswordHasher::PasswordHasher(int max_concurrent, std::chrono::milliseconds max_wait)
    : free_(std::max(1, max_concurrent)), max_wait_(std::max(std::chrono::milliseconds(0), max_wait)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string PasswordHasher::hash(const std::string& password) {
  Slot slot(*this);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool PasswordHasher::verify(const std::string& encoded, const std::string& password) {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  Slot slot(*this);
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> password_problem(const std::string& password) {
  if (password.size() < 8) return "密码至少 8 位";
  if (password.size() > 64) return "密码最多 64 位";
  bool letter = false, digit = false;
  for (unsigned char c : password) {
    if (std::isalpha(c)) letter = true;
    if (std::isdigit(c)) digit = true;
  }
  if (!letter || !digit) return "密码须同时包含字母和数字";
  return std::nullopt;
}

std::string random_hex(size_t n) {
  std::string bytes(n, '\0');
  randombytes_buf(bytes.data(), n);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (unsigned char c : bytes) {
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 15]);
  }
  return out;
}

std::string sha256_hex(const std::string& data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : digest) {
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 15]);
  }
  return out;
}

}  // namespace sl::auth
