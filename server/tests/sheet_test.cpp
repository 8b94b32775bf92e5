#include "core/sheet/sheet.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using Rows = std::vector<std::vector<std::string>>;

/// A zip archive holding `entries` (name → content), built in memory with libzip.
std::string make_zip(const std::map<std::string, std::string>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  EXPECT_NE(source, nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  zip_source_keep(source);
  for (const auto& [name, content] : entries) {
    zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), file, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  std::string out;
  EXPECT_EQ(zip_source_open(source), 0);
  zip_source_seek(source, 0, SEEK_END);
  out.resize(static_cast<size_t>(zip_source_tell(source)));
  zip_source_seek(source, 0, SEEK_SET);
  EXPECT_EQ(zip_source_read(source, out.data(), out.size()), static_cast<zip_int64_t>(out.size()));
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>)";

const char* const kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>)";

// Two sheets; the first in workbook order ("名单") points at sheet2.xml to prove the order of
// <sheets> decides, not the part name.
const char* const kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr/>
<sheets>
<sheet name="名单" sheetId="2" r:id="rId2"/>
<sheet name="其他" sheetId="1" r:id="rId1"/>
</sheets>
</workbook>)";

const char* const kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)";

const char* const kSharedStrings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>姓名</t></si>
<si><t>手机号</t></si>
<si><t xml:space="preserve">  张三  </t></si>
<si><r><rPr><b/></rPr><t>李</t></r><r><t xml:space="preserve">四</t></r><rPh sb="0" eb="1"><t>リ</t></rPh></si>
<si><t>入职日期</t></si>
<si><t>第一行_x000D_
第二行</t></si>
</sst>)";

// cellXfs: 0 General, 1 builtin date 14, 2 custom "yyyy/m/d", 3 text "@", 4 builtin datetime 22,
// 5 custom red currency (not a date), 6 builtin time 20.
const char* const kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2">
<numFmt numFmtId="164" formatCode="yyyy/m/d;@"/>
<numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00;[Red]&quot;¥&quot;\-#,##0.00"/>
</numFmts>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>)";

const char* const kFirstSheet =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="1">
  <c r="A1" t="s"><v>0</v></c>
  <c r="B1" t="s"><v>1</v></c>
  <c r="C1" t="s"><v>4</v></c>
  <c r="D1" t="inlineStr"><is><t>金额</t></is></c>
  <c r="E1" t="inlineStr"><is><r><t>是否</t></r><r><t>在职</t></r></is></c>
</row>
<row r="2">
  <c r="A2" t="s"><v>2</v></c>
  <c r="B2"><v>13800138000</v></c>
  <c r="C2" s="1"><v>45000</v></c>
  <c r="D2" s="5"><v>1234.5</v></c>
  <c r="E2" t="b"><v>1</v></c>
</row>
<row r="3" spans="1:5">
  <c r="A3" t="s"><v>3</v></c>
  <c r="C3" s="2"><v>45000.75</v></c>
  <c r="E3" t="b"><v>0</v></c>
</row>
<row r="4"><c r="A4" s="3"/><c r="B4" t="inlineStr"><is><t>   </t></is></c></row>
<row r="6">
  <c r="B6" s="3" t="str"><v>13900139000</v></c>
  <c r="C6" s="4"><v>45000.5</v></c>
  <c r="D6"><v>0.30000000000000004</v></c>
</row>
<row r="7">
  <c r="A7" t="s"><v>5</v></c>
  <c r="B7"><v>1.3800138E10</v></c>
  <c r="C7" s="6"><v>0.75</v></c>
  <c r="D7"><v>-12.25</v></c>
</row>
<row r="8">
  <c t="inlineStr"><is><t>无引用</t></is></c>
  <c><v>42</v></c>
  <c r="D8" t="e"><v>#N/A</v></c>
</row>
</sheetData>
</worksheet>)";

const char* const kSecondSheet =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>不应读取</t></is></c></row></sheetData>
</worksheet>)";

/// The hand-written workbook above as .xlsx bytes.
std::string hand_written_xlsx() {
  return make_zip({{"[Content_Types].xml", kContentTypes},
                   {"_rels/.rels", kRootRels},
                   {"xl/workbook.xml", kWorkbook},
                   {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                   {"xl/sharedStrings.xml", kSharedStrings},
                   {"xl/styles.xml", kStyles},
                   {"xl/worksheets/sheet1.xml", kSecondSheet},
                   {"xl/worksheets/sheet2.xml", kFirstSheet}});
}

/// The message of the SheetError `read_sheet(bytes, filename)` throws, or "" when it does not throw.
std::string rejection(const std::string& bytes, const std::string& filename = "upload.xlsx") {
  try {
    sl::read_sheet(bytes, filename);
  } catch (const sl::SheetError& e) {
    return e.what();
  }
  return "";
}

TEST(Sheet, XlsxRoundTripKeepsChineseAndMobiles) {
  std::vector<std::string> header = {"姓名", "手机号", "部门", "备注"};
  Rows rows = {
      {"张三", "13800138000", "研发部", "多行\n备注"},
      {"李四", "13912345678", "", "007"},
      {"Wang Wu", "19900000001", "市场部", "含逗号, 和\"引号\""},
      {"赵六", "0755-12345678", "财务部", "1.50"},
  };
  std::string xlsx = sl::write_xlsx(header, rows, "员工名单");
  ASSERT_GT(xlsx.size(), 4u);
  EXPECT_EQ(xlsx.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(sl::detect_sheet_format(xlsx, "a.xlsx"), sl::SheetFormat::xlsx);

  sl::Sheet sheet = sl::read_sheet(xlsx, "员工名单.xlsx");
  EXPECT_EQ(sheet.header, header);
  EXPECT_EQ(sheet.rows, rows);
}

TEST(Sheet, XlsxWriterAcceptsAwkwardSheetNamesAndRaggedRows) {
  std::string long_name(40, 'x');
  for (const std::string& name : {std::string("a/b:c*d?[e]"), std::string(""), std::string("'引号'"), long_name,
                                  std::string("很长的中文工作表名称超过三十一个字符时应当被截断而不是报错的情况")}) {
    std::string xlsx = sl::write_xlsx({"甲", "乙"}, {{"1"}, {"2", "3", "4"}}, name);
    sl::Sheet sheet = sl::read_sheet(xlsx, "x.xlsx");
    EXPECT_EQ(sheet.header, (std::vector<std::string>{"甲", "乙", ""}));
    EXPECT_EQ(sheet.rows, (Rows{{"1", "", ""}, {"2", "3", "4"}}));
  }
}

TEST(Sheet, CsvRoundTrip) {
  std::vector<std::string> header = {"姓名", "手机号", "备注"};
  Rows rows = {
      {"张三", "13800138000", "含逗号, 和\"引号\""},
      {"李四", "13912345678", "第一行\n第二行"},
      {"王五", "", "普通"},
  };
  std::string csv = sl::write_csv(header, rows);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("姓名,手机号,备注\r\n"), std::string::npos);
  EXPECT_NE(csv.find("\"含逗号, 和\"\"引号\"\"\""), std::string::npos);
  EXPECT_EQ(sl::detect_sheet_format(csv, "a.csv"), sl::SheetFormat::csv);

  sl::Sheet sheet = sl::read_sheet(csv, "a.csv");
  EXPECT_EQ(sheet.header, header);
  EXPECT_EQ(sheet.rows, rows);
}

TEST(Sheet, CsvQuotingNewlinesBomAndBlankRows) {
  std::string csv =
      "\xEF\xBB\xBF"
      "姓名, 手机号 ,备注\r\n"
      "\"张三, 先生\",13800138000,\"他说\"\"你好\"\"\"\r\n"
      "\r\n"
      " , ,\r\n"
      "李四,13912345678,\"第一行\r\n第二行\"\r\n"
      "王五,,\"尾部\"";
  sl::Sheet sheet = sl::read_sheet(csv, "名单.csv");
  EXPECT_EQ(sheet.header, (std::vector<std::string>{"姓名", "手机号", "备注"}));
  EXPECT_EQ(sheet.rows, (Rows{{"张三, 先生", "13800138000", "他说\"你好\""},
                              {"李四", "13912345678", "第一行\n第二行"},
                              {"王五", "", "尾部"}}));
}

TEST(Sheet, CsvWithLfRaggedRowsAndOtherDelimiters) {
  sl::Sheet lf = sl::read_sheet("a,b\n1\n2,3,4\n", "a.csv");
  EXPECT_EQ(lf.header, (std::vector<std::string>{"a", "b", ""}));
  EXPECT_EQ(lf.rows, (Rows{{"1", "", ""}, {"2", "3", "4"}}));

  sl::Sheet semicolons = sl::read_sheet("sep=;\r\n名称;数量\r\n苹果;3\r\n", "a.csv");
  EXPECT_EQ(semicolons.header, (std::vector<std::string>{"名称", "数量"}));
  EXPECT_EQ(semicolons.rows, (Rows{{"苹果", "3"}}));

  sl::Sheet tabs = sl::read_sheet("名称\t数量\n梨\t5\n", "a.txt");
  EXPECT_EQ(tabs.rows, (Rows{{"梨", "5"}}));

  sl::Sheet formulas =
      sl::read_sheet("手机号,编号\n=\"13800138000\",\"=\"\"007\"\"\"\n=SUM(A1),=\"a\"&\"b\"\n", "a.csv");
  EXPECT_EQ(formulas.rows, (Rows{{"13800138000", "007"}, {"=SUM(A1)", "=\"a\"&\"b\""}}));

  sl::Sheet trimmed = sl::read_sheet("\xE3\x80\x80姓名\xC2\xA0,x\n a ,b\n", "a.csv");
  EXPECT_EQ(trimmed.header, (std::vector<std::string>{"姓名", "x"}));
}

TEST(Sheet, CsvUnclosedQuoteIsRejected) {
  std::string message = rejection("a,b\n1,\"open\n2,3\n", "a.csv");
  EXPECT_NE(message.find("第 2 行"), std::string::npos) << message;
}

TEST(Sheet, HandWrittenXlsx) {
  sl::Sheet sheet = sl::read_sheet(hand_written_xlsx(), "hand.xlsx");
  EXPECT_EQ(sheet.header, (std::vector<std::string>{"姓名", "手机号", "入职日期", "金额", "是否在职"}));
  ASSERT_EQ(sheet.rows.size(), 5u);
  EXPECT_EQ(sheet.rows[0], (std::vector<std::string>{"张三", "13800138000", "2023-03-15", "1234.5", "TRUE"}));
  EXPECT_EQ(sheet.rows[1], (std::vector<std::string>{"李四", "", "2023-03-15", "", "FALSE"}));
  EXPECT_EQ(sheet.rows[2], (std::vector<std::string>{"", "13900139000", "2023-03-15 12:00", "0.3", ""}));
  EXPECT_EQ(sheet.rows[3], (std::vector<std::string>{"第一行\n第二行", "13800138000", "18:00", "-12.25", ""}));
  EXPECT_EQ(sheet.rows[4], (std::vector<std::string>{"无引用", "42", "", "#N/A", ""}));
}

TEST(Sheet, XlsxWithNamespacePrefixesAnd1904Dates) {
  const char* workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="1"/>
<x:sheets><x:sheet name="Sheet1" sheetId="1" r:id="R1"/></x:sheets>
</x:workbook>)";
  const char* rels =
      R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
<Relationship Id="R2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)";
  const char* styles =
      R"(<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs>
</x:styleSheet>)";
  const char* sheet =
      R"(<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" s="1"><x:v>0</x:v></x:c></x:row>
</x:sheetData>
</x:worksheet>)";
  // No _rels/.rels: the reader falls back to xl/workbook.xml.
  std::string xlsx = make_zip({{"xl/workbook.xml", workbook},
                               {"xl/_rels/workbook.xml.rels", rels},
                               {"xl/styles.xml", styles},
                               {"xl/worksheets/data.xml", sheet}});
  sl::Sheet result = sl::read_sheet(xlsx, "prefixed.xlsx");
  EXPECT_EQ(result.header, (std::vector<std::string>{"日期"}));
  EXPECT_EQ(result.rows, (Rows{{"1904-01-01"}}));
}

TEST(Sheet, DetectFormat) {
  EXPECT_EQ(sl::detect_sheet_format("a,b\n1,2\n", "x.bin"), sl::SheetFormat::csv);
  EXPECT_EQ(sl::detect_sheet_format("\xEF\xBB\xBF姓名\n", "x.csv"), sl::SheetFormat::csv);
  EXPECT_EQ(sl::detect_sheet_format(std::string("PK\x03\x04garbage", 11), "x.csv"), sl::SheetFormat::xlsx);
  EXPECT_EQ(sl::detect_sheet_format("", "x.csv"), std::nullopt);
  EXPECT_EQ(sl::detect_sheet_format(std::string("a,b\0\n", 5), "x.csv"), std::nullopt);
  EXPECT_EQ(sl::detect_sheet_format("\xD0\xD5\xC3\xFB,\xCA\xD6\xBB\xFA\r\n", "x.csv"), std::nullopt);  // GBK
  EXPECT_EQ(sl::detect_sheet_format("<html><table><tr><td>1</td></tr></table></html>", "x.xls"), std::nullopt);
}

TEST(Sheet, RejectsRandomBytes) {
  std::mt19937 rng(20240601);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  std::string message = rejection(bytes);
  EXPECT_EQ(message, "文件不是有效的 Excel (.xlsx) 或 CSV 文件");
}

TEST(Sheet, RejectsEmptyFiles) {
  EXPECT_EQ(rejection(""), "文件是空的");
  EXPECT_EQ(rejection("\xEF\xBB\xBF"), "文件是空的");
  EXPECT_EQ(rejection(" \r\n,,\r\n"), "表格中没有数据");
  std::string empty_sheet = make_zip({{"xl/workbook.xml", kWorkbook},
                                      {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                      {"xl/worksheets/sheet2.xml", "<worksheet><sheetData/></worksheet>"}});
  EXPECT_EQ(rejection(empty_sheet), "表格中没有数据");
}

TEST(Sheet, RejectsZipWithoutWorkbook) {
  std::string zip = make_zip({{"hello.txt", "你好"}, {"word/document.xml", "<document/>"}});
  std::string message = rejection(zip);
  EXPECT_FALSE(message.empty());
  EXPECT_NE(message.find("工作簿"), std::string::npos) << message;

  std::string ods = make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
  EXPECT_NE(rejection(ods).find(".ods"), std::string::npos);
}

TEST(Sheet, RejectsCorruptXlsx) {
  std::string xlsx = sl::write_xlsx({"姓名"}, {{"张三"}}, "Sheet1");
  EXPECT_FALSE(rejection(xlsx.substr(0, xlsx.size() / 2)).empty());
  EXPECT_FALSE(rejection(std::string("PK\x03\x04", 4) + std::string(200, 'x')).empty());

  // A well-formed zip whose worksheet is not XML.
  std::string broken = make_zip({{"xl/workbook.xml", kWorkbook},
                                 {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                 {"xl/worksheets/sheet2.xml", "<worksheet><sheetData><row>"}});
  EXPECT_EQ(rejection(broken), "Excel 文件已损坏，无法读取");

  // A workbook whose sheet part is missing.
  std::string missing = make_zip({{"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kWorkbookRels}});
  EXPECT_FALSE(rejection(missing).empty());
}

TEST(Sheet, ExplainsUnsupportedFormats) {
  EXPECT_NE(rejection("\xD0\xD5\xC3\xFB,\xCA\xD6\xBB\xFA\r\n\xD5\xC5\xC8\xFD,1\r\n", "gbk.csv").find("UTF-8"),
            std::string::npos);
  EXPECT_NE(
      rejection(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'), "old.xls").find(".xls"),
      std::string::npos);
  const std::string utf16("\377\376a\0,\0b\0", 8);  // UTF-16LE with BOM
  EXPECT_NE(rejection(utf16, "u16.csv").find("UTF-16"), std::string::npos);
  EXPECT_NE(rejection("<html><body><table><tr><td>姓名</td></tr></table></body></html>", "export.xls").find("网页"),
            std::string::npos);
}

TEST(Sheet, RowLimit) {
  std::string csv = "编号\n";
  for (size_t i = 0; i < sl::kMaxSheetRows; ++i) csv += std::to_string(i) + "\n";
  EXPECT_EQ(sl::read_sheet(csv, "ok.csv").rows.size(), sl::kMaxSheetRows);
  csv += "one too many\n";
  EXPECT_NE(rejection(csv, "big.csv").find("10000"), std::string::npos);

  Rows rows(sl::kMaxSheetRows + 1, std::vector<std::string>{"x"});
  std::string xlsx = sl::write_xlsx({"编号"}, rows, "big");
  EXPECT_NE(rejection(xlsx).find("10000"), std::string::npos);
}

TEST(Sheet, ColumnLimit) {
  std::string wide = "a";
  for (size_t i = 1; i <= sl::kMaxSheetColumns; ++i) wide += ",c";
  EXPECT_FALSE(rejection(wide + "\n", "wide.csv").empty());

  const char* far_cell =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFD1" s="1"/></row>
<row r="2"><c r="XFD2" t="inlineStr"><is><t>far</t></is></c></row></sheetData></worksheet>)";
  std::string xlsx = make_zip({{"xl/workbook.xml", kWorkbook},
                               {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                               {"xl/worksheets/sheet2.xml", far_cell}});
  EXPECT_FALSE(rejection(xlsx).empty());
}

}  // namespace

namespace {
TEST(SheetRowNumbers, CsvRowNumbersCountBlankLinesAndQuotedBreaks) {
  std::string csv = "name,note\n\nA,\"two\nlines\"\nB,x\n";
  sl::Sheet s = sl::read_sheet(csv, "x.csv");
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.row_numbers[0], 3u);
  EXPECT_EQ(s.row_numbers[1], 5u);
}

TEST(SheetRowNumbers, XlsxRowNumbersFollowTheSheet) {
  std::string x = sl::write_xlsx({"name"}, {{"A"}, {""}, {"B"}}, "s");
  sl::Sheet s = sl::read_sheet(x, "x.xlsx");
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.row_numbers[0], 2u);
  EXPECT_EQ(s.row_numbers[1], 4u);
}
}  // namespace
