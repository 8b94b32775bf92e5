#include "modules/proposals/calendar.hpp"

#include <cstdio>
#include <ctime>

#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {
// The national defaults (public_calendar_days, migration 0020) a committee's calendar has not yet
// been given, by year; copying one year's days in, keeping the committee's own setting of a day;
// and marking the year as given, so days staff delete stay deleted.
constexpr const char* kUnseededYears =
    "SELECT DISTINCT substr(p.day, 1, 4) FROM public_calendar_days p WHERE NOT EXISTS (SELECT 1 FROM "
    "calendar_seeded_years s WHERE s.committee_id = $1 AND s.year = substr(p.day, 1, 4))";
constexpr const char* kSeedYear =
    "INSERT INTO calendar_days (committee_id, day, kind, name) SELECT CAST($1 AS BIGINT), day, kind, name FROM "
    "public_calendar_days WHERE substr(day, 1, 4) = $2 ON CONFLICT DO NOTHING";
constexpr const char* kMarkSeeded =
    "INSERT INTO calendar_seeded_years (committee_id, year) VALUES ($1, $2) ON CONFLICT DO NOTHING";

std::tm parse(const std::string& date) {
  std::tm tm{};
  std::sscanf(date.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_hour = 12;
  return tm;
}
std::string format(std::tm tm) {
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}
}  // namespace

std::string add_days(const std::string& date, int days) {
  std::tm tm = parse(date);
  std::time_t t = timegm(&tm) + static_cast<std::time_t>(days) * 86400;
  std::tm out{};
  gmtime_r(&t, &out);
  return format(out);
}

std::string add_months(const std::string& date, int months) {
  std::tm tm = parse(date);
  int total = tm.tm_year * 12 + tm.tm_mon + months;
  int year = total / 12, month = total % 12;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = year + 1900;
  int max = kDays[month] + ((month == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ? 1 : 0);
  tm.tm_year = year;
  tm.tm_mon = month;
  if (tm.tm_mday > max) tm.tm_mday = max;
  return format(tm);
}

int weekday(const std::string& date) {
  std::tm tm = parse(date);
  std::time_t t = timegm(&tm);
  std::tm out{};
  gmtime_r(&t, &out);
  return out.tm_wday;
}

void seed_public_holidays(db::Connection& c, int64_t committee_id) {
  for (const auto& r : c.exec(kUnseededYears, {committee_id}).rows) {
    std::string year = r.text(0);
    c.exec(kSeedYear, {committee_id, year});
    c.exec(kMarkSeeded, {committee_id, year});
  }
}

WorkCalendar WorkCalendar::load(db::Connection& c, int64_t committee_id) {
  seed_public_holidays(c, committee_id);
  std::set<std::string> holidays, workdays;
  for (const auto& r : c.exec(sql::kCalendarDays, {committee_id}).rows)
    (r.text(1) == "workday" ? workdays : holidays).insert(r.text(0));
  return WorkCalendar(std::move(holidays), std::move(workdays));
}

bool WorkCalendar::is_working_day(const std::string& date) const {
  if (workdays_.count(date)) return true;
  if (holidays_.count(date)) return false;
  int wd = weekday(date);
  return wd != 0 && wd != 6;
}

std::string WorkCalendar::add_working_days(const std::string& date, int n) const {
  std::string d = date;
  int added = 0;
  for (int guard = 0; added < n && guard < 3660; ++guard) {
    d = add_days(d, 1);
    if (is_working_day(d)) ++added;
  }
  return d;
}

int WorkCalendar::working_days_between(const std::string& from, const std::string& to) const {
  if (to < from) return -working_days_between(to, from);
  int n = 0;
  for (std::string d = from; d < to;) {
    d = add_days(d, 1);
    if (is_working_day(d)) ++n;
  }
  return n;
}

}  // namespace sl::proposals
