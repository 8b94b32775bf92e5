#pragma once
// The server's notion of now. Production reads the system clock; tests (with the test routes
// enabled) may move it forward to see deadlines pass, reminders go out and sessions expire.

#include <cstdint>
#include <string>
#include <string_view>

namespace sl::clock {

/// Seconds since the epoch, plus any test offset.
int64_t now();
/// Moves the clock by `seconds` from the real time (tests only).
void set_offset(int64_t seconds);
int64_t offset();
/// The stored UTC timestamp of epoch second `t` ("2026-12-07T08:00:00Z").
std::string iso_at(int64_t t);
/// The China Standard Time date (YYYY-MM-DD) of epoch second `t`.
std::string day_at(int64_t t);
/// Today's date in China Standard Time (UTC+8), as YYYY-MM-DD: the date people see on deadlines.
std::string today();
/// The date `days` days before today, the same way.
std::string days_ago(int days);
/// The China Standard Time date of a stored UTC timestamp ("YYYY-MM-DDTHH:MM:SSZ"), as YYYY-MM-DD:
/// an assignment made at 01:00 in Beijing belongs to that day, not to the UTC day before. Text that
/// is not a full timestamp yields its first ten characters.
std::string local_day(std::string_view utc_timestamp);
/// A day as people write it, "2026年3月9日": of a day (YYYY-MM-DD) or of a stored UTC timestamp
/// (its China Standard Time day); "" for empty text, the text itself when it is no date.
std::string chinese_day(std::string_view day_or_timestamp);

/// Days from 1970-01-01 to the proleptic Gregorian date `y`-`m`-`d` (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
/// "YYYY-MM-DD" of `days` since 1970-01-01.
std::string civil_from_days(int64_t days);

}  // namespace sl::clock
