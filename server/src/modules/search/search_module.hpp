#pragma once
// Search: full-text search (GET /search, /public/search), hot searches, similar proposals while
// writing, merge suggestions for staff and unit suggestions at assignment. See indexer.hpp and
// similar_index.hpp for the two indexes behind them.

#include <atomic>
#include <thread>

#include "core/app.hpp"

namespace sl {

void register_search(App& app);

namespace search {

/// Builds the in-memory similar index from the database (sample for frequencies, then every
/// proposal) and marks it ready; false (and not ready) when `stop` ended it early.
bool build_similar_index(db::Database& db, const std::atomic<bool>* stop = nullptr);

/// The serving process's background work: index what events missed, build the similar index,
/// then pick up other nodes' changes every `config.search.similar_refresh_seconds`.
class Background {
 public:
  explicit Background(App& app);
  ~Background();

 private:
  App& app_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

/// Leave-one-out accuracy of unit suggestions over every assigned proposal of the database.
struct UnitEvaluation {
  int64_t proposals = 0;
  int64_t top1 = 0;
  int64_t top3 = 0;
};
UnitEvaluation evaluate_unit_suggestions(App& app);

}  // namespace search
}  // namespace sl
