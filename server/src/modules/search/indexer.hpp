#pragma once
// Keeps search_docs (and so the full-text index) current: one document per proposal (drafts too;
// visibility is applied when searching) and one per released reply. Driven by domain events
// ("proposal.*"); `catch_up` indexes what events missed (a crash between commit and index, rows
// written by another tool) and runs in the background at start.

#include <atomic>
#include <cstdint>
#include <string>

#include "core/app.hpp"
#include "core/db/database.hpp"

namespace sl::search {

/// Rewrites the documents of proposal `id` (its text and its released replies); removes them when
/// the proposal is gone.
void reindex_proposal(db::Connection& c, int64_t id);

/// Reindexes every proposal whose documents are missing or older than the proposal; returns how
/// many. Stops early when `stop` becomes true.
int64_t catch_up(db::Database& db, const std::atomic<bool>* stop = nullptr);

/// Days since 1970-01-01 of an ISO date or timestamp ("2026-11-29..."); 0 when unparseable.
int64_t day_number(const std::string& iso);

}  // namespace sl::search
