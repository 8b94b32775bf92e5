// SQLite backend: WAL, foreign keys on, busy timeout; `$N` placeholders bound by name.
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
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
  int phrases = api->xPhraseCount(fts);
  int hits = 0;
  if (api->xInstCount(fts, &hits) != SQLITE_OK) {
    sqlite3_result_error(ctx, "sl_rank: no instances", -1);
    return;
  }
  std::vector<int> title(static_cast<size_t>(std::max(phrases, 0)), 0), other(title.size(), 0);
  for (int i = 0; i < hits; ++i) {
    int phrase = 0, col = 0, off = 0;
    if (api->xInst(fts, i, &phrase, &col, &off) != SQLITE_OK || phrase < 0 || phrase >= phrases) continue;
    ++(col == 0 ? title : other)[static_cast<size_t>(phrase)];
  }
  double score = 0;
  for (size_t p = 0; p < title.size(); ++p) score += (title[p] > 0 ? 2.0 : 0.0) + std::log1p(other[p]);
  sqlite3_result_double(ctx, score);
}

void register_fts5_functions(sqlite3* h) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  if (!api || api->xCreateFunction(api, "sl_rank", nullptr, fts5_hit_rank, nullptr) != SQLITE_OK)
    throw std::runtime_error("sqlite: cannot register the FTS5 rank function (is FTS5 built in?)");
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
    exec_script("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
    register_fts5_functions(h_);
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
