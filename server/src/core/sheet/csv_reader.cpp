// Reading CSV: RFC 4180 with CRLF or LF, the delimiter sniffed or named by Excel's "sep=" line.

#include "core/sheet/internal.hpp"

namespace sl::sheet_internal {

namespace {

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

}  // namespace

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

}  // namespace sl::sheet_internal
