#include "core/sheet/sheet.hpp"

#include "core/clock.hpp"
#include "core/utf8.hpp"

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>
#include <pugixml.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <sstream>

namespace sl {
namespace {

// ---------------------------------------------------------------------------------------------
// Messages shown to the uploader.

constexpr const char* kMsgNotASheet = "文件不是有效的 Excel (.xlsx) 或 CSV 文件";
constexpr const char* kMsgEmpty = "文件是空的";
constexpr const char* kMsgNoData = "表格中没有数据";
constexpr const char* kMsgLegacyExcel =
    "不支持旧版 Excel (.xls) 或加密的工作簿，请在 Excel 中另存为 .xlsx（不设密码）后重新上传";
constexpr const char* kMsgNotUtf8 =
    "CSV 文件必须是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或直接上传 .xlsx 文件";
constexpr const char* kMsgUtf16 = "不支持 UTF-16 编码的文本文件，请另存为“CSV UTF-8（逗号分隔）”或 .xlsx 文件";
constexpr const char* kMsgHtml = "文件是网页或 XML 格式，并非真正的 Excel 文件，请用 Excel 打开后另存为 .xlsx 再上传";
constexpr const char* kMsgCorrupt = "Excel 文件已损坏，无法读取";
constexpr const char* kMsgNoWorkbook = "文件不是有效的 Excel (.xlsx) 文件：找不到工作簿";
constexpr const char* kMsgNoWorksheet = "Excel 文件中没有工作表";
constexpr const char* kMsgOds = "暂不支持 OpenDocument (.ods) 表格，请另存为 .xlsx 后重新上传";
constexpr const char* kMsgTooLarge = "文件内容过大，无法读取";

/// The "too many rows" message.
std::string too_many_rows_message() {
  return "表格最多 " + std::to_string(kMaxSheetRows) + " 行数据，请分批导入";
}

/// The "too many columns" message.
std::string too_many_columns_message() {
  return "表格最多 " + std::to_string(kMaxSheetColumns) + " 列";
}

/// Largest uncompressed size of one part of an .xlsx that is read.
constexpr zip_uint64_t kMaxPartBytes = 32u << 20;
/// A part may expand to this many times its compressed size, beyond the first few megabytes: real
/// worksheets compress 5 to 30 times, a bomb of empty cells a thousand (120 MB from 117 KB cost
/// 2 GB of parsed nodes before the cell cap could count them).
constexpr zip_uint64_t kMaxPartRatio = 100;
constexpr zip_uint64_t kRatioFreeBytes = 4u << 20;
/// Excel's limit of characters in a cell.
constexpr size_t kMaxCellChars = 32767;
/// Most bytes of cell text one .xlsx may expand to. A shared string is stored once and may be
/// referenced by every cell, so a 200 KB upload could otherwise expand to gigabytes.
constexpr size_t kMaxSheetTextBytes = 64u << 20;
/// Most non-empty cells one .xlsx may hold (rows × columns well beyond any real import).
constexpr size_t kMaxSheetCells = 1000000;
/// Most bytes of shared strings one .xlsx may declare.
constexpr size_t kMaxSharedStringBytes = 32u << 20;
constexpr const char* kMsgExpandsTooMuch = "表格展开后内容过多（单元格或文字总量超出上限），请删去无关内容或分批导入";

// ---------------------------------------------------------------------------------------------
// UTF-8.

/// The length of the valid UTF-8 sequence starting at `s[i]`, or 0 when it is invalid.
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

/// The code point of the valid `n`-byte UTF-8 sequence at `s[i]`.
uint32_t utf8_decode(std::string_view s, size_t i, size_t n) {
  const auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i + k])); };
  if (n == 1) return byte(0);
  if (n == 2) return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
  if (n == 3) return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
}

/// True when `s` is entirely valid UTF-8.
bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

/// `s` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
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

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// `bytes` without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view bytes) {
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  return bytes;
}

/// The blank sequences trimmed from cells besides ASCII whitespace: NBSP, ideographic space,
/// zero-width space and BOM.
constexpr std::string_view kUnicodeBlanks[] = {"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", "\xEF\xBB\xBF"};

/// True when `c` is ASCII whitespace.
bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/// `s` without leading and trailing ASCII whitespace and Unicode blanks.
std::string trim(std::string_view s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (is_ascii_space(s.front())) {
      s.remove_prefix(1);
      changed = true;
      continue;
    }
    for (std::string_view blank : kUnicodeBlanks) {
      if (s.substr(0, blank.size()) != blank) continue;
      s.remove_prefix(blank.size());
      changed = true;
      break;
    }
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (is_ascii_space(s.back())) {
      s.remove_suffix(1);
      changed = true;
      continue;
    }
    for (std::string_view blank : kUnicodeBlanks) {
      if (s.size() < blank.size() || s.substr(s.size() - blank.size()) != blank) continue;
      s.remove_suffix(blank.size());
      changed = true;
      break;
    }
  }
  return std::string(s);
}

/// ASCII lower case of `s`.
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// True when `s` ends with `suffix`, ignoring ASCII case.
bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && ascii_lower(s.substr(s.size() - suffix.size())) == ascii_lower(suffix);
}

// ---------------------------------------------------------------------------------------------
// Assembling a Sheet from rows of cells.

class SheetBuilder {
 public:
  /// Adds `cells` (already trimmed), found at row `number` of the file, as the next row; skips
  /// it when every cell is empty.
  void add_row(std::vector<std::string> cells, size_t number) {
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

  /// The sheet with every row padded to the same width; throws SheetError when it has no data.
  Sheet finish() {
    if (!has_header_) throw SheetError(kMsgNoData);
    size_t width = sheet_.header.size();
    for (const auto& row : sheet_.rows) width = std::max(width, row.size());
    sheet_.header.resize(width);
    for (auto& row : sheet_.rows) row.resize(width);
    return std::move(sheet_);
  }

 private:
  Sheet sheet_;
  bool has_header_ = false;
};

// ---------------------------------------------------------------------------------------------
// CSV.

/// The delimiter of CSV `text`: the first of ',', '\t', ';' found outside quotes on its first line.
char sniff_delimiter(std::string_view text) {
  size_t commas = 0, tabs = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == '\t') ++tabs;
    if (c == ';') ++semicolons;
  }
  if (commas > 0) return ',';
  if (tabs > 0) return '\t';
  if (semicolons > 0) return ';';
  return ',';
}

/// `cell` without the ="…" wrapper some systems put around numbers to keep them text in Excel.
std::string unwrap_text_formula(std::string cell) {
  if (cell.size() < 3 || cell.compare(0, 2, "=\"") != 0 || cell.back() != '"') return cell;
  std::string inner = cell.substr(2, cell.size() - 3);
  for (size_t i = 0; i < inner.size(); ++i)
    if (inner[i] == '"' && (i + 1 >= inner.size() || inner[i + 1] != '"')) return cell;  // not one string literal
  std::string out;
  for (size_t i = 0; i < inner.size(); ++i) {
    out += inner[i];
    if (inner[i] == '"') ++i;
  }
  return trim(out);
}

/// The sheet in CSV `text` (UTF-8, no BOM): RFC 4180 with CRLF or LF, leniently like Excel.
Sheet parse_csv(std::string_view text) {
  char delimiter = 0;
  // Excel honours a first line "sep=X" naming the delimiter.
  if (text.size() >= 5 && ascii_lower(text.substr(0, 4)) == "sep=" &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    delimiter = text[4];
    text.remove_prefix(5);
    if (text.substr(0, 2) == "\r\n")
      text.remove_prefix(2);
    else if (!text.empty())
      text.remove_prefix(1);
  }
  if (delimiter == 0) delimiter = sniff_delimiter(text);

  SheetBuilder builder;
  std::vector<std::string> record;
  std::string field;
  bool at_field_start = true;
  size_t line = 1;
  const auto end_field = [&] {
    record.push_back(unwrap_text_formula(trim(field)));
    field.clear();
    at_field_start = true;
  };
  size_t record_line = 1;
  const auto end_record = [&] {
    end_field();
    builder.add_row(std::move(record), record_line);
    record.clear();
    record_line = line + 1;
  };

  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (at_field_start && c == '"') {
      at_field_start = false;
      size_t start_line = line;
      ++i;
      for (;;) {
        if (i >= n) throw SheetError("CSV 文件格式错误：第 " + std::to_string(start_line) + " 行的引号没有闭合");
        char q = text[i];
        if (q == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (q == '\r' && i + 1 < n && text[i + 1] == '\n') {  // a line break in a cell is "\n"
          ++i;
          continue;
        }
        if (q == '\n') ++line;
        field += q;
        ++i;
      }
      continue;
    }
    at_field_start = false;
    if (c == delimiter) {
      end_field();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      ++line;
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    field += c;
    ++i;
  }
  if (!at_field_start || !record.empty()) end_record();
  return builder.finish();
}

// ---------------------------------------------------------------------------------------------
// Zip archives (libzip over the caller's buffer).

class ZipReader {
 public:
  /// Opens the zip archive in `bytes`, which must outlive the reader; throws SheetError.
  explicit ZipReader(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      throw SheetError(kMsgCorrupt);
    }
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (archive_ == nullptr) {
      zip_source_free(source);
      throw SheetError(kMsgCorrupt);
    }
  }
  ~ZipReader() { zip_discard(archive_); }
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  /// The uncompressed content of entry `name` (case-insensitive), or nullopt when it is absent;
  /// throws SheetError when it cannot be decompressed or is too large.
  std::optional<std::string> read(const std::string& name) const {
    zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0) throw SheetError(kMsgCorrupt);
    zip_uint64_t limit = kMaxPartBytes;
    if ((st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size < kMaxPartBytes / kMaxPartRatio)
      limit = std::max(kRatioFreeBytes, st.comp_size * kMaxPartRatio);
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limit) throw SheetError(kMsgTooLarge, SheetError::Kind::too_large);
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
        zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0), &zip_fclose);
    if (!file) throw SheetError(kMsgCorrupt);
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<size_t>(st.size));
    char buffer[64 * 1024];
    for (;;) {
      zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
      if (got < 0) throw SheetError(kMsgCorrupt);
      if (got == 0) break;
      if (out.size() + static_cast<size_t>(got) > limit) throw SheetError(kMsgTooLarge, SheetError::Kind::too_large);
      out.append(buffer, static_cast<size_t>(got));
    }
    return out;
  }

 private:
  zip_t* archive_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// XML helpers (element names compared without namespace prefixes, as some writers use "x:").

/// `name` without its namespace prefix.
std::string_view local_name(const char* name) {
  std::string_view s(name);
  size_t colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

/// The first child element of `node` named `name` (ignoring prefixes), or an empty node.
pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

/// Calls `fn` for each child element of `node` named `name` (ignoring prefixes).
template <class Fn>
void each_child(pugi::xml_node node, std::string_view name, Fn&& fn) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) fn(c);
}

/// The attribute of `node` whose name is `name`, or when `prefixed` whose name is "prefix:name".
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name, bool prefixed = false) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view full(a.name());
    bool has_prefix = full.find(':') != std::string_view::npos;
    if (has_prefix == prefixed && local_name(a.name()) == name) return a;
  }
  return {};
}

/// A parsed XML part; `text` owns the buffer the document points into.
struct XmlPart {
  std::string text;
  pugi::xml_document doc;
};

/// Parses part `name` of `zip` into `part`; false when absent, throws SheetError when malformed.
bool load_part(const ZipReader& zip, const std::string& name, XmlPart& part) {
  std::optional<std::string> text = zip.read(name);
  if (!text) return false;
  part.text = std::move(*text);
  pugi::xml_parse_result result =
      part.doc.load_buffer_inplace(part.text.data(), part.text.size(), pugi::parse_default, pugi::encoding_auto);
  if (!result) throw SheetError(kMsgCorrupt);
  return true;
}

/// `target` (a relationship target) resolved against the folder `base_dir` ("" or "xl/") into
/// a zip entry name, handling absolute targets, "." and "..".
std::string resolve_target(std::string_view base_dir, std::string_view target) {
  std::string joined = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                                : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  std::stringstream ss(joined);
  for (std::string piece; std::getline(ss, piece, '/');) {
    if (piece.empty() || piece == ".") continue;
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(piece);
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

struct Relationship {
  std::string type;
  std::string target;  // resolved zip entry name
};

/// The relationships in .rels part `rels_name`, keyed by Id, with targets resolved against
/// `base_dir`; empty when the part is absent.
std::map<std::string, Relationship> load_relationships(const ZipReader& zip, const std::string& rels_name,
                                                       std::string_view base_dir) {
  std::map<std::string, Relationship> out;
  XmlPart part;
  if (!load_part(zip, rels_name, part)) return out;
  each_child(child(part.doc, "Relationships"), "Relationship", [&](pugi::xml_node rel) {
    if (std::string_view(rel.attribute("TargetMode").value()) == "External") return;
    out[rel.attribute("Id").value()] = {rel.attribute("Type").value(),
                                        resolve_target(base_dir, rel.attribute("Target").value())};
  });
  return out;
}

/// True when relationship type URI `type` ends with "/`kind`".
bool relationship_is(const std::string& type, std::string_view kind) {
  return type.size() > kind.size() && type[type.size() - kind.size() - 1] == '/' &&
         std::string_view(type).substr(type.size() - kind.size()) == kind;
}

/// `s` with OOXML escapes "_xHHHH_" (used for control characters) decoded.
std::string decode_ooxml_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  const auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && is_hex(s[i + 2]) && is_hex(s[i + 3]) &&
        is_hex(s[i + 4]) && is_hex(s[i + 5]) && s[i + 6] == '_') {
      append_utf8(out, static_cast<uint32_t>(std::strtoul(std::string(s.substr(i + 2, 4)).c_str(), nullptr, 16)));
      i += 7;
      continue;
    }
    out += s[i++];
  }
  return out;
}

/// `s` with CRLF line breaks turned into LF, as Excel writes line breaks in cells.
std::string normalize_newlines(std::string s) {
  size_t at = s.find("\r\n");
  if (at == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) out += s[i];
  return out;
}

/// The text of string item `item` (<si> or <is>): its <t>, or its rich-text runs <r><t>;
/// phonetic runs <rPh> are left out.
std::string string_item_text(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = local_name(c.name());
    if (name == "t") text += c.text().get();
    if (name == "r") text += child(c, "t").text().get();
  }
  return decode_ooxml_escapes(text);
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates.

enum class DateKind { none, date, time, datetime };

/// The kind of date a custom number format code `code` shows, if any.
DateKind classify_format_code(std::string_view code) {
  bool date = false, time = false, month = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {  // quoted literal
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {  // escaped or padding character
      ++i;
      continue;
    }
    if (c == '[') {  // colour, condition, locale; or elapsed time [h] [mm] [ss]
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      std::string inner = ascii_lower(code.substr(i + 1, end - i - 1));
      if (!inner.empty() && inner.find_first_not_of("hms") == std::string::npos) time = true;
      i = end;
      continue;
    }
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == 'y' || l == 'd') date = true;
    if (l == 'h' || l == 's') time = true;
    if (l == 'm') month = true;
  }
  if (month && !time) date = true;
  if (date && time) return DateKind::datetime;
  if (date) return DateKind::date;
  if (time) return DateKind::time;
  return DateKind::none;
}

/// The kind of date builtin number format `id` shows (including the zh-CN builtins).
DateKind builtin_format_kind(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58)
    return DateKind::date;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id == 55 || id == 56)
    return DateKind::time;
  if (id == 22) return DateKind::datetime;
  return DateKind::none;
}

/// The date kind of each cell format (index = the cell's s attribute) in styles `doc`.
std::vector<DateKind> load_cell_date_kinds(const pugi::xml_document& doc) {
  pugi::xml_node style_sheet = child(doc, "styleSheet");
  std::map<int, std::string> custom;
  each_child(child(style_sheet, "numFmts"), "numFmt",
             [&](pugi::xml_node f) { custom[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").value(); });
  std::vector<DateKind> kinds;
  each_child(child(style_sheet, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    int id = xf.attribute("numFmtId").as_int(0);
    auto it = custom.find(id);
    kinds.push_back(it != custom.end() ? classify_format_code(it->second) : builtin_format_kind(id));
  });
  return kinds;
}

/// `x` as Excel shows it in the General format: at most 15 significant digits, no exponent
/// below 1e21, so 13800138000 stays "13800138000".
std::string format_number(double x) {
  if (x == 0) return "0";
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.15g", x);
  double rounded = std::strtod(buffer, nullptr);
  if (std::fabs(rounded) >= 1e21) return buffer;
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed);
  if (ec != std::errc()) return std::to_string(x);
  return std::string(buffer, end);
}

/// Excel serial `serial` shown as `kind`: "YYYY-MM-DD", "HH:MM[:SS]" or both; the plain number
/// when it is outside Excel's date range.
std::string format_serial(double serial, DateKind kind, bool date1904) {
  if (!(serial >= 0 && serial < 2958466)) return format_number(serial);
  double whole = std::floor(serial);
  auto days = static_cast<int64_t>(whole);
  auto seconds = static_cast<int64_t>(std::llround((serial - whole) * 86400.0));
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  std::string date;
  if (kind == DateKind::date || kind == DateKind::datetime) {
    if (date1904) {
      date = clock::civil_from_days(days + clock::days_from_civil(1904, 1, 1));
    } else if (days == 60) {
      date = "1900-02-29";  // Excel's phantom leap day
    } else if (days >= 1) {
      date = clock::civil_from_days(days + clock::days_from_civil(1899, 12, days < 60 ? 31 : 30));
    } else if (kind == DateKind::date) {
      return format_number(serial);
    }
  }
  std::string time;
  if (kind == DateKind::time || kind == DateKind::datetime) {
    char buffer[32];
    if (seconds % 60 == 0)
      std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", static_cast<long long>(seconds / 3600),
                    static_cast<long long>(seconds / 60 % 60));
    else
      std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                    static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    time = buffer;
  }
  if (date.empty()) return time;
  if (time.empty()) return date;
  return date + " " + time;
}

/// The number in cell text `v`, or nullopt when it is not one.
std::optional<double> parse_number(std::string_view v) {
  std::string_view s = v;
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double x = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

// ---------------------------------------------------------------------------------------------
// XLSX.

/// The column index (0-based) of cell reference `ref` like "C5", or nullopt when it has none.
std::optional<size_t> column_of(std::string_view ref) {
  size_t col = 0, letters = 0;
  for (char c : ref) {
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (u < 'A' || u > 'Z') break;
    col = col * 26 + static_cast<size_t>(u - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0 || col > 16384) return std::nullopt;
  return col - 1;
}

struct WorkbookContext {
  std::vector<std::string> shared_strings;
  std::vector<DateKind> date_kinds;
  bool date1904 = false;
};

/// The text of cell `c` as Excel shows it (not yet trimmed).
std::string cell_text(pugi::xml_node c, const WorkbookContext& ctx) {
  std::string_view type = c.attribute("t").value();
  std::string_view v = child(c, "v").text().get();
  if (type == "s") {
    auto index = parse_number(v);
    if (!index || *index < 0 || *index >= static_cast<double>(ctx.shared_strings.size())) return "";
    return ctx.shared_strings[static_cast<size_t>(*index)];
  }
  if (type == "inlineStr") {
    pugi::xml_node is = child(c, "is");
    return is ? string_item_text(is) : decode_ooxml_escapes(v);
  }
  if (type == "b") return v == "1" || v == "true" ? "TRUE" : "FALSE";
  if (type == "str" || type == "e") return decode_ooxml_escapes(v);
  if (type == "d") {  // ISO 8601; midnight times dropped
    std::string iso(v);
    size_t t = iso.find('T');
    if (t == std::string::npos) return iso;
    std::string time = iso.substr(t + 1);
    if (time.find_first_not_of("0:.Z") == std::string::npos) return iso.substr(0, t);
    iso[t] = ' ';
    return iso;
  }
  std::optional<double> x = parse_number(v);
  if (!x) return std::string(v);
  size_t style = static_cast<size_t>(std::max(0, c.attribute("s").as_int(0)));
  DateKind kind = style < ctx.date_kinds.size() ? ctx.date_kinds[style] : DateKind::none;
  if (kind != DateKind::none) return format_serial(*x, kind, ctx.date1904);
  return format_number(*x);
}

/// The first worksheet of the .xlsx archive in `bytes`.
Sheet parse_xlsx(std::string_view bytes) {
  ZipReader zip(bytes);

  std::string workbook_name = "xl/workbook.xml";
  for (const auto& [id, rel] : load_relationships(zip, "_rels/.rels", "")) {
    if (!relationship_is(rel.type, "officeDocument")) continue;
    workbook_name = rel.target;
    break;
  }
  XmlPart workbook;
  if (!load_part(zip, workbook_name, workbook)) {
    std::optional<std::string> mimetype = zip.read("mimetype");
    if (mimetype && mimetype->find("opendocument.spreadsheet") != std::string::npos) throw SheetError(kMsgOds);
    throw SheetError(kMsgNoWorkbook);
  }
  size_t slash = workbook_name.rfind('/');
  std::string base_dir = slash == std::string::npos ? "" : workbook_name.substr(0, slash + 1);
  std::string base_name = slash == std::string::npos ? workbook_name : workbook_name.substr(slash + 1);
  auto rels = load_relationships(zip, base_dir + "_rels/" + base_name + ".rels", base_dir);

  WorkbookContext ctx;
  pugi::xml_node wb = child(workbook.doc, "workbook");
  std::string_view date1904 = child(wb, "workbookPr").attribute("date1904").value();
  ctx.date1904 = date1904 == "1" || date1904 == "true";

  std::string sheet_name;
  bool any_sheet = false;
  each_child(child(wb, "sheets"), "sheet", [&](pugi::xml_node s) {
    any_sheet = true;
    if (!sheet_name.empty()) return;
    auto it = rels.find(attribute(s, "id", true).value());
    if (it != rels.end() && relationship_is(it->second.type, "worksheet")) sheet_name = it->second.target;
  });
  if (sheet_name.empty() && any_sheet && rels.empty()) sheet_name = base_dir + "worksheets/sheet1.xml";
  if (sheet_name.empty()) throw SheetError(kMsgNoWorksheet);

  std::string shared_strings_name = base_dir + "sharedStrings.xml";
  std::string styles_name = base_dir + "styles.xml";
  for (const auto& [id, rel] : rels) {
    if (relationship_is(rel.type, "sharedStrings")) shared_strings_name = rel.target;
    if (relationship_is(rel.type, "styles")) styles_name = rel.target;
  }
  size_t shared_bytes = 0;
  {
    XmlPart part;
    if (load_part(zip, shared_strings_name, part))
      each_child(child(part.doc, "sst"), "si", [&](pugi::xml_node si) {
        ctx.shared_strings.push_back(string_item_text(si));
        shared_bytes += ctx.shared_strings.back().size();
        if (shared_bytes > kMaxSharedStringBytes) throw SheetError(kMsgExpandsTooMuch, SheetError::Kind::too_large);
      });
  }
  {
    XmlPart part;
    if (load_part(zip, styles_name, part)) ctx.date_kinds = load_cell_date_kinds(part.doc);
  }

  XmlPart worksheet;
  if (!load_part(zip, sheet_name, worksheet)) throw SheetError(kMsgCorrupt);
  pugi::xml_node sheet_data = child(child(worksheet.doc, "worksheet"), "sheetData");
  SheetBuilder builder;
  size_t row_counter = 0;
  size_t cell_count = 0, text_bytes = 0;
  each_child(sheet_data, "row", [&](pugi::xml_node row) {
    size_t number = row.attribute("r").as_ullong(row_counter + 1);
    row_counter = number;
    std::vector<std::string> cells;
    size_t next_col = 0;
    each_child(row, "c", [&](pugi::xml_node c) {
      size_t col = column_of(c.attribute("r").value()).value_or(next_col);
      next_col = col + 1;
      std::string raw = cell_text(c, ctx);
      text_bytes += raw.size();  // counted before trimming: blank copies cost time too
      if (++cell_count > kMaxSheetCells || text_bytes > kMaxSheetTextBytes)
        throw SheetError(kMsgExpandsTooMuch, SheetError::Kind::too_large);
      std::string text = trim(normalize_newlines(sanitize_utf8(raw)));  // XML text may hold any bytes
      if (text.empty()) return;
      if (col >= kMaxSheetColumns) throw SheetError(too_many_columns_message(), SheetError::Kind::too_large);
      if (col >= cells.size()) cells.resize(col + 1);
      cells[col] = std::move(text);
    });
    builder.add_row(std::move(cells), number);
  });
  return builder.finish();
}

// ---------------------------------------------------------------------------------------------
// Diagnosis of files that are not spreadsheets.

/// True when `bytes` is an OLE compound file (old .xls, or an encrypted .xlsx).
bool is_ole_file(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

/// True when `text` (UTF-8, no BOM) looks like HTML or XML rather than CSV.
bool looks_like_markup(std::string_view text) {
  size_t start = 0;
  while (start < text.size() && is_ascii_space(text[start])) ++start;
  if (start >= text.size() || text[start] != '<') return false;
  std::string head = ascii_lower(text.substr(start, 2048));
  return head.find("<html") != std::string::npos || head.find("<table") != std::string::npos ||
         head.find("<?xml") != std::string::npos || head.find("<!doctype") != std::string::npos;
}

/// True when `bytes` looks like text in a legacy encoding (GBK…): no control characters
/// besides tab and line breaks.
bool looks_like_legacy_text(std::string_view bytes) {
  return std::none_of(bytes.begin(), bytes.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F;
  });
}

/// The Chinese explanation why `bytes` (named `filename`) is not a readable spreadsheet.
std::string rejection_message(std::string_view bytes, std::string_view filename) {
  if (strip_bom(bytes).empty()) return kMsgEmpty;
  if (is_ole_file(bytes)) return kMsgLegacyExcel;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return kMsgUtf16;
  std::string_view text = strip_bom(bytes);
  if (is_valid_utf8(text) && text.find('\0') == std::string_view::npos && looks_like_markup(text)) return kMsgHtml;
  if (looks_like_legacy_text(bytes)) return kMsgNotUtf8;
  if (ends_with_nocase(filename, ".xls")) return kMsgLegacyExcel;
  return kMsgNotASheet;
}

// ---------------------------------------------------------------------------------------------
// Writing.

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

std::optional<SheetFormat> detect_sheet_format(std::string_view bytes, std::string_view filename) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return SheetFormat::xlsx;
  std::string_view text = strip_bom(bytes);
  if (text.empty()) return std::nullopt;
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  if (!is_valid_utf8(text)) return std::nullopt;
  if (looks_like_markup(text)) return std::nullopt;
  return SheetFormat::csv;
}

Sheet read_sheet(std::string_view bytes, std::string_view filename) {
  std::optional<SheetFormat> format = detect_sheet_format(bytes, filename);
  if (!format) throw SheetError(rejection_message(bytes, filename));
  if (*format == SheetFormat::xlsx) return parse_xlsx(bytes);
  return parse_csv(strip_bom(bytes));
}

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
