#pragma once
// Password hashing with libsodium argon2id (INTERACTIVE limits: ~50 ms and 64 MiB a hash).
// At most `max_concurrent` hashes run at once, so a burst of logins cannot exhaust memory; a
// request waits at most `max_wait` for a free slot and is then refused with 429, so a burst
// cannot hold every worker thread either.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

namespace sl::auth {

class PasswordHasher {
 public:
  PasswordHasher(int max_concurrent, std::chrono::milliseconds max_wait);
  /// The encoded argon2id hash of `password`. Throws ApiError 429 `rate_limited` when no slot
  /// frees up within the wait bound.
  std::string hash(const std::string& password);
  /// True when `password` matches `encoded`; false for an empty or malformed hash. Throws like `hash`.
  bool verify(const std::string& encoded, const std::string& password);

 private:
  class Slot;
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
  std::chrono::milliseconds max_wait_;
};

/// Why `password` is too weak (Chinese), or nullopt when it is acceptable:
/// 8 to 64 characters with at least one letter and one digit.
std::optional<std::string> password_problem(const std::string& password);

/// `n` random bytes as lower-case hex.
std::string random_hex(size_t n);
/// SHA-256 of `data` as lower-case hex.
std::string sha256_hex(const std::string& data);

}  // namespace sl::auth
