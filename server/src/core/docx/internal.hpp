#pragma once
// Internals of sl::docx shared by its source files: the page geometry of GB/T 9704-2012 in
// Word's units, the fonts, text cleaning and escaping, the fixed package parts, and zipping.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sl::docx::detail {

// Lengths are twips (1/20 pt, 1/1440 inch) unless named otherwise; font sizes are half-points.
inline constexpr int kPageWidth = 11906;                                    // 210 mm
inline constexpr int kPageHeight = 16838;                                   // 297 mm
inline constexpr int kMarginTop = 2098;                                     // 37 mm
inline constexpr int kMarginBottom = 1984;                                  // 35 mm
inline constexpr int kMarginLeft = 1587;                                    // 28 mm
inline constexpr int kMarginRight = 1474;                                   // 26 mm
inline constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;  // 8845 ≈ 156 mm
inline constexpr int kHeaderDistance = 851;                                 // 15 mm
/// Page bottom to the footer's bottom: puts the "— 1 —" dashes about 7 mm below the type area.
inline constexpr int kFooterDistance = 1446;  // 25.5 mm
/// 225 mm / 22 lines = 28.95 pt: the line pitch of the grid and the exact body line spacing.
inline constexpr int kLinePitch = 579;
/// Grid character pitch = 16 pt + kCharSpace / 4096 pt ≈ 15.79 pt: 28 characters in 156 mm.
inline constexpr int kCharSpace = -849;
inline constexpr int kTitleLine = 700;  // exact 35 pt lines for the 22 pt title

inline constexpr int kBodySize = 32;    // 3号 16 pt
inline constexpr int kTitleSize = 44;   // 2号 22 pt
inline constexpr int kTableSize = 28;   // 4号 14 pt
inline constexpr int kFooterSize = 28;  // 4号 14 pt
/// One character of body text (16 pt), the fallback for indents given in characters.
inline constexpr int kBodyChar = 320;

inline constexpr std::string_view kFangSong = "仿宋_GB2312";
inline constexpr std::string_view kXiaoBiaoSong = "方正小标宋简体";
inline constexpr std::string_view kHei = "黑体";
inline constexpr std::string_view kKai = "楷体_GB2312";
inline constexpr std::string_view kSong = "宋体";
inline constexpr std::string_view kLatin = "Times New Roman";

/// Font and size of a run.
struct RunFormat {
  std::string_view east_asia = kFangSong;
  std::string_view latin = kLatin;
  int size = kBodySize;  // half-points
  bool bold = false;
};

/// Layout of a paragraph. Indents in hundredths of a character (with a twip fallback of 16 pt
/// per character for programs that ignore character units).
struct ParagraphFormat {
  std::string_view style;           // style id, empty for none
  std::string_view align = "both";  // w:jc: both, center, right, left
  int first_line_chars = 0;
  int left_chars = 0;
  int right_chars = 0;
  int line = kLinePitch;  // twips; 0: single line spacing
  bool exact = true;      // exact line spacing (else "auto", line in 240ths)
  int before_lines = 0;   // hundredths of a line (w:beforeLines, fallback in twips)
  int after_lines = 0;
  bool snap_to_grid = true;
  bool keep_next = false;
  bool page_break_before = false;
  int outline_level = -1;  // 0-based, -1: none
};

/// The children of <w:pPr> for `f`, in schema order.
std::string paragraph_properties(const ParagraphFormat& f);

/// The children of <w:rPr> for `f` (fonts with the East Asian hint, bold, black, size, zh-CN).
std::string run_properties(const RunFormat& f);

/// `in` as valid UTF-8 (invalid sequences become U+FFFD) with only XML-legal characters
/// (other controls than tab and newline dropped; "\r\n" and "\r" become "\n").
std::string clean_text(std::string_view in);
/// `in` with & < > " escaped for XML text and attribute values.
std::string xml_escape(std::string_view in);
/// Runs (<w:r>) with `rpr` for the cleaned `text`: tabs become <w:tab/>, newlines <w:br/>.
std::string text_runs(std::string_view text, const std::string& rpr);

std::string content_types_xml();
std::string package_rels_xml();
std::string document_rels_xml();
std::string styles_xml();
std::string settings_xml();
std::string font_table_xml();
/// The footer with the "— PAGE —" field: odd pages right-aligned if `odd`, else left-aligned.
std::string footer_xml(bool odd);
/// Core properties with the cleaned `title` and `creator` and the current time.
std::string core_xml(std::string_view title, std::string_view creator);
std::string app_xml();

/// A zip archive (deflated) of `parts` (name, content) in that order; throws std::runtime_error.
std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace sl::docx::detail
