#pragma once
// A committee-scoped resource with the five standard routes (list, get, create, update, delete)
// described as data: its table, fields and their rules, who may read and write, what refers to
// it. Modules describe their resources and add hooks for what is particular to them.

#include <functional>
#include <string>
#include <vector>

#include "core/api/validation.hpp"
#include "core/app.hpp"

namespace sl::api {

enum class FieldKind { text, integer, boolean, date, mobile, choice, ref, json };

struct Field {
  std::string name;
  FieldKind kind = FieldKind::text;
  Presence presence = Presence::optional;  // on create; every field is optional on update
  size_t max_chars = 100;
  std::vector<std::string> choices;  // FieldKind::choice
  std::string ref_table;             // FieldKind::ref: a committee-scoped table the id must exist in
  bool nullable = false;             // FieldKind::ref may be null
  bool filter = false;               // list filter ?name=value
  bool search = false;               // matched by ?q=
  bool unique = false;               // unique within the committee (checked before writing)
  std::string default_value;         // on create when absent (text/choice); empty: the column default
};

/// A table whose rows refer to this resource; deleting a referenced row answers 409.
struct Reference {
  std::string table;
  std::string column;
  std::string label;  // Chinese, e.g. "委员"
};

enum class Operation { list, read, create, update, remove };

/// Whether `op` changes rows (create, update, remove) rather than reading them.
inline bool is_write(Operation op) {
  return op == Operation::create || op == Operation::update || op == Operation::remove;
}

struct ResourceSpec {
  std::string subject;  // audit subject and event prefix: "sector"
  std::string table;    // "sectors"
  std::string path;     // "/api/v1/sectors"
  std::string label;    // "界别"
  std::string tag;      // OpenAPI tag / module
  std::vector<Field> fields;
  std::vector<Reference> referenced_by;
  std::string order_by = "sort, id";
  bool committee_scoped = true;  // rows carry committee_id and are visible only there

  /// Throws forbidden when the caller may not do `op`. Required.
  std::function<void(const http::Request&, Operation)> authorize;
  /// Extra WHERE condition limiting rows the caller may see (data scope). Its values go onto the
  /// vector it is given, after those already there, and the condition names them by the `$n`
  /// that `add_param` returns. Empty string: no extra limit.
  std::function<std::string(const http::Request&, std::vector<db::Value>&)> scope;
  /// Extra list filters from the query string, same contract as `scope`.
  std::function<std::string(const http::Request&, std::vector<db::Value>&)> filters;
  /// Adds derived fields to an item (names of references, related ids) or hides fields.
  std::function<void(db::Connection&, const http::Request&, Json&)> decorate;
  /// The same for a whole page of items (a JSON array) in a few queries; used instead of
  /// `decorate` when set, for single items too.
  std::function<void(db::Connection&, const http::Request&, Json& items)> decorate_page;
  /// Validates fields this spec does not list (related ids) from the body.
  std::function<void(Validator&, const Json& body, db::Connection&, const http::Request&, bool creating)>
      validate_extra;
  /// On update: checks `body` against the stored item `before` (fields that may not change, or
  /// change only in some states).
  std::function<void(Validator&, const Json& before, const Json& body)> validate_update;
  /// On update and delete, before anything is written: throws forbidden when the caller may not
  /// change row `id` (a rule that depends on the row, not only on the caller's roles).
  std::function<void(db::Connection&, const http::Request&, int64_t id)> authorize_row;
  /// Writes related rows after the main row, inside the same transaction; may add to `answer`.
  std::function<void(db::Connection&, const http::Request&, int64_t id, const Json& body, bool creating, Json& answer)>
      after_write;
};

/// Registers the five routes of `spec` on `app`; create and update carry `request_schema`.
void register_resource(App& app, ResourceSpec spec);

/// The JSON Schema (for OpenAPI) of the body that `spec`'s create (`creating`) or update
/// accepts: each field's type and limits as `save_item` checks them (text lengths in
/// characters), `required` on create. Fields a `validate_extra` hook reads are not listed, so
/// other properties stay allowed.
Json request_schema(const ResourceSpec& spec, bool creating);

/// Adds `spec`'s derived fields to one `item` (through `decorate_page` or `decorate`).
void decorate_item(db::Connection& c, const ResourceSpec& spec, const http::Request& req, Json& item);

/// Loads one row of `spec` visible to the caller as JSON (decorated); 404 when none.
Json load_item(db::Connection& c, const ResourceSpec& spec, const http::Request& req, int64_t id);

/// Validates `body` and creates (`id` = 0) or updates row `id` of `spec` inside the caller's
/// transaction on `c`, with the audit record; returns the saved item (plus what after_write
/// added). Throws validation_failed listing every bad field.
Json save_item(db::Connection& c, const ResourceSpec& spec, const http::Request& req, const Json& body, int64_t id);

/// Converts a database row to JSON using `spec`'s field kinds (id and *_id columns as integers).
Json row_to_json(const db::Row& row, const ResourceSpec& spec);

/// Checks that `id` exists in committee-scoped `table` of the caller's committee.
bool exists_in_committee(db::Connection& c, const std::string& table, int64_t id, int64_t committee_id);

/// "$n" for the next parameter of `params` (after pushing `v`).
std::string add_param(std::vector<db::Value>& params, db::Value v);

}  // namespace sl::api
