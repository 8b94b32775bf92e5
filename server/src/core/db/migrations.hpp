#pragma once
// Versioned schema migrations: server/migrations/NNNN_name.sql, embedded in the binary at build
// time. One set for both databases; the few dialect differences are tokens replaced on apply:
//   @PK@       an auto-numbered 64-bit primary key
//   @NOW@      the current time as ISO-8601 text (a column default)
// and the rare statement that exists in one database only (full-text search tables) sits
// between a line "-- @only sqlite" (or "-- @only postgres") and a line "-- @end".

#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace sl::db {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

/// All migrations compiled into this binary, in version order.
const std::vector<Migration>& embedded_migrations();

/// Returns `sql` with the dialect tokens above replaced for `dialect`.
std::string render_migration(std::string_view sql, Dialect dialect);

/// Applies every migration not yet recorded in `schema_migrations`, each in its own transaction,
/// and returns how many were applied. Safe to run concurrently from several nodes on PostgreSQL
/// (an advisory lock serialises them).
int migrate(Database& db, const std::vector<Migration>& migrations = embedded_migrations());

}  // namespace sl::db
