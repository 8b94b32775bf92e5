// Reading .xlsx: the first worksheet of the workbook, through its relationships (libzip over the
// caller's buffer, pugixml), with shared strings, inline strings and number formats shown as Excel
// shows them; bounded against zip and shared-string bombs.

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <sstream>

#include "core/clock.hpp"
#include "core/sheet/internal.hpp"
#include "core/utf8.hpp"

namespace sl::sheet_internal {

namespace {

constexpr const char* kMsgCorrupt = "Excel 文件已损坏，无法读取";
constexpr const char* kMsgNoWorkbook = "文件不是有效的 Excel (.xlsx) 文件：找不到工作簿";
constexpr const char* kMsgNoWorksheet = "Excel 文件中没有工作表";
constexpr const char* kMsgOds = "暂不支持 OpenDocument (.ods) 表格，请另存为 .xlsx 后重新上传";
constexpr const char* kMsgTooLarge = "文件内容过大，无法读取";

/// Largest uncompressed size of one part of an .xlsx that is read.
constexpr zip_uint64_t kMaxPartBytes = 32u << 20;
/// A part may expand to this many times its compressed size, beyond the first few megabytes: real
/// worksheets compress 5 to 30 times, a bomb of empty cells a thousand (120 MB from 117 KB cost
/// 2 GB of parsed nodes before the cell cap could count them).
constexpr zip_uint64_t kMaxPartRatio = 100;
constexpr zip_uint64_t kRatioFreeBytes = 4u << 20;
/// Most bytes of cell text one .xlsx may expand to. A shared string is stored once and may be
/// referenced by every cell, so a 200 KB upload could otherwise expand to gigabytes.
constexpr size_t kMaxSheetTextBytes = 64u << 20;
/// Most non-empty cells one .xlsx may hold (rows × columns well beyond any real import).
constexpr size_t kMaxSheetCells = 1000000;
/// Most bytes of shared strings one .xlsx may declare.
constexpr size_t kMaxSharedStringBytes = 32u << 20;
constexpr const char* kMsgExpandsTooMuch = "表格展开后内容过多（单元格或文字总量超出上限），请删去无关内容或分批导入";

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

}  // namespace

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

}  // namespace sl::sheet_internal
