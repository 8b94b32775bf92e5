// Formatting and text: paragraph and run properties, cleaning untrusted text into valid UTF-8
// that XML accepts, escaping, and turning text into runs.

#include <cstdint>

#include "core/docx/internal.hpp"
#include "core/utf8.hpp"

namespace sl::docx::detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// `s` followed by the decimal `n`.
std::string cat(std::string_view s, int n) {
  return std::string(s) + std::to_string(n);
}

/// `<w:NAME w:val="VALUE"/>`.
std::string val(std::string_view name, std::string_view value) {
  return "<w:" + std::string(name) + " w:val=\"" + xml_escape(value) + "\"/>";
}

}  // namespace

std::string paragraph_properties(const ParagraphFormat& f) {
  std::string out;
  if (!f.style.empty()) out += val("pStyle", f.style);
  if (f.keep_next) out += "<w:keepNext/>";
  if (f.page_break_before) out += "<w:pageBreakBefore/>";
  if (!f.snap_to_grid) out += "<w:snapToGrid w:val=\"0\"/>";
  out += "<w:spacing w:before=\"" + std::to_string(f.before_lines * kLinePitch / 100) + "\"";
  if (f.before_lines) out += cat(" w:beforeLines=\"", f.before_lines) + "\"";
  out += " w:after=\"" + std::to_string(f.after_lines * kLinePitch / 100) + "\"";
  if (f.after_lines) out += cat(" w:afterLines=\"", f.after_lines) + "\"";
  if (f.line > 0) {
    out += cat(" w:line=\"", f.line) + (f.exact ? "\" w:lineRule=\"exact\"" : "\" w:lineRule=\"auto\"");
  } else {
    out += " w:line=\"240\" w:lineRule=\"auto\"";
  }
  out += "/>";
  out += cat("<w:ind w:leftChars=\"", f.left_chars) + cat("\" w:left=\"", f.left_chars * kBodyChar / 100) +
         cat("\" w:rightChars=\"", f.right_chars) + cat("\" w:right=\"", f.right_chars * kBodyChar / 100) +
         cat("\" w:firstLineChars=\"", f.first_line_chars) +
         cat("\" w:firstLine=\"", f.first_line_chars * kBodyChar / 100) + "\"/>";
  out += val("jc", f.align);
  if (f.outline_level >= 0) out += val("outlineLvl", std::to_string(f.outline_level));
  return out;
}

std::string run_properties(const RunFormat& f) {
  std::string latin = xml_escape(f.latin);
  std::string out = "<w:rFonts w:ascii=\"" + latin + "\" w:hAnsi=\"" + latin + "\" w:eastAsia=\"" +
                    xml_escape(f.east_asia) + "\" w:cs=\"" + latin + "\" w:hint=\"eastAsia\"/>";
  if (f.bold) out += "<w:b/><w:bCs/>";
  out += "<w:color w:val=\"000000\"/>";
  out += cat("<w:sz w:val=\"", f.size) + cat("\"/><w:szCs w:val=\"", f.size) + "\"/>";
  out += "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>";
  return out;
}

std::string clean_text(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (c == '\r') {
        out += '\n';
        if (i + 1 < n && in[i + 1] == '\n') ++i;
      } else if (c >= 0x20 || c == '\t' || c == '\n') {
        out += static_cast<char>(c);
      }  // other C0 controls are not allowed in XML 1.0: dropped
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07u;
    } else {
      out += kReplacement;
      ++i;
      continue;
    }
    size_t j = 1;
    for (; j < len && i + j < n; ++j) {
      const auto cc = static_cast<unsigned char>(in[i + j]);
      unsigned char lo = 0x80, hi = 0xBF;
      if (j == 1) {  // no overlong forms, surrogates or code points past U+10FFFF
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      }
      if (cc < lo || cc > hi) break;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (j < len) {  // a truncated or broken sequence: one replacement for its valid prefix
      out += kReplacement;
      i += j;
      continue;
    }
    if (cp == 0xFFFE || cp == 0xFFFF) {
      out += kReplacement;
    } else {
      out.append(in.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string xml_escape(std::string_view in) {
  return escape_markup(in);
}

std::string text_runs(std::string_view text, const std::string& rpr) {
  const std::string open = "<w:r><w:rPr>" + rpr + "</w:rPr>";
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("\t\n", start);
    std::string_view piece = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!piece.empty()) out += open + "<w:t xml:space=\"preserve\">" + xml_escape(piece) + "</w:t></w:r>";
    if (end == std::string_view::npos) break;
    out += open + (text[end] == '\t' ? "<w:tab/>" : "<w:br/>") + "</w:r>";
    start = end + 1;
  }
  if (out.empty()) out = open + "<w:t></w:t></w:r>";
  return out;
}

}  // namespace sl::docx::detail
