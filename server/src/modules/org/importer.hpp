#pragma once
// Spreadsheet import (.xlsx / .csv) into a resource: a preview that reports every problem of every
// row (row number, column, and a reason that does not repeat the column's title) and a commit
// that imports all rows or none. Both run the rows through the resource's own validation and
// save path inside one transaction; the preview always rolls it back.

#include <functional>
#include <string>
#include <vector>

#include "core/api/resource.hpp"

namespace sl::org {

struct ImportColumn {
  std::string header;  // the Chinese column title in the file and the template
  std::string field;   // the resource field it fills
  bool required = false;
  std::string example;
  /// Turns the cell into the field's JSON value; sets `problem` when it cannot.
  std::function<Json(const std::string& cell, db::Connection& c, const http::Request& req, std::string& problem)>
      convert;
};

struct ImportSpec {
  std::string name;   // "members": routes /api/v1/members/import…
  std::string label;  // "委员"
  std::function<api::ResourceSpec()> resource;
  std::vector<ImportColumn> columns;
};

/// Registers preview, commit and template routes for `spec`.
void register_import(App& app, ImportSpec spec);

/// Converters shared by importers.
Json cell_text(const std::string& cell, db::Connection&, const http::Request&, std::string&);
/// Looks a name up in committee-scoped `table` ("" → null when `optional`).
std::function<Json(const std::string&, db::Connection&, const http::Request&, std::string&)> cell_ref(std::string table,
                                                                                                      bool optional);
/// Maps Chinese labels to values ({"男","male"}, …).
std::function<Json(const std::string&, db::Connection&, const http::Request&, std::string&)> cell_choice(
    std::vector<std::pair<std::string, std::string>> labels);
Json cell_bool(const std::string& cell, db::Connection&, const http::Request&, std::string& problem);

}  // namespace sl::org
