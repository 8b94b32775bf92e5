#include "modules/search/replica.hpp"

#include <spdlog/spdlog.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <iterator>
#include <map>
#include <tuple>

#include "core/search/tokenizer.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/queries.hpp"

namespace sl::search {

namespace {

// The columns of a document, in this order on both sides: those a search reads (search_docs), then
// the title and body, which only delete an entry from the contentless FTS5 table and so live in a
// table of their own (search_texts), out of the rows a search joins (the join then reads a tenth of
// the pages: 24 → 15 ms for 社区改造 at a million proposals). The body is kept deflated (zlib),
// half its size.
constexpr const char* kDocFields[] = {"fts_key",
                                      "doc_type",
                                      "proposal_id",
                                      "session_id",
                                      "category",
                                      "state",
                                      "published",
                                      "proposer_user_id",
                                      "group_type",
                                      "group_id",
                                      "key_special_committee_id",
                                      "source_updated_at"};
constexpr size_t kTitle = std::size(kDocFields), kBody = kTitle + 1, kColumnCount = kBody + 1;
/// The search_docs columns, each name after `prefix`.
std::string doc_columns(const std::string& prefix = "") {
  std::string out;
  for (const char* f : kDocFields) out += (out.empty() ? "" : ", ") + prefix + f;
  return out;
}
/// Every column in this order (title and body after `text_prefix`), as PostgreSQL's search_docs
/// and the replica's join of search_docs `d` with search_texts `t` both give them.
std::string all_columns(const std::string& doc_prefix = "", const std::string& text_prefix = "") {
  return doc_columns(doc_prefix) + ", " + text_prefix + "title, " + text_prefix + "body";
}
/// The replica's rows in all_columns() order.
std::string replica_rows() {
  return "SELECT " + all_columns("d.", "t.") + " FROM search_docs d JOIN search_texts t ON t.fts_key = d.fts_key";
}
/// The replica's layout (PRAGMA user_version); a file of another layout is emptied and rebuilt.
constexpr int kFormat = 2;
bool integer_column(size_t i) {
  return i == 0 || i == 2 || i == 3 || i == 6 || i == 7 || i == 9 || i == 10;
}

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS search_docs (
  fts_key INTEGER PRIMARY KEY,
  doc_type TEXT NOT NULL,
  proposal_id INTEGER,
  session_id INTEGER,
  category TEXT NOT NULL,
  state TEXT NOT NULL,
  published INTEGER NOT NULL,
  proposer_user_id INTEGER,
  group_type TEXT,
  group_id INTEGER,
  key_special_committee_id INTEGER,
  source_updated_at TEXT
);
CREATE TABLE IF NOT EXISTS search_texts (
  fts_key INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body BLOB NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS replica_state (
  k TEXT PRIMARY KEY,
  v TEXT NOT NULL
);
)";

/// The body as stored: its length in 4 bytes (little-endian), then deflated.
std::string deflate_text(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(4 + size, '\0');
  for (int i = 0; i < 4; ++i) out[static_cast<size_t>(i)] = static_cast<char>((text.size() >> (8 * i)) & 0xff);
  if (compress2(reinterpret_cast<Bytef*>(out.data() + 4), &size, reinterpret_cast<const Bytef*>(text.data()),
                static_cast<uLong>(text.size()), 1) != Z_OK)
    throw std::runtime_error("search replica: deflate failed");
  out.resize(4 + size);
  return out;
}

/// Inflates a stored body into `out` (whose capacity is reused).
void inflate_into(std::string_view stored, std::string& out) {
  if (stored.size() < 4) throw std::runtime_error("search replica: bad stored body");
  uLongf size = 0;
  for (int i = 0; i < 4; ++i)
    size |= static_cast<uLongf>(static_cast<unsigned char>(stored[static_cast<size_t>(i)])) << (8 * i);
  out.resize(size);
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(stored.data() + 4),
                 static_cast<uLong>(stored.size() - 4)) != Z_OK)
    throw std::runtime_error("search replica: bad stored body");
  out.resize(size);
}

std::string inflate_text(std::string_view stored) {
  std::string out;
  inflate_into(stored, out);
  return out;
}

/// sl_text_contains(title, stored body, needle): whether the document's normalised text, as the
/// indexer writes search_docs.norm, contains `needle` (itself normalised).
int64_t text_contains(const std::vector<std::string_view>& args) {
  thread_local std::string body;
  inflate_into(args[1], body);
  return normalized_contains({args[0], "\n", body}, args[2]) ? 1 : 0;
}

/// A PostgreSQL row's values for an INSERT into the replica.
std::vector<db::Value> values_of(const db::Row& r) {
  std::vector<db::Value> v;
  v.reserve(kColumnCount);
  for (size_t i = 0; i < kColumnCount; ++i) {
    if (r.is_null(i))
      v.emplace_back(nullptr);
    else if (integer_column(i))
      v.emplace_back(r.integer(i));
    else
      v.emplace_back(i == kBody ? deflate_text(r.text(i)) : r.text(i));
  }
  return v;
}

/// Whether the replica's row `had` holds what PostgreSQL's row `now` does.
bool same_row(const db::Row& had, const db::Row& now) {
  for (size_t i = 0; i < kColumnCount; ++i) {
    if (had.is_null(i) != now.is_null(i)) return false;
    if (had.is_null(i)) continue;
    if (integer_column(i) ? had.integer(i) != now.integer(i)
                          : (i == kBody ? inflate_text(had.text(i)) : had.text(i)) != now.text(i))
      return false;
  }
  return true;
}

void set_state(db::Connection& c, const std::string& key, const std::string& value) {
  c.exec(sql::kReplicaSetState, {key, value});
}

/// The current snapshot's bounds on the PostgreSQL cluster: xmin, the oldest transaction still
/// running (every earlier one has ended), and xmax, the next transaction id. A cursor beyond xmax
/// was taken on another cluster (the database was restored elsewhere from a dump, which keeps
/// search_source), so the replica is rebuilt.
struct Snapshot {
  uint64_t xmin = 0, xmax = 0;
};
Snapshot pg_snapshot(db::Connection& c) {
  auto r = c.exec(sql::kPgSnapshot).one();
  return {std::stoull(r.text(0)), std::stoull(r.text(1))};
}

/// Inserts `rows` (PostgreSQL rows in all_columns() order) into the replica's tables.
void insert_rows(db::Connection& c, const std::vector<const db::Row*>& rows) {
  std::vector<std::tuple<int64_t, std::string, std::string>> entries;
  for (const db::Row* r : rows) {
    std::vector<db::Value> v = values_of(*r);
    std::string marks;
    for (size_t i = 1; i <= kTitle; ++i) marks += (i == 1 ? "$" : ", $") + std::to_string(i);
    c.exec("INSERT INTO search_docs (" + doc_columns() + ") VALUES (" + marks + ")",
           std::vector<db::Value>(v.begin(), v.begin() + kTitle));
    c.exec(sql::kReplicaInsertText, {v[0], v[kTitle], v[kBody]});
    entries.emplace_back(r->integer(0), r->text(kTitle), r->text(kBody));
  }
  std::set<std::string> words;  // PostgreSQL's search_words has them
  fts_write(c, false, entries, words);
}

Replica* g_replica = nullptr;

}  // namespace

std::string replica_text_contains(const std::string& needle) {
  return "EXISTS (SELECT 1 FROM search_texts t WHERE t.fts_key = d.fts_key AND sl_text_contains(t.title, t.body, " +
         needle + "))";
}

Replica* replica() {
  return g_replica;
}
void set_replica(Replica* r) {
  g_replica = r;
}

Replica::Replica(db::Database& source, const std::string& dir, int refresh_ms)
    : source_(source), refresh_ms_(refresh_ms) {
  std::string id;
  {
    auto c = source_.acquire();
    id = c->exec(sql::kSourceId).one().text(0);
  }
  std::filesystem::create_directories(dir);
  path_ = (std::filesystem::path(dir) / ("search-replica-" + id + ".db")).string();
  static std::once_flag registered;
  std::call_once(registered, [] { db::add_sqlite_function("sl_text_contains", 3, text_contains); });
  replica_ = db::Database::open("sqlite:" + path_, 4);
  {
    auto c = replica_->acquire();
    if (c->exec(sql::kUserVersion).one().integer(0) != kFormat) {
      c->exec_script(sql::kReplicaDropTables);
      c->exec_script(kSchema);
      c->exec_script("PRAGMA user_version = " + std::to_string(kFormat));
    }
  }
  thread_ = std::thread([this] { run(); });
}

Replica::~Replica() {
  if (g_replica == this) g_replica = nullptr;
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

std::string Replica::state(const std::string& key) {
  auto c = replica_->acquire();
  auto r = c->exec(sql::kReplicaState, {key});
  return r.empty() ? "" : r.one().text(0);
}

void Replica::prune() {
  auto pg = source_.acquire();
  pg->exec(sql::kPruneChanges, {int64_t{kKeepChangesDays}});
}

void Replica::run() {
  auto next_prune = std::chrono::steady_clock::now();
  auto prune_hourly = [&] {
    if (std::chrono::steady_clock::now() < next_prune) return;
    next_prune = std::chrono::steady_clock::now() + std::chrono::hours(1);
    prune();
  };
  while (!stop_) {
    try {
      prune_hourly();
      if (!ready_) {
        auto t0 = std::chrono::steady_clock::now();
        build();
        if (stop_) return;
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
        spdlog::info("search replica ready: {} documents in {} ms ({})", documents_.load(), ms.count(), path_);
      }
      auto next_compact = std::chrono::steady_clock::now();
      while (!stop_ && ready_) {
        if (std::chrono::steady_clock::now() >= next_compact) {
          next_compact = std::chrono::steady_clock::now() + std::chrono::minutes(10);
          compact_fts_if_fragmented(*replica_, "search replica", &stop_);
        }
        prune_hourly();
        for (int waited = 0; waited < refresh_ms_ && !stop_; waited += 50)
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!stop_) sync();
      }
    } catch (const std::exception& e) {
      spdlog::error("search replica: {}; trying again in 10 s", e.what());
      for (int i = 0; i < 200 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

void Replica::build() {
  // The copy starts at the cursor of its first start, so that the changes made while it runs
  // (and while the server was down during it) are applied once it has read every document.
  if (state("ready") == "1") {
    cursor_ = std::stoull(state("cursor"));
    auto pg = source_.acquire();
    if (cursor_ > pg_snapshot(*pg).xmax) {
      spdlog::warn("search replica: ahead of its database (restored elsewhere?); rebuilding it");
      wipe();
    } else if (cursor_ <= static_cast<uint64_t>(pg->exec(sql::kPrunedThrough).one().integer(0))) {
      spdlog::warn("search replica: changes since it last ran were deleted (older than {} days); rebuilding it",
                   kKeepChangesDays);
      wipe();
    }
  }
  // Counted as rows are copied, added and removed (COUNT(*) reads the whole table: 20 s at a million).
  std::string documents = state("documents");
  documents_ = documents.empty() ? 0 : std::stoll(documents);
  if (state("ready") != "1") {
    std::string from = state("build_cursor");
    if (from.empty()) {
      auto pg = source_.acquire();
      from = std::to_string(pg_snapshot(*pg).xmin);
      auto c = replica_->acquire();
      set_state(*c, "build_cursor", from);
    }
    std::string copied = state("copied_to");
    int64_t last = copied.empty() ? -1 : std::stoll(copied);
    for (;;) {
      if (stop_) return;
      db::Result rows;
      {
        auto pg = source_.acquire();
        rows = pg->exec("SELECT " + all_columns() + " FROM search_docs WHERE fts_key > $1 ORDER BY fts_key LIMIT 1000",
                        {last});
      }
      if (rows.empty()) break;
      std::vector<const db::Row*> list;
      for (const auto& r : rows.rows) list.push_back(&r);
      last = rows.rows.back().integer(0);
      int64_t documents = documents_ + static_cast<int64_t>(list.size());
      replica_->transaction([&](db::Connection& c) {
        insert_rows(c, list);
        set_state(c, "copied_to", std::to_string(last));
        set_state(c, "documents", std::to_string(documents));
      });
      documents_ = documents;
    }
    cursor_ = std::stoull(from);
    {
      std::lock_guard lock(sync_mu_);
      sync_locked();
    }
    auto c = replica_->acquire();
    set_state(*c, "ready", "1");
  }
  if (compact_fts(*replica_, &stop_) > 0) spdlog::info("search replica: full-text index merged into one segment");
  ready_ = true;
  sync();
}

void Replica::wipe() {
  ready_ = false;
  replica_->transaction([](db::Connection& c) {
    for (const char* statement : sql::kReplicaWipe) c.exec(statement);
  });
  applied_.clear();
  cursor_ = 0;
  documents_ = 0;
}

void Replica::sync() {
  if (!ready_) return;
  std::lock_guard lock(sync_mu_);
  sync_locked();
}

void Replica::sync_locked() {
  uint64_t xmin = 0;
  std::vector<int64_t> keys;
  std::set<int64_t> seen;
  {
    auto pg = source_.acquire();
    auto snapshot = pg_snapshot(*pg);
    xmin = snapshot.xmin;
    if (cursor_ > snapshot.xmax) {
      wipe();
      throw std::runtime_error("the replica is ahead of its database (restored elsewhere?); rebuilding it");
    }
    // Every transaction before xmin has ended, so its changes are all visible to this later statement.
    auto rows = pg->exec(sql::kChangesSince, {std::to_string(cursor_)});
    std::set<int64_t> pending;
    for (const auto& r : rows.rows) {
      int64_t seq = r.integer(0);
      if (std::stoull(r.text(2)) >= xmin) seen.insert(seq);
      if (!applied_.count(seq)) pending.insert(r.integer(1));
    }
    keys.assign(pending.begin(), pending.end());
  }
  apply(keys);
  applied_ = std::move(seen);
  cursor_ = xmin;
  auto c = replica_->acquire();
  set_state(*c, "cursor", std::to_string(cursor_));
}

void Replica::apply(const std::vector<int64_t>& keys) {
  for (size_t i = 0; i < keys.size(); i += 500) {
    std::vector<int64_t> chunk(keys.begin() + static_cast<std::ptrdiff_t>(i),
                               keys.begin() + static_cast<std::ptrdiff_t>(std::min(keys.size(), i + 500)));
    std::string in = ids_list(chunk);
    db::Result now;
    {
      auto pg = source_.acquire();
      now = pg->exec("SELECT " + all_columns() + " FROM search_docs WHERE fts_key IN (" + in + ")");
    }
    std::map<int64_t, const db::Row*> current;
    for (const auto& r : now.rows) current[r.integer(0)] = &r;
    int64_t delta = 0;
    replica_->transaction([&](db::Connection& c) {
      auto had = c.exec(replica_rows() + " WHERE d.fts_key IN (" + in + ")");
      std::vector<std::tuple<int64_t, std::string, std::string>> removed;
      std::vector<int64_t> removed_keys;
      for (const auto& r : had.rows) {
        auto found = current.find(r.integer(0));
        if (found != current.end() && same_row(r, *found->second)) {
          current.erase(found);  // unchanged
          continue;
        }
        removed.emplace_back(r.integer(0), r.text(kTitle), inflate_text(r.text(kBody)));
        removed_keys.push_back(r.integer(0));
      }
      std::set<std::string> words;
      fts_write(c, true, removed, words);
      if (!removed_keys.empty()) {
        std::string gone = ids_list(removed_keys);
        c.exec("DELETE FROM search_docs WHERE fts_key IN (" + gone + ")");
        c.exec("DELETE FROM search_texts WHERE fts_key IN (" + gone + ")");
      }
      std::vector<const db::Row*> added;
      added.reserve(current.size());
      for (const auto& [key, row] : current) added.push_back(row);
      insert_rows(c, added);
      delta = static_cast<int64_t>(added.size()) - static_cast<int64_t>(removed_keys.size());
      set_state(c, "documents", std::to_string(documents_ + delta));
    });
    documents_ += delta;
  }
}

}  // namespace sl::search
