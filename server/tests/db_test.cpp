// The storage interface's own contracts, on SQLite in memory: the pool gets every connection
// back, NULL reads the same by index and by name, doubles travel exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/db/database.hpp"

namespace sl::db {
namespace {

TEST(Lease, MoveAssignmentReturnsTheConnectionItHeld) {
  auto db = Database::open("sqlite::memory:", 2);
  {
    Lease a = db->acquire();
    Lease b = db->acquire();
    EXPECT_EQ(db->stats().in_use, 2);
    a = std::move(b);  // a's first connection goes back to the pool
    EXPECT_EQ(db->stats().in_use, 1);
    EXPECT_EQ(db->stats().open, 2);
    a->exec("SELECT 1");
    Lease c = db->acquire();  // the returned one, without waiting
    EXPECT_EQ(db->stats().in_use, 2);
    EXPECT_EQ(db->stats().waits, 0);
  }
  EXPECT_EQ(db->stats().in_use, 0);
  EXPECT_EQ(db->stats().open, 2);
}

TEST(Lease, MoveConstructionKeepsOneOwner) {
  auto db = Database::open("sqlite::memory:", 1);
  {
    Lease a = db->acquire();
    Lease b(std::move(a));
    b->exec("SELECT 1");
    EXPECT_EQ(db->stats().in_use, 1);
  }
  EXPECT_EQ(db->stats().in_use, 0);
}

TEST(Lease, SelfMoveAssignmentKeepsTheConnection) {
  auto db = Database::open("sqlite::memory:", 1);
  Lease a = db->acquire();
  Lease& same = a;
  a = std::move(same);
  a->exec("SELECT 1");
  EXPECT_EQ(db->stats().in_use, 1);
}

TEST(Row, NullTextIsEmptyByIndexAndByName) {
  auto db = Database::open("sqlite::memory:", 1);
  auto c = db->acquire();
  auto r = c->exec("SELECT NULL AS a, 'x' AS b");
  const Row& row = r.one();
  EXPECT_TRUE(row.is_null(0));
  EXPECT_EQ(row.text(0), "");
  EXPECT_EQ(row.text("a"), "");
  EXPECT_EQ(row.text(1), "x");
  EXPECT_EQ(row.text("b"), "x");
}

TEST(FormatReal, ShortestTextThatReadsBackExactly) {
  EXPECT_EQ(format_real(0.1), "0.1");
  EXPECT_EQ(format_real(3.0), "3");
  EXPECT_EQ(format_real(-2.5), "-2.5");
  EXPECT_EQ(format_real(1e-7), "1e-07");  // std::to_string gave "0.000000"
  for (double v : {1.0 / 3, 123456.78901234567, 2.2250738585072014e-308, 1.7976931348623157e308, 0.30000000000000004}) {
    std::string text = format_real(v);
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), v) << text;
  }
}

// With `bash scripts/with-postgres` around ctest: a double sent to PostgreSQL comes back exactly.
TEST(FormatReal, PostgresGetsDoublesExactly) {
  const char* url = std::getenv("SL_TEST_PG_ADMIN_URL");
  if (!url || !*url) GTEST_SKIP() << "SL_TEST_PG_ADMIN_URL not set (run under scripts/with-postgres)";
  auto db = Database::open(url, 1);
  auto c = db->acquire();
  for (double v : {0.1234567891234, 1e-7, 1.0 / 3, 42.0}) {
    EXPECT_EQ(c->exec("SELECT $1::float8", {v}).one().real(0), v);
    EXPECT_EQ(
        c->exec("SELECT CASE WHEN $1::float8 = $2::float8 THEN 1 ELSE 0 END", {v, format_real(v)}).one().integer(0), 1);
  }
}

}  // namespace
}  // namespace sl::db
