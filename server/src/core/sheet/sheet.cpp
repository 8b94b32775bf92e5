// read_sheet(): judges the format by content and hands the bytes to the CSV or .xlsx reader, or
// explains in Chinese why a file is not a readable spreadsheet. The readers are csv_reader.cpp and
// xlsx_reader.cpp, the writers writer.cpp, what they share internal.hpp.

#include "core/sheet/sheet.hpp"

#include <algorithm>

#include "core/sheet/internal.hpp"
#include "core/utf8.hpp"

namespace sl {

using namespace sheet_internal;

namespace {

// Messages shown to the uploader.

constexpr const char* kMsgNotASheet = "文件不是有效的 Excel (.xlsx) 或 CSV 文件";
constexpr const char* kMsgEmpty = "文件是空的";
constexpr const char* kMsgLegacyExcel =
    "不支持旧版 Excel (.xls) 或加密的工作簿，请在 Excel 中另存为 .xlsx（不设密码）后重新上传";
constexpr const char* kMsgNotUtf8 =
    "CSV 文件必须是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或直接上传 .xlsx 文件";
constexpr const char* kMsgUtf16 = "不支持 UTF-16 编码的文本文件，请另存为“CSV UTF-8（逗号分隔）”或 .xlsx 文件";
constexpr const char* kMsgHtml = "文件是网页或 XML 格式，并非真正的 Excel 文件，请用 Excel 打开后另存为 .xlsx 再上传";

/// True when `s` ends with `suffix`, ignoring ASCII case.
bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && ascii_lower(s.substr(s.size() - suffix.size())) == ascii_lower(suffix);
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
  if (utf8_well_formed(text) && text.find('\0') == std::string_view::npos && looks_like_markup(text)) return kMsgHtml;
  if (looks_like_legacy_text(bytes)) return kMsgNotUtf8;
  if (ends_with_nocase(filename, ".xls")) return kMsgLegacyExcel;
  return kMsgNotASheet;
}

}  // namespace

std::optional<SheetFormat> detect_sheet_format(std::string_view bytes, std::string_view filename) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return SheetFormat::xlsx;
  std::string_view text = strip_bom(bytes);
  if (text.empty()) return std::nullopt;
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  if (!utf8_well_formed(text)) return std::nullopt;
  if (looks_like_markup(text)) return std::nullopt;
  return SheetFormat::csv;
}

Sheet read_sheet(std::string_view bytes, std::string_view filename) {
  std::optional<SheetFormat> format = detect_sheet_format(bytes, filename);
  if (!format) throw SheetError(rejection_message(bytes, filename));
  if (*format == SheetFormat::xlsx) return parse_xlsx(bytes);
  return parse_csv(strip_bom(bytes));
}

}  // namespace sl
