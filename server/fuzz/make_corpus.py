#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets into corpus/<target>/ (run once; the
files are committed). corpus/sheet/libxlsxwriter.xlsx is a real workbook written by
libxlsxwriter and is kept as it is. Crash inputs found later are added by hand as crash-*."""
import io
import pathlib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def put(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


# --- JSON bodies (the validator asks for title, content, year, unit_id, committee_id, publish,
# kind, mobile, due, co_units, extra); the first line doubles as a query string.
put("json_validator", "valid.json",
    '{"title":"关于加快老旧小区加装电梯的建议","content":"正文\\n第二段","year":2026,"unit_id":null,'
    '"committee_id":3,"publish":true,"kind":"集体","mobile":"13800138000","due":"2026-02-29",'
    '"co_units":[1,2,3],"extra":{"a":[1,{"b":"c"}]}}')
put("json_validator", "wrong_types.json",
    '{"title":"  ","content":5,"year":1.5,"unit_id":-1,"committee_id":"3","publish":"yes","kind":"x",'
    '"mobile":"1380013800","due":"2025-13-01","co_units":[0,"a"],"unknown":1}')
put("json_validator", "escapes.json",
    '{"title":"\\u3000\\u63d0\\u6848\\ud83d\\ude00\\u0000","content":"\\ud800","year":9223372036854775807,'
    '"unit_id":18446744073709551615,"co_units":[1e3]}')
put("json_validator", "not_object.json", '[1,2,3]')
put("json_validator", "nested.json", '{"title":"a","extra":' + "[" * 100 + "]" * 100 + "}")
put("json_validator", "depth64.json", '{"title":"a","extra":[' + '{"k":[' * 31 + '"]}[{\\"x"' + ']}' * 31 + "]}")
put("json_validator", "query.txt", "page=2&page_size=100&q=%E5%85%BB%E8%80%81+%E6%9C%8D%E5%8A%A1&id=-12\n{}")

# --- multipart bodies: first line is the Content-Type header.
b = "----WebKitFormBoundaryAbc123"
put("multipart", "form.txt",
    f"multipart/form-data; boundary={b}\n"
    f"--{b}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n备注\r\n"
    f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"委员名单.csv\"\r\n"
    f"Content-Type: text/csv\r\n\r\n姓名,手机\r\n王建国,13800138000\r\n--{b}--\r\n")
put("multipart", "quoted_boundary.txt",
    'multipart/form-data; boundary="a b;c"\n--a b;c\r\nContent-Disposition: form-data; name=file; '
    'filename=x.xlsx\r\n\r\nPK\x03\x04\r\n--a b;c--')
put("multipart", "attachment_field.txt",
    f"multipart/form-data; boundary=X\n--X\r\nContent-Disposition: form-data; name=\"attachment\"; "
    f"filename=\"答复.pdf\"\r\n\r\n%PDF-1.4\r\n--X\r\n\r\n--X--")
put("multipart", "raw.txt", "application/octet-stream\n原始上传的内容")
put("multipart", "no_boundary.txt", "multipart/form-data\n--X\r\n\r\n")

# --- sheets: CSV in several dialects, a hand-made .xlsx, and the structured XLSX form.
put("sheet", "members.csv",
    "\ufeff姓名,手机,界别\r\n王建国,13800138000,经济界\r\n\"李 华\",=\"0571\",\"教育界,\"\"科技\"\"\"\r\n\r\n,,\r\n")
put("sheet", "sep_semicolon.csv", "sep=;\n题目;提案人\n关于 5G 基站建设的建议;民盟\n\"多\n行\";x\n")
put("sheet", "tabs.csv", "標題\t類別\n養老服務\t社會事業\n")
put("sheet", "not_a_sheet.html", "<html><body>not a sheet</body></html>")

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
      'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr '
            'date1904="false"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
           '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
           'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>'
           '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
           'Target="../xl/./styles.xml"/></Relationships>')
SST = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'count="4" uniqueCount="4"><si><t>姓名</t></si><si><t xml:space="preserve"> 手机 </t></si><si><r><t>出生</t>'
       '</r><r><rPr><b/></rPr><t>日期</t></r><rPh><t>しゅっせい</t></rPh></si><si><t>王_x000D_建国</t></si></sst>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
          '2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;'
          '日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/>'
          '</cellXfs></styleSheet>')
SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
         '2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s">'
         '<v>2</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>13800138000</v></c><c r="C3" s="1">'
         '<v>25569</v></c><c r="D3" s="2"><v>45000.75</v></c></row><row><c t="inlineStr"><is><t>李华</t></is></c>'
         '<c t="b"><v>1</v></c><c t="str"><v>=A1</v></c><c t="d"><v>2026-01-02T00:00:00Z</v></c><c t="e"><v>#N/A</v>'
         '</c><c r="J4"><v>-1.5E-3</v></c></row></sheetData></worksheet>')

buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
                       ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/sharedStrings.xml", SST),
                       ("xl/styles.xml", STYLES), ("xl/worksheets/sheet1.xml", SHEET)]:
        z.writestr(name, text)
put("sheet", "handmade.xlsx", buf.getvalue())

SEP = "\n--part--\n"
put("sheet", "parts_full.txt", "XLSX\n" + SEP.join([RELS, WORKBOOK, WB_RELS, SST, STYLES, SHEET]))
put("sheet", "parts_no_rels.txt", "XLSX\n" + SEP.join(
    ["", '<x:workbook xmlns:x="x"><x:sheets><x:sheet/></x:sheets></x:workbook>', "", "", "",
     '<worksheet><sheetData><row r="18446744073709551615"><c r="XFD1"><v>1</v></c><c t="s"><v>1e308</v></c>'
     '</row><row r="2"><c><v>a</v></c></row></sheetData></worksheet>']))
put("sheet", "parts_inline.txt", "XLSX\n" + SEP.join(
    ["", '<x:workbook xmlns:x="x"><x:sheets><x:sheet/></x:sheets></x:workbook>', "", "", "",
     '<x:worksheet xmlns:x="x"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>题目</x:t></x:is></x:c>'
     '<x:c t="inlineStr"><x:v>a_x0009_b</x:v></x:c></x:row><x:row r="7"><x:c r="B7"><x:v>1E+20</x:v></x:c>'
     '</x:row></x:sheetData></x:worksheet>']))
# Bytes that are not UTF-8 inside the XML text (pugixml passes them through): cells must come out
# as valid UTF-8 all the same (found by the fuzzer; see crash-invalid-utf8-cell.txt).
put("sheet", "parts_bad_utf8.txt", b"XLSX\n" + SEP.join(
    ["", '<workbook><sheets><sheet/></sheets></workbook>', "", "", "",
     '<worksheet><sheetData><row><c t="inlineStr"><is><t>\udcff\udcc0 \udce4\udcbd</t></is></c></row>'
     '</sheetData></worksheet>']).encode("utf-8", "surrogateescape"))
put("sheet", "parts_1904.txt", "XLSX\n" + SEP.join(
    [RELS, WORKBOOK.replace('date1904="false"', 'date1904="1"'), WB_RELS, SST,
     STYLES.replace('numFmtId="22"', 'numFmtId="21"'), SHEET]))

# --- tokenizer: Chinese text and queries, traditional characters, full-width letters, odd bytes.
put("tokenizer", "proposal.txt",
    "关于加快推进5G网络基站建设的建议：我区5G基站覆盖率仅为62%，养老服务机构、社区卫生服务中心信号弱。")
put("tokenizer", "query.txt", '养老 -"老旧小区" “加装电梯” ＂全角＂ －排除 5G基 a')
put("tokenizer", "traditional.txt", "關於養老服務體系建設的建議　ＡＢＣ１２３ Ｗｉ－Ｆｉ Ünïcödé ß")
put("tokenizer", "mixed.txt", "〇一二 𠀀𠀁 \ue000 \ufffd x\u00d7y a\u00f7b\xff".encode("utf-8", "surrogatepass") + b"\xff\xc0\x80\xed\xa0\x80")

# --- docx: records separated by 0x1E, the first byte of each chooses the block (see docx_fuzz.cpp).
RS, US, GS = "\x1e", "\x1f", "\x1d"
put("docx", "proposal.txt", RS.join([
    "\x00关于加快老旧小区\n加装电梯工作的建议", "\x01提案人：王建国", "\x02一、基本情况",
    "\x05我区建成于2000年以前的老旧小区共有312个。\n第二段 <b>&amp;\"'</b>",
    "\x07案由" + US + "关于养老\n服务", "\x03（一）问题", "\x041.审批环节多", "\x06不缩进的正文",
    "\x09某某区政协提案委员会", "\x0a\x07\xea\x0b\x1c", "\x0b", "\x0c\x05正文块"]))
put("docx", "table.txt", RS.join([
    "\x00表格", "\x08\x05\x02\x00\x00\x00\x01\x00\x00\x00序号" + US + "单位" + US + "答复" + GS + "1" + US + "区民政局"
    + US + "已办结" + GS + "2" + US + "区财政局", "\x08\x00" + GS + GS, "\x0c\x09不是表格"]))
put("docx", "controls.txt", RS.join([
    "\x00\x01\x02\x0b\x0c\x7f标题\ufffe\uffff", "\x05\xff\xfe\xc0\x80\xed\xa0\x80 \t制表\r\n行", "\x0a\x00\x00\x02\x1e",
    "\x0a\x07\xe8\x02\x1d"]).encode("utf-8", "surrogatepass"))

print("corpus written to", CORPUS)
