// Dates people see are China Standard Time; stored timestamps are UTC.
#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace sl::clock {
namespace {

TEST(Clock, LocalDayOfAStoredTimestampIsTheBeijingDate) {
  EXPECT_EQ(local_day("2026-11-29T15:59:59Z"), "2026-11-29");
  EXPECT_EQ(local_day("2026-11-29T16:00:00Z"), "2026-11-30");  // midnight in Beijing
  EXPECT_EQ(local_day("2026-12-31T17:30:00Z"), "2027-01-01");  // across a year
  EXPECT_EQ(local_day("2028-02-28T20:00:00Z"), "2028-02-29");  // into a leap day
  EXPECT_EQ(local_day("2026-11-29 03:00:00"), "2026-11-29");   // PostgreSQL's text form
  EXPECT_EQ(local_day("1969-12-31T20:00:00Z"), "1970-01-01");
}

TEST(Clock, LocalDayLeavesWhatIsNotATimestampAsItsFirstTenCharacters) {
  EXPECT_EQ(local_day(""), "");
  EXPECT_EQ(local_day("2026-11-29"), "2026-11-29");
  EXPECT_EQ(local_day("2026-11-29Tab:00:00Z"), "2026-11-29");
}

}  // namespace
}  // namespace sl::clock
