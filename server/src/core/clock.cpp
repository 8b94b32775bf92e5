#include "core/clock.hpp"

#include <atomic>
#include <cstdio>
#include <ctime>

namespace sl::clock {

namespace {
std::atomic<int64_t> g_offset{0};
constexpr int64_t kChinaOffsetSeconds = int64_t{8} * 3600;
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
  return day_at(now() - int64_t{days} * 86400);
}

std::string iso_at(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string day_at(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t + kChinaOffsetSeconds);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string local_day(std::string_view ts) {
  auto num = [&](size_t at, size_t len, int& out) {
    out = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (ts[i] < '0' || ts[i] > '9') return false;
      out = out * 10 + (ts[i] - '0');
    }
    return true;
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  bool full = ts.size() >= 19 && ts[4] == '-' && ts[7] == '-' && (ts[10] == 'T' || ts[10] == ' ') && ts[13] == ':' &&
              ts[16] == ':' && num(0, 4, y) && num(5, 2, mo) && num(8, 2, d) && num(11, 2, h) && num(14, 2, mi) &&
              num(17, 2, se) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
  if (!full) return std::string(ts.substr(0, 10));
  int64_t seconds = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
                    int64_t{h} * 3600 + int64_t{mi} * 60 + se + kChinaOffsetSeconds;
  int64_t day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  return civil_from_days(day);
}

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string civil_from_days(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buffer;
}

std::string chinese_day(std::string_view day_or_timestamp) {
  if (day_or_timestamp.empty()) return "";
  std::string day = local_day(day_or_timestamp);
  int y = 0, m = 0, d = 0;
  if (std::sscanf(day.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return std::string(day_or_timestamp);
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

}  // namespace sl::clock
