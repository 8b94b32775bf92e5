#include "core/db/database.hpp"

#include "core/clock.hpp"

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <stdexcept>

namespace sl::db {

const std::string& Row::text(size_t i) const {
  static const std::string kEmpty;
  const auto& c = cells_.at(i);
  return c ? *c : kEmpty;
}

std::string Row::text(std::string_view name) const {
  const auto& c = cells_.at(index(name));
  return c ? *c : std::string();
}

int64_t Row::integer(size_t i) const {
  const auto& c = cells_.at(i);
  if (!c || c->empty()) return 0;
  return std::stoll(*c);
}

double Row::real(size_t i) const {
  const auto& c = cells_.at(i);
  if (!c || c->empty()) return 0;
  return std::stod(*c);
}

std::optional<int64_t> Row::opt_int(std::string_view name) const {
  const auto& c = cells_.at(index(name));
  if (!c || c->empty()) return std::nullopt;
  return std::stoll(*c);
}

size_t Row::index(std::string_view name) const {
  for (size_t i = 0; i < names_->size(); ++i)
    if ((*names_)[i] == name) return i;
  throw std::runtime_error("no column named " + std::string(name));
}

const Row& Result::one() const {
  if (rows.empty()) throw std::runtime_error("expected one row, got none");
  return rows.front();
}

struct Database::Pool {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::unique_ptr<Connection>> idle;
  int open = 0;
  int in_use = 0;
  int max = 1;
  int64_t waits = 0;
};

Database::Database(Dialect dialect, std::string url, int max_connections)
    : dialect_(dialect), url_(std::move(url)), pool_(std::make_unique<Pool>()) {
  pool_->max = std::max(1, max_connections);
}

Database::~Database() = default;

Lease Database::acquire() {
  std::unique_lock lk(pool_->mu);
  for (;;) {
    if (!pool_->idle.empty()) {
      auto c = std::move(pool_->idle.back());
      pool_->idle.pop_back();
      pool_->in_use++;
      lk.unlock();
      if (!c->healthy()) {
        // Reconnect: the server went away or the connection broke.
        c.reset();
        try {
          c = connect();
        } catch (...) {
          std::lock_guard g(pool_->mu);
          pool_->in_use--;
          pool_->open--;
          pool_->cv.notify_one();
          throw;
        }
      }
      return Lease(this, std::move(c));
    }
    if (pool_->open < pool_->max) {
      pool_->open++;
      pool_->in_use++;
      lk.unlock();
      try {
        return Lease(this, connect());
      } catch (...) {
        std::lock_guard g(pool_->mu);
        pool_->open--;
        pool_->in_use--;
        pool_->cv.notify_one();
        throw;
      }
    }
    pool_->waits++;
    pool_->cv.wait(lk);
  }
}

void Database::release(std::unique_ptr<Connection> conn) {
  std::lock_guard lk(pool_->mu);
  pool_->in_use--;
  if (conn) {
    pool_->idle.push_back(std::move(conn));
  } else {
    pool_->open--;
  }
  pool_->cv.notify_one();
}

Database::Stats Database::stats() const {
  std::lock_guard lk(pool_->mu);
  return Stats{pool_->open, pool_->in_use, pool_->max, pool_->waits};
}

void Lease::give_back() noexcept {
  if (db_ && conn_) db_->release(std::move(conn_));
}

Lease& Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    give_back();
    db_ = other.db_;
    conn_ = std::move(other.conn_);
  }
  return *this;
}

Lease::~Lease() {
  give_back();
}

std::unique_ptr<Database> Database::open(const std::string& url, int max_connections) {
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite(url, url.substr(7), max_connections);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return open_postgres(url, max_connections);
  throw std::invalid_argument("database.url must start with sqlite: or postgresql://, got: " + url);
}

std::string format_real(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) throw std::runtime_error("cannot format a real number");
  return {buf, end};
}

std::string now_iso() {
  return clock::iso_at(clock::now());
}
std::string iso_after(int64_t seconds) {
  return clock::iso_at(clock::now() + seconds);
}

}  // namespace sl::db
