#pragma once
// The committee's working-day calendar: Monday to Friday are working days, weekends are not,
// except the dates the committee lists as holidays (法定节假日) or make-up working days (调休).
// Every proposal deadline is computed from it.

#include <set>
#include <string>

#include "core/db/database.hpp"

namespace sl::proposals {

class WorkCalendar {
 public:
  /// Loads `committee_id`'s listed days, after seed_public_holidays.
  static WorkCalendar load(db::Connection& c, int64_t committee_id);
  WorkCalendar(std::set<std::string> holidays, std::set<std::string> workdays)
      : holidays_(std::move(holidays)), workdays_(std::move(workdays)) {}

  bool is_working_day(const std::string& date) const;
  /// The date `n` working days after `date` (n ≥ 1; the start day does not count).
  std::string add_working_days(const std::string& date, int n) const;
  /// Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
  int working_days_between(const std::string& from, const std::string& to) const;

 private:
  std::set<std::string> holidays_;
  std::set<std::string> workdays_;
};

/// Copies into the committee's calendar the national holidays and make-up working days of every
/// shipped year it has not been given yet (public_calendar_days); a day it already lists keeps its
/// setting. Each year is given once: what staff change or delete afterwards stays so.
void seed_public_holidays(db::Connection& c, int64_t committee_id);

/// `date` plus `days` calendar days (YYYY-MM-DD).
std::string add_days(const std::string& date, int days);
/// `date` plus `months` calendar months, clamped to the month's last day.
std::string add_months(const std::string& date, int months);
/// Day of week of `date`: 0 = Sunday … 6 = Saturday.
int weekday(const std::string& date);

}  // namespace sl::proposals
