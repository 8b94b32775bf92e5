#include "core/http/router.hpp"

#include <cassert>
#include <stdexcept>

namespace sl::http {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

namespace {
bool is_int_segment(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The OpenAPI components, parsed from text: written as one deeply nested initializer list, this
// made clang-tidy 14's bugprone-use-after-move run for many CPU minutes on this file.
const Json& components() {
  static const Json parsed = Json::parse(R"({
    "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "sl_session"}},
    "responses": {
      "Error": {
        "description": "错误",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "properties": {
                "error": {
                  "type": "object",
                  "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "fields": {"type": "object"}
                  }
                }
              }
            }
          }
        }
      }
    }
  })");
  return parsed;
}
}  // namespace

void Router::add(Method method, std::string pattern, Handler handler, RouteMeta meta) {
  Route r{method, pattern, std::move(handler), std::move(meta), {}};
  for (auto seg : split_path(pattern)) {
    Route::Segment s;
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      std::string_view inner = seg.substr(1, seg.size() - 2);
      size_t colon = inner.find(':');
      s.param = std::string(inner.substr(0, colon));
      if (colon != std::string_view::npos) {
        std::string_view type = inner.substr(colon + 1);
        if (type != "int") throw std::logic_error("unknown parameter type in route " + pattern);
        s.is_int = true;
      }
    } else {
      s.literal = std::string(seg);
    }
    r.segments.push_back(std::move(s));
  }
  for (const auto& existing : routes_)
    if (existing.method == method && existing.pattern == pattern) throw std::logic_error("duplicate route " + pattern);
  routes_.push_back(std::move(r));
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match result;
  auto parts = split_path(path);
  // One pass over every route: among those that match, the one with the most literal segments
  // wins, so "/members/import" beats "/members/{id}". A match under another method only marks
  // the path as known (405).
  const Route* best = nullptr;
  int best_literals = -1;
  std::map<std::string, std::string> best_params;
  for (const auto& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    int literals = 0;
    bool ok = true;
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      const auto& s = r.segments[i];
      if (!s.param.empty()) {
        if (s.is_int && !is_int_segment(parts[i]))
          ok = false;
        else
          params[s.param] = url_decode(parts[i]);
      } else if (s.literal != parts[i]) {
        ok = false;
      } else {
        ++literals;
      }
    }
    if (!ok) continue;
    if (r.method != method && !(method == Method::HEAD && r.method == Method::GET)) {
      result.path_known = true;
      continue;
    }
    if (literals > best_literals) {
      best = &r;
      best_literals = literals;
      best_params = std::move(params);
    }
  }
  if (best) {
    result.route = best;
    result.params = std::move(best_params);
  }
  return result;
}

Json Router::openapi() const {
  Json paths = Json::object();
  for (const auto& r : routes_) {
    std::string lower = method_name(r.method);
    for (auto& c : lower) c = static_cast<char>(std::tolower(c));
    Json op = {{"summary", r.meta.summary},
               {"tags", Json::array({r.meta.tag})},
               {"operationId", lower + r.pattern},
               {"responses",
                {{"200", {{"description", "成功"}}},
                 {"400", {{"$ref", "#/components/responses/Error"}}},
                 {"401", {{"$ref", "#/components/responses/Error"}}},
                 {"403", {{"$ref", "#/components/responses/Error"}}},
                 {"404", {{"$ref", "#/components/responses/Error"}}},
                 {"409", {{"$ref", "#/components/responses/Error"}}}}}};
    Json params = Json::array();
    std::string oa_path;
    for (const auto& s : r.segments) {
      if (s.param.empty()) {
        oa_path += "/" + s.literal;
      } else {
        oa_path += "/{" + s.param + "}";
        params.push_back({{"name", s.param},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", s.is_int ? "integer" : "string"}}}});
      }
    }
    if (oa_path.empty()) oa_path = "/";
    if (!params.empty()) op["parameters"] = params;
    if (r.meta.access == Access::open) op["security"] = Json::array();
    if (r.method == Method::POST || r.method == Method::PUT || r.method == Method::PATCH) {
      // The media type a body must declare (415 otherwise; see App::run).
      const char* media = r.meta.body == BodyKind::multipart ? "multipart/form-data" : "application/json";
      Json schema = r.meta.request_schema.is_null() ? Json{{"type", "object"}} : r.meta.request_schema;
      op["requestBody"] = {{"content", {{media, {{"schema", std::move(schema)}}}}}};
      op["responses"]["415"] = {{"$ref", "#/components/responses/Error"}};
    }
    paths[oa_path][lower] = op;
  }
  return Json{{"openapi", "3.1.0"},
              {"info", {{"title", "Shangliang API"}, {"version", "1.0.0"}, {"description", "商量：政协履职平台接口"}}},
              {"paths", paths},
              {"components", components()},
              {"security", Json::array({{{"session", Json::array()}}})}};
}

}  // namespace sl::http
