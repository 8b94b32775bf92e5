#pragma once
// The storage interface: one small API over two backends (SQLite, PostgreSQL via libpq).
// SQL is written once with `$1, $2 …` placeholders; both backends bind them by number.
// Values travel as text/integer/real/null; timestamps are ISO-8601 UTC text; booleans 0/1.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sl::db {

enum class Dialect { sqlite, postgres };

/// A bound parameter or a column value.
using Value = std::variant<std::nullptr_t, int64_t, double, std::string>;

/// Convenience for optional parameters: null when empty.
template <class T>
Value opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  return Value(*v);
}

/// One row of a result; columns addressed by index or name.
class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> names, std::vector<std::optional<std::string>> cells)
      : names_(std::move(names)), cells_(std::move(cells)) {}
  size_t size() const { return cells_.size(); }
  bool is_null(size_t i) const { return !cells_.at(i).has_value(); }
  bool is_null(std::string_view name) const { return is_null(index(name)); }
  const std::string& text(size_t i) const;
  std::string text(std::string_view name) const;
  int64_t integer(size_t i) const;
  int64_t integer(std::string_view name) const { return integer(index(name)); }
  double real(size_t i) const;
  std::optional<std::string> opt_text(std::string_view name) const { return cells_.at(index(name)); }
  std::optional<int64_t> opt_int(std::string_view name) const;
  size_t index(std::string_view name) const;
  const std::vector<std::string>& names() const { return *names_; }

 private:
  std::shared_ptr<const std::vector<std::string>> names_;  // shared by the rows of one result
  std::vector<std::optional<std::string>> cells_;
};

/// The rows of one statement. `affected` counts changed rows for writes.
struct Result {
  std::shared_ptr<std::vector<std::string>> columns = std::make_shared<std::vector<std::string>>();
  std::vector<Row> rows;
  int64_t affected = 0;
  bool empty() const { return rows.empty(); }
  const Row& one() const;  // throws when there is no row
};

/// A constraint violation reported by the database (unique, foreign key, check).
class ConstraintError : public std::runtime_error {
 public:
  enum class Kind { unique, foreign_key, other };
  ConstraintError(Kind kind, const std::string& what) : std::runtime_error(what), kind(kind) {}
  Kind kind;
};

/// One open connection. Not thread-safe: a connection is used by one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  /// Runs `sql` with `params` bound to $1…$n and returns its rows.
  virtual Result exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  /// Runs several statements with no parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;
  /// Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  /// True while the connection is usable; a pool drops and reopens a broken one.
  virtual bool healthy() = 0;
};

class Database;

/// A connection borrowed from the pool; returned when destroyed or assigned over.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
  Lease(Lease&& other) noexcept : db_(other.db_), conn_(std::move(other.conn_)) {}
  /// Returns the connection held so far to its pool, then takes over `other`'s.
  Lease& operator=(Lease&& other) noexcept;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  ~Lease();
  Connection* operator->() { return conn_.get(); }
  Connection& operator*() { return *conn_; }

 private:
  void give_back() noexcept;
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

/// A pool of connections to one database, chosen by URL:
/// `sqlite:./data/x.db` (or `sqlite::memory:`) or `postgresql://user@host:port/db`.
class Database {
 public:
  /// Opens the pool; `max_connections` bounds how many are open at once.
  static std::unique_ptr<Database> open(const std::string& url, int max_connections);
  virtual ~Database();

  Dialect dialect() const { return dialect_; }
  const std::string& url() const { return url_; }
  /// Borrows a connection, waiting while all are in use.
  Lease acquire();
  /// Runs `fn` inside one transaction: commits when it returns, rolls back when it throws.
  template <class F>
  auto transaction(F&& fn) {
    Lease c = acquire();
    c->begin();
    try {
      if constexpr (std::is_void_v<decltype(fn(*c))>) {
        fn(*c);
        c->commit();
      } else {
        auto r = fn(*c);
        c->commit();
        return r;
      }
    } catch (...) {
      try {
        c->rollback();
      } catch (...) {
      }
      throw;
    }
  }
  /// Pool figures for /metrics.
  struct Stats {
    int open = 0, in_use = 0, max = 0;
    int64_t waits = 0;
  };
  Stats stats() const;

 protected:
  Database(Dialect dialect, std::string url, int max_connections);
  virtual std::unique_ptr<Connection> connect() = 0;

 private:
  friend class Lease;
  void release(std::unique_ptr<Connection> conn);
  struct Pool;
  Dialect dialect_;
  std::string url_;
  std::unique_ptr<Pool> pool_;
};

/// A deterministic SQL function over text and blob arguments (NULL arrives as empty), answering an
/// integer. Every SQLite connection opened after add_sqlite_function() can call it.
using SqliteFunction = std::function<int64_t(const std::vector<std::string_view>& args)>;
void add_sqlite_function(const std::string& name, int args, SqliteFunction fn);

/// Creates the SQLite-backed pool for `path`.
std::unique_ptr<Database> open_sqlite(const std::string& url, const std::string& path, int max_connections);
/// Creates the PostgreSQL-backed pool for the libpq connection string `conninfo`.
std::unique_ptr<Database> open_postgres(const std::string& url, int max_connections);

/// `v` as the shortest decimal text that reads back as exactly `v` ("0.1", "1e-07", "3"): how a
/// double parameter travels to a backend that takes text.
std::string format_real(double v);

/// Current UTC time as ISO-8601 text with seconds ("2026-11-29T08:00:00Z"); the storage format.
std::string now_iso();
/// `seconds` from now, same format.
std::string iso_after(int64_t seconds);

}  // namespace sl::db
