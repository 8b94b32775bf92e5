#pragma once
// PostgreSQL deployments: each serving node's local full-text copy of search_docs, a SQLite file
// with the FTS5 index of the SQLite deployment (the tokens of core/search/tokenizer.hpp), from
// which full-text queries take their window of matches; PostgreSQL then gives the rows shown.
//
// Why: GIN keeps no positions. A phrase of common bigrams (社区改造: 4,864 documents at a million
// proposals, while 87,571 hold its three bigrams somewhere) makes PostgreSQL read and check the
// TOASTed tsvector of every candidate: seconds. FTS5 keeps the positions in its index and reads
// only the doclists of the phrase's tokens, newest first.
//
// Kept current from search_changes (migration 0015), where every write of a document logs its key
// and the writing transaction's id. sync() asks PostgreSQL for the oldest transaction still running
// (the snapshot's xmin), applies the keys logged by every transaction it has not applied (each key:
// the row as PostgreSQL now has it, or its removal) and moves its cursor to that xmin. Transactions
// may commit out of their sequence order; a key logged at or after the cursor is read again at each
// sync (and skipped when already applied) until the cursor passes its transaction. This node syncs
// after each of its own writes; other nodes' writes arrive within a second.
//
// Each node deletes logged changes older than kKeepChangesDays every hour; a replica whose cursor
// is not past the newest deleted one (its node was down that long) is rebuilt.
//
// A term that needs the normalised text (search_docs.norm on the database: a one-character term,
// a prefix of many words) is checked on the replica by a function that inflates the body and
// normalises title and body again (replica_text_contains()).
//
// Built in the background at first start, in key order and resumably (a restart continues the
// copy); searches are answered by PostgreSQL until it is ready. The file is named after the
// database's identity (search_source), so a replica of another database is never read.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "core/db/database.hpp"

namespace sl::search {

constexpr int kKeepChangesDays = 7;

class Replica {
 public:
  /// Opens (creating) the replica of PostgreSQL database `source` in `dir` and starts the thread
  /// that builds it and then picks up other nodes' changes every `refresh_ms`.
  Replica(db::Database& source, const std::string& dir, int refresh_ms = 1000);
  ~Replica();
  Replica(const Replica&) = delete;
  Replica& operator=(const Replica&) = delete;

  bool ready() const { return ready_; }
  /// Documents copied so far.
  int64_t documents() const { return documents_; }
  const std::string& path() const { return path_; }
  /// Applies what was committed since the last sync; nothing before the replica is ready.
  void sync();
  /// The replica's connections (search_docs and search_fts, the SQLite deployment's names).
  db::Database& db() { return *replica_; }

 private:
  void run();
  void build();
  void sync_locked();
  void apply(const std::vector<int64_t>& keys);
  void wipe();
  void prune();
  std::string state(const std::string& key);

  db::Database& source_;
  std::string path_;
  int refresh_ms_;
  std::unique_ptr<db::Database> replica_;
  std::mutex sync_mu_;
  uint64_t cursor_ = 0;        // every transaction before this one is applied
  std::set<int64_t> applied_;  // logged changes at or after the cursor already applied
  std::atomic<bool> ready_{false};
  std::atomic<int64_t> documents_{0};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

/// In a search of the replica: the condition that the normalised text of document `d` (what
/// search_docs.norm holds on the database) contains the text in parameter `needle` (a placeholder
/// such as "$3"). It inflates the stored body, so it belongs after conditions that narrow the rows.
std::string replica_text_contains(const std::string& needle);

/// The serving process's replica: nullptr on SQLite, when disabled, or outside `serve`.
Replica* replica();
void set_replica(Replica* r);

}  // namespace sl::search
