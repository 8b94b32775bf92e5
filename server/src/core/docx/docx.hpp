#pragma once
// Word (.docx, WordprocessingML) documents built in memory in the layout of Chinese official
// documents, GB/T 9704-2012 (党政机关公文格式): A4, margins 37/26/35/28 mm (top/right/bottom/
// left), a 22 × 28 grid of 3号仿宋 text at an exact 28.95 pt line pitch, 2号小标宋 title, 黑体 /
// 楷体 / 仿宋 headings, "— 1 —" page numbers in 4号宋体 (odd pages right, even pages left).
// Every block carries both a named style (Title, heading 1…3, Body Text, Signature, Date, …) and
// the same formatting directly, so it looks right in Word, WPS and LibreOffice alike.
//
// Text may be any bytes: invalid UTF-8 becomes U+FFFD, control characters other than tab and
// newline are dropped, and everything is XML-escaped.

#include <string>
#include <vector>

namespace sl::docx {

enum class Block {
  title,           // 2号方正小标宋简体, centred
  subtitle,        // 3号楷体, centred (e.g. the 提案人 line)
  heading1,        // "一、" 3号黑体
  heading2,        // "（一）" 3号楷体
  heading3,        // "1." 3号仿宋
  body,            // 3号仿宋, first line indented two characters
  body_no_indent,  // 3号仿宋, no indent
  signature,       // sender (落款), right-aligned, centred over a following date
  date,            // date, right-aligned four characters from the right margin
  table,           // bordered table in 4号仿宋
  page_break,      // the next block starts a new page
};

struct Table {
  std::vector<std::string> header;             // bold, centred, repeated on each page; may be empty
  std::vector<std::vector<std::string>> rows;  // short rows are padded with empty cells
  std::vector<int> widths_percent;             // one per column (any total); otherwise equal widths
};

class Document {
 public:
  /// Adds the document title `text` ('\n' breaks the line inside the title).
  Document& title(std::string text);
  /// Adds a centred 楷体 line `text` under the title, e.g. "提案人：张三".
  Document& subtitle(std::string text);
  /// Adds a first-level heading `text`; the caller includes the "一、" prefix.
  Document& heading1(std::string text);
  /// Adds a second-level heading `text`; the caller includes the "（一）" prefix.
  Document& heading2(std::string text);
  /// Adds a third-level heading `text`; the caller includes the "1." prefix.
  Document& heading3(std::string text);
  /// Adds body paragraphs with a two-character first-line indent, one per line of `text`.
  Document& paragraph(std::string text);
  /// Adds body paragraphs without indent, one per line of `text`.
  Document& plain(std::string text);
  /// Adds a body line "`label`：`value`" with the label in 黑体; further lines of `value` become paragraphs.
  Document& field(std::string label, std::string value);
  /// Adds the bordered table `t` in 4号仿宋 spanning the type area.
  Document& table(Table t);
  /// Adds the sender name `sender` (落款), right-aligned; centred over a date that follows it.
  Document& signature(std::string sender);
  /// Adds the date `year`-`month`-`day` as "2026年11月28日", right-aligned; throws std::invalid_argument for no such
  /// date.
  Document& date(int year, int month, int day);
  /// Makes the next block start on a new page (at the end: adds an empty last page).
  Document& page_break();
  /// Adds a block of kind `kind` with `text` (date: the text as given; page_break: text ignored);
  /// throws std::invalid_argument for Block::table.
  Document& block(Block kind, std::string text);

  /// The .docx file as bytes; throws std::runtime_error if the archive cannot be written.
  std::string build() const;

  /// A block as plain text, for showing a document without Word (a preview on screen).
  struct TextBlock {
    Block kind = Block::body;
    std::string text;
  };
  /// The blocks in order: a field as "label：value", a table as one block per row with its cells
  /// joined by " | ", page breaks left out.
  std::vector<TextBlock> text_blocks() const;

 private:
  struct Item {
    Block kind = Block::body;
    std::string text;
    std::string label;  // Block::body from field(): the 黑体 label before the text
    Table table;
  };
  /// Appends one item of `kind` per line of `text` (already cleaned).
  void add_lines(Block kind, const std::string& text);
  std::vector<Item> items_;
};

/// The date `year`-`month`-`day` in Arabic numerals without padding: "2026年11月28日"; throws
/// std::invalid_argument for no such date (years 1…9999).
std::string chinese_date(int year, int month, int day);

}  // namespace sl::docx
