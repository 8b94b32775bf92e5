// Fuzz target: sl::read_sheet, the reader of uploaded .xlsx and .csv files.
//
// Two input forms:
//  - "XLSX\n" then XML parts separated by lines "--part--": the target zips them (stored, so no
//    CRC stands between a mutation and the XML) as _rels/.rels, xl/workbook.xml,
//    xl/_rels/workbook.xml.rels, xl/sharedStrings.xml, xl/styles.xml, xl/worksheets/sheet1.xml
//    in that order (an empty part is left out), and reads the archive; this reaches the XML handling mutation by
//    mutation;
//  - anything else is the uploaded file as it is (a real .xlsx, a CSV, or neither).
//
// Properties: only SheetError escapes; a sheet that is read has a header of 1…kMaxSheetColumns
// cells, at most kMaxSheetRows rows of the header's width with a row number each, and every cell
// is trimmed, valid UTF-8.

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "core/sheet/sheet.hpp"

namespace {

constexpr std::string_view kMagic = "XLSX\n";
constexpr std::string_view kSeparator = "\n--part--\n";
const char* const kParts[] = {"_rels/.rels",          "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                              "xl/sharedStrings.xml", "xl/styles.xml",   "xl/worksheets/sheet1.xml"};

/// A zip archive holding `parts` under kParts' names (stored, not compressed).
std::string zip_parts(const std::vector<std::string_view>& parts) {
  // libzip writes nothing for an archive without entries: then the upload is empty.
  if (std::all_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); })) return {};
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  fuzz::require(source != nullptr, "zip_source_buffer_create");
  zip_source_keep(source);
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  fuzz::require(archive != nullptr, "zip_open_from_source");
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) continue;  // an empty part is left out of the archive
    zip_source_t* file = zip_source_buffer(archive, parts[i].data(), parts[i].size(), 0);
    zip_int64_t index = zip_file_add(archive, kParts[i], file, ZIP_FL_ENC_UTF_8);
    fuzz::require(index >= 0, "zip_file_add");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  fuzz::require(zip_close(archive) == 0, "zip_close");
  std::string out;
  fuzz::require(zip_source_open(source) == 0, "zip_source_open");
  char buffer[16384];
  for (zip_int64_t got; (got = zip_source_read(source, buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<size_t>(got));
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

bool trimmed(const std::string& s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  return s.empty() || (!space(s.front()) && !space(s.back()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string file;
  std::string_view filename = "导入.csv";
  if (input.substr(0, kMagic.size()) == kMagic) {
    std::vector<std::string_view> parts;
    std::string_view rest = input.substr(kMagic.size());
    while (parts.size() + 1 < std::size(kParts)) {
      size_t at = rest.find(kSeparator);
      if (at == std::string_view::npos) break;
      parts.push_back(rest.substr(0, at));
      rest.remove_prefix(at + kSeparator.size());
    }
    parts.push_back(rest);
    file = zip_parts(parts);
    filename = "导入.xlsx";
  } else {
    file.assign(input);
  }

  auto format = sl::detect_sheet_format(file, filename);
  try {
    sl::Sheet sheet = sl::read_sheet(file, filename);
    fuzz::require(format.has_value(), "a file of no detected format was read");
    if (std::getenv("FUZZ_VERBOSE")) {  // to look at what a seed reads as
      for (const auto& row : sheet.rows) {
        for (const auto& cell : row) std::fprintf(stderr, "[%s]", cell.c_str());
        std::fprintf(stderr, "\n");
      }
    }
    fuzz::require(!sheet.header.empty() && sheet.header.size() <= sl::kMaxSheetColumns, "header width");
    fuzz::require(sheet.rows.size() <= sl::kMaxSheetRows, "too many rows");
    fuzz::require(sheet.rows.size() == sheet.row_numbers.size(), "a row without its row number");
    for (const auto& cell : sheet.header) {
      fuzz::require(fuzz::valid_utf8(cell), "a header cell is not valid UTF-8");
      fuzz::require(trimmed(cell), "a header cell is not trimmed");
    }
    for (const auto& row : sheet.rows) {
      fuzz::require(row.size() == sheet.header.size(), "a row is not as wide as the header");
      for (const auto& cell : row) {
        fuzz::require(fuzz::valid_utf8(cell), "a cell is not valid UTF-8");
        fuzz::require(trimmed(cell), "a cell is not trimmed");
      }
    }
  } catch (const sl::SheetError& e) {
    if (std::getenv("FUZZ_VERBOSE")) std::fprintf(stderr, "SheetError: %s\n", e.what());
    fuzz::require(fuzz::valid_utf8(e.what()) && e.what()[0] != '\0', "a SheetError message is empty or not UTF-8");
  }
  return 0;
}
