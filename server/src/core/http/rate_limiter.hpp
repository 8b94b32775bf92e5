#pragma once
// A fixed-window counter per key (an address): at most `limit` hits a minute. In memory, per
// process: with N nodes behind a balancer an address gets up to N× the limit, which is fine for
// its purpose (slowing guessing); the lockout counters that must be exact live in the database.

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sl::http {

class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : limit_(per_minute) {}
  /// Counts a hit for `key`; false when the key is over its limit this minute.
  bool allow(const std::string& key);

 private:
  struct Window {
    int64_t minute = 0;
    int hits = 0;
  };
  int limit_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace sl::http
