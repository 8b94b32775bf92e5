#pragma once
// Routes: method + pattern with typed path parameters ("/api/v1/members/{id:int}"), each with
// the metadata the middleware and the OpenAPI description read.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/http/message.hpp"

namespace sl::http {

using Handler = std::function<Response(Request&)>;

enum class Access {
  open,     // anyone, no session needed
  session,  // a signed-in user
};

/// What a write route's body is: JSON (the default; `application/json` required) or a
/// multipart/form-data upload.
enum class BodyKind {
  json,
  multipart,
};

struct RouteMeta {
  std::string summary;  // one line, shown in OpenAPI
  std::string tag;      // the module
  Access access = Access::session;
  bool rate_limited = false;                   // auth endpoints: limited per address
  size_t max_body = size_t{1024} * 1024;       // request body limit in bytes
  bool allow_password_change_pending = false;  // reachable before a forced password change
  BodyKind body = BodyKind::json;              // the media type a write's body must declare
  /// The JSON Schema of a JSON body, shown in OpenAPI; null: described as any object.
  Json request_schema;
};

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteMeta meta;
  struct Segment {
    std::string literal;  // when not a parameter
    std::string param;    // parameter name, when one
    bool is_int = false;
  };
  std::vector<Segment> segments;
};

class Router {
 public:
  /// Adds a route; aborts on a malformed pattern or a duplicate (a programmer error).
  void add(Method method, std::string pattern, Handler handler, RouteMeta meta);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;  // some route has this path under another method (405)
  };
  /// Finds the route for `method` and `path`; typed parameters must parse.
  Match match(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }
  /// The OpenAPI 3.1 description of every route.
  Json openapi() const;

 private:
  std::vector<Route> routes_;
};

/// Splits a path into segments ("/a/b" → {"a","b"}).
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace sl::http
