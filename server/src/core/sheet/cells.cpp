#include <algorithm>

#include "core/sheet/internal.hpp"
#include "core/utf8.hpp"

namespace sl::sheet_internal {

namespace {

constexpr const char* kMsgNoData = "表格中没有数据";

/// The "too many rows" message.
std::string too_many_rows_message() {
  return "表格最多 " + std::to_string(kMaxSheetRows) + " 行数据，请分批导入";
}

/// The blank sequences trimmed from cells besides ASCII whitespace: NBSP, ideographic space,
/// zero-width space and BOM.
constexpr std::string_view kUnicodeBlanks[] = {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF"};

}  // namespace

std::string too_many_columns_message() {
  return "表格最多 " + std::to_string(kMaxSheetColumns) + " 列";
}

size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

std::string sanitize_utf8(std::string_view s) {
  if (utf8_well_formed(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      append_utf8(out, 0xFFFD);
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string_view strip_bom(std::string_view bytes) {
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  return bytes;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

namespace {

/// The length of the blank (one ASCII whitespace character, or one of kUnicodeBlanks) at the
/// front of `s`, or when `at_back` at its back; 0 when there is none.
size_t blank_length(std::string_view s, bool at_back) {
  if (s.empty()) return 0;
  if (is_ascii_space(at_back ? s.back() : s.front())) return 1;
  for (std::string_view blank : kUnicodeBlanks) {
    if (s.size() < blank.size()) continue;
    if ((at_back ? s.substr(s.size() - blank.size()) : s.substr(0, blank.size())) == blank) return blank.size();
  }
  return 0;
}

}  // namespace

std::string trim(std::string_view s) {
  while (size_t n = blank_length(s, false)) s.remove_prefix(n);
  while (size_t n = blank_length(s, true)) s.remove_suffix(n);
  return std::string(s);
}

/// ASCII lower case of `s`.
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void SheetBuilder::add_row(std::vector<std::string> cells, size_t number) {
  auto last = std::find_if(cells.rbegin(), cells.rend(), [](const std::string& c) { return !c.empty(); });
  if (last == cells.rend()) return;
  size_t width = static_cast<size_t>(cells.rend() - last);
  if (width > kMaxSheetColumns) throw SheetError(too_many_columns_message(), SheetError::Kind::too_large);
  cells.resize(width);
  if (!has_header_) {
    sheet_.header = std::move(cells);
    has_header_ = true;
    return;
  }
  if (sheet_.rows.size() >= kMaxSheetRows) throw SheetError(too_many_rows_message(), SheetError::Kind::too_large);
  sheet_.rows.push_back(std::move(cells));
  sheet_.row_numbers.push_back(number);
}

Sheet SheetBuilder::finish() {
  if (!has_header_) throw SheetError(kMsgNoData);
  size_t width = sheet_.header.size();
  for (const auto& row : sheet_.rows) width = std::max(width, row.size());
  sheet_.header.resize(width);
  for (auto& row : sheet_.rows) row.resize(width);
  return std::move(sheet_);
}

}  // namespace sl::sheet_internal
