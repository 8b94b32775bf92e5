#pragma once
// The server's own request and response types: what handlers see, free of Beast.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/errors.hpp"

namespace sl::http {

enum class Method { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, OTHER };

const char* method_name(Method m);
Method parse_method(std::string_view s);

struct Request {
  Method method = Method::GET;
  std::string target;  // raw target, with query string
  std::string path;    // decoded path without query
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string remote_addr;
  std::string request_id;
  std::map<std::string, std::string> params;  // typed path parameters, by name
  std::string route_pattern;                  // the matched route, for metrics and logs
  std::optional<Principal> principal;
  /// Set by importers' previews: validate and write inside a transaction that is rolled back,
  /// skipping costly side work (password hashing) whose result is thrown away.
  bool dry_run = false;

 private:
  mutable std::optional<Json> parsed_json_;

 public:
  /// The header `name` (lower case), or empty.
  std::string header(const std::string& name) const;
  /// The query parameter `name`, or nullopt.
  std::optional<std::string> query_param(const std::string& name) const;
  /// Path parameter `name` as an integer (the router has checked its type).
  int64_t param_int(const std::string& name) const;
  /// The cookie `name`, or empty.
  std::string cookie(const std::string& name) const;
  /// The body parsed as a JSON object (parsed once, owned by the request); 400 `bad_request`
  /// when it is not one or nests deeper than `kMaxJsonDepth`.
  const Json& json() const;
  /// The signed-in principal; 401 when there is none.
  const Principal& user() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(const Json& j, int status = 200);
  static Response error(const ApiError& e);
  static Response no_content();
  /// A file download: `content_type`, the bytes, and the (UTF-8) file name.
  static Response file(std::string content_type, std::string bytes, const std::string& filename);
  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

/// The deepest nesting of arrays and objects a request body may have. Copying and destroying a
/// JSON value recurses once per level, so a body of 200,000 brackets would exhaust the stack.
inline constexpr size_t kMaxJsonDepth = 64;
/// True when the JSON text `text` nests arrays and objects at most `max_depth` deep. Scans the
/// bytes only (strings and escapes skipped), so it is safe on any input, valid or not.
bool json_depth_within(std::string_view text, size_t max_depth);
/// Throws 400 `bad_request` (Chinese message) unless `body` nests at most `kMaxJsonDepth` deep.
void require_json_depth(std::string_view body);

/// Decodes %XX and '+' in a URL component.
std::string url_decode(std::string_view s);
/// Encodes a UTF-8 string for a URL component (RFC 3986 unreserved kept).
std::string url_encode(std::string_view s);
/// Splits "a=1&b=2" into pairs.
std::multimap<std::string, std::string> parse_query(std::string_view qs);

}  // namespace sl::http
