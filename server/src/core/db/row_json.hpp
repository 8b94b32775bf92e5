#pragma once
// A nullable column as JSON: the value, or null when the column is NULL. What every module's read
// models use for optional dates, names and references.

#include <string_view>

#include "core/db/database.hpp"
#include "core/errors.hpp"

namespace sl::db {

/// Column `col` of `r` as a JSON string, or null.
inline Json text_or_null(const Row& r, std::string_view col) {
  if (r.is_null(col)) return nullptr;
  return r.text(col);
}

/// Column `col` of `r` as a JSON integer, or null.
inline Json int_or_null(const Row& r, std::string_view col) {
  if (r.is_null(col)) return nullptr;
  return r.integer(col);
}

}  // namespace sl::db
