// Full-text search (GET /search, /public/search): the window in the caller's scope, its facets,
// ranking by hits and recency, and the page of results with snippets.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/api/resource.hpp"
#include "core/api/validation.hpp"
#include "core/clock.hpp"
#include "modules/search/handlers.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/replica.hpp"
#include "modules/search/window.hpp"

namespace sl::search {

namespace {

int64_t today_day() {
  return day_number(clock::today());
}

Json facet_list(const std::map<std::string, int64_t>& counts) {
  std::vector<std::pair<std::string, int64_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  Json out = Json::array();
  for (const auto& [value, n] : v) out.push_back({{"value", value}, {"count", n}});
  return out;
}

}  // namespace

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
    int64_t day = key_day(w.key);
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
  session_ids.reserve(by_session.size());
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
                     {"title", snippet(r.text(7), query, 200)},
                     {"snippet", snippet(r.text(8), query, 120)},
                     {"number_label", r.is_null(9) ? Json(nullptr) : Json(r.text(9))},
                     {"result_category", r.is_null(10) ? Json(nullptr) : Json(r.text(10))},
                     {"date", day_iso(key_day(hits[i].key))},
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

}  // namespace sl::search
