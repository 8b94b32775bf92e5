#pragma once
// Keeps search_docs (and so the full-text index) current: one document per proposal (drafts too;
// visibility is applied when searching) and one per released reply. Driven by domain events
// ("proposal.*"); `catch_up` indexes what events missed (a crash between commit and index, rows
// written by another tool) and runs in the background at start.

#include <atomic>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/app.hpp"
#include "core/db/database.hpp"

namespace sl::search {

/// Rewrites the documents of proposal `id` (its text and its released replies); removes them when
/// the proposal is gone.
void reindex_proposal(db::Connection& c, int64_t id);
/// The same for several proposals at once (a few statements for all of them).
void reindex_proposals(db::Connection& c, const std::vector<int64_t>& ids);

/// Reindexes every proposal whose documents are missing or older than the proposal; returns how
/// many. Stops early when `stop` becomes true. Unless `full`, only proposals changed since the last
/// completed catch-up (less ten minutes) are compared; `full` compares them all (`search reindex`).
int64_t catch_up(db::Database& db, const std::atomic<bool>* stop = nullptr, bool full = false);

/// SQLite: writes (or, with `remove`, deletes) the entries of search_fts, a contentless table, from
/// the tokens of each row's (key, title, body), several rows a statement. An entry is deleted by
/// giving the title and body it was written with. Written entries add their words to `words`.
void fts_write(db::Connection& c, bool remove, const std::vector<std::tuple<int64_t, std::string, std::string>>& rows,
               std::set<std::string>& words);

/// SQLite: the full-text index's b-tree segments that hold at least 1/64 of its leaf pages. FTS5
/// writes a segment per transaction and merges them as they pile up (automerge), but a large index
/// keeps several big ones, and a query reads every token's doclist in each: at a million
/// proposals, FTS5 took 24-28 ms for `社区改造` over 25 segments and 10-11 ms over one.
int64_t large_fts_segments(db::Connection& c);
/// SQLite: merges the full-text index into one segment, a few megabytes per write transaction so
/// that other writers wait no longer than that; stops early when `stop` becomes true. Returns the
/// transactions it took; nothing to do on PostgreSQL.
int64_t compact_fts(db::Database& db, const std::atomic<bool>* stop = nullptr);
/// compact_fts() when the index has more large segments than this.
constexpr int64_t kMaxLargeSegments = 2;
/// compact_fts() when `db`'s index has more than kMaxLargeSegments large segments; logs what it
/// did under `label`. The background threads call it every ten minutes.
void compact_fts_if_fragmented(db::Database& db, const char* label, const std::atomic<bool>* stop = nullptr);

/// The document's key in the full-text index: committee << 49 | sort_day << 33 | ref_id << 1 | is_reply.
/// A committee's documents form one key range (committee_key_range), newest last. Throws
/// std::out_of_range beyond 8,191 committees or 2^32 records.
int64_t fts_key(int64_t committee_id, int64_t sort_day, int64_t ref_id, bool reply);
std::pair<int64_t, int64_t> committee_key_range(int64_t committee_id);
/// The sort_day a key was made with (clamped as fts_key clamps it).
int64_t key_day(int64_t fts_key);

/// PostgreSQL documents carry the lexeme of their period (kPeriodDays days of sort_day, "~p<n>") in
/// their tsvector, so that a search can ask the GIN index for the matches of the newest periods only
/// (the words of the query AND the period), instead of reading the tsvector of each candidate newest
/// first. '~' is a separator to the tokenizer, so no word of a text can be such a lexeme.
constexpr int64_t kPeriodDays = 32;
int64_t key_period(int64_t fts_key);
std::string period_lexeme(int64_t period);
/// The tsquery of the `span` periods up to `newest`: ('~p9' | '~p8' | '~p7').
std::string tsquery_periods(int64_t newest, int span);

/// Ids as an SQL list ("1, 2, 3"; "0" when empty, so that `IN (…)` stays valid).
std::string ids_list(const std::vector<int64_t>& ids);

/// Days since 1970-01-01 of an ISO date or timestamp ("2026-11-29..."); 0 when unparseable.
int64_t day_number(const std::string& iso);
/// The ISO date ("2026-11-29") of a day number.
std::string day_iso(int64_t day);

}  // namespace sl::search
