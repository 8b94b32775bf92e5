#pragma once
// The parts of the historical import (history_import.hpp) and what they share:
//   history_import_columns.cpp  the columns we read and the recognition of a file's headers;
//   history_import_cells.cpp    reading one cell: numbers, sessions, dates, categories, results;
//   history_import_rows.cpp     checking every row against the committee (analyse()), with the
//                               categories and units it does not know and what staff chose for
//                               them (map to an existing one, or create it);
//   history_import_write.cpp    writing the checked rows through the shared record writer;
//   history_import.cpp          the routes.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.hpp"
#include "core/errors.hpp"
#include "core/sheet/sheet.hpp"
#include "modules/proposals/history_import.hpp"

namespace sl::http {
class Request;
}

namespace sl::proposals::history {

inline constexpr size_t kMaxTitle = 100;
inline constexpr size_t kMaxBody = 20000;
inline constexpr size_t kMaxReply = 50000;
inline constexpr size_t kMaxUnitName = 50;

// ---------------------------------------------------------------------------------------------
// Columns (history_import_columns.cpp)

/// One column we read: its key, the header of the template, the headers it is known by in
/// committees' own files, and what the two template rows show.
struct Field {
  std::string key;
  std::string header;
  bool required;
  std::vector<std::string> synonyms;
  std::string example1;
  std::string example2;
};

/// Every column, in template order.
const std::vector<Field>& fields();
/// The column `key`, or nullptr.
const Field* field_of(const std::string& key);

/// For each field, the index of its column in `headers`: the suggestion, overridden by the
/// uploader's `explicit_map` ({field: header or null}) when given; throws a validation error for
/// an unknown field or header, or a header given to two fields.
std::map<std::string, std::optional<size_t>> resolve_mapping(
    const std::vector<std::string>& headers,
    const std::vector<std::pair<std::string, std::optional<size_t>>>& suggested,
    const std::optional<Json>& explicit_map);

// ---------------------------------------------------------------------------------------------
// Cell text (history_import_cells.cpp)

/// Full-width ASCII (Ａ１：（）) and the ideographic space as their half-width forms.
std::string halfwidth(const std::string& s);
bool starts_with(const std::string& s, const std::string& p);
bool ends_with(const std::string& s, const std::string& p);
/// `s` cut at every one of `seps`, trimmed, empty pieces dropped.
std::vector<std::string> split_any(const std::string& s, const std::vector<std::string>& seps);
/// The category of `categories` that `value` (a trimmed, half-width cell) names, by its name with
/// or without 类 or a common synonym (教育 → 科教文卫 when the committee has it); "" when none.
std::string match_category(const std::string& value, const std::vector<std::string>& categories);
/// The category `value` probably means (a synonym or a name inside it), or "".
std::string suggest_category(const std::string& value, const std::vector<std::string>& categories);
/// A/B/C/D from a letter ("A", "A类", "Ａ类（已解决或采纳）") or the words of the category.
std::string read_result(const std::string& cell, std::string& problem);
/// satisfied / basic / unsatisfied from 满意 / 基本满意 / 不满意.
std::string read_satisfaction(const std::string& cell, std::string& problem);
/// The body split where its suggestions start (具体建议, 建议如下, 建议：…): {before, from there};
/// everything goes before when no such heading is found.
std::pair<std::string, std::string> split_body(const std::string& body);

// ---------------------------------------------------------------------------------------------
// Rows (history_import_rows.cpp)

/// What staff chose for a category or unit the committee does not know: map it to an existing
/// one (`to`: a category's name; `unit_id`: a unit), or create it with the name as written.
struct Resolution {
  std::string action;  // map | create
  std::string to;
  int64_t unit_id = 0;
};

/// The choices sent with a preview or commit, by the value as written in the file (trimmed,
/// half-width): the `category_map` and `unit_map` parts, e.g. {"教育事业": {"action": "map",
/// "to": "科教文卫"}, "医疗卫生": {"action": "create"}} and {"省有关部门": {"action": "map",
/// "to": 12}}.
struct Resolutions {
  std::map<std::string, Resolution> categories;
  std::map<std::string, Resolution> units;
};

/// `text` (a JSON object, or empty) as choices for `part` (category_map | unit_map); throws a
/// validation error naming the part when it is malformed.
std::map<std::string, Resolution> parse_resolutions(const std::string& part, const std::string& text);

/// A value of the file the committee does not know, as the preview lists it.
struct Unknown {
  std::string value;
  int count = 0;
  std::vector<int> rows;   // the first rows (file row numbers) that carry it
  std::string suggestion;  // categories: the likely existing category
  std::optional<Resolution> resolution;
};

struct Group {
  std::string type;
  int64_t id;
};

struct Row {
  int row = 0;
  Json data = Json::object();
  Json errors = Json::array();
  std::pair<int, int> session{0, 0};
  int64_t number = 0;
  std::string title, proposer_name, kind = "individual", category, date, situation, suggestions, reply, result,
                                    satisfaction, handling_type;
  std::optional<Group> group;
  struct Unit {
    int64_t id = 0;    // 0: the unit `name` is created by the import
    std::string name;  // as written, for created units
    std::string role;  // lead | co
  };
  std::vector<Unit> units;
  bool pending = false;  // carries a category or unit still without a choice
};

/// A session the import needs: existing (id set) or to be created with its year.
struct SessionNeed {
  std::optional<int64_t> id;
  int year = 0;
  std::string start_date;  // for rows without a date
};

struct Analysis {
  std::vector<std::string> headers;
  std::vector<std::pair<std::string, std::optional<size_t>>> suggested;
  std::map<std::string, std::optional<size_t>> mapping;  // field → header index
  std::vector<std::string> missing;                      // labels of unmapped required fields
  size_t file_rows = 0;  // data rows in the file (checked only when no required field is missing)
  std::vector<Row> rows;
  std::map<std::pair<int, int>, SessionNeed> sessions;
  std::vector<std::string> new_terms, new_sessions;
  int invalid = 0;
  std::vector<std::string> categories;                     // the committee's, in order
  std::vector<std::pair<int64_t, std::string>> units;      // the committee's: id, name
  std::vector<Unknown> unknown_categories, unknown_units;  // in order of first appearance
  std::vector<std::string> create_categories, create_units;
  int unresolved = 0;  // unknown values without a choice
  int pending_rows = 0;
};

/// The columns of `sheet` and, once every required one is known, every row checked against the
/// committee's categories, units, groups, terms, sessions and proposals (read on `c`), with
/// staff's `choices` for the values it does not know (a choice naming a category or unit that
/// does not exist is a validation error).
Analysis analyse(db::Connection& c, int64_t committee_id, const Sheet& sheet, const std::optional<Json>& explicit_map,
                 const Resolutions& choices);
/// The preview's answer.
Json analysis_json(const Analysis& a);

// ---------------------------------------------------------------------------------------------
// Writing (history_import_write.cpp)

/// Writes every row of `a` (which has no errors) on `c`; returns the new proposal ids.
std::vector<int64_t> write_rows(db::Connection& c, const http::Request& req, Analysis& a, const std::string& filename,
                                int64_t& import_id);

}  // namespace sl::proposals::history
