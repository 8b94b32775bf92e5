// The fixed parts of the .docx package (styles, settings, fonts, footers, properties) and
// writing the zip archive in memory with libzip.

#include <zip.h>

#include <ctime>
#include <memory>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/docx/internal.hpp"

namespace sl::docx::detail {
namespace {

constexpr std::string_view kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// `s` followed by the decimal `n`.
std::string cat(std::string_view s, int n) {
  return std::string(s) + std::to_string(n);
}

/// `<w:NAME w:val="VALUE"/>`.
std::string val(std::string_view name, std::string_view value) {
  return "<w:" + std::string(name) + " w:val=\"" + xml_escape(value) + "\"/>";
}

/// A paragraph style `id` named `name` (Word's built-in English name where there is one).
std::string paragraph_style(std::string_view id, std::string_view name, const ParagraphFormat& p, const RunFormat& r,
                            std::string_view next = "Body") {
  const bool custom = id == "BodyNoIndent" || id == "TableText";  // the others are Word's built-in names
  std::string out = "<w:style w:type=\"paragraph\"" + std::string(custom ? " w:customStyle=\"1\"" : "") +
                    " w:styleId=\"" + std::string(id) + "\">";
  out += val("name", name);
  if (id != "Normal") out += val("basedOn", "Normal");
  if (!next.empty()) out += val("next", next);
  out += "<w:qFormat/>";
  ParagraphFormat own = p;
  own.style = {};
  out += "<w:pPr>" + paragraph_properties(own) + "</w:pPr>";
  out += "<w:rPr>" + run_properties(r) + "</w:rPr></w:style>";
  return out;
}

/// A border element `name` as a thin black single line.
std::string border(std::string_view name) {
  return "<w:" + std::string(name) + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
}

/// A font table entry: `name`, its substitute `alt`, PANOSE `panose`, charset, family and pitch.
std::string font(std::string_view name, std::string_view alt, std::string_view panose, std::string_view charset,
                 std::string_view family, std::string_view pitch) {
  std::string out = "<w:font w:name=\"" + xml_escape(name) + "\">";
  if (!alt.empty()) out += val("altName", alt);
  out += val("panose1", panose) + val("charset", charset) + val("family", family) + val("pitch", pitch);
  return out + "</w:font>";
}

/// The current UTC time as W3CDTF, e.g. "2026-11-28T08:00:00Z", by the server's clock (which
/// tests may move).
std::string now_w3cdtf() {
  auto t = static_cast<std::time_t>(clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::string content_types_xml() {
  const std::string_view wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  std::string out(kXmlDecl);
  out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">";
  out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>";
  out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  auto part = [&](std::string_view name, std::string_view type) {
    out += "<Override PartName=\"" + std::string(name) + "\" ContentType=\"" + std::string(type) + "\"/>";
  };
  part("/word/document.xml", std::string(wml) + "document.main+xml");
  part("/word/styles.xml", std::string(wml) + "styles+xml");
  part("/word/settings.xml", std::string(wml) + "settings+xml");
  part("/word/fontTable.xml", std::string(wml) + "fontTable+xml");
  part("/word/footer1.xml", std::string(wml) + "footer+xml");
  part("/word/footer2.xml", std::string(wml) + "footer+xml");
  part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return out + "</Types>";
}

std::string package_rels_xml() {
  std::string out(kXmlDecl);
  out += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  out +=
      "<Relationship Id=\"rId1\" Type=\"" + std::string(kRelBase) + "officeDocument\" Target=\"word/document.xml\"/>";
  out +=
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
      "core-properties\" Target=\"docProps/core.xml\"/>";
  out += "<Relationship Id=\"rId3\" Type=\"" + std::string(kRelBase) +
         "extended-properties\" Target=\"docProps/app.xml\"/>";
  return out + "</Relationships>";
}

std::string document_rels_xml() {
  std::string out(kXmlDecl);
  out += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  auto rel = [&](std::string_view id, std::string_view type, std::string_view target) {
    out += "<Relationship Id=\"" + std::string(id) + "\" Type=\"" + std::string(kRelBase) + std::string(type) +
           "\" Target=\"" + std::string(target) + "\"/>";
  };
  rel("rId1", "styles", "styles.xml");
  rel("rId2", "settings", "settings.xml");
  rel("rId3", "fontTable", "fontTable.xml");
  rel("rId4", "footer", "footer1.xml");  // odd pages (w:type="default")
  rel("rId5", "footer", "footer2.xml");  // even pages
  return out + "</Relationships>";
}

std::string styles_xml() {
  const RunFormat body{};
  const RunFormat title{kXiaoBiaoSong, kLatin, kTitleSize};
  const RunFormat kai{kKai, kLatin, kBodySize};
  const RunFormat hei{kHei, kHei, kBodySize};
  const RunFormat table{kFangSong, kLatin, kTableSize};
  const RunFormat footer{kSong, kSong, kFooterSize};

  std::string out(kXmlDecl);
  out += "<w:styles xmlns:w=\"" + std::string(kNsW) + "\" xmlns:r=\"" + std::string(kNsR) + "\">";
  out += "<w:docDefaults><w:rPrDefault><w:rPr>" + run_properties(body) + "</w:rPr></w:rPrDefault>";
  out += "<w:pPrDefault><w:pPr><w:spacing w:line=\"" + std::to_string(kLinePitch) +
         "\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault></w:docDefaults>";

  // Normal: widow control off so that every page holds exactly 22 lines.
  out += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">" + val("name", "Normal") +
         "<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/>" + paragraph_properties({}) + "</w:pPr><w:rPr>" +
         run_properties(body) + "</w:rPr></w:style>";
  out += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">" +
         val("name", "Default Paragraph Font") +
         "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>";
  out += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">" + val("name", "Normal Table") +
         "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" "
         "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";

  ParagraphFormat p;
  p.align = "center";
  p.snap_to_grid = false;  // a 22 pt character would take two grid cells
  p.line = kTitleLine;
  out += paragraph_style("Title", "Title", p, title);
  p = {};
  p.align = "center";
  out += paragraph_style("Subtitle", "Subtitle", p, kai);
  for (int level = 1; level <= 3; ++level) {
    p = {};
    p.first_line_chars = 200;
    p.keep_next = true;
    p.outline_level = level - 1;
    out += paragraph_style(cat("Heading", level), cat("heading ", level), p,
                           level == 1   ? hei
                           : level == 2 ? kai
                                        : body);
  }
  p = {};
  p.first_line_chars = 200;
  out += paragraph_style("Body", "Body Text", p, body);
  out += paragraph_style("BodyNoIndent", "Body Text No Indent", {}, body);
  p = {};
  p.align = "right";
  p.right_chars = 400;
  out += paragraph_style("Signature", "Signature", p, body, "Date");
  out += paragraph_style("Date", "Date", p, body);
  p = {};
  p.align = "left";
  p.snap_to_grid = false;
  p.line = 0;
  out += paragraph_style("TableText", "Table Text", p, table, "TableText");
  p.align = "center";
  out += paragraph_style("Footer", "footer", p, footer, "Footer");
  out += "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"FieldLabel\">" + val("name", "Field Label") +
         "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:qFormat/><w:rPr>" + run_properties(hei) + "</w:rPr></w:style>";
  out += "<w:style w:type=\"table\" w:styleId=\"TableGrid\">" + val("name", "Table Grid") +
         "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr><w:tblBorders>" + border("top") +
         border("left") + border("bottom") + border("right") + border("insideH") + border("insideV") +
         "</w:tblBorders></w:tblPr></w:style>";
  return out + "</w:styles>";
}

std::string settings_xml() {
  std::string out(kXmlDecl);
  out += "<w:settings xmlns:w=\"" + std::string(kNsW) + "\" xmlns:r=\"" + std::string(kNsR) + "\">";
  out += "<w:zoom w:percent=\"100\"/>";
  out += "<w:defaultTabStop w:val=\"420\"/>";
  out += "<w:evenAndOddHeaders/>";
  out += "<w:drawingGridVerticalSpacing w:val=\"" + std::to_string(kLinePitch) + "\"/>";
  out += "<w:characterSpacingControl w:val=\"doNotCompress\"/>";  // punctuation keeps its full grid cell
  out +=
      "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
      "w:val=\"15\"/></w:compat>";
  out += "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>";
  out += "<w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/>";
  return out + "</w:settings>";
}

std::string font_table_xml() {
  std::string out(kXmlDecl);
  out += "<w:fonts xmlns:w=\"" + std::string(kNsW) + "\" xmlns:r=\"" + std::string(kNsR) + "\">";
  // The GB2312-era names most templates use, each falling back to the font Windows ships.
  out += font(kFangSong, "仿宋", "02010609030101010101", "86", "modern", "fixed");
  out += font(kKai, "楷体", "02010609030101010101", "86", "modern", "fixed");
  out += font(kXiaoBiaoSong, "宋体", "02000000000000000000", "86", "auto", "variable");
  out += font("仿宋", "FangSong", "02010609060101010101", "86", "modern", "fixed");
  out += font("楷体", "KaiTi", "02010609060101010101", "86", "modern", "fixed");
  out += font(kHei, "SimHei", "02010609060101010101", "86", "modern", "fixed");
  out += font(kSong, "SimSun", "02010600030101010101", "86", "auto", "variable");
  out += font(kLatin, "", "02020603050405020304", "00", "roman", "variable");
  return out + "</w:fonts>";
}

std::string footer_xml(bool odd) {
  ParagraphFormat p;
  p.style = "Footer";
  p.align = odd ? "right" : "left";
  p.snap_to_grid = false;
  p.line = 0;
  std::string pp = paragraph_properties(p);
  // One 4号 character (14 pt) from the edge of the type area, on the outer side.
  const std::string ind = odd ? "w:right=\"280\"" : "w:left=\"280\"";
  const size_t at = pp.find("<w:ind ");
  pp.replace(at, pp.find("/>", at) + 2 - at, "<w:ind " + ind + "/>");

  const std::string rpr = run_properties({kSong, kSong, kFooterSize});
  auto run = [&](std::string_view inner) { return "<w:r><w:rPr>" + rpr + "</w:rPr>" + std::string(inner) + "</w:r>"; };
  std::string out(kXmlDecl);
  out += "<w:ftr xmlns:w=\"" + std::string(kNsW) + "\" xmlns:r=\"" + std::string(kNsR) + "\">";
  out += "<w:p><w:pPr>" + pp + "</w:pPr>";
  out += run("<w:t xml:space=\"preserve\">— </w:t>");
  out += run("<w:fldChar w:fldCharType=\"begin\"/>");
  out += run("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>");
  out += run("<w:fldChar w:fldCharType=\"separate\"/>");
  out += run(odd ? "<w:t>1</w:t>" : "<w:t>2</w:t>");
  out += run("<w:fldChar w:fldCharType=\"end\"/>");
  out += run("<w:t xml:space=\"preserve\"> —</w:t>");
  return out + "</w:p></w:ftr>";
}

std::string core_xml(std::string_view title, std::string_view creator) {
  const std::string now = now_w3cdtf();
  std::string out(kXmlDecl);
  out +=
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  out += "<dc:title>" + xml_escape(title) + "</dc:title>";
  out += "<dc:creator>" + xml_escape(creator) + "</dc:creator>";
  out += "<dc:language>zh-CN</dc:language>";
  out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + now + "</dcterms:created>";
  out += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + now + "</dcterms:modified>";
  return out + "</cp:coreProperties>";
}

std::string app_xml() {
  std::string out(kXmlDecl);
  out +=
      "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
      "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
      "<Application>Shangliang</Application><DocSecurity>0</DocSecurity></Properties>";
  return out;
}

std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_error_t, decltype(&zip_error_fini)> error_guard(&error, &zip_error_fini);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (source == nullptr) throw std::runtime_error("docx: cannot create zip buffer");
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> source_guard(source, &zip_source_free);
  zip_source_keep(source);  // outlives the archive, which takes one reference
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(source);  // the reference the archive would have taken
    throw std::runtime_error("docx: cannot open zip archive");
  }
  for (const auto& [name, content] : parts) {
    zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (file == nullptr || zip_file_add(archive, name.c_str(), file, ZIP_FL_ENC_UTF_8) < 0) {
      if (file != nullptr) zip_source_free(file);
      zip_discard(archive);
      throw std::runtime_error("docx: cannot add " + name);
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("docx: cannot write zip archive");
  }
  if (zip_source_open(source) != 0) throw std::runtime_error("docx: cannot read zip archive");
  std::string out;
  zip_source_seek(source, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(source);
  zip_source_seek(source, 0, SEEK_SET);
  if (size > 0) {
    out.resize(static_cast<size_t>(size));
    if (zip_source_read(source, out.data(), out.size()) != size) {
      zip_source_close(source);
      throw std::runtime_error("docx: cannot read zip archive");
    }
  }
  zip_source_close(source);
  return out;
}

}  // namespace sl::docx::detail
