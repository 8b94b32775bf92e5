#include <gtest/gtest.h>

#include "core/api/validation.hpp"
#include "core/errors.hpp"
#include "core/http/message.hpp"

namespace sl {
namespace {

TEST(ErrorMapping, EveryCodeHasANameAndStatus) {
  EXPECT_STREQ(error_code_name(ErrorCode::validation_failed), "validation_failed");
  EXPECT_EQ(error_code_status(ErrorCode::validation_failed), 400);
  EXPECT_EQ(error_code_status(ErrorCode::unauthorized), 401);
  EXPECT_EQ(error_code_status(ErrorCode::forbidden), 403);
  EXPECT_EQ(error_code_status(ErrorCode::csrf_failed), 403);
  EXPECT_EQ(error_code_status(ErrorCode::not_found), 404);
  EXPECT_EQ(error_code_status(ErrorCode::conflict), 409);
  EXPECT_EQ(error_code_status(ErrorCode::referenced), 409);
  EXPECT_EQ(error_code_status(ErrorCode::payload_too_large), 413);
  EXPECT_EQ(error_code_status(ErrorCode::rate_limited), 429);
  EXPECT_EQ(error_code_status(ErrorCode::internal), 500);
  EXPECT_STREQ(error_code_name(ErrorCode::internal), "internal");
}

TEST(ErrorMapping, EnvelopeCarriesCodeMessageFieldsAndExtras) {
  ApiError e = ApiError::validation("mobile", "手机号码格式不正确");
  e.with("captcha_required", true);
  auto r = http::Response::error(e);
  EXPECT_EQ(r.status, 400);
  Json body = Json::parse(r.body);
  EXPECT_EQ(body["error"]["code"], "validation_failed");
  EXPECT_EQ(body["error"]["fields"]["mobile"], "手机号码格式不正确");
  EXPECT_EQ(body["error"]["captcha_required"], true);
  EXPECT_NE(body["error"]["message"].get<std::string>().find("手机号码"), std::string::npos);
}

TEST(Validation, CollectsEveryProblemAndUnknownFields) {
  Json body = {{"name", ""}, {"mobile", "12345"}, {"age", "x"}, {"surprise", 1}};
  api::Validator v(body);
  v.text("name", api::Presence::required);
  v.mobile("mobile", api::Presence::required);
  v.integer("age", api::Presence::required);
  v.date("joined", api::Presence::required);
  try {
    v.finish();
    FAIL() << "expected validation_failed";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), ErrorCode::validation_failed);
    for (const char* f : {"name", "mobile", "age", "joined", "surprise"}) EXPECT_TRUE(e.fields().contains(f)) << f;
  }
}

TEST(Validation, AcceptsGoodInputAndTrimsIdeographicSpace) {
  Json body = {{"name", "\xE3\x80\x80张伟 "}, {"mobile", "13800138000"}, {"joined", "2024-02-29"}};
  api::Validator v(body);
  EXPECT_EQ(*v.text("name", api::Presence::required), "张伟");
  EXPECT_EQ(*v.mobile("mobile", api::Presence::required), "13800138000");
  EXPECT_EQ(*v.date("joined", api::Presence::required), "2024-02-29");
  EXPECT_NO_THROW(v.finish());
}

TEST(Validation, DatesAndMobiles) {
  EXPECT_FALSE(api::is_date("2023-02-29"));
  EXPECT_TRUE(api::is_date("2024-02-29"));
  EXPECT_FALSE(api::is_date("2024-13-01"));
  EXPECT_TRUE(api::is_mobile("19912345678"));
  EXPECT_FALSE(api::is_mobile("12912345678"));
  EXPECT_FALSE(api::is_mobile("1381234567"));
  EXPECT_EQ(api::utf8_length("养老服务"), 4u);
}

TEST(Validation, TextLengthCountsCharactersNotBytes) {
  Json body = {{"title", std::string("关于加强社区养老服务的建议")}};
  api::Validator v(body);
  EXPECT_TRUE(v.text("title", api::Presence::required, 13).has_value());
  api::Validator w(body);
  EXPECT_FALSE(w.text("title", api::Presence::required, 12).has_value());
}

}  // namespace
}  // namespace sl
