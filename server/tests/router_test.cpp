#include <gtest/gtest.h>

#include "core/api/resource.hpp"
#include "core/app.hpp"
#include "core/db/database.hpp"
#include "core/http/router.hpp"

namespace sl::http {
namespace {

Handler answer(std::string tag) {
  return [tag](Request&) { return Response::json({{"route", tag}}); };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(Method::GET, "/api/v1/members", answer("list"), {"list", "org"});
    router.add(Method::GET, "/api/v1/members/{id:int}", answer("get"), {"get", "org"});
    router.add(Method::POST, "/api/v1/members/import", answer("import"), {"import", "org"});
    router.add(Method::GET, "/api/v1/test/captcha/{id}", answer("captcha"), {"captcha", "system"});
  }
  Router router;
};

TEST_F(RouterTest, MatchesLiteralAndTypedParameters) {
  auto m = router.match(Method::GET, "/api/v1/members/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/members/{id:int}");
  EXPECT_EQ(m.params.at("id"), "42");
}

TEST_F(RouterTest, IntParameterRejectsNonDigits) {
  auto m = router.match(Method::GET, "/api/v1/members/abc");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_known);
}

TEST_F(RouterTest, LiteralSegmentWinsOverParameter) {
  auto m = router.match(Method::POST, "/api/v1/members/import");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/members/import");
}

TEST_F(RouterTest, WrongMethodIsReportedAsKnownPath) {
  auto m = router.match(Method::DELETE, "/api/v1/members");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
}

TEST_F(RouterTest, StringParameterIsDecoded) {
  auto m = router.match(Method::GET, "/api/v1/test/captcha/a%20b");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "a b");
}

TEST_F(RouterTest, DuplicateRouteIsAProgrammerError) {
  EXPECT_THROW(router.add(Method::GET, "/api/v1/members", answer("x"), {"x", "org"}), std::logic_error);
}

TEST_F(RouterTest, OpenApiListsEveryRoute) {
  Json doc = router.openapi();
  EXPECT_EQ(doc["openapi"], "3.1.0");
  for (const auto& r : router.routes()) {
    std::string path;
    for (const auto& s : r.segments) path += "/" + (s.param.empty() ? s.literal : "{" + s.param + "}");
    std::string method = method_name(r.method);
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(doc["paths"].contains(path)) << path;
    EXPECT_TRUE(doc["paths"][path].contains(method)) << method << " " << path;
    EXPECT_EQ(doc["paths"][path][method]["summary"], r.meta.summary);
  }
  EXPECT_EQ(doc["paths"]["/api/v1/members/{id}"]["get"]["parameters"][0]["schema"]["type"], "integer");
}

TEST_F(RouterTest, OpenApiShowsARouteRequestSchema) {
  RouteMeta meta{"rename", "org"};
  meta.request_schema = {{"type", "object"}, {"properties", {{"name", {{"type", "string"}, {"maxLength", 5}}}}}};
  router.add(Method::PATCH, "/api/v1/members/{id:int}", answer("rename"), meta);
  Json doc = router.openapi();
  EXPECT_EQ(doc["paths"]["/api/v1/members/{id}"]["patch"]["requestBody"]["content"]["application/json"]["schema"],
            meta.request_schema);
  // Without one, a body is any object.
  EXPECT_EQ(doc["paths"]["/api/v1/members/import"]["post"]["requestBody"]["content"]["application/json"]["schema"],
            Json({{"type", "object"}}));
}

// A data-described resource's create and update routes carry the request schema of its fields,
// and openapi() shows it: the limits the web's forms read.
TEST(ResourceOpenApi, CreateAndUpdateDescribeTheFields) {
  Config cfg;
  App app(cfg, db::Database::open("sqlite::memory:", 1));
  api::ResourceSpec spec;
  spec.subject = "party";
  spec.table = "parties";
  spec.path = "/api/v1/parties";
  spec.label = "党派";
  spec.tag = "org";
  api::Field name{"name", api::FieldKind::text, api::Presence::required, 30};
  api::Field short_name{"short_name", api::FieldKind::text, api::Presence::optional, 10};
  api::Field sort{"sort", api::FieldKind::integer, api::Presence::optional};
  api::Field kind{"kind", api::FieldKind::choice, api::Presence::optional};
  kind.choices = {"proposal", "other"};
  kind.default_value = "other";
  api::Field sector{"sector_id", api::FieldKind::ref, api::Presence::optional};
  sector.nullable = true;
  api::Field mobile{"mobile", api::FieldKind::mobile, api::Presence::required};
  api::Field born{"born", api::FieldKind::date, api::Presence::optional};
  api::Field active{"active", api::FieldKind::boolean, api::Presence::optional};
  api::Field contacts{"contacts", api::FieldKind::json, api::Presence::optional};
  spec.fields = {name, short_name, sort, kind, sector, mobile, born, active, contacts};
  spec.authorize = [](const http::Request&, api::Operation) {};
  api::register_resource(app, spec);

  Json doc = app.router.openapi();
  const Json& create = doc["paths"]["/api/v1/parties"]["post"]["requestBody"]["content"]["application/json"]["schema"];
  EXPECT_EQ(create["type"], "object");
  EXPECT_EQ(create["properties"]["name"]["maxLength"], 30);
  EXPECT_EQ(create["properties"]["name"]["minLength"], 1);
  EXPECT_EQ(create["properties"]["short_name"]["maxLength"], 10);
  EXPECT_EQ(create["required"], Json({"name", "mobile"}));
  EXPECT_EQ(create["properties"]["sort"]["type"], "integer");
  EXPECT_EQ(create["properties"]["kind"]["enum"], Json({"proposal", "other"}));
  EXPECT_EQ(create["properties"]["kind"]["default"], "other");
  EXPECT_EQ(create["properties"]["sector_id"]["type"], Json({"integer", "null"}));
  EXPECT_EQ(create["properties"]["mobile"]["pattern"], "^1[3-9][0-9]{9}$");
  EXPECT_EQ(create["properties"]["born"]["format"], "date");
  EXPECT_EQ(create["properties"]["active"]["type"], "boolean");
  EXPECT_EQ(create["properties"]["contacts"]["type"], "array");

  const Json& update =
      doc["paths"]["/api/v1/parties/{id}"]["patch"]["requestBody"]["content"]["application/json"]["schema"];
  EXPECT_EQ(update["properties"]["name"]["maxLength"], 30);
  EXPECT_FALSE(update["properties"]["name"].contains("minLength"));
  EXPECT_FALSE(update.contains("required"));  // every field is optional on update
  EXPECT_EQ(update["properties"]["mobile"]["pattern"], "^(1[3-9][0-9]{9})?$");
  EXPECT_EQ(api::request_schema(spec, true), create);
}

TEST(QueryParsing, DecodesPairs) {
  auto q = parse_query("q=%E5%85%BB%E8%80%81&page=2&flag&x=a+b");
  EXPECT_EQ(q.find("q")->second, "养老");
  EXPECT_EQ(q.find("page")->second, "2");
  EXPECT_EQ(q.find("flag")->second, "");
  EXPECT_EQ(q.find("x")->second, "a b");
}

}  // namespace
}  // namespace sl::http
