#include "core/auth/captcha_image.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>
#include <stdexcept>
#include <string>

namespace {

/// The big-endian 32-bit number at `offset` of `bytes`.
uint32_t be32(const std::string& bytes, size_t offset) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[offset + i]);
  return v;
}

TEST(CaptchaImage, TextUsesAlphabetWithoutLookAlikes) {
  EXPECT_EQ(sl::random_captcha_text().size(), 4u);
  EXPECT_EQ(sl::random_captcha_text(6).size(), 6u);
  EXPECT_EQ(sl::random_captcha_text(0), "");
  for (char c : std::string("0O1IL")) EXPECT_EQ(sl::kCaptchaAlphabet.find(c), std::string_view::npos) << c;

  std::set<std::string> seen;
  std::set<char> letters;
  for (int i = 0; i < 200; ++i) {
    std::string text = sl::random_captcha_text();
    for (char c : text) {
      EXPECT_NE(sl::kCaptchaAlphabet.find(c), std::string_view::npos) << c;
      letters.insert(c);
    }
    seen.insert(text);
  }
  EXPECT_GT(seen.size(), 190u);
  EXPECT_EQ(letters.size(), sl::kCaptchaAlphabet.size());  // 800 draws from 31 characters
}

TEST(CaptchaImage, RendersPng) {
  std::string png = sl::render_captcha_png("AB7K");
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(be32(png, 16), 120u);
  EXPECT_EQ(be32(png, 20), 40u);
  EXPECT_LT(png.size(), 20000u);
}

TEST(CaptchaImage, TwoRendersDiffer) {
  EXPECT_NE(sl::render_captcha_png("XY23"), sl::render_captcha_png("XY23"));
}

TEST(CaptchaImage, EveryAlphabetCharacterRenders) {
  for (char c : sl::kCaptchaAlphabet) EXPECT_NO_THROW(sl::render_captcha_png(std::string(1, c))) << c;
  EXPECT_NO_THROW(sl::render_captcha_png("abc0O1IL"));  // lower case and look-alikes still draw
  std::string wide = sl::render_captcha_png("ABCDEFGHJK");
  EXPECT_GE(be32(wide, 16), 120u);
  EXPECT_EQ(be32(wide, 20), 40u);
}

TEST(CaptchaImage, RejectsUnrenderableText) {
  EXPECT_THROW(sl::render_captcha_png(""), std::invalid_argument);
  EXPECT_THROW(sl::render_captcha_png("AB-C"), std::invalid_argument);
  EXPECT_THROW(sl::render_captcha_png("验证"), std::invalid_argument);
  EXPECT_THROW(sl::render_captcha_png(std::string(13, 'A')), std::invalid_argument);
}

TEST(CaptchaImage, DataUrl) {
  const std::string prefix = "data:image/png;base64,";
  EXPECT_EQ(sl::png_data_url(""), prefix);
  EXPECT_EQ(sl::png_data_url("f"), prefix + "Zg==");
  EXPECT_EQ(sl::png_data_url("fo"), prefix + "Zm8=");
  EXPECT_EQ(sl::png_data_url("foo"), prefix + "Zm9v");
  EXPECT_EQ(sl::png_data_url("foobar"), prefix + "Zm9vYmFy");

  std::string png = sl::render_captcha_png(sl::random_captcha_text());
  std::string url = sl::png_data_url(png);
  ASSERT_EQ(url.compare(0, prefix.size(), prefix), 0);
  std::string expected(sodium_base64_ENCODED_LEN(png.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(expected.data(), expected.size(), reinterpret_cast<const unsigned char*>(png.data()), png.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  expected.resize(expected.size() - 1);  // the terminating NUL
  EXPECT_EQ(url.substr(prefix.size()), expected);
}

}  // namespace
