#include <gtest/gtest.h>

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

TEST(QueryParsing, DecodesPairs) {
  auto q = parse_query("q=%E5%85%BB%E8%80%81&page=2&flag&x=a+b");
  EXPECT_EQ(q.find("q")->second, "养老");
  EXPECT_EQ(q.find("page")->second, "2");
  EXPECT_EQ(q.find("flag")->second, "");
  EXPECT_EQ(q.find("x")->second, "a b");
}

}  // namespace
}  // namespace sl::http
