// Fuzz target: the .docx writer (sl::docx::Document) fed any text, in any order of blocks.
//
// Input: records separated by the byte 0x1E; a record's first byte chooses the block (its value
// modulo 13), the rest is its text:
//   0 title, 1 subtitle, 2 heading1, 3 heading2, 4 heading3, 5 paragraph, 6 plain,
//   7 field (label, 0x1F, value), 9 signature, 11 page break,
//   8 table: a flags byte (bit 0: the first row is a header; bits 1-3: how many column widths
//     follow as 4-byte little-endian ints), then rows separated by 0x1D of cells separated by 0x1F,
//   10 date: year (2 bytes, big-endian), month and day (1 byte each), as given,
//   12 block(kind = the next byte modulo 11, text) (Block::table must throw invalid_argument).
//
// Properties: only std::invalid_argument escapes (a date that does not exist, block(table));
// build() always succeeds, and every part of the package is well-formed XML in valid UTF-8.

#include <zip.h>

#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "core/docx/docx.hpp"

namespace {

using sl::docx::Block;
using sl::docx::Document;

constexpr size_t kMaxRecords = 64;

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t at; (at = s.find(sep)) != std::string_view::npos; s.remove_prefix(at + 1)) out.push_back(s.substr(0, at));
  out.push_back(s);
  return out;
}

uint8_t byte_at(std::string_view s, size_t i) {
  return i < s.size() ? static_cast<uint8_t>(s[i]) : 0;
}

sl::docx::Table table_of(std::string_view rec) {
  sl::docx::Table t;
  uint8_t flags = byte_at(rec, 0);
  rec.remove_prefix(std::min<size_t>(1, rec.size()));
  for (int i = 0; i < ((flags >> 1) & 7) && rec.size() >= 4; ++i) {
    uint32_t w = byte_at(rec, 0) | byte_at(rec, 1) << 8 | byte_at(rec, 2) << 16 | uint32_t{byte_at(rec, 3)} << 24;
    t.widths_percent.push_back(static_cast<int>(w));
    rec.remove_prefix(4);
  }
  bool first = true;
  for (std::string_view row : split(rec, '\x1d')) {
    std::vector<std::string> cells;
    for (std::string_view cell : split(row, '\x1f')) cells.emplace_back(cell);
    if (first && (flags & 1))
      t.header = std::move(cells);
    else
      t.rows.push_back(std::move(cells));
    first = false;
  }
  return t;
}

void add(Document& doc, std::string_view rec) {
  if (rec.empty()) return;
  uint8_t op = static_cast<uint8_t>(rec[0]) % 13;
  std::string_view body = rec.substr(1);
  std::string text(body);
  switch (op) {
    case 0:
      doc.title(text);
      break;
    case 1:
      doc.subtitle(text);
      break;
    case 2:
      doc.heading1(text);
      break;
    case 3:
      doc.heading2(text);
      break;
    case 4:
      doc.heading3(text);
      break;
    case 5:
      doc.paragraph(text);
      break;
    case 6:
      doc.plain(text);
      break;
    case 7: {
      size_t at = body.find('\x1f');
      doc.field(std::string(body.substr(0, at)), at == std::string_view::npos ? "" : std::string(body.substr(at + 1)));
      break;
    }
    case 8:
      doc.table(table_of(body));
      break;
    case 9:
      doc.signature(text);
      break;
    case 10: {
      int year = byte_at(body, 0) << 8 | byte_at(body, 1);
      try {
        doc.date(year, byte_at(body, 2), byte_at(body, 3));
        fuzz::require(year >= 1 && year <= 9999 && byte_at(body, 2) >= 1 && byte_at(body, 2) <= 12 &&
                          byte_at(body, 3) >= 1 && byte_at(body, 3) <= 31,
                      "date() accepted a date that does not exist");
      } catch (const std::invalid_argument&) {
      }
      break;
    }
    case 11:
      doc.page_break();
      break;
    default: {
      auto kind = static_cast<Block>(byte_at(body, 0) % 11);
      try {
        doc.block(kind, body.empty() ? "" : text.substr(1));
        fuzz::require(kind != Block::table, "block(table) did not throw");
      } catch (const std::invalid_argument&) {
        fuzz::require(kind == Block::table, "block() threw for a kind other than table");
      }
    }
  }
}

/// Every entry of the zip archive `bytes` must be well-formed XML in valid UTF-8.
void check_package(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  fuzz::require(source != nullptr, "zip_source_buffer_create");
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  fuzz::require(archive != nullptr, "build() made a package that is not a readable zip archive");
  zip_int64_t entries = zip_get_num_entries(archive, 0);
  fuzz::require(entries >= 8, "the package lacks parts");
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    fuzz::require(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0, "zip_stat_index");
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0),
                                                            &zip_fclose);
    fuzz::require(file != nullptr, "a part cannot be opened");
    std::string xml(static_cast<size_t>(st.size), '\0');
    fuzz::require(zip_fread(file.get(), xml.data(), xml.size()) == static_cast<zip_int64_t>(xml.size()),
                  "a part cannot be read (CRC or size)");
    fuzz::require(fuzz::valid_utf8(xml), "a part is not valid UTF-8");
    for (char c : xml)  // XML 1.0 allows no other C0 control character, not even as &#x1;
      fuzz::require(static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r',
                    "a part holds a control character");
    fuzz::require(xml.find("\xEF\xBF\xBE") == std::string::npos && xml.find("\xEF\xBF\xBF") == std::string::npos,
                  "a part holds U+FFFE or U+FFFF, which XML does not allow");
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!r) std::fprintf(stderr, "%s: %s at %td\n", st.name, r.description(), r.offset);
    fuzz::require(bool(r), "a part is not well-formed XML");
    fuzz::require(bool(doc.document_element()), "a part has no root element");
  }
  zip_discard(archive);
  zip_error_fini(&error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Document doc;
  std::vector<std::string_view> records = split(input, '\x1e');
  if (records.size() > kMaxRecords) records.resize(kMaxRecords);
  for (std::string_view rec : records) add(doc, rec);
  check_package(doc.build());
  return 0;
}
