// SQLite backend: WAL, foreign keys on, busy timeout; `$N` placeholders bound by name.
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "core/db/database.hpp"

namespace sl::db {
namespace {

constexpr int kBusyTimeoutMs = 10000;

[[noreturn]] void fail(sqlite3* h, int rc, std::string_view sql) {
  std::string msg = sqlite3_errmsg(h);
  int ext = sqlite3_extended_errcode(h);
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    throw ConstraintError(ConstraintError::Kind::unique, msg);
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) throw ConstraintError(ConstraintError::Kind::foreign_key, msg);
  if ((rc & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(ConstraintError::Kind::other, msg);
  throw std::runtime_error("sqlite: " + msg + " in: " + std::string(sql.substr(0, 200)));
}

// sl_rank(fts_table): the relevance of an FTS5 match from its hits in the row alone, for tables
// whose first column is a title: for each phrase of the query, 2 if it occurs in the title plus
// ln(1 + its hits in the other columns). Unlike bm25() it reads no corpus statistics, which cost a
// pass over every match of the query; searching a window of the newest matches relies on that.
void fts5_hit_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
  // xPhraseFirst/xPhraseNext walk one phrase's hits in the row, without the sorted list of all
  // phrases' hits that xInstCount/xInst build first.
  int phrases = api->xPhraseCount(fts);
  double score = 0;
  for (int p = 0; p < phrases; ++p) {
    Fts5PhraseIter it;
    int col = 0, off = 0, title = 0, other = 0;
    if (api->xPhraseFirst(fts, p, &it, &col, &off) != SQLITE_OK) {
      sqlite3_result_error(ctx, "sl_rank: cannot read the hits", -1);
      return;
    }
    for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) ++(col == 0 ? title : other);
    score += (title > 0 ? 2.0 : 0.0) + std::log1p(other);
  }
  sqlite3_result_double(ctx, score);
}

// sl_hit(fts_table, phrase): 1 when the query's phrase number `phrase` (0 is the first in the
// expression) occurs in the row, else 0.
void fts5_phrase_hit(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                     sqlite3_value** argv) {
  int phrase = argc == 1 ? sqlite3_value_int(argv[0]) : -1;
  if (phrase < 0 || phrase >= api->xPhraseCount(fts)) {
    sqlite3_result_error(ctx, "sl_hit: no such phrase", -1);
    return;
  }
  Fts5PhraseIter it;
  int col = -1, off = 0;
  if (api->xPhraseFirst(fts, phrase, &it, &col, &off) != SQLITE_OK) {
    sqlite3_result_error(ctx, "sl_hit: cannot read the hits", -1);
    return;
  }
  sqlite3_result_int(ctx, col >= 0 ? 1 : 0);
}

void register_fts5_functions(sqlite3* h) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  if (!api || api->xCreateFunction(api, "sl_rank", nullptr, fts5_hit_rank, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "sl_hit", nullptr, fts5_phrase_hit, nullptr) != SQLITE_OK)
    throw std::runtime_error("sqlite: cannot register the FTS5 functions (is FTS5 built in?)");
}

struct FunctionEntry {
  int args = 0;
  SqliteFunction fn;
};
std::mutex g_functions_mu;
std::map<std::string, std::shared_ptr<FunctionEntry>>& functions() {
  static std::map<std::string, std::shared_ptr<FunctionEntry>> all;
  return all;
}

void call_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const auto* entry = static_cast<const FunctionEntry*>(sqlite3_user_data(ctx));
  std::vector<std::string_view> args;
  args.reserve(static_cast<size_t>(argc));
  for (int i = 0; i < argc; ++i) {
    const auto* p = static_cast<const char*>(sqlite3_value_blob(argv[i]));
    args.emplace_back(p ? p : "", p ? static_cast<size_t>(sqlite3_value_bytes(argv[i])) : 0);
  }
  try {
    sqlite3_result_int64(ctx, entry->fn(args));
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

void register_functions(sqlite3* h) {
  std::lock_guard lock(g_functions_mu);
  for (const auto& [name, entry] : functions())
    if (sqlite3_create_function_v2(h, name.c_str(), entry->args, SQLITE_UTF8 | SQLITE_DETERMINISTIC, entry.get(),
                                   call_function, nullptr, nullptr, nullptr) != SQLITE_OK)
      throw std::runtime_error("sqlite: cannot register the function " + name);
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    if (sqlite3_open_v2(path.c_str(), &h_, flags, nullptr) != SQLITE_OK) {
      std::string msg = h_ ? sqlite3_errmsg(h_) : "out of memory";
      sqlite3_close(h_);
      throw std::runtime_error("cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(h_, kBusyTimeoutMs);
    // synchronous=FULL: in WAL mode NORMAL syncs the WAL only at checkpoints, so a power cut or an
    // OS crash can lose the last commits although they were answered 2xx; FULL syncs the WAL at
    // every commit, so an answered write survives a power cut. (A crash of this process alone
    // loses nothing in either mode: the WAL is already in the OS page cache.) Official records
    // are worth the cost, measured on the 2-core test VM: one fsync per commit, about 3 ms (a bare
    // small transaction 0.05-0.1 ms -> 2.9-3.6 ms), an API edit of a draft about 9-19 ms -> 15-31 ms
    // on a loaded machine; reads, start-up with the demo data and the API test files unchanged.
    exec_script("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
    register_fts5_functions(h_);
    register_functions(h_);
  }
  ~SqliteConnection() override { sqlite3_close_v2(h_); }

  Dialect dialect() const override { return Dialect::sqlite; }

  Result exec(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(h_, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
    if (rc != SQLITE_OK) fail(h_, rc, sql);
    struct Finalizer {
      sqlite3_stmt* s;
      ~Finalizer() { sqlite3_finalize(s); }
    } fin{st};
    for (size_t i = 0; i < params.size(); ++i) {
      std::string name = "$" + std::to_string(i + 1);
      int idx = sqlite3_bind_parameter_index(st, name.c_str());
      if (idx == 0) continue;  // parameter not used by this statement
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        sqlite3_bind_null(st, idx);
      } else if (auto* n = std::get_if<int64_t>(&v)) {
        sqlite3_bind_int64(st, idx, *n);
      } else if (auto* d = std::get_if<double>(&v)) {
        sqlite3_bind_double(st, idx, *d);
      } else {
        const auto& s = std::get<std::string>(v);
        sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
    }
    Result res;
    int ncol = sqlite3_column_count(st);
    for (int i = 0; i < ncol; ++i) res.columns->push_back(sqlite3_column_name(st, i));
    for (;;) {
      rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(h_, rc, sql);
      std::vector<std::optional<std::string>> cells;
      cells.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        if (sqlite3_column_type(st, i) == SQLITE_NULL) {
          cells.emplace_back(std::nullopt);
        } else {
          auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          cells.emplace_back(std::string(p, sqlite3_column_bytes(st, i)));
        }
      }
      res.rows.emplace_back(res.columns, std::move(cells));
    }
    res.affected = sqlite3_changes(h_);
    return res;
  }

  void exec_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(h_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error("sqlite: " + msg);
    }
  }

  void begin() override { exec_script("BEGIN IMMEDIATE"); }
  void commit() override { exec_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(h_)) exec_script("ROLLBACK");
  }
  bool healthy() override { return h_ != nullptr; }

  sqlite3* handle() { return h_; }

 private:
  sqlite3* h_ = nullptr;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& url, std::string path, int max_connections)
      : Database(Dialect::sqlite, url, max_connections), path_(std::move(path)) {
    if (path_ != ":memory:" && path_.rfind("file:", 0) != 0) {
      auto dir = std::filesystem::path(path_).parent_path();
      if (!dir.empty()) std::filesystem::create_directories(dir);
    }
  }

 protected:
  std::unique_ptr<Connection> connect() override { return std::make_unique<SqliteConnection>(path_); }

 private:
  std::string path_;
};

}  // namespace

void add_sqlite_function(const std::string& name, int args, SqliteFunction fn) {
  std::lock_guard lock(g_functions_mu);
  // A replaced entry is kept: connections opened earlier still call it.
  static std::vector<std::shared_ptr<FunctionEntry>> replaced;
  auto& slot = functions()[name];
  if (slot) replaced.push_back(slot);
  slot = std::make_shared<FunctionEntry>(FunctionEntry{args, std::move(fn)});
}

std::unique_ptr<Database> open_sqlite(const std::string& url, const std::string& path, int max_connections) {
  // An in-memory database exists per connection: share one by URI so the pool sees one database.
  std::string p = path == ":memory:" ? "file:sl_mem?mode=memory&cache=shared" : path;
  return std::make_unique<SqliteDatabase>(url, p, max_connections);
}

/// Copies the SQLite database at `src_path` to `dest_path` with the online backup API,
/// consistent while other connections write.
void sqlite_backup(const std::string& src_path, const std::string& dest_path) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  if (sqlite3_open_v2(src_path.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + src_path);
  if (sqlite3_open(dest_path.c_str(), &dst) != SQLITE_OK) {
    sqlite3_close(src);
    throw std::runtime_error("cannot create " + dest_path);
  }
  sqlite3_busy_timeout(src, kBusyTimeoutMs);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  int rc = SQLITE_OK;
  if (b) {
    do {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
  }
  std::string err = sqlite3_errmsg(dst);
  sqlite3_close(src);
  sqlite3_close(dst);
  if (!b || rc != SQLITE_DONE) throw std::runtime_error("backup failed: " + err);
}

}  // namespace sl::db
