// Merge suggestions (GET /proposals/merge-suggestions): clusters of similar proposals of one session
// that are still in review, each with its lead and the phrases they share.

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>

#include "core/api/resource.hpp"
#include "modules/proposals/workflow.hpp"
#include "modules/search/handlers.hpp"
#include "modules/search/permissions.hpp"
#include "modules/search/queries.hpp"
#include "modules/search/similar_index.hpp"
#include "modules/search/similar_pair.hpp"

namespace sl::search {

namespace {

/// The states a proposal can be merged from (the workflow's merge rows), by name.
const std::vector<std::string>& merge_states() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> out;
    for (auto s : proposals::states_allowing(proposals::Action::merge)) out.push_back(proposals::state_name(s));
    return out;
  }();
  return kNames;
}

}  // namespace

Json merge_suggestions(App& app, const http::Request& req) {
  const auto& user = req.user();
  require_staff_tools(user);
  require_similar_ready();
  auto session = api::query_int(req, "session_id");
  if (!session) throw ApiError::validation("session_id", "请选择会议（届次）");
  // Candidates come from the index above the editor's bound; only possible duplicates (the same
  // matter and the same asks, similar_pair.hpp) join a cluster.
  double floor = std::min(app.config.search.merge_threshold_pct / 100.0, kCandidateFloor);
  auto c = app.db().acquire();
  auto rows = c->exec(std::string(sql::kMergeCandidates) +
                          proposals::sql_list(proposals::states_allowing(proposals::Action::merge)) + ") ORDER BY id",
                      {user.committee_id, *session});
  std::map<int64_t, size_t> pos;
  for (size_t i = 0; i < rows.rows.size(); ++i) pos[rows.rows[i].integer("id")] = i;
  std::vector<size_t> parent(rows.rows.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::function<size_t(size_t)> find = [&](size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
  std::vector<std::tuple<double, size_t, size_t>> edges;
  auto& index = similar_index();
  std::vector<std::vector<SimilarHit>> candidates(rows.rows.size());
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    const auto& r = rows.rows[i];
    candidates[i] = index.query(r.text("title"), proposal_body(r),
                                {user.committee_id, r.integer("id"), *session, merge_states()}, 8, floor);
  }
  auto stats = index.stats();
  std::vector<std::optional<Profile>> profiles(rows.rows.size());
  auto profile = [&](size_t i) -> const Profile& {
    if (!profiles[i])
      profiles[i] = make_profile(stats, rows.rows[i].text("title"), proposal_body(rows.rows[i]),
                                 suggestions_offset(rows.rows[i]));
    return *profiles[i];
  };
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    for (const auto& h : candidates[i]) {
      auto j = pos.find(h.proposal_id);
      if (j == pos.end()) continue;
      PairEvidence e = compare(profile(i), profile(j->second));
      if (e.tier != Tier::duplicate) continue;
      edges.emplace_back(e.score, i, j->second);
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
    auto phrases = shared_phrases(stats, profile(a), profile(b), 6);
    out.emplace_back(score, Json{{"lead_id", list[0]["id"]},
                                 {"proposals", list},
                                 {"score", std::round(score * 1000) / 1000},
                                 {"shared_phrases", phrases}});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  Json items = Json::array();
  for (auto& [_, j] : out) items.push_back(std::move(j));
  return {{"items", items}, {"threshold", kDuplicateThreshold}, {"tier", "duplicate"}};
}

}  // namespace sl::search
