#include "modules/search/search_module.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <unordered_set>

#include "core/api/resource.hpp"
#include "core/api/validation.hpp"
#include "core/clock.hpp"
#include "core/search/tokenizer.hpp"
#include "core/utf8.hpp"
#include "modules/proposals/access.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/replica.hpp"
#include "modules/search/similar_index.hpp"

namespace sl {

namespace {

using search::ids_list;

constexpr const char* kTag = "search";
constexpr size_t kMaxQueryChars = 100;
const std::vector<std::string> kMergeStates = {"submitted", "filed"};
const std::vector<std::string> kAssignedStates = {"assigned",           "in_handling", "reply_unit_review",
                                                  "reply_cppcc_review", "replied",     "feedback_received",
                                                  "second_handling",    "closed"};

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

int64_t today_day() {
  return search::day_number(clock::today());
}

// ---------- full-text search ----------
//
// A search takes the matches of the query in the caller's scope newest first (the order of
// search_docs.fts_key) and stops after `config.search.window` of them; the facets, the total and the ranking
// (the match's hits plus recency) are computed over that window. So a query costs about the same
// whether it matches a hundred documents or half a million; when the window is full the total is
// reported as capped ("more than"), and an older record is found by narrowing the query or the
// facets (each facet filter takes a window of its own).

struct SearchScope {
  std::string from;                         // FROM clause
  std::string key;                          // the ordering key column
  std::string rank = "0";                   // relevance of a row from its own hits
  std::vector<std::u32string> title_terms;  // when set, 2 more for each one the row's title contains
  std::vector<std::string> conds;           // the query and the caller's scope
  std::vector<db::Value> params;
  int64_t scanned_docs = 0;  // a one-character term was looked for in this many newest documents only
  int fts_phrases = 0;       // FTS5: phrases in the expression's positive terms so far (sl_hit numbers them)
  // PostgreSQL, one committee: the index of the tsquery's parameter, the committee's key range and
  // the period of its newest document, so that search_window() can ask for the newest documents first.
  int tsquery_param = -1;
  int64_t key_lo = 0, key_hi = 0;
  std::optional<int64_t> newest_period;
};

struct WindowRow {
  int64_t key = 0;
  double score = 0;
  std::string type, category, state;
  int64_t session = 0;
};

search::Query read_query(const http::Request& req) {
  std::string q = api::trim(req.query_param("q").value_or(""));
  if (q.empty()) throw ApiError::validation("q", "请输入要搜索的内容");
  if (api::utf8_length(q) > kMaxQueryChars)
    throw ApiError::validation("q", "搜索内容不能超过 " + std::to_string(kMaxQueryChars) + " 个字");
  auto query = search::parse_query(q);
  if (query.terms.empty()) throw ApiError::validation("q", "搜索内容中没有可查找的文字");
  if (!query.has_positive()) throw ApiError::validation("q", "请至少输入一个要查找的词（不能只有排除词）");
  return query;
}

/// A term's full-text expression: an FTS5 MATCH expression, or a PostgreSQL tsquery. A term that
/// ends in a Latin word or a number is spelled out as the exact words it may end in (search_words):
/// given the prefix itself, FTS5 would first merge the whole doclist of every such word (250 ms for
/// "PM2.5" at a million proposals) and GIN would first collect every row of every such word (944 ms
/// for "12345"), where exact words are read lazily, newest first (FTS5), or skipped through (GIN).
/// When the words are more than kMaxPrefixWords, the phrase of the term's other tokens finds the
/// candidates and the normalised text confirms the term (on FTS5, only the candidates without its
/// exact form); an exclusion, or a term of one token, then keeps the engine's own prefix query.
constexpr size_t kMaxPrefixWords = 64;

/// The phrase builders of one engine's query syntax.
struct PhraseSyntax {
  std::string (*phrase)(const search::QueryTerm&);
  std::string (*with_last)(const search::QueryTerm&, const std::string&);
  std::string (*head)(const search::QueryTerm&);
  const char* or_op;
};
constexpr PhraseSyntax kFts5{search::fts5_phrase, search::fts5_phrase_with_last, search::fts5_phrase_head, " OR "};
constexpr PhraseSyntax kTsquery{search::tsquery_phrase, search::tsquery_phrase_with_last, search::tsquery_phrase_head,
                                " | "};

/// The condition that a document's normalised text contains (or, when `exclude`, lacks) `needle`:
/// the norm column of the database's search_docs, or on the replica (replica.hpp) the function that
/// normalises the document's title and body again.
std::string text_condition(SearchScope& s, bool on_replica, bool exclude, const std::string& needle) {
  if (on_replica) return (exclude ? "NOT " : "") + search::replica_text_contains(api::add_param(s.params, needle));
  return std::string("d.norm ") + (exclude ? "NOT LIKE " : "LIKE ") + api::add_param(s.params, "%" + needle + "%");
}

std::string match_term(db::Connection& c, db::Dialect engine, const search::QueryTerm& t, SearchScope& s) {
  const PhraseSyntax& syntax = engine == db::Dialect::postgres ? kTsquery : kFts5;
  if (!search::ascii_prefix(t)) return syntax.phrase(t);
  const std::string& prefix = t.tokens.back().text;
  auto words = c.exec("SELECT word FROM search_words WHERE word >= $1 AND word < $2 ORDER BY word LIMIT $3",
                      {prefix, prefix + "\xF4\x8F\xBF\xBF", static_cast<int64_t>(kMaxPrefixWords + 1)});
  if (words.rows.size() <= kMaxPrefixWords) {
    std::vector<std::string> forms;
    for (const auto& r : words.rows) forms.push_back(syntax.with_last(t, r.text(0)));
    if (forms.empty()) return syntax.with_last(t, prefix);  // no indexed word: matches nothing
    return forms.size() == 1 ? forms[0] : "(" + join(forms, syntax.or_op) + ")";
  }
  std::string head = syntax.head(t);
  if (t.exclude || head.empty()) return syntax.phrase(t);
  std::string text = text_condition(s, engine != c.dialect(), false, search::collapse_separators(t.normalized));
  // FTS5: the term's likeliest form, its last word the prefix itself (PM2.5: "pm2 5"), joins the
  // expression as a second phrase, and a row that holds it needs no reading of its text (sl_hit).
  if (engine == db::Dialect::sqlite && words.rows.front().text(0) == prefix) {
    s.conds.push_back("(sl_hit(search_fts, " + std::to_string(s.fts_phrases + 1) + ") = 1 OR " + text + ")");
    return "(" + head + " OR " + syntax.with_last(t, prefix) + ")";
  }
  s.conds.push_back(text);
  return head;
}

/// The query and the caller's scope as conditions in the syntax of `engine`: the database of `c`,
/// or SQLite for this node's replica of a PostgreSQL database (replica.hpp), when `c` still answers
/// the lookups (search_words, the newest keys, and the lists of proposals the caller cosigns or
/// handles).
SearchScope build_scope(db::Connection& c, db::Dialect engine, const search::Query& query, const http::Request& req,
                        bool is_public, int64_t short_scan_docs) {
  SearchScope s;
  bool pg = engine == db::Dialect::postgres;
  db::Connection* lists_from = engine == c.dialect() ? nullptr : &c;
  std::vector<std::string> pos, neg;
  for (const auto& t : query.terms) {
    if (t.is_short) {
      s.conds.push_back(text_condition(s, lists_from != nullptr, t.exclude, encode_utf8(t.normalized)));
      continue;
    }
    (t.exclude ? neg : pos).push_back(match_term(c, engine, t, s));
    if (!t.exclude) s.fts_phrases += static_cast<int>(std::count(pos.back().begin(), pos.back().end(), '"') / 2);
    if (pg && !t.exclude) s.title_terms.push_back(t.normalized);
  }
  if (!pos.empty() && pg) {
    std::string expr = join(pos, " & ");
    for (const auto& n : neg) expr += " & !" + n;
    std::string m = api::add_param(s.params, expr);
    s.tsquery_param = static_cast<int>(s.params.size()) - 1;
    s.from = "search_docs d";
    s.key = "d.fts_key";
    s.conds.insert(s.conds.begin(), "d.tsv @@ " + m + "::tsquery");
    // Relevance: 2 for each term in the title, checked on the title's text (title_terms). Asking
    // the tsvector again (or ts_rank(), which also weighs the body) would read each row's whole
    // tsvector once more, a TOASTed value of several kilobytes.
  } else if (!pos.empty()) {
    std::string expr = join(pos, " AND ");
    for (const auto& n : neg) expr += " NOT " + n;
    s.from = "search_fts JOIN search_docs d ON d.fts_key = search_fts.rowid";
    s.key = "search_fts.rowid";
    s.conds.insert(s.conds.begin(), "search_fts MATCH " + api::add_param(s.params, expr));
    s.rank = "sl_rank(search_fts)";
  } else {
    s.from = "search_docs d";
    s.key = "d.fts_key";
    for (const auto& n : neg)
      s.conds.push_back(pg ? "NOT (d.tsv @@ " + api::add_param(s.params, n) + "::tsquery)"
                           : "NOT EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH " +
                                 api::add_param(s.params, n) + " AND search_fts.rowid = d.fts_key)");
  }
  std::optional<int64_t> committee;
  if (is_public) {
    s.conds.push_back("d.published = 1");
    committee = api::query_int(req, "committee_id");
  } else {
    const auto& user = req.user();
    committee = user.committee_id;
    s.conds.push_back("((" + proposals::visibility_condition(user, s.params, "d", "proposal_id", lists_from) +
                      ") OR d.published = 1)");
  }
  auto [lo, hi] = committee ? search::committee_key_range(*committee)
                            : std::pair<int64_t, int64_t>{0, std::numeric_limits<int64_t>::max()};
  s.conds.push_back(s.key + " BETWEEN " + api::add_param(s.params, lo) + " AND " + api::add_param(s.params, hi));
  if (committee && s.tsquery_param >= 0) {
    auto newest = c.exec("SELECT MAX(fts_key) FROM search_docs WHERE fts_key BETWEEN $1 AND $2", {lo, hi});
    if (!newest.empty() && !newest.one().is_null(0)) s.newest_period = search::key_period(newest.one().integer(0));
    s.key_lo = lo;
    s.key_hi = hi;
  }
  // A one-character term is answered by scanning the normalised text, newest first; the scan stops
  // after `short_scan_docs` documents of the range, so that a rare character does not read the whole
  // corpus (at a million proposals: 81 s from a cold cache).
  if (std::any_of(query.terms.begin(), query.terms.end(), [](const auto& t) { return t.is_short; })) {
    auto oldest = c.exec(
        "SELECT fts_key FROM search_docs WHERE fts_key BETWEEN $1 AND $2 ORDER BY fts_key DESC LIMIT 1 OFFSET $3",
        {lo, hi, short_scan_docs - 1});
    if (!oldest.empty()) {
      s.conds.push_back(s.key + " >= " + api::add_param(s.params, oldest.one().integer(0)));
      s.scanned_docs = short_scan_docs;
    }
  }
  if (auto u = api::query_int(req, "unit"))
    s.conds.push_back(proposals::in_subquery(
        "d.proposal_id", "SELECT proposal_id FROM proposal_assignments WHERE unit_id = " + std::to_string(*u),
        lists_from));
  return s;
}

/// The facet filters (type, session, category, state) as conditions on `d`, with their parameters
/// appended after those of `s`.
std::vector<std::string> facet_filters(const http::Request& req, std::vector<db::Value>& params) {
  std::vector<std::string> out;
  if (auto t = req.query_param("type"); t && !t->empty()) {
    if (*t != "proposal" && *t != "reply") throw ApiError::validation("type", "类型应为 proposal 或 reply");
    out.push_back("d.doc_type = " + api::add_param(params, *t));
  }
  if (auto v = api::query_int(req, "session")) out.push_back("d.session_id = " + api::add_param(params, *v));
  if (auto v = req.query_param("category"); v && !v->empty())
    out.push_back("d.category = " + api::add_param(params, *v));
  if (auto v = req.query_param("state"); v && !v->empty()) out.push_back("d.state = " + api::add_param(params, *v));
  return out;
}

/// A step of search_window() names its periods in the tsquery up to this many; a longer range is
/// bounded by the key alone.
constexpr int64_t kMaxPeriodSpan = 64;

/// One window query: the newest `window` rows in scope and the extra conditions, with their relevance.
std::vector<WindowRow> window_rows(db::Connection& c, const SearchScope& s, const std::vector<std::string>& extra,
                                   std::vector<db::Value> params, int64_t window, const char* order_suffix) {
  std::vector<std::string> conds = s.conds;
  conds.insert(conds.end(), extra.begin(), extra.end());
  bool titles = !s.title_terms.empty();
  std::string sql = "SELECT " + s.key + ", " + s.rank + ", d.doc_type, d.session_id, d.category, d.state" +
                    (titles ? ", d.title" : "") + " FROM " + s.from + " WHERE " + join(conds, " AND ") + " ORDER BY " +
                    s.key + order_suffix + " DESC LIMIT " + api::add_param(params, window);
  std::vector<WindowRow> out;
  auto rows = c.exec(sql, params);
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) {
    out.push_back({r.integer(0), r.real(1), r.text(2), r.text(4), r.text(5), r.is_null(3) ? 0 : r.integer(3)});
    if (!titles) continue;
    std::u32string title = search::normalize(r.text(6));
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
  auto r =
      c.exec("SELECT fts_key FROM search_docs WHERE fts_key BETWEEN $1 AND $2 ORDER BY fts_key DESC LIMIT 1 OFFSET $3",
             {lo, hi, n - 1});
  Entry e{r.empty() ? std::nullopt : std::optional<int64_t>(r.one().integer(0)), now};
  std::lock_guard lock(mu);
  if (cache.size() > 1000) cache.clear();
  cache[{lo, hi, n}] = e;
  return e.key;
}

/// The newest `window` matches in scope (and the extra conditions), with their relevance.
///
/// On PostgreSQL (one committee) the query first goes to the indexes restricted to the newest
/// 2 × `window` documents of the committee, then 4 times as many at each step up to 512 × `window`
/// (2,000 to 512,000 documents for the default window), and only when those hold fewer than
/// `window` matches to all of them. Each step bounds the key (the key index gives a bitmap of the
/// range) and adds the periods the range spans to the tsquery (so that GIN yields only the matches
/// of those periods, search::tsquery_periods); PostgreSQL then fetches and, for a phrase, rechecks
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
      int64_t span = *s.newest_period - search::key_period(*floor) + 1;
      auto p = params;
      if (span <= kMaxPeriodSpan)
        p[static_cast<size_t>(s.tsquery_param)] =
            "(" + tsquery + ") & " + search::tsquery_periods(*s.newest_period, static_cast<int>(span));
      auto conds = extra;
      conds.push_back("d.fts_key >= " + api::add_param(p, *floor));
      auto rows = window_rows(c, s, conds, std::move(p), window, " + 0");
      if (static_cast<int64_t>(rows.size()) >= window) return rows;
    }
  }
  return window_rows(c, s, extra, std::move(params), window, "");
}

Json facet_list(const std::map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  Json out = Json::array();
  for (const auto& [value, n] : v) out.push_back({{"value", value}, {"count", n}});
  return out;
}

/// Hot searches count a person once a day per term: a term already logged today by this node is
/// not written again, so repeated searches do not each take a write transaction.
class SearchLog {
 public:
  bool first_today(const std::string& day, int64_t committee, int64_t user, const std::string& term) {
    std::lock_guard lock(mu_);
    if (day != day_) {
      day_ = day;
      seen_.clear();
    }
    if (seen_.size() > 200000) seen_.clear();
    return seen_.insert(std::to_string(committee) + ":" + std::to_string(user) + ":" + term).second;
  }

 private:
  std::mutex mu_;
  std::string day_;
  std::unordered_set<std::string> seen_;
};

void log_search(db::Connection& c, const Principal& user, const search::Query& query, std::string_view raw) {
  static SearchLog seen;
  for (const auto& t : query.terms)
    if (t.exclude) return;
  if (raw.find('"') != std::string_view::npos) return;
  std::string term = search::normalize_utf8(raw);
  if (term.empty() || api::utf8_length(term) > 30) return;
  std::string day = clock::today();
  if (!seen.first_today(day, user.committee_id, user.user_id, term)) return;
  c.exec("INSERT INTO search_log (committee_id, user_id, day, term) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
         {user.committee_id, user.user_id, day, term});
}

Json run_search(App& app, const http::Request& req, bool is_public) {
  auto query = read_query(req);
  auto page = api::parse_list_query(req);
  auto c = app.db().acquire();
  // On PostgreSQL the window comes from this node's full-text replica once it is ready.
  auto* replica = c->dialect() == db::Dialect::postgres ? search::replica() : nullptr;
  bool use_replica = replica && replica->ready();
  auto s = build_scope(*c, use_replica ? db::Dialect::sqlite : c->dialect(), query, req, is_public,
                       app.config.search.short_scan_docs);
  std::optional<db::Lease> replica_conn;
  if (use_replica) replica_conn.emplace(replica->db().acquire());
  db::Connection& wc = replica_conn ? **replica_conn : *c;
  auto filter_params = s.params;
  auto filters = facet_filters(req, filter_params);

  // Facets count the window in the caller's scope, before the facet filters narrow it.
  int64_t window = app.config.search.window;
  auto scoped = search_window(wc, s, {}, s.params, window);
  std::map<std::string, int64_t> by_type, by_category, by_state;
  std::map<int64_t, int64_t> by_session;
  for (const auto& w : scoped) {
    ++by_type[w.type];
    if (w.session) ++by_session[w.session];
    if (!w.category.empty()) ++by_category[w.category];
    ++by_state[w.state];
  }
  auto hits = filters.empty() ? std::move(scoped) : search_window(wc, s, filters, filter_params, window);
  bool capped = static_cast<int64_t>(hits.size()) >= window;
  int64_t today = today_day();
  for (auto& w : hits) {
    int64_t day = search::key_day(w.key);
    w.score += 2.0 / (1.0 + static_cast<double>(std::llabs(today - day)) / 180.0);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const WindowRow& a, const WindowRow& b) {
    return a.score != b.score ? a.score > b.score : a.key > b.key;
  });
  size_t from = std::min(hits.size(), static_cast<size_t>(page.offset()));
  size_t to = std::min(hits.size(), from + static_cast<size_t>(page.page_size));
  std::vector<int64_t> keys;
  for (size_t i = from; i < to; ++i) keys.push_back(hits[i].key);
  std::map<int64_t, db::Row> shown;
  for (auto& r : c->exec("SELECT d.fts_key, d.doc_type, d.ref_id, d.proposal_id, d.session_id, d.category, d.state, "
                         "d.title, d.body, p.number_label, p.result_category FROM search_docs d JOIN proposals p ON "
                         "p.id = d.proposal_id WHERE d.fts_key IN (" +
                         ids_list(keys) + ")")
                     .rows)
    shown.emplace(r.integer(0), std::move(r));

  std::vector<int64_t> session_ids;
  for (const auto& [id, _] : by_session) session_ids.push_back(id);
  std::map<int64_t, std::string> session_names;
  for (const auto& r : c->exec("SELECT id, name FROM sessions WHERE id IN (" + ids_list(session_ids) + ")").rows)
    session_names[r.integer(0)] = r.text(1);

  Json items = Json::array();
  for (size_t i = from; i < to; ++i) {
    auto found = shown.find(hits[i].key);
    if (found == shown.end()) continue;  // removed since the window was read
    const auto& r = found->second;
    int64_t session = r.is_null(4) ? 0 : r.integer(4);
    items.push_back({{"type", r.text(1)},
                     {"id", r.integer(2)},
                     {"proposal_id", r.integer(3)},
                     {"session_id", session},
                     {"session_name", session_names.count(session) ? session_names[session] : ""},
                     {"category", r.text(5)},
                     {"state", r.text(6)},
                     {"title", search::snippet(r.text(7), query, 200)},
                     {"snippet", search::snippet(r.text(8), query, 120)},
                     {"number_label", r.is_null(9) ? Json(nullptr) : Json(r.text(9))},
                     {"result_category", r.is_null(10) ? Json(nullptr) : Json(r.text(10))},
                     {"date", search::day_iso(search::key_day(hits[i].key))},
                     {"score", std::round(hits[i].score * 1000) / 1000}});
  }
  Json sessions = Json::array();
  std::vector<std::pair<int64_t, int64_t>> sv(by_session.begin(), by_session.end());
  std::stable_sort(sv.begin(), sv.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [id, n] : sv) sessions.push_back({{"value", id}, {"label", session_names[id]}, {"count", n}});
  Json out = api::list_envelope(std::move(items), static_cast<int64_t>(hits.size()), page);
  out["total_capped"] = capped;
  if (s.scanned_docs) out["scanned_docs"] = s.scanned_docs;
  out["facets"] = {{"type", facet_list(by_type)},
                   {"session", sessions},
                   {"category", facet_list(by_category)},
                   {"state", facet_list(by_state)}};
  if (!is_public && page.page == 1) {
    try {
      log_search(*c, req.user(), query, api::trim(req.query_param("q").value_or("")));
    } catch (const std::exception& e) {
      spdlog::warn("search log: {}", e.what());
    }
  }
  return out;
}

Json hot_searches(App& app, const http::Request& req) {
  const auto& user = req.user();
  std::vector<std::string> blocked;
  {
    std::string cur;
    for (char ch : app.config.search.hot_block + ",") {
      if (ch == ',') {
        cur = api::trim(cur);
        if (!cur.empty()) blocked.push_back(search::normalize_utf8(cur));
        cur.clear();
      } else {
        cur.push_back(ch);
      }
    }
  }
  // search_log stores YYYY-MM-DD, compared as text.
  std::string since = clock::days_ago(app.config.search.hot_days - 1);
  auto c = app.db().acquire();
  Json items = Json::array();
  for (const auto& r : c->exec("SELECT term, COUNT(*) AS n FROM search_log WHERE committee_id = $1 AND day >= $2 "
                               "GROUP BY term ORDER BY n DESC, term LIMIT 50",
                               {user.committee_id, since})
                           .rows) {
    std::string term = r.text(0);
    bool hidden = std::any_of(blocked.begin(), blocked.end(),
                              [&](const std::string& b) { return term.find(b) != std::string::npos; });
    if (hidden) continue;
    items.push_back({{"term", term}, {"count", r.integer(1)}});
    if (items.size() >= 10) break;
  }
  return {{"items", items}, {"days", app.config.search.hot_days}};
}

// ---------- similar proposals ----------

struct ProposalText {
  int64_t id = 0;
  std::string title, body, state;
  int64_t committee_id = 0, session_id = 0;
};

std::string proposal_body(const db::Row& r) {
  std::string out;
  for (const char* f : {"situation", "analysis", "suggestions"}) {
    std::string v = r.text(f);
    if (!v.empty()) out += (out.empty() ? "" : "\n") + v;
  }
  return out;
}

ProposalText load_text(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r = c.exec(
      "SELECT id, title, situation, analysis, suggestions, state, committee_id, session_id FROM proposals WHERE id = "
      "$1 "
      "AND committee_id = $2",
      {id, committee_id});
  if (r.empty()) throw ApiError::not_found("提案");
  const auto& row = r.one();
  return {id,
          row.text("title"),
          proposal_body(row),
          row.text("state"),
          row.integer("committee_id"),
          row.integer("session_id")};
}

/// Matches from the database while the in-memory index is still being built: the title's
/// bigrams, any of them, ranked by the full-text engine.
std::vector<search::SimilarHit> fallback_similar(db::Connection& c, int64_t committee_id, const std::string& title,
                                                 const std::string& body, int64_t exclude_id, size_t k) {
  auto keys = search::term_keys(title.empty() ? body.substr(0, 300) : title);
  std::set<std::string> terms;
  for (uint64_t key : keys) {
    std::string t = search::term_text(key);
    if (!t.empty()) terms.insert(t);
    if (terms.size() >= 16) break;
  }
  if (terms.empty()) return {};
  bool pg = c.dialect() == db::Dialect::postgres;
  std::vector<std::string> parts;
  for (const auto& t : terms) parts.push_back(pg ? "'" + t + "'" : "\"" + t + "\"");
  auto [lo, hi] = search::committee_key_range(committee_id);
  // The newest matches of any of the title's bigrams, ranked by their hits (as full-text search does).
  std::vector<db::Value> params = {pg ? join(parts, " | ") : join(parts, " OR "), lo, hi, exclude_id, int64_t{300}};
  std::string sql =
      pg ? "SELECT d.proposal_id, ts_rank(d.tsv, $1::tsquery) AS s FROM search_docs d WHERE d.tsv @@ $1::tsquery AND "
           "d.fts_key BETWEEN $2 AND $3 AND d.doc_type = 'proposal' AND d.state <> 'draft' AND d.proposal_id <> $4 "
           "ORDER BY d.fts_key DESC LIMIT $5"
         : "SELECT d.proposal_id, sl_rank(search_fts) AS s FROM search_fts JOIN search_docs d ON d.fts_key = "
           "search_fts.rowid WHERE search_fts MATCH $1 AND search_fts.rowid BETWEEN $2 AND $3 AND d.doc_type = "
           "'proposal' AND d.state <> 'draft' AND d.proposal_id <> $4 ORDER BY search_fts.rowid DESC LIMIT $5";
  std::vector<search::SimilarHit> out;
  for (const auto& r : c.exec(sql, params).rows) out.push_back({r.integer(0), r.real(1)});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  if (out.size() > k) out.resize(k);
  for (auto& h : out) h.score = 0;  // not a similarity: the caller shows these unscored
  return out;
}

/// The hits `user` may be told about, at most `limit`: proposal staff see every match (they
/// review for duplicates); anyone else only proposals they may see and published ones, so a
/// title, proposer or shared phrase of another's proposal never leaks through this list.
Json describe_hits(db::Connection& c, const Principal& user, const std::vector<search::SimilarHit>& hits,
                   const std::string& title, const std::string& body, bool scored, size_t limit) {
  const bool full_list = user.has_any({Role::admin, Role::proposal_staff});
  std::vector<int64_t> ids;
  for (const auto& h : hits) ids.push_back(h.proposal_id);
  std::vector<db::Value> params;
  std::string vis = proposals::visibility_condition(user, params);
  std::map<int64_t, db::Row> rows;
  for (auto& r : c.exec("SELECT p.id, p.title, p.situation, p.analysis, p.suggestions, p.number_label, p.state, "
                        "p.result_category, p.proposer_name, p.published, p.session_id, s.name AS session_name, "
                        "CASE WHEN (" +
                            vis +
                            ") THEN 1 ELSE 0 END AS visible FROM proposals p LEFT JOIN sessions s ON s.id = "
                            "p.session_id WHERE p.id IN (" +
                            ids_list(ids) + ")",
                        params)
                     .rows)
    rows.emplace(r.integer("id"), r);
  std::map<int64_t, std::string> replies;
  for (const auto& r : c.exec("SELECT proposal_id, body FROM proposal_replies WHERE state = 'released' AND proposal_id "
                              "IN (" +
                              ids_list(ids) + ") ORDER BY id")
                           .rows)
    replies.emplace(r.integer(0), r.text(1));
  auto& index = search::similar_index();
  Json items = Json::array();
  std::u32string mine = search::normalize(title + "\n" + body);  // once, for every match
  for (const auto& h : hits) {
    auto it = rows.find(h.proposal_id);
    if (it == rows.end()) continue;
    const auto& r = it->second;
    bool visible = r.integer("visible") != 0;
    bool open = visible || r.integer("published") != 0;
    if (!open && !full_list) continue;
    if (items.size() >= limit) break;
    std::string theirs = r.text("title") + "\n" + proposal_body(r);
    Json item = {{"proposal_id", h.proposal_id},
                 {"title", r.text("title")},
                 {"number_label", r.is_null("number_label") ? Json(nullptr) : Json(r.text("number_label"))},
                 {"session_id", r.integer("session_id")},
                 {"session_name", r.text("session_name")},
                 {"state", r.text("state")},
                 {"result_category", r.is_null("result_category") ? Json(nullptr) : Json(r.text("result_category"))},
                 {"proposer_name", r.text("proposer_name")},
                 {"score", scored ? Json(std::round(h.score * 1000) / 1000) : Json(nullptr)},
                 {"shared_phrases", index.shared_phrases(mine, theirs, 6)},
                 {"visible", visible},
                 {"published", r.integer("published") != 0}};
    if (open && replies.count(h.proposal_id)) {
      auto reply = decode_utf8(replies[h.proposal_id]);
      item["reply_excerpt"] = encode_utf8(reply.substr(0, 120)) + (reply.size() > 120 ? "…" : "");
    }
    items.push_back(item);
  }
  return items;
}

Json similar(App& app, const http::Request& req) {
  const auto& user = req.user();
  api::Validator v(req.json());
  auto title = v.text("title", api::Presence::optional, 100, true);
  auto body = v.text("body", api::Presence::optional, 30000, true);
  auto exclude = v.id("exclude_id", api::Presence::optional, true);
  auto min_pct = v.integer("min_score_pct", api::Presence::optional, 0, 100);
  v.finish();
  std::string t = title.value_or(""), b = body.value_or("");
  if (api::utf8_length(t) + api::utf8_length(b) < 4)
    throw ApiError::validation("title", "请至少输入标题或正文中的几个字，再查找相似提案");
  double threshold = app.config.search.similar_threshold_pct / 100.0;
  // Staff may look below the editor's threshold (weaker matches, for review).
  if (min_pct) {
    if (!user.has_any({Role::admin, Role::proposal_staff}))
      throw ApiError::validation("min_score_pct", "只有提案工作人员可以调整相似度下限");
    threshold = *min_pct / 100.0;
  }
  auto& index = search::similar_index();
  auto c = app.db().acquire();
  bool ready = index.ready();
  // More candidates than shown: some may be hidden from the caller.
  constexpr size_t kShown = 10, kCandidates = 40;
  std::vector<search::SimilarHit> hits =
      ready ? index.query(t, b, {user.committee_id, exclude.value_or(0), std::nullopt, {}}, kCandidates, threshold)
            : fallback_similar(*c, user.committee_id, t, b, exclude.value_or(0), kCandidates);
  return {{"items", describe_hits(*c, user, hits, t, b, ready, kShown)}, {"threshold", threshold}, {"ready", ready}};
}

void require_staff(const Principal& user) {
  if (!user.has_any({Role::admin, Role::proposal_staff})) throw ApiError::forbidden("只有提案工作人员可以查看");
}

void require_ready() {
  if (!search::similar_index().ready()) throw ApiError(ErrorCode::unavailable, "相似提案索引正在建立，请稍后再试");
}

Json merge_suggestions(App& app, const http::Request& req) {
  const auto& user = req.user();
  require_staff(user);
  require_ready();
  auto session = api::query_int(req, "session_id");
  if (!session) throw ApiError::validation("session_id", "请选择会议（届次）");
  double threshold = app.config.search.merge_threshold_pct / 100.0;
  auto c = app.db().acquire();
  auto rows = c->exec(
      "SELECT id, title, situation, analysis, suggestions, state, number_label, proposer_name, submitted_at FROM "
      "proposals WHERE committee_id = $1 AND session_id = $2 AND state IN ('submitted', 'filed') ORDER BY id",
      {user.committee_id, *session});
  std::map<int64_t, size_t> pos;
  for (size_t i = 0; i < rows.rows.size(); ++i) pos[rows.rows[i].integer("id")] = i;
  std::vector<size_t> parent(rows.rows.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::function<size_t(size_t)> find = [&](size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
  std::vector<std::tuple<double, size_t, size_t>> edges;
  auto& index = search::similar_index();
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    const auto& r = rows.rows[i];
    for (const auto& h : index.query(r.text("title"), proposal_body(r),
                                     {user.committee_id, r.integer("id"), *session, kMergeStates}, 5, threshold)) {
      auto j = pos.find(h.proposal_id);
      if (j == pos.end()) continue;
      edges.emplace_back(h.score, i, j->second);
      parent[find(i)] = find(j->second);
    }
  }
  std::map<size_t, std::vector<size_t>> clusters;
  for (size_t i = 0; i < rows.rows.size(); ++i) clusters[find(i)].push_back(i);
  std::map<size_t, std::tuple<double, size_t, size_t>> top;
  for (const auto& e : edges) {
    size_t root = find(std::get<1>(e));
    if (!top.count(root) || std::get<0>(e) > std::get<0>(top[root])) top[root] = e;
  }
  std::vector<std::pair<double, Json>> out;
  for (auto& [root, members] : clusters) {
    if (members.size() < 2) continue;
    // The lead: filed before submitted, then the earliest.
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      bool fa = rows.rows[a].text("state") == "filed", fb = rows.rows[b].text("state") == "filed";
      if (fa != fb) return fa;
      return rows.rows[a].integer("id") < rows.rows[b].integer("id");
    });
    Json list = Json::array();
    for (size_t m : members) {
      const auto& r = rows.rows[m];
      list.push_back({{"id", r.integer("id")},
                      {"title", r.text("title")},
                      {"number_label", r.is_null("number_label") ? Json(nullptr) : Json(r.text("number_label"))},
                      {"state", r.text("state")},
                      {"proposer_name", r.text("proposer_name")}});
    }
    auto [score, a, b] = top[root];
    const auto& ra = rows.rows[a];
    const auto& rb = rows.rows[b];
    auto phrases = index.shared_phrases(ra.text("title") + "\n" + proposal_body(ra),
                                        rb.text("title") + "\n" + proposal_body(rb), 6);
    out.emplace_back(score, Json{{"lead_id", list[0]["id"]},
                                 {"proposals", list},
                                 {"score", std::round(score * 1000) / 1000},
                                 {"shared_phrases", phrases}});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  Json items = Json::array();
  for (auto& [_, j] : out) items.push_back(std::move(j));
  return {{"items", items}, {"threshold", threshold}};
}

struct UnitVote {
  double score = 0;
  int count = 0;
  double best = 0;
  int64_t example_id = 0;
  std::string example_title, example_number;
};

/// Ranked lead and co units for a text, from the assignments of its nearest assigned proposals.
std::pair<std::vector<std::pair<int64_t, UnitVote>>, std::vector<std::pair<int64_t, UnitVote>>> vote_units(
    db::Connection& c, int64_t committee_id, const std::string& title, const std::string& body, int64_t exclude_id,
    int neighbours) {
  auto hits = search::similar_index().query(title, body, {committee_id, exclude_id, std::nullopt, kAssignedStates},
                                            static_cast<size_t>(neighbours), 0.05);
  std::map<int64_t, double> score_of;
  std::vector<int64_t> ids;
  for (const auto& h : hits) {
    score_of[h.proposal_id] = h.score;
    ids.push_back(h.proposal_id);
  }
  std::map<int64_t, UnitVote> lead, co;
  if (!ids.empty())
    for (const auto& r : c.exec("SELECT a.proposal_id, a.unit_id, a.role, p.title, p.number_label FROM "
                                "proposal_assignments a JOIN proposals p ON p.id = a.proposal_id WHERE a.proposal_id "
                                "IN (" +
                                ids_list(ids) + ") AND a.state <> 'reassigned'")
                             .rows) {
      double s = score_of[r.integer(0)];
      auto& vote = (r.text(2) == "lead" ? lead : co)[r.integer(1)];
      vote.score += s;
      ++vote.count;
      if (s > vote.best) {
        vote.best = s;
        vote.example_id = r.integer(0);
        vote.example_title = r.text(3);
        vote.example_number = r.is_null(4) ? "" : r.text(4);
      }
    }
  auto ranked = [](std::map<int64_t, UnitVote>& m) {
    std::vector<std::pair<int64_t, UnitVote>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second.score > b.second.score; });
    return v;
  };
  return {ranked(lead), ranked(co)};
}

Json unit_suggestions(App& app, const http::Request& req) {
  const auto& user = req.user();
  require_staff(user);
  require_ready();
  auto c = app.db().acquire();
  auto p = load_text(*c, user.committee_id, req.param_int("id"));
  auto [lead, co] = vote_units(*c, user.committee_id, p.title, p.body, p.id, 20);
  std::vector<int64_t> unit_ids;
  for (const auto& [u, _] : lead) unit_ids.push_back(u);
  for (const auto& [u, _] : co) unit_ids.push_back(u);
  std::map<int64_t, std::string> names;
  for (const auto& r : c->exec("SELECT id, name FROM units WHERE id IN (" + ids_list(unit_ids) + ")").rows)
    names[r.integer(0)] = r.text(1);
  auto list = [&](const std::vector<std::pair<int64_t, UnitVote>>& v, const char* role) {
    Json out = Json::array();
    for (size_t i = 0; i < v.size() && i < 5; ++i) {
      const auto& [unit, vote] = v[i];
      std::string example =
          "《" + vote.example_title + "》" + (vote.example_number.empty() ? "" : "（" + vote.example_number + "）");
      out.push_back({{"unit_id", unit},
                     {"unit_name", names[unit]},
                     {"score", std::round(vote.score * 1000) / 1000},
                     {"count", vote.count},
                     {"example_proposal_id", vote.example_id},
                     {"reason", "相似的以往提案中有 " + std::to_string(vote.count) + " 件由该单位" + role +
                                    "，最相近的是" + example}});
    }
    return out;
  };
  return {{"lead", list(lead, "主办")}, {"co", list(co, "协办")}};
}

void register_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/search",
            [&app](http::Request& req) { return http::Response::json(run_search(app, req, false)); },
            {"全文搜索（提案、答复；按权限）", kTag});
  app.route(http::Method::GET, "/api/v1/public/search",
            [&app](http::Request& req) { return http::Response::json(run_search(app, req, true)); },
            {"公开内容的全文搜索（无需登录）", kTag, http::Access::open});
  app.route(http::Method::GET, "/api/v1/search/hot",
            [&app](http::Request& req) { return http::Response::json(hot_searches(app, req)); },
            {"热门搜索词（近 30 天）", kTag});
  app.route(http::Method::POST, "/api/v1/proposals/similar",
            [&app](http::Request& req) { return http::Response::json(similar(app, req)); },
            {"撰写时查找相似提案", kTag});
  app.route(http::Method::GET, "/api/v1/proposals/merge-suggestions",
            [&app](http::Request& req) { return http::Response::json(merge_suggestions(app, req)); },
            {"并案建议（同一会议中相似的提案）", kTag});
  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/unit-suggestions",
            [&app](http::Request& req) { return http::Response::json(unit_suggestions(app, req)); },
            {"交办时的承办单位建议", kTag});
  app.route(http::Method::GET, "/api/v1/search/status",
            [](http::Request& req) {
              require_staff(req.user());
              auto& index = search::similar_index();
              Json out = {{"similar_ready", index.ready()},
                          {"similar_documents", index.size()},
                          {"similar_memory_bytes", index.memory_bytes()}};
              if (auto* replica = search::replica())
                out["replica"] = {{"ready", replica->ready()}, {"documents", replica->documents()}};
              return http::Response::json(out);
            },
            {"搜索索引状态", kTag});
}

void update_similar(db::Connection& c, int64_t proposal_id) {
  auto& index = search::similar_index();
  auto r = c.exec(
      "SELECT committee_id, session_id, state, title, body FROM search_docs WHERE doc_type = 'proposal' AND ref_id = "
      "$1",
      {proposal_id});
  if (r.empty() || r.one().text("state") == "draft") {
    index.remove(proposal_id);
    return;
  }
  const auto& d = r.one();
  index.upsert(
      {proposal_id, d.integer("committee_id"), d.is_null("session_id") ? 0 : d.integer("session_id"), d.text("state")},
      d.text("title"), d.text("body"));
}

}  // namespace

namespace search {

bool build_similar_index(db::Database& db, const std::atomic<bool>* stop) {
  auto& index = similar_index();
  auto c = db.acquire();
  const std::string docs = "FROM search_docs WHERE doc_type = 'proposal' AND state <> 'draft'";
  int64_t total = c->exec("SELECT COUNT(*) " + docs).one().integer(0);
  int64_t max_id = c->exec("SELECT COALESCE(MAX(id), 0) FROM search_docs").one().integer(0);
  // Term frequencies from a sample of about 20,000 documents, read by id (a scan would read every row).
  int64_t stride = std::max<int64_t>(1, max_id / 20000);
  {
    std::vector<std::pair<std::string, std::string>> sample;
    for (int64_t from = stride; from <= max_id && !(stop && *stop); from += stride * 500) {
      std::vector<int64_t> ids;
      for (int64_t id = from; id <= max_id && ids.size() < 500; id += stride) ids.push_back(id);
      for (const auto& r : c->exec("SELECT title, body " + docs + " AND id IN (" + ids_list(ids) + ")").rows)
        sample.emplace_back(r.text(0), r.text(1));
    }
    index.seed_frequencies(sample, static_cast<size_t>(total));
  }
  int64_t last = 0;
  while (!(stop && *stop)) {
    // In id order by the primary key: `doc_type || ''` keeps the planner off the (doc_type, ref_id)
    // index, which would read and sort every proposal's document for each batch.
    auto rows = c->exec(
        "SELECT id, ref_id, committee_id, session_id, state, title, body FROM search_docs WHERE doc_type || '' = "
        "'proposal' AND state <> 'draft' AND id > $1 ORDER BY id LIMIT 2000",
        {last});
    if (rows.empty()) break;
    for (const auto& r : rows.rows) {
      index.upsert({r.integer(1), r.integer(2), r.is_null(3) ? 0 : r.integer(3), r.text(4)}, r.text(5), r.text(6));
      last = r.integer(0);
    }
  }
  if (stop && *stop) return false;
  index.set_ready(true);
  malloc_trim(0);  // the build's transient rows and spare capacity go back to the system
  if (index.size() < static_cast<size_t>(total))
    spdlog::warn("similar index holds {} proposals, search_docs {}", index.size(), total);
  return true;
}

Background::Background(App& app) : app_(app) {
  thread_ = std::thread([this] {
    try {
      auto start = std::chrono::steady_clock::now();
      std::string last_seen;
      {
        auto c = app_.db().acquire();
        auto r = c->exec("SELECT MAX(updated_at) FROM proposals");
        if (!r.empty() && !r.one().is_null(0)) last_seen = r.one().text(0);
      }
      int64_t fixed = catch_up(app_.db(), &stop_);
      if (fixed) spdlog::info("search index: {} proposals indexed at start", fixed);
      if (auto* r = replica(); r && fixed) r->sync();
      if (!build_similar_index(app_.db(), &stop_)) return;
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
      spdlog::info("similar index ready: {} proposals in {} ms, about {} MiB", similar_index().size(), ms.count(),
                   similar_index().memory_bytes() >> 20);
      // Other nodes' changes: documents whose proposal changed since this node last looked (the
      // proposal's updated_at, which every node writes from its own clock; a few seconds overlap).
      // Every ten minutes (and first now) the SQLite full-text index is merged when it has more
      // large segments than kMaxLargeSegments.
      auto next_compact = std::chrono::steady_clock::now();
      while (!stop_) {
        if (std::chrono::steady_clock::now() >= next_compact) {
          next_compact = std::chrono::steady_clock::now() + std::chrono::minutes(10);
          compact_fts_if_fragmented(app_.db(), "search index", &stop_);
        }
        for (int i = 0; i < app_.config.search.similar_refresh_seconds * 10 && !stop_; ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (stop_) break;
        auto c = app_.db().acquire();
        for (const auto& r :
             c->exec("SELECT ref_id, source_updated_at FROM search_docs WHERE doc_type = 'proposal' AND "
                     "source_updated_at >= $1 ORDER BY source_updated_at",
                     {last_seen})
                 .rows) {
          update_similar(*c, r.integer(0));
          last_seen = std::max(last_seen, r.text(1));
        }
      }
    } catch (const std::exception& e) {
      spdlog::error("search background work stopped: {}", e.what());
    }
  });
}

Background::~Background() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

UnitEvaluation evaluate_unit_suggestions(App& app) {
  if (!similar_index().ready()) build_similar_index(app.db());
  UnitEvaluation ev;
  auto c = app.db().acquire();
  std::map<int64_t, std::set<int64_t>> truth;
  for (const auto& r : c->exec("SELECT proposal_id, unit_id FROM proposal_assignments WHERE role = 'lead' AND state "
                               "<> 'reassigned'")
                           .rows)
    truth[r.integer(0)].insert(r.integer(1));
  for (const auto& [id, units] : truth) {
    auto r = c->exec("SELECT committee_id, title, situation, analysis, suggestions FROM proposals WHERE id = $1", {id});
    if (r.empty()) continue;
    const auto& row = r.one();
    auto [lead, co] = vote_units(*c, row.integer("committee_id"), row.text("title"), proposal_body(row), id, 20);
    ++ev.proposals;
    for (size_t i = 0; i < lead.size() && i < 3; ++i)
      if (units.count(lead[i].first)) {
        if (i == 0) ++ev.top1;
        ++ev.top3;
        break;
      }
  }
  return ev;
}

}  // namespace search

void register_search(App& app) {
  register_routes(app);
  app.events.subscribe("proposal.", [&app](const Event& e) {
    try {
      int64_t id = std::stoll(e.subject_id);
      app.db().transaction([&](db::Connection& c) { search::reindex_proposal(c, id); });
      if (auto* replica = search::replica()) replica->sync();
      auto c = app.db().acquire();
      update_similar(*c, id);
    } catch (const std::exception& ex) {
      spdlog::warn("search index: {} {} not indexed: {}", e.name, e.subject_id, ex.what());
    }
  });
}

}  // namespace sl
