// Writing .xlsx (libxlsxwriter, through a temp file) and CSV (UTF-8 with BOM, RFC 4180).

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "core/sheet/internal.hpp"
#include "core/sheet/sheet.hpp"

namespace sl {

using namespace sheet_internal;

namespace {

/// Excel's limit of characters in a cell.
constexpr size_t kMaxCellChars = 32767;

/// The code point of the valid `n`-byte UTF-8 sequence at `s[i]`.
uint32_t utf8_decode(std::string_view s, size_t i, size_t n) {
  const auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i + k])); };
  if (n == 1) return byte(0);
  if (n == 2) return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
  if (n == 3) return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
}

/// `s` cut to at most `max_chars` code points.
std::string truncate_chars(std::string s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    if (chars == max_chars) {
      s.resize(i);
      return s;
    }
    size_t n = std::max<size_t>(1, utf8_sequence_length(s, i));
    i += n;
    ++chars;
  }
  return s;
}

/// True when code point `cp` is shown double-width (CJK, Hangul, full-width forms).
bool is_wide(uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || cp >= 0x20000;
}

/// The display width of the longest line of `s`, counting wide characters as 2.
size_t display_width(std::string_view s) {
  size_t widest = 0, width = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      ++width;
      ++i;
      continue;
    }
    uint32_t cp = utf8_decode(s, i, n);
    i += n;
    if (cp == '\n') {
      widest = std::max(widest, width);
      width = 0;
      continue;
    }
    width += is_wide(cp) ? 2 : 1;
  }
  return std::max(widest, width);
}

/// `name` made acceptable as an Excel sheet name: no []:*?/\ or control characters, no
/// surrounding apostrophes, at most 31 UTF-16 units, not empty and not "History".
std::string excel_sheet_name(const std::string& name) {
  std::string clean;
  std::string utf8 = sanitize_utf8(name);
  for (char c : utf8) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
      clean += '_';
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;
    clean += c;
  }
  clean = trim(clean);
  while (!clean.empty() && clean.front() == '\'') clean.erase(clean.begin());
  while (!clean.empty() && clean.back() == '\'') clean.pop_back();
  size_t units = 0;
  for (size_t i = 0; i < clean.size();) {
    size_t n = std::max<size_t>(1, utf8_sequence_length(clean, i));
    size_t u = n == 4 ? 2 : 1;
    if (units + u > LXW_SHEETNAME_MAX) {
      clean.resize(i);
      break;
    }
    units += u;
    i += n;
  }
  if (clean.empty()) return "Sheet1";
  if (ascii_lower(clean) == "history") clean += "_";
  return clean;
}

/// A temp file path no other writer uses.
std::filesystem::path unique_temp_path() {
  static std::atomic<uint64_t> counter{0};
  std::random_device rd;
  uint64_t random = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  char name[96];
  std::snprintf(name, sizeof name, "shangliang-%ld-%llu-%016llx.xlsx", static_cast<long>(::getpid()),
                static_cast<unsigned long long>(counter.fetch_add(1)), static_cast<unsigned long long>(random));
  return std::filesystem::temp_directory_path() / name;
}

/// Removes a file when it goes out of scope.
class FileRemover {
 public:
  explicit FileRemover(std::filesystem::path path) : path_(std::move(path)) {}
  ~FileRemover() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  FileRemover(const FileRemover&) = delete;
  FileRemover& operator=(const FileRemover&) = delete;

 private:
  std::filesystem::path path_;
};

/// Frees a libxlsxwriter workbook that was not closed (closing writes and frees it).
struct WorkbookGuard {
  lxw_workbook* workbook;
  ~WorkbookGuard() {
    if (workbook != nullptr) lxw_workbook_free(workbook);
  }
};

/// `value` as one CSV field, quoted when it holds a delimiter, quote, line break or edge spaces.
std::string csv_field(const std::string& value) {
  std::string s = sanitize_utf8(value);
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
               (!s.empty() && (is_ascii_space(s.front()) || is_ascii_space(s.back())));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string write_xlsx(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::string& sheet_name) {
  if (rows.size() + 1 > LXW_ROW_MAX) throw std::runtime_error("write_xlsx: too many rows");
  size_t columns = header.size();
  for (const auto& row : rows) columns = std::max(columns, row.size());
  if (columns > LXW_COL_MAX) throw std::runtime_error("write_xlsx: too many columns");

  std::vector<size_t> widths(columns, 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) widths[c] = std::max(widths[c], display_width(cells[c]));
  };
  measure(header);
  for (const auto& row : rows) measure(row);

  std::filesystem::path path = unique_temp_path();
  FileRemover remover(path);
  WorkbookGuard guard{workbook_new(path.c_str())};
  if (guard.workbook == nullptr) throw std::runtime_error("write_xlsx: cannot create " + path.string());
  lxw_worksheet* sheet = workbook_add_worksheet(guard.workbook, excel_sheet_name(sheet_name).c_str());
  if (sheet == nullptr) throw std::runtime_error("write_xlsx: cannot add worksheet");
  lxw_format* text = workbook_add_format(guard.workbook);
  format_set_num_format(text, "@");
  lxw_format* bold = workbook_add_format(guard.workbook);
  format_set_num_format(bold, "@");
  format_set_bold(bold);

  for (size_t c = 0; c < columns; ++c) {
    double width = static_cast<double>(std::clamp<size_t>(widths[c] + 2, 8, 60));
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, text);
  }
  const auto write_row = [&](lxw_row_t r, const std::vector<std::string>& cells, lxw_format* format) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      std::string value = truncate_chars(sanitize_utf8(cells[c]), kMaxCellChars);
      lxw_error err = worksheet_write_string(sheet, r, static_cast<lxw_col_t>(c), value.c_str(), format);
      if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("write_xlsx: ") + lxw_strerror(err));
    }
  };
  write_row(0, header, bold);
  for (size_t r = 0; r < rows.size(); ++r) write_row(static_cast<lxw_row_t>(r + 1), rows[r], text);
  if (!header.empty()) worksheet_freeze_panes(sheet, 1, 0);
  worksheet_ignore_errors(sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576");

  lxw_workbook* workbook = guard.workbook;
  guard.workbook = nullptr;  // workbook_close frees it, whatever it returns
  lxw_error err = workbook_close(workbook);
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("write_xlsx: ") + lxw_strerror(err));

  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("write_xlsx: cannot read back " + path.string());
  std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("write_xlsx: cannot read back " + path.string());
  return out;
}

std::string write_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out(kBom);
  const auto write_row = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += ',';
      out += csv_field(cells[c]);
    }
    out += "\r\n";
  };
  write_row(header);
  for (const auto& row : rows) write_row(row);
  return out;
}

}  // namespace sl
