// PostgreSQL backend through libpq: text-format parameters ($1…$n), one PGconn per pooled
// connection, reset when the server went away.
#include <libpq-fe.h>

#include <stdexcept>

#include "core/db/database.hpp"

namespace sl::db {
namespace {

class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PGresult* get() const { return r_; }

 private:
  PGresult* r_;
};

[[noreturn]] void fail(PGconn* c, PGresult* r, std::string_view sql) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c);
  std::string code = state ? state : "";
  if (code == "23505") throw ConstraintError(ConstraintError::Kind::unique, msg);
  if (code == "23503") throw ConstraintError(ConstraintError::Kind::foreign_key, msg);
  if (code.rfind("23", 0) == 0) throw ConstraintError(ConstraintError::Kind::other, msg);
  throw std::runtime_error("postgres: " + msg + " in: " + std::string(sql.substr(0, 200)));
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& conninfo) : c_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(c_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(c_);
      PQfinish(c_);
      throw std::runtime_error("cannot connect to PostgreSQL: " + msg);
    }
    // No JIT: at a million proposals the planner's cost for a search passes jit_above_cost, and
    // compiling the plan took 65 ms of every such query (EXPLAIN ANALYZE), more than most queries run.
    PgResult r(PQexec(c_, "SET client_encoding TO 'UTF8'; SET client_min_messages TO warning; SET jit = off;"));
  }
  ~PgConnection() override { PQfinish(c_); }

  Dialect dialect() const override { return Dialect::postgres; }

  Result exec(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto* n = std::get_if<int64_t>(&v)) {
        storage[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&v)) {
        storage[i] = format_real(*d);  // exact: std::to_string keeps six decimals
      } else {
        storage[i] = std::get<std::string>(v);
      }
      values[i] = storage[i].c_str();
    }
    std::string q(sql);
    PgResult r(
        PQexecParams(c_, q.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr, nullptr, 0));
    auto status = PQresultStatus(r.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(c_, r.get(), sql);
    Result res;
    int ncol = PQnfields(r.get());
    int nrow = PQntuples(r.get());
    for (int i = 0; i < ncol; ++i) res.columns->push_back(PQfname(r.get(), i));
    res.rows.reserve(nrow);
    for (int row = 0; row < nrow; ++row) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        if (PQgetisnull(r.get(), row, i)) {
          cells.emplace_back(std::nullopt);
        } else {
          cells.emplace_back(std::string(PQgetvalue(r.get(), row, i), PQgetlength(r.get(), row, i)));
        }
      }
      res.rows.emplace_back(res.columns, std::move(cells));
    }
    const char* affected = PQcmdTuples(r.get());
    res.affected = (affected && *affected) ? std::stoll(affected) : 0;
    return res;
  }

  void exec_script(std::string_view sql) override {
    std::string q(sql);
    PgResult r(PQexec(c_, q.c_str()));
    auto status = PQresultStatus(r.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && status != PGRES_EMPTY_QUERY) fail(c_, r.get(), sql);
  }

  void begin() override { exec_script("BEGIN"); }
  void commit() override { exec_script("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(c_) != PQTRANS_IDLE) exec_script("ROLLBACK");
  }
  bool healthy() override {
    if (PQstatus(c_) == CONNECTION_OK) return true;
    PQreset(c_);
    return PQstatus(c_) == CONNECTION_OK;
  }

 private:
  PGconn* c_;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(const std::string& url, int max_connections) : Database(Dialect::postgres, url, max_connections) {}

 protected:
  std::unique_ptr<Connection> connect() override { return std::make_unique<PgConnection>(url()); }
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, int max_connections) {
  return std::make_unique<PgDatabase>(url, max_connections);
}

}  // namespace sl::db
