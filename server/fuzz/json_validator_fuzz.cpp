// Fuzz target: a request body through the server's JSON path (http::Request::json(), as every
// handler reads its body) and then api::Validator with every kind of field, as handlers use it;
// the error envelope is serialised as the server would answer it. The first line of the input is
// also read as a query string by api::parse_list_query.
//
// Properties: only ApiError escapes (a 4xx answer); no accepted body holds a NUL byte or nests deeper than
// kMaxJsonDepth, and the depth check made before parsing agrees with the parsed value's depth; a
// Validator that finishes without throwing has asked for every field of the body; every answer
// serialises to valid UTF-8 JSON.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "core/api/validation.hpp"
#include "core/http/message.hpp"

using sl::Json;
using sl::api::Presence;

namespace {

/// The nesting depth of `j` (a scalar: 0), found without recursion.
size_t depth_of(const Json& j) {
  size_t deepest = 0;
  std::vector<std::pair<const Json*, size_t>> todo = {{&j, 0}};
  while (!todo.empty()) {
    auto [v, d] = todo.back();
    todo.pop_back();
    if (!v->is_structured()) continue;
    deepest = std::max(deepest, d + 1);
    for (const auto& child : *v) todo.emplace_back(&child, d + 1);
  }
  return deepest;
}

void answer(const sl::http::Response& r) {
  fuzz::require(fuzz::valid_utf8(r.body), "response body is not valid UTF-8");
  fuzz::require(Json::accept(r.body), "response body is not valid JSON");
}

void validate(const Json& body) {
  sl::api::Validator v(body);
  static const std::vector<std::string> kKinds = {"个人", "集体", "party"};
  auto title = v.text("title", Presence::required, 50);
  v.text("content", Presence::optional, 5000, true);
  v.integer("year", Presence::optional, 1949, 2100);
  v.id("unit_id", Presence::optional, true);
  v.id("committee_id", Presence::optional);
  v.boolean("publish", Presence::optional);
  v.one_of("kind", Presence::optional, kKinds);
  v.mobile("mobile", Presence::optional);
  v.date("due", Presence::optional);
  v.id_list("co_units", Presence::optional);
  v.raw("extra", Presence::optional);
  v.finish();
  // finish() accepted the body: every field it holds was asked for above.
  static const std::set<std::string> kAsked = {"title", "content", "year", "unit_id",  "committee_id", "publish",
                                               "kind",  "mobile",  "due",  "co_units", "extra"};
  for (auto it = body.begin(); it != body.end(); ++it)
    fuzz::require(kAsked.count(it.key()) == 1, "finish() accepted an unknown field");
  fuzz::require(title.has_value(), "finish() accepted a body without its required field");
  answer(sl::http::Response::json(body));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  sl::http::Request req;
  req.method = sl::http::Method::POST;
  req.headers["content-type"] = "application/json";
  req.body.assign(input);
  // The depth check before parsing agrees with the depth of what parses (for every limit near it).
  // (nlohmann::json stops at a NUL byte as at the end of input: such bodies are left out here and
  // must be refused by Request::json() below.)
  bool has_nul = input.find('\0') != std::string_view::npos;
  Json parsed = Json::parse(input, nullptr, false);
  if (!parsed.is_discarded() && !has_nul) {
    size_t depth = depth_of(parsed);
    for (size_t limit : {size_t{1}, size_t{2}, sl::http::kMaxJsonDepth - 1, sl::http::kMaxJsonDepth})
      fuzz::require(sl::http::json_depth_within(input, limit) == (depth <= limit),
                    "json_depth_within disagrees with the depth of the parsed body");
  }
  try {
    const Json& body = req.json();  // a reference once json() caches the body; a value binds too
    fuzz::require(body.is_object(), "Request::json() returned a non-object");
    fuzz::require(!has_nul, "Request::json() accepted a body with a NUL byte");
    fuzz::require(depth_of(body) <= sl::http::kMaxJsonDepth, "Request::json() accepted a body nested too deep");
    validate(body);
  } catch (const sl::ApiError& e) {
    fuzz::require(e.status() >= 400 && e.status() < 500, "a body was refused with a status other than 4xx");
    answer(sl::http::Response::error(e));
  }

  req.query = sl::http::parse_query(input.substr(0, input.find('\n')));
  try {
    auto q = sl::api::parse_list_query(req);
    fuzz::require(q.page >= 1 && q.page_size >= 1 && q.page_size <= 100, "parse_list_query accepted a bad page");
    fuzz::require(sl::api::utf8_length(q.q) <= 100, "parse_list_query accepted a long q");
    sl::api::query_int(req, "id");
  } catch (const sl::ApiError& e) {
    fuzz::require(e.status() == 400, "a query string was refused with a status other than 400");
    answer(sl::http::Response::error(e));
  }
  return 0;
}
