// Unit suggestions at assignment (GET /proposals/{id}/unit-suggestions): the units that handled the
// nearest assigned proposals, and the leave-one-out evaluation of them.

#include <cmath>
#include <map>
#include <set>

#include "modules/proposals/workflow.hpp"
#include "modules/search/handlers.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/permissions.hpp"
#include "modules/search/queries.hpp"
#include "modules/search/search_module.hpp"
#include "modules/search/similar_index.hpp"

namespace sl::search {

namespace {

/// The states of the proposals whose assignments teach unit suggestions, by name.
const std::vector<std::string>& assigned_states() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> out;
    for (auto s : proposals::assigned_states()) out.push_back(proposals::state_name(s));
    return out;
  }();
  return kNames;
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
  auto hits = similar_index().query(title, body, {committee_id, exclude_id, std::nullopt, assigned_states()},
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

}  // namespace

Json unit_suggestions(App& app, const http::Request& req) {
  const auto& user = req.user();
  require_staff_tools(user);
  require_similar_ready();
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

UnitEvaluation evaluate_unit_suggestions(App& app) {
  if (!similar_index().ready()) build_similar_index(app.db());
  UnitEvaluation ev;
  auto c = app.db().acquire();
  std::map<int64_t, std::set<int64_t>> truth;
  for (const auto& r : c->exec(sql::kLeadAssignments).rows) truth[r.integer(0)].insert(r.integer(1));
  for (const auto& [id, units] : truth) {
    auto r = c->exec(sql::kProposalForEvaluation, {id});
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

}  // namespace sl::search
