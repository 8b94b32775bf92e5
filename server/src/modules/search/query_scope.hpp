#pragma once
// Reading a search request: the query (`q`), and the query with the caller's scope as SQL
// conditions in the syntax of one full-text engine (FTS5 or a PostgreSQL tsquery), plus the facet
// filters. search_window() (window.hpp) runs them.

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/http/message.hpp"
#include "core/search/tokenizer.hpp"

namespace sl::search {

/// The FROM clause, conditions and parameters of one search, and what search_window() needs to
/// read the newest matches first.
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

/// `parts` joined with `sep`.
std::string join(const std::vector<std::string>& parts, const std::string& sep);

/// The parsed `q` of `req`; throws a validation error when it is empty, too long or only exclusions.
Query read_query(const http::Request& req);

/// The query and the caller's scope as conditions in the syntax of `engine`: the database of `c`,
/// or SQLite for this node's replica of a PostgreSQL database (replica.hpp), when `c` still answers
/// the lookups (search_words, the newest keys, and the lists of proposals the caller cosigns or
/// handles).
SearchScope build_scope(db::Connection& c, db::Dialect engine, const Query& query, const http::Request& req,
                        bool is_public, int64_t short_scan_docs);

/// The facet filters (type, session, category, state) as conditions on `d`, with their parameters
/// appended after those of `s`.
std::vector<std::string> facet_filters(const http::Request& req, std::vector<db::Value>& params);

}  // namespace sl::search
