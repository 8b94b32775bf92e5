#pragma once
// The search window: a search takes the matches of the query in the caller's scope newest first
// (the order of search_docs.fts_key) and stops after `config.search.window` of them; the facets,
// the total and the ranking (the match's hits plus recency) are computed over that window. So a
// query costs about the same whether it matches a hundred documents or half a million; when the
// window is full the total is reported as capped ("more than"), and an older record is found by
// narrowing the query or the facets (each facet filter takes a window of its own).

#include <string>
#include <vector>

#include "modules/search/query_scope.hpp"

namespace sl::search {

/// One match of the window: its key, relevance and facet values.
struct WindowRow {
  int64_t key = 0;
  double score = 0;
  std::string type, category, state;
  int64_t session = 0;
};

/// The newest `window` matches in scope (and the extra conditions), with their relevance.
std::vector<WindowRow> search_window(db::Connection& c, const SearchScope& s, const std::vector<std::string>& extra,
                                     std::vector<db::Value> params, int64_t window);

}  // namespace sl::search
