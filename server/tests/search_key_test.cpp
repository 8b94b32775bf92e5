// The search index's ordering key, SQLite's sl_rank() and sl_hit() functions and functions added by
// add_sqlite_function().
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "core/db/database.hpp"
#include "modules/search/indexer.hpp"

namespace sl::search {
namespace {

TEST(SearchKey, OrdersByCommitteeThenDayThenRecord) {
  int64_t day = day_number("2026-11-29");
  EXPECT_LT(fts_key(2, day - 1, 999999, true), fts_key(2, day, 1, false));
  EXPECT_LT(fts_key(2, day, 7, false), fts_key(2, day, 7, true));
  EXPECT_LT(fts_key(2, day, 7, true), fts_key(2, day, 8, false));
  EXPECT_LT(fts_key(2, 65535, (int64_t{1} << 32) - 1, true), fts_key(3, 0, 0, false));
  auto [lo, hi] = committee_key_range(2);
  for (int64_t k :
       {fts_key(2, 0, 0, false), fts_key(2, day, 12345, true), fts_key(2, 65535, (int64_t{1} << 32) - 1, true)}) {
    EXPECT_GE(k, lo);
    EXPECT_LE(k, hi);
  }
  EXPECT_GT(fts_key(3, 0, 0, false), hi);
  EXPECT_LT(fts_key(1, 65535, 1, true), lo);
}

TEST(SearchKey, DaysGoBackToTheirDatesAndPeriodsFollowTheKey) {
  for (const char* iso : {"1970-01-01", "2000-02-29", "2024-12-31", "2026-11-29", "2099-03-01"})
    EXPECT_EQ(day_iso(day_number(iso)), iso);
  int64_t day = day_number("2026-11-29");
  EXPECT_EQ(key_day(fts_key(2, day, 77, true)), day);
  EXPECT_EQ(key_period(fts_key(2, day, 77, true)), day / kPeriodDays);
  EXPECT_EQ(key_period(fts_key(2, 70000, 1, false)), 65535 / kPeriodDays);  // clamped like the key
  EXPECT_EQ(period_lexeme(643), "~p643");
  EXPECT_EQ(tsquery_periods(643, 1), "('~p643')");
  EXPECT_EQ(tsquery_periods(643, 3), "('~p643' | '~p642' | '~p641')");
  EXPECT_EQ(tsquery_periods(1, 4), "('~p1' | '~p0')");  // no period before the first
}

TEST(SearchKey, ClampsDaysAndRefusesWhatDoesNotFit) {
  EXPECT_EQ(fts_key(1, -5, 1, false), fts_key(1, 0, 1, false));
  EXPECT_EQ(fts_key(1, 70000, 1, false), fts_key(1, 65535, 1, false));
  EXPECT_THROW(fts_key(8192, 1, 1, false), std::out_of_range);
  EXPECT_THROW(fts_key(1, 1, int64_t{1} << 32, false), std::out_of_range);
  EXPECT_THROW(fts_key(-1, 1, 1, false), std::out_of_range);
  EXPECT_GT(fts_key(8191, 65535, (int64_t{1} << 32) - 1, true), 0);  // the largest key stays positive
}

TEST(SearchRank, TitleHitsOutrankBodyHitsAndEveryPhraseCounts) {
  auto path = (std::filesystem::temp_directory_path() / ("sl_rank_" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  {
    auto db = db::Database::open("sqlite:" + path, 1);
    auto c = db->acquire();
    c->exec("CREATE VIRTUAL TABLE t USING fts5(title, body, content='')");
    c->exec("INSERT INTO t (rowid, title, body) VALUES (1, 'aa bb', 'cc'), (2, 'cc', 'aa bb aa'), (3, 'cc', 'aa')");
    auto rank = [&](const std::string& q) {
      std::map<int64_t, double> out;
      for (const auto& r : c->exec("SELECT rowid, sl_rank(t) FROM t WHERE t MATCH $1", {q}).rows)
        out[r.integer(0)] = r.real(1);
      return out;
    };
    auto a = rank("aa");
    ASSERT_EQ(a.size(), 3u);
    EXPECT_DOUBLE_EQ(a[1], 2.0);            // in the title
    EXPECT_DOUBLE_EQ(a[2], std::log1p(2));  // twice in the body
    EXPECT_DOUBLE_EQ(a[3], std::log1p(1));
    auto ab = rank("aa AND bb");
    EXPECT_DOUBLE_EQ(ab[1], 4.0);
    EXPECT_NEAR(ab[2], std::log1p(2) + std::log1p(1), 1e-9);
    // sl_hit(t, n): whether the row holds the query's phrase n (counted from 0, left to right).
    std::map<int64_t, int64_t> hit;
    for (const auto& r : c->exec("SELECT rowid, sl_hit(t, 1) FROM t WHERE t MATCH 'cc AND (aa OR \"aa bb\")'").rows)
      hit[r.integer(0)] = r.integer(1);
    EXPECT_EQ(hit, (std::map<int64_t, int64_t>{{1, 1}, {2, 1}, {3, 1}}));
    hit.clear();
    for (const auto& r : c->exec("SELECT rowid, sl_hit(t, 2) FROM t WHERE t MATCH 'cc AND (aa OR \"aa bb\")'").rows)
      hit[r.integer(0)] = r.integer(1);
    EXPECT_EQ(hit, (std::map<int64_t, int64_t>{{1, 1}, {2, 1}, {3, 0}}));
    EXPECT_THROW(c->exec("SELECT sl_hit(t, 3) FROM t WHERE t MATCH 'aa'"), std::runtime_error);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(SqliteFunctions, AddedFunctionsReachConnectionsOpenedAfterwards) {
  db::add_sqlite_function("sl_test_len_sum", 2, [](const std::vector<std::string_view>& args) {
    if (args[0] == "fail") throw std::runtime_error("asked to fail");
    return static_cast<int64_t>(args[0].size() + args[1].size());
  });
  auto db = db::Database::open("sqlite::memory:", 1);
  auto c = db->acquire();
  EXPECT_EQ(c->exec("SELECT sl_test_len_sum('abc', NULL)").one().integer(0), 3);
  EXPECT_EQ(c->exec("SELECT sl_test_len_sum($1, x'0001')", {std::string("养老")}).one().integer(0), 8);
  EXPECT_THROW(c->exec("SELECT sl_test_len_sum('fail', '')"), std::runtime_error);
}

}  // namespace
}  // namespace sl::search

namespace sl::search {
namespace {

TEST(SearchCompaction, MergesTheFullTextIndexIntoOneSegmentAndKeepsItsMatches) {
  auto path = (std::filesystem::temp_directory_path() / ("sl_compact_" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  {
    auto db = db::Database::open("sqlite:" + path, 2);
    auto matches = [&](const std::string& q) {
      std::vector<int64_t> out;
      auto c = db->acquire();
      for (const auto& r : c->exec("SELECT rowid FROM search_fts WHERE search_fts MATCH $1 ORDER BY rowid", {q}).rows)
        out.push_back(r.integer(0));
      return out;
    };
    {
      auto c = db->acquire();
      c->exec("CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='')");
      c->exec("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)");  // keep every segment
    }
    // Eight transactions of equal size: eight segments, each an eighth of the index.
    for (int t = 0; t < 8; ++t)
      db->transaction([&](db::Connection& c) {
        for (int i = 0; i < 50; ++i) {
          int64_t id = t * 50 + i + 1;
          c.exec("INSERT INTO search_fts (rowid, title, body) VALUES ($1, $2, $3)",
                 {id, "养老 老服 服务",
                  std::string(id % 3 == 0 ? "社区 区改 改造" : "垃圾 圾分 分类") + " 第" + std::to_string(id)});
        }
      });
    auto before_phrase = matches("\"社区 区改 改造\"");
    auto before_word = matches("养老");
    ASSERT_EQ(before_word.size(), 400u);
    ASSERT_EQ(before_phrase.size(), 133u);
    {
      auto c = db->acquire();
      EXPECT_EQ(large_fts_segments(*c), 8);
    }
    EXPECT_GT(compact_fts(*db), 0);
    {
      auto c = db->acquire();
      EXPECT_EQ(c->exec("SELECT COUNT(DISTINCT segid) FROM search_fts_idx").one().integer(0), 1);
      EXPECT_EQ(large_fts_segments(*c), 1);
    }
    EXPECT_EQ(matches("\"社区 区改 改造\""), before_phrase);
    EXPECT_EQ(matches("养老"), before_word);
    EXPECT_EQ(compact_fts(*db), 0);  // nothing left to merge
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace sl::search
