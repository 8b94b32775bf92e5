#include "core/docx/docx.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

/// A fresh temporary directory, removed with everything in it at the end of the scope.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ =
        fs::temp_directory_path() / ("sl_docx_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  /// The path of `name` inside the directory.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

/// Writes `bytes` to `path`.
void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

/// The content of `path` ("" when missing).
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every entry of the zip archive `bytes` (name → content), read with libzip.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    throw std::runtime_error("not a zip archive");
  }
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    std::string content(static_cast<size_t>(st.size), '\0');
    if (st.size > 0) zip_fread(f, content.data(), st.size);
    zip_fclose(f);
    out[st.name] = std::move(content);
  }
  zip_discard(archive);
  return out;
}

/// True when Debian's python3 has python-docx (the checks through it are skipped otherwise).
bool have_python_docx() {
  static const bool have = std::system("/usr/bin/python3 -c 'import docx' >/dev/null 2>&1") == 0;
  return have;
}

/// Runs the Python `script` with the argument `docx_path` in `dir`; its output lines (asserts success).
std::vector<std::string> run_python(const TempDir& dir, const std::string& script, const std::string& docx_path) {
  const std::string script_path = dir.file("check.py");
  const std::string out_path = dir.file("out.txt");
  write_file(script_path, script);
  const std::string cmd = "/usr/bin/python3 '" + script_path + "' '" + docx_path + "' > '" + out_path + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  const std::string output = read_file(out_path);
  EXPECT_EQ(rc, 0) << output;
  std::vector<std::string> lines;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The fields of `line` split at tabs.
std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = line.find('\t', start);
    out.push_back(line.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

/// Python helper printing every body paragraph as "P<TAB>style<TAB>alignment<TAB>first run pt
/// <TAB>first-line indent (twips)<TAB>text" with \n and \t escaped.
const char* const kPythonParagraphs = R"PY(
import sys, docx
d = docx.Document(sys.argv[1])
def esc(s): return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')
for p in d.paragraphs:
    size = p.runs[0].font.size.pt if p.runs and p.runs[0].font.size else 0
    ind = p.paragraph_format.first_line_indent
    print('P', p.style.name, p.alignment if p.alignment is not None else '-', size,
          int(ind) // 635 if ind is not None else '-', esc(p.text), sep='\t')
)PY";

/// The document exercising every block type.
sl::docx::Document sample_document() {
  sl::docx::Document d;
  d.title("关于加强基层协商民主建设的提案")
      .subtitle("提案人：张三")
      .field("案由", "加强基层协商民主建设")
      .heading1("一、基本情况")
      .paragraph("近年来，我市政协围绕中心、服务大局，在推进基层协商民主建设方面做了大量工作。\n第二段正文。")
      .heading2("（一）存在的问题")
      .heading3("1.议题征集")
      .plain("无缩进的正文。")
      .table({{"序号", "事项", "责任单位"}, {{"1", "议题征集", "办公室"}, {"2", "成果转化"}}, {10, 50, 40}})
      .signature("某某市政协提案委员会")
      .date(2026, 11, 28)
      .page_break()
      .paragraph("第二页内容。");
  return d;
}

TEST(DocxTest, PackageHoldsEveryPartAsWellFormedXml) {
  const auto parts = unzip(sample_document().build());
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml",
                           "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"}) {
    ASSERT_TRUE(parts.count(name)) << name;
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(parts.at(name).c_str())) << name;
  }
  EXPECT_EQ(parts.size(), 11u);

  pugi::xml_document settings;
  settings.load_string(parts.at("word/settings.xml").c_str());
  EXPECT_TRUE(settings.child("w:settings").child("w:evenAndOddHeaders"));

  for (const auto& [name, jc] :
       std::map<std::string, std::string>{{"word/footer1.xml", "right"}, {"word/footer2.xml", "left"}}) {
    pugi::xml_document footer;
    footer.load_string(parts.at(name).c_str());
    const pugi::xml_node p = footer.child("w:ftr").child("w:p");
    EXPECT_EQ(std::string(p.child("w:pPr").child("w:jc").attribute("w:val").value()), jc) << name;
    EXPECT_NE(std::string(p.select_node("w:r/w:instrText").node().text().get()).find("PAGE"), std::string::npos);
    EXPECT_EQ(std::string(p.select_node("w:r/w:rPr/w:sz").node().attribute("w:val").value()), "28");  // 4号
  }

  pugi::xml_document doc;
  doc.load_string(parts.at("word/document.xml").c_str());
  const pugi::xml_node sect = doc.select_node("/w:document/w:body/w:sectPr").node();
  EXPECT_STREQ(sect.select_node("w:footerReference[@w:type='default']").node().attribute("r:id").value(), "rId4");
  EXPECT_STREQ(sect.select_node("w:footerReference[@w:type='even']").node().attribute("r:id").value(), "rId5");
  const pugi::xml_node grid = sect.child("w:docGrid");
  EXPECT_STREQ(grid.attribute("w:type").value(), "linesAndChars");
  // 22 lines of 28.95 pt fit the 225 mm type area; 28 characters fit its 156 mm width.
  const int pitch = grid.attribute("w:linePitch").as_int();
  const int text_height =
      16838 - sect.child("w:pgMar").attribute("w:top").as_int() - sect.child("w:pgMar").attribute("w:bottom").as_int();
  EXPECT_EQ(text_height / pitch, 22);
  const double char_pitch = 16.0 + grid.attribute("w:charSpace").as_int() / 4096.0;  // pt
  const int text_width =
      11906 - sect.child("w:pgMar").attribute("w:left").as_int() - sect.child("w:pgMar").attribute("w:right").as_int();
  EXPECT_EQ(static_cast<int>(text_width / 20.0 / char_pitch), 28);

  const std::string& rels = parts.at("word/_rels/document.xml.rels");
  EXPECT_NE(rels.find("Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
                      "Target=\"footer1.xml\""),
            std::string::npos);
  EXPECT_NE(parts.at("word/fontTable.xml").find("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"),
            std::string::npos);
  const std::string& styles = parts.at("word/styles.xml");
  for (const char* id : {"Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Body", "Signature", "Date"}) {
    EXPECT_NE(styles.find("w:styleId=\"" + std::string(id) + "\""), std::string::npos) << id;
  }
  EXPECT_NE(parts.at("docProps/core.xml").find("<dc:title>关于加强基层协商民主建设的提案</dc:title>"),
            std::string::npos);
}

TEST(DocxTest, PythonDocxReadsEveryBlockWithItsFormatting) {
  if (!have_python_docx()) GTEST_SKIP() << "/usr/bin/python3 has no python-docx (Debian: python3-docx)";
  TempDir dir;
  const std::string path = dir.file("sample.docx");
  write_file(path, sample_document().build());
  const std::string script = std::string(kPythonParagraphs) + R"PY(
s = d.sections[0]
print('S', int(s.page_width), int(s.page_height), int(s.top_margin), int(s.bottom_margin),
      int(s.left_margin), int(s.right_margin), sep='\t')
for r, row in enumerate(d.tables[0].rows):
    for c, cell in enumerate(row.cells):
        print('T', r, c, esc(cell.text), sep='\t')
print('F', s.footer.is_linked_to_previous, esc(s.footer.paragraphs[0].text),
      s.footer.paragraphs[0].alignment, esc(s.even_page_footer.paragraphs[0].text),
      s.even_page_footer.paragraphs[0].alignment, sep='\t')
print('E', d.settings.odd_and_even_pages_header_footer, sep='\t')
import zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in ('word/footer1.xml', 'word/footer2.xml'):
    x = z.read(name).decode()
    print('X', name, 'PAGE' in x and 'fldCharType="begin"' in x, sep='\t')
)PY";
  const auto lines = run_python(dir, script, path);

  std::vector<std::vector<std::string>> paragraphs;
  std::vector<std::string> section, footer, even_odd;
  std::map<std::string, std::string> cells, footer_xml;
  for (const auto& line : lines) {
    auto f = split_tabs(line);
    if (f[0] == "P") paragraphs.push_back(f);
    if (f[0] == "S") section = f;
    if (f[0] == "T" && f.size() == 4) cells[f[1] + "," + f[2]] = f[3];
    if (f[0] == "F") footer = f;
    if (f[0] == "E") even_odd = f;
    if (f[0] == "X" && f.size() == 3) footer_xml[f[1]] = f[2];
  }

  const std::vector<std::string> texts = {
      "关于加强基层协商民主建设的提案",
      "提案人：张三",
      "案由：加强基层协商民主建设",
      "一、基本情况",
      "近年来，我市政协围绕中心、服务大局，在推进基层协商民主建设方面做了大量工作。",
      "第二段正文。",
      "（一）存在的问题",
      "1.议题征集",
      "无缩进的正文。",
      "某某市政协提案委员会",
      "2026年11月28日",
      "第二页内容。"};
  ASSERT_EQ(paragraphs.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_EQ(paragraphs[i].size(), 6u);
    EXPECT_EQ(paragraphs[i][5], texts[i]) << i;
  }
  // style, alignment, size of the first run, first-line indent (twips)
  auto expect_paragraph = [&](size_t i, const char* style, const char* align, const char* size, const char* indent) {
    EXPECT_EQ(paragraphs[i][1], style) << i;
    EXPECT_EQ(paragraphs[i][2], align) << i;
    EXPECT_EQ(paragraphs[i][3], size) << i;
    EXPECT_EQ(paragraphs[i][4], indent) << i;
  };
  expect_paragraph(0, "Title", "CENTER (1)", "22.0", "0");
  expect_paragraph(1, "Subtitle", "CENTER (1)", "16.0", "0");
  expect_paragraph(3, "Heading 1", "JUSTIFY (3)", "16.0", "640");
  expect_paragraph(4, "Body Text", "JUSTIFY (3)", "16.0", "640");
  expect_paragraph(6, "Heading 2", "JUSTIFY (3)", "16.0", "640");
  expect_paragraph(7, "Heading 3", "JUSTIFY (3)", "16.0", "640");
  expect_paragraph(8, "Body Text No Indent", "JUSTIFY (3)", "16.0", "0");
  expect_paragraph(9, "Signature", "RIGHT (2)", "16.0", "0");
  expect_paragraph(10, "Date", "RIGHT (2)", "16.0", "0");

  // A4 and the GB/T 9704 margins, within one twip (635 EMU); 1 mm = 36000 EMU.
  ASSERT_EQ(section.size(), 7u);
  const double mm[] = {210, 297, 37, 35, 28, 26};
  for (int i = 0; i < 6; ++i) EXPECT_NEAR(std::stod(section[i + 1]), mm[i] * 36000, 635) << i;

  EXPECT_EQ(cells["0,0"], "序号");
  EXPECT_EQ(cells["0,2"], "责任单位");
  EXPECT_EQ(cells["1,1"], "议题征集");
  EXPECT_EQ(cells["2,1"], "成果转化");
  EXPECT_EQ(cells["2,2"], "");  // a short row is padded

  ASSERT_EQ(footer.size(), 6u);
  EXPECT_EQ(footer[1], "False");
  EXPECT_EQ(footer[2], "— 1 —");
  EXPECT_EQ(footer[3], "RIGHT (2)");
  EXPECT_EQ(footer[4], "— 2 —");
  EXPECT_EQ(footer[5], "LEFT (0)");
  EXPECT_EQ(footer_xml["word/footer1.xml"], "True");
  EXPECT_EQ(footer_xml["word/footer2.xml"], "True");
  ASSERT_EQ(even_odd.size(), 2u);
  EXPECT_EQ(even_odd[1], "True");
}

TEST(DocxTest, EscapesMarkupAndRepairsInvalidUtf8) {
  sl::docx::Document d;
  d.title("<标题> & \"引号\"")
      .paragraph("a<b>&c </w:t> 'd' \"e\"")
      .paragraph(std::string("坏\xFF\xC3字节\x01\x08控制\tTab"))
      .table({{"<&>"}, {{"\xE4\xB8"}}, {}});
  const std::string bytes = d.build();
  const auto parts = unzip(bytes);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(parts.at("word/document.xml").c_str()));
  EXPECT_EQ(parts.at("word/document.xml").find("\xFF"), std::string::npos);

  if (!have_python_docx()) GTEST_SKIP() << "/usr/bin/python3 has no python-docx (Debian: python3-docx)";
  TempDir dir;
  const std::string path = dir.file("escape.docx");
  write_file(path, bytes);
  const auto lines = run_python(dir, std::string(kPythonParagraphs) + R"PY(
for row in d.tables[0].rows:
    print('T', esc(row.cells[0].text), sep='\t')
)PY",
                                path);
  ASSERT_EQ(lines.size(), 6u);  // the empty paragraph after the closing table too
  EXPECT_EQ(split_tabs(lines[0]).back(), "<标题> & \"引号\"");
  EXPECT_EQ(split_tabs(lines[1]).back(), "a<b>&c </w:t> 'd' \"e\"");
  EXPECT_EQ(split_tabs(lines[2]).back(), "坏\uFFFD\uFFFD字节控制\\tTab");
  EXPECT_EQ(lines[4], "T\t<&>");
  EXPECT_EQ(lines[5], "T\t\uFFFD");
}

/// True when `s` is valid UTF-8 of characters XML 1.0 allows.
bool xml_safe_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
      ++i;
      continue;
    }
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || i + len > s.size()) return false;
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t j = 1; j < len; ++j) {
      const auto cc = static_cast<unsigned char>(s[i + j]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return false;
    i += len;
  }
  return true;
}

TEST(DocxTest, RandomBytesAlwaysGiveValidXml) {
  std::mt19937 random(20261128);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 40; ++round) {
    std::string junk;
    for (int i = 0; i < 300; ++i) junk += static_cast<char>(byte(random));
    sl::docx::Document d;
    d.title(junk).paragraph(junk).field(junk, junk).table({{junk}, {{junk, junk}}, {}}).signature(junk);
    const auto parts = unzip(d.build());
    const std::string& xml = parts.at("word/document.xml");
    EXPECT_TRUE(xml_safe_utf8(xml)) << round;
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml.c_str())) << round;
    EXPECT_TRUE(xml_safe_utf8(parts.at("docProps/core.xml"))) << round;
  }
}

TEST(DocxTest, ThirtyParagraphsRoundTripInOrder) {
  sl::docx::Document d;
  std::vector<std::string> expected;
  for (int i = 1; i <= 30; ++i) {
    expected.push_back("第" + std::to_string(i) + "段：委员履职情况记录。");
    if (i <= 15) {
      d.paragraph(expected.back());
    }
  }
  std::string rest;  // the other fifteen as one text split at newlines
  for (int i = 15; i < 30; ++i) rest += (i > 15 ? "\n" : "") + expected[i];
  d.paragraph(rest);
  if (!have_python_docx()) GTEST_SKIP() << "/usr/bin/python3 has no python-docx (Debian: python3-docx)";
  TempDir dir;
  const std::string path = dir.file("thirty.docx");
  write_file(path, d.build());
  const auto lines = run_python(dir, kPythonParagraphs, path);
  ASSERT_EQ(lines.size(), 30u);
  for (size_t i = 0; i < 30; ++i) {
    const auto f = split_tabs(lines[i]);
    EXPECT_EQ(f.back(), expected[i]);
    EXPECT_EQ(f[1], "Body Text");
    EXPECT_EQ(f[3], "16.0");
  }
}

TEST(DocxTest, ChineseDateUsesArabicNumeralsWithoutPadding) {
  EXPECT_EQ(sl::docx::chinese_date(2026, 11, 28), "2026年11月28日");
  EXPECT_EQ(sl::docx::chinese_date(2026, 1, 5), "2026年1月5日");
  EXPECT_EQ(sl::docx::chinese_date(2024, 2, 29), "2024年2月29日");
  EXPECT_THROW(sl::docx::chinese_date(2026, 2, 29), std::invalid_argument);
  EXPECT_THROW(sl::docx::chinese_date(2026, 13, 1), std::invalid_argument);
  EXPECT_THROW(sl::docx::chinese_date(2026, 4, 31), std::invalid_argument);
  EXPECT_THROW(sl::docx::Document().date(2026, 0, 1), std::invalid_argument);
}

/// The <w:p> nodes of the body of `d`.
std::vector<pugi::xml_node> body_paragraphs(const pugi::xml_document& d) {
  std::vector<pugi::xml_node> out;
  for (auto n : d.child("w:document").child("w:body").children("w:p")) out.push_back(n);
  return out;
}

TEST(DocxTest, SenderIsCentredOverTheDateFourCharactersFromTheRight) {
  sl::docx::Document d;
  d.paragraph("正文。").signature("某某市政协提案委员会").date(2026, 11, 28).signature("政协").date(2026, 1, 1);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(unzip(d.build()).at("word/document.xml").c_str()));
  const auto ps = body_paragraphs(doc);
  ASSERT_EQ(ps.size(), 5u);
  auto right_chars = [&](size_t i) { return ps[i].child("w:pPr").child("w:ind").attribute("w:rightChars").as_int(); };
  // The date "2026年11月28日" is 7 characters wide (digits are half-width) and ends 4 from the right.
  EXPECT_EQ(right_chars(2), 400);
  EXPECT_EQ(right_chars(1), 250);  // 10 characters: (7 - 10) / 2 = -1.5
  EXPECT_EQ(right_chars(4), 400);
  EXPECT_EQ(right_chars(3), 600);  // "2026年1月1日" is 6 wide, "政协" 2: 4 + (6 - 2) / 2
  // One empty line above the sender.
  EXPECT_EQ(ps[1].child("w:pPr").child("w:spacing").attribute("w:beforeLines").as_int(), 100);
  EXPECT_EQ(ps[2].child("w:pPr").child("w:spacing").attribute("w:beforeLines").as_int(), 0);
}

TEST(DocxTest, PageBreaksStartTheNextBlockOnANewPage) {
  sl::docx::Document d;
  d.paragraph("一").page_break().paragraph("二").page_break().table({{"甲"}, {}, {}}).page_break();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(unzip(d.build()).at("word/document.xml").c_str()));
  const pugi::xml_node body = doc.child("w:document").child("w:body");
  std::vector<std::string> kinds;
  for (auto n : body.children()) {
    std::string kind = n.name();
    if (n.child("w:pPr").child("w:pageBreakBefore")) kind += "+pageBreakBefore";
    if (n.select_node(".//w:br[@w:type='page']")) kind += "+br";
    kinds.push_back(kind);
  }
  const std::vector<std::string> expected = {"w:p", "w:p+pageBreakBefore", "w:p+br", "w:tbl", "w:p+br", "w:sectPr"};
  EXPECT_EQ(kinds, expected);
}

TEST(DocxTest, TablesSpanTheTypeAreaInFourthSizeFangSong) {
  sl::docx::Document d;
  d.table({{"姓名", "界别", "提案数"}, {{"张三", "经济界", "3"}, {"李四"}}, {25, 25, 50}})
      .table({{}, {{"甲", "乙", "丙", "丁"}}, {1, 2}});  // widths that do not fit: equal
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(unzip(d.build()).at("word/document.xml").c_str()));
  const auto tables = doc.select_nodes("//w:tbl");
  ASSERT_EQ(tables.size(), 2u);
  std::vector<int> first, second;
  for (auto c : tables[0].node().child("w:tblGrid").children("w:gridCol")) first.push_back(c.attribute("w:w").as_int());
  for (auto c : tables[1].node().child("w:tblGrid").children("w:gridCol"))
    second.push_back(c.attribute("w:w").as_int());
  EXPECT_EQ(first, (std::vector<int>{2211, 2211, 4423}));
  EXPECT_EQ(second, (std::vector<int>{2211, 2211, 2211, 2212}));
  EXPECT_TRUE(tables[0].node().select_node("w:tr[1]/w:trPr/w:tblHeader"));
  EXPECT_TRUE(tables[0].node().select_node("w:tr[1]/w:tc/w:p/w:r/w:rPr/w:b"));
  EXPECT_FALSE(tables[0].node().select_node("w:tr[2]/w:tc/w:p/w:r/w:rPr/w:b"));
  EXPECT_STREQ(tables[0].node().select_node("w:tr[2]/w:tc/w:p/w:r/w:rPr/w:sz").node().attribute("w:val").value(), "28");
  EXPECT_EQ(tables[0].node().select_nodes("w:tr[3]/w:tc").size(), 3u);  // padded
  EXPECT_FALSE(tables[1].node().select_node("w:tr/w:trPr/w:tblHeader"));
  // Two tables are kept apart by a paragraph, and the document ends in one.
  EXPECT_STREQ(tables[0].node().next_sibling().name(), "w:p");
  EXPECT_STREQ(tables[1].node().next_sibling().name(), "w:p");
}

TEST(DocxTest, EmptyDocumentIsValidAndBlockRejectsTables) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(unzip(sl::docx::Document().build()).at("word/document.xml").c_str()));
  EXPECT_EQ(body_paragraphs(doc).size(), 1u);
  sl::docx::Document d;
  EXPECT_THROW(d.block(sl::docx::Block::table, "x"), std::invalid_argument);
  d.block(sl::docx::Block::heading1, "一、总则").block(sl::docx::Block::date, "二〇二六年十一月二十八日");
  pugi::xml_document built;
  ASSERT_TRUE(built.load_string(unzip(d.build()).at("word/document.xml").c_str()));
  const auto ps = body_paragraphs(built);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_STREQ(ps[0].child("w:pPr").child("w:pStyle").attribute("w:val").value(), "Heading1");
  EXPECT_STREQ(ps[1].child("w:pPr").child("w:pStyle").attribute("w:val").value(), "Date");
}

TEST(DocxTest, FieldLabelIsHeiTi) {
  sl::docx::Document d;
  d.field("案由", "加强协商\n第二行").field("办理结果：", "");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(unzip(d.build()).at("word/document.xml").c_str()));
  const auto ps = body_paragraphs(doc);
  ASSERT_EQ(ps.size(), 3u);
  const auto runs = ps[0].select_nodes("w:r");
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_STREQ(runs[0].node().child("w:t").text().get(), "案由：");
  EXPECT_STREQ(runs[0].node().child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value(), "黑体");
  EXPECT_STREQ(runs[1].node().child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value(), "仿宋_GB2312");
  EXPECT_STREQ(ps[1].child("w:r").child("w:t").text().get(), "第二行");
  EXPECT_STREQ(ps[2].child("w:r").child("w:t").text().get(), "办理结果：");
}

}  // namespace
