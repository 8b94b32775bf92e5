#pragma once
// Input validation for JSON bodies and query strings. A Validator collects every field's
// problem, then `finish()` throws one 400 `validation_failed` naming them all (and any unknown
// field), so a form can show each error beside its input.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/http/message.hpp"

namespace sl::api {

enum class Presence { required, optional };

class Validator {
 public:
  /// Reads `body`, which must outlive the validator (a request's `json()` does). Temporaries are
  /// refused at compile time: a copy of a request body is never made.
  explicit Validator(const Json& body) : body_(body) {}
  explicit Validator(Json&& body) = delete;

  /// A string of 1…`max_chars` characters (trimmed). Missing and optional: nullopt.
  std::optional<std::string> text(const std::string& field, Presence p, size_t max_chars = 200,
                                  bool allow_empty = false);
  std::optional<int64_t> integer(const std::string& field, Presence p, int64_t min = INT64_MIN,
                                 int64_t max = INT64_MAX);
  /// An integer id, or JSON null (returned as 0) when `nullable`.
  std::optional<int64_t> id(const std::string& field, Presence p, bool nullable = false);
  std::optional<bool> boolean(const std::string& field, Presence p);
  std::optional<std::string> one_of(const std::string& field, Presence p, const std::vector<std::string>& choices);
  /// A mainland China mobile number: 11 digits starting 1[3-9].
  std::optional<std::string> mobile(const std::string& field, Presence p);
  /// A date as YYYY-MM-DD.
  std::optional<std::string> date(const std::string& field, Presence p);
  std::optional<std::vector<int64_t>> id_list(const std::string& field, Presence p);
  /// Any JSON value (checked by the caller).
  std::optional<Json> raw(const std::string& field, Presence p);

  /// Marks `field` as read elsewhere, so `finish()` does not count it as unknown.
  void skip(const std::string& field) { seen_.insert(field); }
  /// Records a problem found by the caller.
  void fail(const std::string& field, const std::string& problem);
  bool ok() const { return problems_.empty(); }
  /// Throws validation_failed when any problem was recorded or the body has fields never asked for.
  void finish();

 private:
  const Json* get(const std::string& field, Presence p);
  const Json& body_;
  std::set<std::string> seen_;
  Json problems_ = Json::object();
};

/// True when `s` is a mainland mobile number.
bool is_mobile(const std::string& s);
/// True when `s` is a valid YYYY-MM-DD date.
bool is_date(const std::string& s);
/// Number of Unicode characters in UTF-8 `s`.
size_t utf8_length(const std::string& s);
/// `s` without leading and trailing white space (ASCII and U+3000).
std::string trim(const std::string& s);

struct ListQuery {
  int64_t page = 1;
  int64_t page_size = 20;
  std::string q;
  int64_t offset() const { return (page - 1) * page_size; }
};
/// Reads page, page_size (1…100) and q from the query string; 400 on bad values.
ListQuery parse_list_query(const http::Request& req);
/// The optional integer query parameter `name`; 400 when it is not an integer.
std::optional<int64_t> query_int(const http::Request& req, const std::string& name);
/// The list envelope {"items","total","page","page_size"}.
Json list_envelope(Json items, int64_t total, const ListQuery& q);

}  // namespace sl::api
