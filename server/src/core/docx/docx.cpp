// Document: collects blocks and lays them out as word/document.xml, then packs the package.

#include "core/docx/docx.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "core/docx/internal.hpp"

namespace sl::docx {
namespace {

using detail::ParagraphFormat;
using detail::RunFormat;

/// The paragraph layout of a text block of kind `kind`.
ParagraphFormat paragraph_format(Block kind) {
  ParagraphFormat p;
  switch (kind) {
    case Block::title:
      p.style = "Title";
      p.align = "center";
      p.snap_to_grid = false;
      p.line = detail::kTitleLine;
      break;
    case Block::subtitle:
      p.style = "Subtitle";
      p.align = "center";
      break;
    case Block::heading1:
    case Block::heading2:
    case Block::heading3:
      p.style = kind == Block::heading1 ? "Heading1" : kind == Block::heading2 ? "Heading2" : "Heading3";
      p.first_line_chars = 200;
      p.keep_next = true;
      p.outline_level = kind == Block::heading1 ? 0 : kind == Block::heading2 ? 1 : 2;
      break;
    case Block::body:
      p.style = "Body";
      p.first_line_chars = 200;
      break;
    case Block::signature:
    case Block::date:
      p.style = kind == Block::signature ? "Signature" : "Date";
      p.align = "right";
      p.right_chars = 400;
      break;
    default:
      p.style = "BodyNoIndent";
  }
  return p;
}

/// The font and size of a text block of kind `kind`.
RunFormat run_format(Block kind) {
  switch (kind) {
    case Block::title:
      return {detail::kXiaoBiaoSong, detail::kLatin, detail::kTitleSize};
    case Block::subtitle:
    case Block::heading2:
      return {detail::kKai, detail::kLatin, detail::kBodySize};
    case Block::heading1:
      return {detail::kHei, detail::kHei, detail::kBodySize};
    default:
      return {};
  }
}

/// Width of the longest line of `text` in half characters: ASCII counts one, anything else two.
int width_halves(std::string_view text) {
  int best = 0, current = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      best = std::max(best, current);
      current = 0;
    } else if (c < 0x80) {
      current += 1;
    } else if ((c & 0xC0) != 0x80) {  // the lead byte of a multi-byte character
      current += 2;
    }
  }
  return std::max(best, current);
}

/// A <w:p> with properties `f` and the runs `runs`.
std::string paragraph_xml(const ParagraphFormat& f, const std::string& runs) {
  return "<w:p><w:pPr>" + detail::paragraph_properties(f) + "</w:pPr>" + runs + "</w:p>";
}

/// A paragraph 1 pt high holding a page break: what is after it starts on a new page.
std::string break_paragraph() {
  return "<w:p><w:pPr><w:pStyle w:val=\"BodyNoIndent\"/><w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" "
         "w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"2\"/>"
         "<w:szCs w:val=\"2\"/></w:rPr><w:br w:type=\"page\"/></w:r></w:p>";
}

/// An empty body paragraph (separates tables, ends a document that would end in a table).
std::string empty_paragraph() {
  return paragraph_xml(paragraph_format(Block::body_no_indent), detail::text_runs("", detail::run_properties({})));
}

/// Column widths in twips for `columns` columns from `percent` (equal unless one positive value each).
std::vector<int> column_widths(size_t columns, const std::vector<int>& percent) {
  std::vector<long> weights(columns, 1);
  if (percent.size() == columns && std::all_of(percent.begin(), percent.end(), [](int p) { return p > 0; })) {
    weights.assign(percent.begin(), percent.end());
  }
  const long total = std::accumulate(weights.begin(), weights.end(), 0L);
  std::vector<int> widths(columns);
  int used = 0;
  for (size_t i = 0; i < columns; ++i) {
    widths[i] =
        i + 1 == columns ? detail::kTextWidth - used : static_cast<int>(detail::kTextWidth * weights[i] / total);
    used += widths[i];
  }
  return widths;
}

/// The bordered table `t` across the type area in 4号仿宋, header row bold and repeated.
std::string table_xml(const Table& t) {
  size_t columns = t.header.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  if (columns == 0) return "";
  const std::vector<int> widths = column_widths(columns, t.widths_percent);

  std::string out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" +
                    std::to_string(detail::kTextWidth) + "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (std::string_view side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    out += "<w:" + std::string(side) + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }
  out +=
      "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
      "w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  out += "</w:tblGrid>";

  auto row_xml = [&](const std::vector<std::string>& cells, bool header) {
    std::string row =
        header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    ParagraphFormat p;
    p.style = "TableText";
    p.align = header ? "center" : "left";
    p.snap_to_grid = false;
    p.line = 400;  // exact 20 pt
    const std::string rpr = detail::run_properties({detail::kFangSong, detail::kLatin, detail::kTableSize, header});
    for (size_t c = 0; c < columns; ++c) {
      row += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) +
             "\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>";
      const std::string_view text = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
      size_t start = 0;
      while (true) {  // one paragraph per line: a cell holds at least one
        const size_t end = text.find('\n', start);
        row += paragraph_xml(p, detail::text_runs(text.substr(start, end - start), rpr));
        if (end == std::string_view::npos) break;
        start = end + 1;
      }
      row += "</w:tc>";
    }
    return row + "</w:tr>";
  };
  if (!t.header.empty()) out += row_xml(t.header, true);
  for (const auto& r : t.rows) out += row_xml(r, false);
  return out + "</w:tbl>";
}

/// True when `year`-`month`-`day` is a date (years 1…9999).
bool valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

/// `text` with newlines as spaces (for document properties).
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

std::string chinese_date(int year, int month, int day) {
  if (!valid_date(year, month, day)) throw std::invalid_argument("docx: no such date");
  return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

Document& Document::title(std::string text) {
  return block(Block::title, std::move(text));
}
Document& Document::subtitle(std::string text) {
  return block(Block::subtitle, std::move(text));
}
Document& Document::heading1(std::string text) {
  return block(Block::heading1, std::move(text));
}
Document& Document::heading2(std::string text) {
  return block(Block::heading2, std::move(text));
}
Document& Document::heading3(std::string text) {
  return block(Block::heading3, std::move(text));
}
Document& Document::paragraph(std::string text) {
  return block(Block::body, std::move(text));
}
Document& Document::plain(std::string text) {
  return block(Block::body_no_indent, std::move(text));
}
Document& Document::signature(std::string sender) {
  return block(Block::signature, std::move(sender));
}
Document& Document::page_break() {
  return block(Block::page_break, {});
}

Document& Document::date(int year, int month, int day) {
  return block(Block::date, chinese_date(year, month, day));
}

Document& Document::field(std::string label, std::string value) {
  label = detail::clean_text(label);
  if (!label.ends_with("：") && !label.ends_with(":")) label += "：";
  const std::string text = detail::clean_text(value);
  const size_t end = text.find('\n');
  items_.push_back({Block::body, text.substr(0, end), std::move(label), {}});
  if (end != std::string::npos) add_lines(Block::body, text.substr(end + 1));
  return *this;
}

Document& Document::table(Table t) {
  for (auto& cell : t.header) cell = detail::clean_text(cell);
  for (auto& row : t.rows) {
    for (auto& cell : row) cell = detail::clean_text(cell);
  }
  items_.push_back({Block::table, {}, {}, std::move(t)});
  return *this;
}

Document& Document::block(Block kind, std::string text) {
  switch (kind) {
    case Block::table:
      throw std::invalid_argument("docx: a table is added with table()");
    case Block::page_break:
      items_.push_back({Block::page_break, {}, {}, {}});
      break;
    case Block::body:
    case Block::body_no_indent:
      add_lines(kind, detail::clean_text(text));
      break;
    default:
      items_.push_back({kind, detail::clean_text(text), {}, {}});
  }
  return *this;
}

void Document::add_lines(Block kind, const std::string& text) {
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    items_.push_back({kind, text.substr(start, end - start), {}, {}});
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

std::vector<Document::TextBlock> Document::text_blocks() const {
  std::vector<TextBlock> out;
  auto row_text = [](const std::vector<std::string>& cells) {
    std::string line;
    for (const auto& c : cells) line += (line.empty() ? "" : " | ") + c;
    return line;
  };
  for (const Item& item : items_) {
    if (item.kind == Block::page_break) continue;
    if (item.kind == Block::table) {
      if (!item.table.header.empty()) out.push_back({Block::table, row_text(item.table.header)});
      for (const auto& r : item.table.rows) out.push_back({Block::table, row_text(r)});
      continue;
    }
    out.push_back({item.kind, item.label + item.text});
  }
  return out;
}

std::string Document::build() const {
  std::string body;
  std::string title_text, creator;
  bool pending_break = false;  // the next paragraph starts a new page
  bool last_was_table = false;
  for (size_t i = 0; i < items_.size(); ++i) {
    const Item& item = items_[i];
    const Block next = i + 1 < items_.size() ? items_[i + 1].kind : Block::page_break;
    const Block previous = i > 0 ? items_[i - 1].kind : Block::page_break;
    if (item.kind == Block::page_break) {
      if (pending_break) {  // page_break twice: an empty page
        body += break_paragraph();
        last_was_table = false;
      }
      pending_break = true;
      continue;
    }
    if (item.kind == Block::table) {
      const std::string table = table_xml(item.table);
      if (table.empty()) continue;
      if (pending_break) {
        body += break_paragraph();
      } else if (last_was_table) {
        body += empty_paragraph();  // else Word would merge the two tables
      }
      body += table;
      pending_break = false;
      last_was_table = true;
      continue;
    }

    ParagraphFormat p = paragraph_format(item.kind);
    p.page_break_before = pending_break;
    if (item.kind == Block::title || item.kind == Block::subtitle) {
      // The title with its subtitles is followed by one empty line.
      if (next != Block::title && next != Block::subtitle) p.after_lines = 100;
      if (item.kind == Block::title && title_text.empty()) title_text = one_line(item.text);
    } else if (item.kind == Block::signature) {
      // One empty line above the sender; the sender is centred over a date that follows.
      if (i > 0 && previous != Block::signature && !pending_break) p.before_lines = 100;
      size_t j = i + 1;
      while (j < items_.size() && items_[j].kind == Block::signature) ++j;
      if (j < items_.size() && items_[j].kind == Block::date) {
        const int shift = width_halves(items_[j].text) - width_halves(item.text);  // halves
        p.right_chars = std::max(0, 400 + 25 * shift);
      }
      if (creator.empty()) creator = one_line(item.text);
    }
    const RunFormat r = run_format(item.kind);
    std::string runs;
    if (!item.label.empty()) {
      const RunFormat hei{detail::kHei, detail::kHei, detail::kBodySize};
      std::string label_rpr = "<w:rStyle w:val=\"FieldLabel\"/>" + detail::run_properties(hei);
      runs = detail::text_runs(item.label, label_rpr);
      if (!item.text.empty()) runs += detail::text_runs(item.text, detail::run_properties(r));
    } else {
      runs = detail::text_runs(item.text, detail::run_properties(r));
    }
    body += paragraph_xml(p, runs);
    pending_break = false;
    last_was_table = false;
  }
  if (pending_break) {
    body += break_paragraph();
    last_was_table = false;
  }
  if (body.empty() || last_was_table) body += empty_paragraph();

  std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  doc +=
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>";
  doc += body;
  doc += "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>";
  doc += "<w:footerReference w:type=\"even\" r:id=\"rId5\"/>";
  doc += "<w:pgSz w:w=\"" + std::to_string(detail::kPageWidth) + "\" w:h=\"" + std::to_string(detail::kPageHeight) +
         "\"/>";
  doc += "<w:pgMar w:top=\"" + std::to_string(detail::kMarginTop) + "\" w:right=\"" +
         std::to_string(detail::kMarginRight) + "\" w:bottom=\"" + std::to_string(detail::kMarginBottom) +
         "\" w:left=\"" + std::to_string(detail::kMarginLeft) + "\" w:header=\"" +
         std::to_string(detail::kHeaderDistance) + "\" w:footer=\"" + std::to_string(detail::kFooterDistance) +
         "\" w:gutter=\"0\"/>";
  doc += "<w:cols w:space=\"425\"/>";
  doc += "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"" + std::to_string(detail::kLinePitch) +
         "\" w:charSpace=\"" + std::to_string(detail::kCharSpace) + "\"/>";
  doc += "</w:sectPr></w:body></w:document>";

  return detail::zip_parts({
      {"[Content_Types].xml", detail::content_types_xml()},
      {"_rels/.rels", detail::package_rels_xml()},
      {"word/document.xml", doc},
      {"word/_rels/document.xml.rels", detail::document_rels_xml()},
      {"word/styles.xml", detail::styles_xml()},
      {"word/settings.xml", detail::settings_xml()},
      {"word/fontTable.xml", detail::font_table_xml()},
      {"word/footer1.xml", detail::footer_xml(true)},
      {"word/footer2.xml", detail::footer_xml(false)},
      {"docProps/core.xml", detail::core_xml(title_text, creator)},
      {"docProps/app.xml", detail::app_xml()},
  });
}

}  // namespace sl::docx
