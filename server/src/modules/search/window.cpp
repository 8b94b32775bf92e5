#include "modules/search/window.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <tuple>

#include "core/api/resource.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/queries.hpp"

namespace sl::search {

namespace {

/// A step of search_window() names its periods in the tsquery up to this many; a longer range is
/// bounded by the key alone.
constexpr int64_t kMaxPeriodSpan = 64;

/// One window query: the newest `window` rows in scope and the extra conditions, with their relevance.
std::vector<WindowRow> window_rows(db::Connection& c, const SearchScope& s, const std::vector<std::string>& extra,
                                   std::vector<db::Value> params, int64_t window, const char* order_suffix) {
  std::vector<std::string> conds = s.conds;
  conds.insert(conds.end(), extra.begin(), extra.end());
  bool titles = !s.title_terms.empty();
  std::string statement = "SELECT " + s.key + ", " + s.rank + ", d.doc_type, d.session_id, d.category, d.state" +
                          (titles ? ", d.title" : "") + " FROM " + s.from + " WHERE " + join(conds, " AND ") +
                          " ORDER BY " + s.key + order_suffix + " DESC LIMIT " + api::add_param(params, window);
  std::vector<WindowRow> out;
  auto rows = c.exec(statement, params);
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) {
    out.push_back({r.integer(0), r.real(1), r.text(2), r.text(4), r.text(5), r.is_null(3) ? 0 : r.integer(3)});
    if (!titles) continue;
    std::u32string title = normalize(r.text(6));
    for (const auto& t : s.title_terms)
      if (title.find(t) != std::u32string::npos) out.back().score += 2.0;
  }
  return out;
}

/// The key of the committee's `n`-th newest document (1 is the newest), or nothing when it has fewer.
/// Read from the key index and kept for a minute: the boundary moves only as documents are added,
/// and a stale one still bounds a contiguous range of the newest documents.
std::optional<int64_t> nth_newest_key(db::Connection& c, int64_t lo, int64_t hi, int64_t n) {
  struct Entry {
    std::optional<int64_t> key;
    std::chrono::steady_clock::time_point at;
  };
  static std::mutex mu;
  static std::map<std::tuple<int64_t, int64_t, int64_t>, Entry> cache;
  auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mu);
    auto found = cache.find({lo, hi, n});
    if (found != cache.end() && now - found->second.at < std::chrono::minutes(1)) return found->second.key;
  }
  auto r = c.exec(sql::kNthNewestKey, {lo, hi, n - 1});
  Entry e{r.empty() ? std::nullopt : std::optional<int64_t>(r.one().integer(0)), now};
  std::lock_guard lock(mu);
  if (cache.size() > 1000) cache.clear();
  cache[{lo, hi, n}] = e;
  return e.key;
}

}  // namespace

/// The newest `window` matches in scope (and the extra conditions), with their relevance.
///
/// On PostgreSQL (one committee) the query first goes to the indexes restricted to the newest
/// 2 × `window` documents of the committee, then 4 times as many at each step up to 512 × `window`
/// (2,000 to 512,000 documents for the default window), and only when those hold fewer than
/// `window` matches to all of them. Each step bounds the key (the key index gives a bitmap of the
/// range) and adds the periods the range spans to the tsquery (so that GIN yields only the matches
/// of those periods, tsquery_periods); PostgreSQL then fetches and, for a phrase, rechecks
/// only the rows in both, about `window` to four times `window` of them, where a word in four
/// documents in ten had it fetch every one of its tens of thousands of matches in the newest periods. The `+ 0` keeps
/// the planner from walking the key index newest first instead, which checks each row's TOASTed tsvector.
std::vector<WindowRow> search_window(db::Connection& c, const SearchScope& s, const std::vector<std::string>& extra,
                                     std::vector<db::Value> params, int64_t window) {
  if (s.newest_period) {
    const auto& tsquery = std::get<std::string>(params[static_cast<size_t>(s.tsquery_param)]);
    for (int64_t docs = 2 * window; docs <= 512 * window; docs *= 4) {
      auto floor = nth_newest_key(c, s.key_lo, s.key_hi, docs);
      if (!floor) break;
      int64_t span = *s.newest_period - key_period(*floor) + 1;
      auto p = params;
      if (span <= kMaxPeriodSpan)
        p[static_cast<size_t>(s.tsquery_param)] =
            "(" + tsquery + ") & " + tsquery_periods(*s.newest_period, static_cast<int>(span));
      auto conds = extra;
      conds.push_back("d.fts_key >= " + api::add_param(p, *floor));
      auto rows = window_rows(c, s, conds, std::move(p), window, " + 0");
      if (static_cast<int64_t>(rows.size()) >= window) return rows;
    }
  }
  return window_rows(c, s, extra, std::move(params), window, "");
}

}  // namespace sl::search
