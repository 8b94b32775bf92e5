#include "core/http/rate_limiter.hpp"

namespace sl::http {

bool RateLimiter::allow(const std::string& key) {
  if (limit_ <= 0) return true;
  int64_t minute =
      std::chrono::duration_cast<std::chrono::minutes>(std::chrono::steady_clock::now().time_since_epoch()).count();
  std::lock_guard lk(mu_);
  if (windows_.size() > 100000) windows_.clear();  // bound memory under address floods
  auto& w = windows_[key];
  if (w.minute != minute) {
    w.minute = minute;
    w.hits = 0;
  }
  return ++w.hits <= limit_;
}

}  // namespace sl::http
