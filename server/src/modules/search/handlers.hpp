#pragma once
// The handlers of the search API (registered in search_module.cpp) and what they share. One file
// each: search.cpp (full-text search), hot.cpp (hot searches and the search log), similar.cpp
// (similar proposals while writing), merge.cpp (merge suggestions), unit_suggestions.cpp (units at
// assignment), background.cpp (keeping the similar index current).

#include <string>
#include <string_view>

#include "core/app.hpp"
#include "core/search/tokenizer.hpp"

namespace sl::search {

/// GET /search (`is_public`: GET /public/search, published documents only).
Json run_search(App& app, const http::Request& req, bool is_public);

/// GET /search/hot.
Json hot_searches(App& app, const http::Request& req);
/// Records `raw` (the query's text) in the search log for hot searches, once a day per person.
void log_search(db::Connection& c, const Principal& user, const Query& query, std::string_view raw);

/// POST /proposals/similar.
Json similar_proposals(App& app, const http::Request& req);
/// GET /proposals/merge-suggestions.
Json merge_suggestions(App& app, const http::Request& req);
/// GET /proposals/{id}/unit-suggestions.
Json unit_suggestions(App& app, const http::Request& req);

/// Brings proposal `proposal_id`'s entry of the similar index up to date with its search document.
void update_similar(db::Connection& c, int64_t proposal_id);

// ---------- shared by the similar-index handlers (similar.cpp) ----------

/// A proposal's text as the similar index compares it.
struct ProposalText {
  int64_t id = 0;
  std::string title, body, state;
  int64_t committee_id = 0, session_id = 0;
};

/// The body of proposal row `r`: its situation, analysis and suggestions, one per line.
std::string proposal_body(const db::Row& r);
/// Where the suggestions (建议) start in proposal_body(r), in bytes; npos when it has none.
size_t suggestions_offset(const db::Row& r);
/// Proposal `id` of `committee_id`; throws not found.
ProposalText load_text(db::Connection& c, int64_t committee_id, int64_t id);
/// Throws unavailable while the similar index is still being built.
void require_similar_ready();

}  // namespace sl::search
