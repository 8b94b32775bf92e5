// Hot searches: the search log (a person's term counted once a day) and the committee's most
// searched terms of the last days, less the blocked ones.

#include <mutex>
#include <unordered_set>

#include "core/api/validation.hpp"
#include "core/clock.hpp"
#include "modules/search/handlers.hpp"
#include "modules/search/queries.hpp"

namespace sl::search {

namespace {

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

}  // namespace

void log_search(db::Connection& c, const Principal& user, const Query& query, std::string_view raw) {
  static SearchLog seen;
  for (const auto& t : query.terms)
    if (t.exclude) return;
  if (raw.find('"') != std::string_view::npos) return;
  std::string term = normalize_utf8(raw);
  if (term.empty() || api::utf8_length(term) > 30) return;
  std::string day = clock::today();
  if (!seen.first_today(day, user.committee_id, user.user_id, term)) return;
  c.exec(sql::kLogSearch, {user.committee_id, user.user_id, day, term});
}

Json hot_searches(App& app, const http::Request& req) {
  const auto& user = req.user();
  std::vector<std::string> blocked;
  {
    std::string cur;
    for (char ch : app.config.search.hot_block + ",") {
      if (ch == ',') {
        cur = api::trim(cur);
        if (!cur.empty()) blocked.push_back(normalize_utf8(cur));
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
  for (const auto& r : c->exec(sql::kHotSearches, {user.committee_id, since}).rows) {
    std::string term = r.text(0);
    bool hidden = std::any_of(blocked.begin(), blocked.end(),
                              [&](const std::string& b) { return term.find(b) != std::string::npos; });
    if (hidden) continue;
    items.push_back({{"term", term}, {"count", r.integer(1)}});
    if (items.size() >= 10) break;
  }
  return {{"items", items}, {"days", app.config.search.hot_days}};
}

}  // namespace sl::search
