#pragma once
// The server's notion of now. Production reads the system clock; tests (with the test routes
// enabled) may move it forward to see deadlines pass, reminders go out and sessions expire.

#include <cstdint>
#include <string>

namespace sl::clock {

/// Seconds since the epoch, plus any test offset.
int64_t now();
/// Moves the clock by `seconds` from the real time (tests only).
void set_offset(int64_t seconds);
int64_t offset();
/// Today's date in China Standard Time (UTC+8), as YYYY-MM-DD: the date people see on deadlines.
std::string today();
/// The date `days` days before today, the same way.
std::string days_ago(int days);

/// Days from 1970-01-01 to the proleptic Gregorian date `y`-`m`-`d` (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
/// "YYYY-MM-DD" of `days` since 1970-01-01.
std::string civil_from_days(int64_t days);

}  // namespace sl::clock
