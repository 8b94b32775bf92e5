#pragma once
// What the sheet readers and writers share (not part of the public sheet.hpp): cell text helpers
// (UTF-8 repair, trimming), the assembly of a Sheet from rows under the size limits, and the two
// readers that read_sheet() chooses between.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/sheet/sheet.hpp"

namespace sl::sheet_internal {

// ---------------------------------------------------------------------------------------------
// Cell text.

/// The length of the valid UTF-8 sequence starting at `s[i]`, or 0 when it is invalid.
size_t utf8_sequence_length(std::string_view s, size_t i);
/// `s` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view s);

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";
/// `bytes` without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view bytes);

/// True when `c` is ASCII whitespace.
bool is_ascii_space(char c);
/// `s` without leading and trailing ASCII whitespace and Unicode blanks (NBSP, ideographic space,
/// zero-width space and BOM).
std::string trim(std::string_view s);
/// ASCII lower case of `s`.
std::string ascii_lower(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Assembling a Sheet from rows of cells.

/// The "too many columns" message.
std::string too_many_columns_message();

class SheetBuilder {
 public:
  /// Adds `cells` (already trimmed), found at row `number` of the file, as the next row; skips
  /// it when every cell is empty.
  void add_row(std::vector<std::string> cells, size_t number);
  /// The sheet with every row padded to the same width; throws SheetError when it has no data.
  Sheet finish();

 private:
  Sheet sheet_;
  bool has_header_ = false;
};

// ---------------------------------------------------------------------------------------------
// The readers (csv_reader.cpp, xlsx_reader.cpp).

/// The sheet in CSV `text` (UTF-8, no BOM): RFC 4180 with CRLF or LF, leniently like Excel.
Sheet parse_csv(std::string_view text);
/// The first worksheet of the .xlsx archive in `bytes`.
Sheet parse_xlsx(std::string_view bytes);

}  // namespace sl::sheet_internal
