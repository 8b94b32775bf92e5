#include "core/clock.hpp"

#include <atomic>
#include <ctime>

namespace sl::clock {

namespace {
std::atomic<int64_t> g_offset{0};
constexpr int64_t kChinaOffsetSeconds = 8 * 3600;
}  // namespace

int64_t now() {
  return static_cast<int64_t>(std::time(nullptr)) + g_offset.load();
}
void set_offset(int64_t seconds) {
  g_offset.store(seconds);
}
int64_t offset() {
  return g_offset.load();
}

std::string today() {
  return days_ago(0);
}

std::string days_ago(int days) {
  std::time_t t = static_cast<std::time_t>(now() + kChinaOffsetSeconds - int64_t{days} * 86400);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace sl::clock
