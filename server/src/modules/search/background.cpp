// Keeping the similar index current: the build at start (after indexing what events missed), then
// other nodes' changes and the compaction of the SQLite full-text index.

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "modules/search/handlers.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/queries.hpp"
#include "modules/search/replica.hpp"
#include "modules/search/search_module.hpp"
#include "modules/search/similar_index.hpp"

namespace sl::search {

void update_similar(db::Connection& c, int64_t proposal_id) {
  auto& index = similar_index();
  auto r = c.exec(sql::kProposalDoc, {proposal_id});
  if (r.empty() || r.one().text("state") == "draft") {
    index.remove(proposal_id);
    return;
  }
  const auto& d = r.one();
  index.upsert(
      {proposal_id, d.integer("committee_id"), d.is_null("session_id") ? 0 : d.integer("session_id"), d.text("state")},
      d.text("title"), d.text("body"));
}

bool build_similar_index(db::Database& db, const std::atomic<bool>* stop) {
  auto& index = similar_index();
  auto c = db.acquire();
  const std::string docs = "FROM search_docs WHERE doc_type = 'proposal' AND state <> 'draft'";
  int64_t total = c->exec("SELECT COUNT(*) " + docs).one().integer(0);
  int64_t max_id = c->exec(sql::kMaxDocId).one().integer(0);
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
    auto rows = c->exec(sql::kSimilarBatch, {last});
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
        auto r = c->exec(sql::kLastProposalChange);
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
        for (const auto& r : c->exec(sql::kChangedDocs, {last_seen}).rows) {
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

}  // namespace sl::search
