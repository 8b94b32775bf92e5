#include "core/auth/captcha_image.hpp"

#include <cairo.h>
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

namespace sl {
namespace {

struct Point {
  double x, y;
};
using Stroke = std::vector<Point>;
using Glyph = std::vector<Stroke>;

// Glyph box: x 0..8, y 0..12 (y down).
constexpr double kGlyphWidth = 8;
constexpr double kGlyphHeight = 12;
constexpr int kImageHeight = 40;
constexpr int kMinImageWidth = 120;
constexpr size_t kMaxTextLength = 12;

/// The stroke font: each character as polylines in the glyph box.
const std::map<char, Glyph>& glyphs() {
  // clang-format off
  static const Stroke ring = {{4, 0}, {1.6, 0.9}, {0.3, 3.5}, {0, 6}, {0.3, 8.5}, {1.6, 11.1}, {4, 12},
                              {6.4, 11.1}, {7.7, 8.5}, {8, 6}, {7.7, 3.5}, {6.4, 0.9}, {4, 0}};
  static const std::map<char, Glyph> font = {
      {'0', {ring, {{1.8, 9.8}, {6.2, 2.2}}}},
      {'1', {{{1.5, 2.5}, {4.5, 0}, {4.5, 12}}, {{1.5, 12}, {7.5, 12}}}},
      {'2', {{{0, 3}, {1, 1}, {3, 0}, {5, 0}, {7, 1}, {8, 3}, {7, 5.5}, {0, 12}, {8, 12}}}},
      {'3',
       {{{0, 1}, {2, 0}, {6, 0}, {8, 2}, {8, 4}, {6, 5.6}, {3.5, 6}, {6, 6.4}, {8, 8}, {8, 10}, {6, 12}, {2, 12},
         {0, 11}}}},
      {'4', {{{6, 12}, {6, 0}, {0, 8.5}, {8.5, 8.5}}}},
      {'5', {{{8, 0}, {1, 0}, {0.5, 5.5}, {3, 4.8}, {6, 5}, {8, 7}, {8, 10}, {6, 12}, {2, 12}, {0, 10.5}}}},
      {'6',
       {{{7, 0.5}, {4, 0}, {1.5, 1.5}, {0, 5}, {0, 9}, {1.5, 11.5}, {4, 12}, {6.5, 11.5}, {8, 9}, {7.5, 6.5},
         {5, 5.5}, {2.5, 5.8}, {0.2, 7.5}}}},
      {'7', {{{0, 0}, {8, 0}, {3, 12}}}},
      {'8',
       {{{4, 5.6}, {1, 4.5}, {0.5, 2}, {2, 0.3}, {4, 0}, {6, 0.3}, {7.5, 2}, {7, 4.5}, {4, 5.6}, {1, 7}, {0, 9.5},
         {1.5, 11.6}, {4, 12}, {6.5, 11.6}, {8, 9.5}, {7, 7}, {4, 5.6}}}},
      {'9',
       {{{1, 11.5}, {4, 12}, {6.5, 10.5}, {8, 7}, {8, 3}, {6.5, 0.5}, {4, 0}, {1.5, 0.5}, {0, 3}, {0.5, 5.5},
         {3, 6.5}, {5.5, 6.2}, {7.8, 4.5}}}},
      {'A', {{{0, 12}, {4, 0}, {8, 12}}, {{1.5, 7.5}, {6.5, 7.5}}}},
      {'B',
       {{{0, 0}, {0, 12}, {5.5, 12}, {7.5, 11}, {8, 9}, {7.5, 7}, {5.5, 6}, {0, 6}},
        {{0, 0}, {5, 0}, {7, 1}, {7.5, 3}, {7, 5}, {5.5, 6}}}},
      {'C', {{{8, 2}, {6, 0.2}, {4, 0}, {1.5, 1}, {0, 4}, {0, 8}, {1.5, 11}, {4, 12}, {6, 11.8}, {8, 10}}}},
      {'D', {{{0, 0}, {0, 12}, {4, 12}, {7, 10.5}, {8, 6}, {7, 1.5}, {4, 0}, {0, 0}}}},
      {'E', {{{8, 0}, {0, 0}, {0, 12}, {8, 12}}, {{0, 6}, {6, 6}}}},
      {'F', {{{8, 0}, {0, 0}, {0, 12}}, {{0, 6}, {6, 6}}}},
      {'G',
       {{{8, 2}, {6, 0.2}, {4, 0}, {1.5, 1}, {0, 4}, {0, 8}, {1.5, 11}, {4, 12}, {6.5, 11.5}, {8, 10}, {8, 7},
         {4.5, 7}}}},
      {'H', {{{0, 0}, {0, 12}}, {{8, 0}, {8, 12}}, {{0, 6}, {8, 6}}}},
      {'I', {{{1.5, 0}, {6.5, 0}}, {{4, 0}, {4, 12}}, {{1.5, 12}, {6.5, 12}}}},
      {'J', {{{7, 0}, {7, 9}, {6, 11.5}, {3.5, 12}, {1, 11}, {0, 9}}}},
      {'K', {{{0, 0}, {0, 12}}, {{8, 0}, {0, 7.5}}, {{2.5, 5.5}, {8, 12}}}},
      {'L', {{{0.5, 0}, {0.5, 12}, {8, 12}}}},
      {'M', {{{0, 12}, {0, 0}, {4, 8}, {8, 0}, {8, 12}}}},
      {'N', {{{0, 12}, {0, 0}, {8, 12}, {8, 0}}}},
      {'O', {ring}},
      {'P', {{{0, 12}, {0, 0}, {5.5, 0}, {7.5, 1}, {8, 3}, {7.5, 5}, {5.5, 6}, {0, 6}}}},
      {'Q', {ring, {{5, 9}, {8.5, 12.5}}}},
      {'R', {{{0, 12}, {0, 0}, {5.5, 0}, {7.5, 1}, {8, 3}, {7.5, 5}, {5.5, 6}, {0, 6}}, {{4, 6}, {8, 12}}}},
      {'S',
       {{{8, 1.5}, {6, 0}, {2, 0}, {0, 2}, {0.5, 4.5}, {4, 6}, {7.5, 7.5}, {8, 10}, {6, 12}, {2, 12},
         {0, 10.5}}}},
      {'T', {{{0, 0}, {8, 0}}, {{4, 0}, {4, 12}}}},
      {'U', {{{0, 0}, {0, 8.5}, {1.5, 11.5}, {4, 12}, {6.5, 11.5}, {8, 8.5}, {8, 0}}}},
      {'V', {{{0, 0}, {4, 12}, {8, 0}}}},
      {'W', {{{0, 0}, {2, 12}, {4, 4}, {6, 12}, {8, 0}}}},
      {'X', {{{0, 0}, {8, 12}}, {{8, 0}, {0, 12}}}},
      {'Y', {{{0, 0}, {4, 6}, {8, 0}}, {{4, 6}, {4, 12}}}},
      {'Z', {{{0, 0}, {8, 0}, {0, 12}, {8, 12}}}},
  };
  // clang-format on
  return font;
}

/// Initialises libsodium once; throws when it cannot be.
void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

/// A uniformly random double in [`lo`, `hi`).
double uniform(double lo, double hi) {
  constexpr uint32_t kSteps = 1u << 24;
  return lo + (hi - lo) * static_cast<double>(randombytes_uniform(kSteps)) / kSteps;
}

/// A random colour channel in [`lo`, `hi`] (0–255) as a cairo intensity.
double channel(int lo, int hi) {
  return (lo + static_cast<int>(randombytes_uniform(static_cast<uint32_t>(hi - lo + 1)))) / 255.0;
}

/// Sets a random source colour with each channel in [`lo`, `hi`] and opacity `alpha`.
void random_colour(cairo_t* cr, int lo, int hi, double alpha = 1.0) {
  cairo_set_source_rgba(cr, channel(lo, hi), channel(lo, hi), channel(lo, hi), alpha);
}

/// Draws `count` random curves across the whole `width`×`height` image.
void draw_noise_lines(cairo_t* cr, int width, int height, int count) {
  for (int i = 0; i < count; ++i) {
    random_colour(cr, 80, 170, 0.85);
    cairo_set_line_width(cr, uniform(1.0, 1.8));
    cairo_move_to(cr, uniform(0, width * 0.2), uniform(0, height));
    cairo_curve_to(cr, uniform(width * 0.2, width * 0.5), uniform(0, height), uniform(width * 0.5, width * 0.8),
                   uniform(0, height), uniform(width * 0.8, width), uniform(0, height));
    cairo_stroke(cr);
  }
}

/// Draws `glyph` centred at (`cx`, `cy`) scaled by `scale` px a unit, rotated and jittered.
void draw_glyph(cairo_t* cr, const Glyph& glyph, double cx, double cy, double scale) {
  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_rotate(cr, uniform(-0.35, 0.35));
  cairo_scale(cr, scale * uniform(0.85, 1.1), scale * uniform(0.9, 1.1));
  cairo_translate(cr, -kGlyphWidth / 2, -kGlyphHeight / 2);
  for (const Stroke& stroke : glyph) {
    for (size_t i = 0; i < stroke.size(); ++i) {
      double x = stroke[i].x + uniform(-0.3, 0.3);
      double y = stroke[i].y + uniform(-0.3, 0.3);
      if (i == 0)
        cairo_move_to(cr, x, y);
      else
        cairo_line_to(cr, x, y);
    }
  }
  cairo_restore(cr);  // stroke in device space so the line width is not scaled
  random_colour(cr, 10, 110);
  cairo_set_line_width(cr, uniform(2.2, 2.9));
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
}

/// Appends PNG bytes from cairo to the std::string `closure`.
cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace

std::string random_captcha_text(size_t length) {
  ensure_sodium();
  std::string text;
  text.reserve(length);
  for (size_t i = 0; i < length; ++i)
    text += kCaptchaAlphabet[randombytes_uniform(static_cast<uint32_t>(kCaptchaAlphabet.size()))];
  return text;
}

std::string render_captcha_png(const std::string& text) {
  if (text.empty() || text.size() > kMaxTextLength)
    throw std::invalid_argument("captcha text must have 1 to 12 characters");
  std::vector<const Glyph*> shapes;
  for (char c : text) {
    char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    auto it = glyphs().find(upper);
    if (it == glyphs().end()) throw std::invalid_argument("captcha text may hold only letters and digits");
    shapes.push_back(&it->second);
  }
  ensure_sodium();

  const int n = static_cast<int>(shapes.size());
  const int width = std::max(kMinImageWidth, 26 * n + 16);
  const int height = kImageHeight;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), &cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("captcha: cannot create a cairo surface");
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> context(cairo_create(surface.get()), &cairo_destroy);
  cairo_t* cr = context.get();
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("captcha: cannot create a cairo context");

  // Light background: a gentle gradient between two pale colours.
  std::unique_ptr<cairo_pattern_t, decltype(&cairo_pattern_destroy)> background(
      cairo_pattern_create_linear(0, uniform(0, height), width, uniform(0, height)), &cairo_pattern_destroy);
  cairo_pattern_add_color_stop_rgb(background.get(), 0, channel(225, 250), channel(225, 250), channel(225, 250));
  cairo_pattern_add_color_stop_rgb(background.get(), 1, channel(225, 250), channel(225, 250), channel(225, 250));
  cairo_set_source(cr, background.get());
  cairo_paint(cr);

  draw_noise_lines(cr, width, height, 2);

  const double margin = 8;
  const double slot = (width - 2 * margin) / n;
  const double scale = std::min(2.1, slot * 0.8 / kGlyphWidth);
  for (int i = 0; i < n; ++i) {
    double cx = margin + slot * (i + 0.5) + uniform(-2, 2);
    double cy = height / 2.0 + uniform(-3, 3);
    draw_glyph(cr, *shapes[static_cast<size_t>(i)], cx, cy, scale * uniform(0.9, 1.05));
  }

  draw_noise_lines(cr, width, height, 2);
  for (int i = 0; i < 45; ++i) {
    random_colour(cr, 60, 200);
    cairo_arc(cr, uniform(0, width), uniform(0, height), uniform(0.5, 1.3), 0, 2 * 3.14159265358979);
    cairo_fill(cr);
  }

  cairo_surface_flush(surface.get());
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append_png, &png) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("captcha: cannot encode the PNG");
  return png;
}

std::string png_data_url(const std::string& png) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "data:image/png;base64,";
  out.reserve(out.size() + (png.size() + 2) / 3 * 4);
  size_t i = 0;
  const auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(png[k])); };
  for (; i + 3 <= png.size(); i += 3) {
    uint32_t v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  size_t rest = png.size() - i;
  if (rest == 0) return out;
  uint32_t v = byte(i) << 16;
  if (rest == 2) v |= byte(i + 1) << 8;
  out += kAlphabet[(v >> 18) & 63];
  out += kAlphabet[(v >> 12) & 63];
  out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
  out += '=';
  return out;
}

}  // namespace sl
