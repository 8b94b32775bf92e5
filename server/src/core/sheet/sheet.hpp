#pragma once
// Tabular files for imports and exports: read the first worksheet of an .xlsx or a UTF-8 CSV
// into text cells, and write .xlsx (libxlsxwriter) or CSV (UTF-8 with BOM) from text cells.
// Reading is defensive: anything that is not a readable spreadsheet throws `SheetError` with
// a Chinese message that can be shown to the uploader as it is.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sl {

/// A sheet as text: the first non-empty row is the header, `rows` are the non-empty rows after
/// it. Every cell is trimmed UTF-8; all rows (and the header) have the same number of cells.
struct Sheet {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// For each of `rows`, its 1-based row number in the file (xlsx row, or CSV line where the
  /// record starts), so problems can be reported where a person will look.
  std::vector<size_t> row_numbers;
};

enum class SheetFormat { csv, xlsx };

/// Most data rows (after the header) `read_sheet` accepts.
inline constexpr size_t kMaxSheetRows = 10000;
/// Most columns `read_sheet` accepts (counted up to the last non-empty one).
inline constexpr size_t kMaxSheetColumns = 256;

/// A file that is not a readable spreadsheet; `what()` is Chinese and fit to show the uploader.
class SheetError : public std::runtime_error {
 public:
  enum class Kind { unreadable, too_large };
  explicit SheetError(const std::string& message, Kind kind = Kind::unreadable)
      : std::runtime_error(message), kind(kind) {}
  /// `too_large`: readable, but beyond the limits of one import (rows, columns, expanded size).
  Kind kind;
};

/// The format of `bytes` judged by content (zip magic → xlsx; UTF-8 text without NUL → csv),
/// or nullopt; `filename` is not consulted for the decision.
std::optional<SheetFormat> detect_sheet_format(std::string_view bytes, std::string_view filename);

/// The first worksheet of the .xlsx or UTF-8 CSV in `bytes` (`filename` only sharpens messages);
/// throws SheetError for an empty, corrupt, unsupported or oversized file.
Sheet read_sheet(std::string_view bytes, std::string_view filename);

/// An .xlsx with one sheet named `sheet_name` (sanitised for Excel): a bold `header` row, then
/// `rows`, every cell written as text so numbers like mobiles keep their digits.
std::string write_xlsx(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::string& sheet_name);

/// A CSV of `header` then `rows`: UTF-8 with BOM, CRLF line ends, RFC 4180 quoting.
std::string write_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace sl
