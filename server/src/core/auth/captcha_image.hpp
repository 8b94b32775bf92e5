#pragma once
// Image captchas: random text from an alphabet without look-alikes, drawn as a small noisy PNG.
// Glyphs are drawn from a built-in stroke font, so rendering needs no installed fonts.

#include <cstddef>
#include <string>
#include <string_view>

namespace sl {

/// The characters captcha text is drawn from: upper-case letters and digits without 0/O/1/I/L.
inline constexpr std::string_view kCaptchaAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// `length` characters picked uniformly from kCaptchaAlphabet with libsodium's CSPRNG.
std::string random_captcha_text(size_t length = 4);

/// A PNG (40 px high, 120 px wide for up to 4 characters) of `text` (1–12 ASCII letters or
/// digits; lower case is drawn upper case), every character randomly rotated, offset and
/// coloured, with noise lines and dots; throws std::invalid_argument for other text.
std::string render_captcha_png(const std::string& text);

/// `png` as a "data:image/png;base64,…" URL.
std::string png_data_url(const std::string& png);

}  // namespace sl
