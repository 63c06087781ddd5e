#!/usr/bin/env python3
"""Writes the site-list fixtures of tests/gis/test_import_encodings.cpp and
test_import_office_sheets.cpp: one facility list in every encoding offices send (TCVN3, VNI,
VISCII, Windows-1258, UTF-16 "Unicode text", UTF-8 with ';'), and a list laid out as offices
lay it out (title rows, merged title cells, STT, column numbers, a total row and a signature
block) as XLSX and as an Excel-style CSV.

The legacy bytes come from tools independent of SafeMap's converters: glibc iconv for TCVN3
(TCVN5712-1), VISCII and Windows-1258 (CP1258, which iconv writes decomposed: base letter +
combining tone, as Windows does), Python's codec for UTF-16, and for VNI-Windows the table
typed from the published VNI table (copied from tests/data/text/make_fixtures.py). The XLSX
is written as raw Office Open XML with zipfile, so that it has exactly the title rows and
merged cells wanted (GDAL's writer always puts a header in row 1). Run it from this
directory; the expected values in the tests are typed by hand, not read from here.
"""
import subprocess
import zipfile
from xml.sax.saxutils import escape

# No capital letter with a tone mark: TCVN3 (ABC) keeps those in another font, not in bytes,
# so the same text round-trips through every encoding.
LIST = [
    ["Mã số thuế", "Tên doanh nghiệp", "Địa chỉ", "Khu công nghiệp", "Số lao động", "Kinh độ",
     "Vĩ độ"],
    ["0101234567", "Công ty TNHH Điện tử Đồng Văn", "Lô 5, đường số 2", "KCN Đồng Văn II", "1.250",
     "105.9312", "20.6345"],
    ["0107654321", "Công ty cổ phần may Sông Hồng", "Số 2, đường Nguyễn Trãi",
     "Cụm công nghiệp Kim Bình", "310", "", ""],
    ["4900123456", "Hợp tác xã dệt thổ cẩm Lạng Sơn", "Thôn Nà Lượng, xã Hợp Thành",
     "KKT Đồng Đăng - Lạng Sơn", "1,250", "106.7012", "21.9421"],
]

# VNI-Windows: letter -> bytes (see tests/data/text/make_fixtures.py for the table's origin).
PLAIN = [None, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF]
CIRC = [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4]
BREVE = [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB]
ROWS = {  # letters in tone order: level, grave, acute, hook, tilde, dot
    "aàáảãạ": (b"a", PLAIN), "ăằắẳẵặ": (b"a", BREVE), "âầấẩẫậ": (b"a", CIRC),
    "eèéẻẽẹ": (b"e", PLAIN), "êềếểễệ": (b"e", CIRC), "oòóỏõọ": (b"o", PLAIN),
    "ôồốổỗộ": (b"o", CIRC), "ơờớởỡợ": (b"\xf4", PLAIN), "uùúủũụ": (b"u", PLAIN),
    "ưừứửữự": (b"\xf6", PLAIN), "yỳýỷỹỵ": (b"y", PLAIN),
}
VNI = {"đ": b"\xf1", "Đ": b"\xd1", "i": b"i", "ì": b"\xec", "í": b"\xed", "ỉ": b"\xe6",
       "ĩ": b"\xf3", "ị": b"\xf2", "ỵ": b"\xee"}
for letters, (base, marks) in ROWS.items():
    for i, ch in enumerate(letters):
        if ch in VNI:
            continue
        VNI[ch] = base + (bytes([marks[i]]) if marks[i] else b"")
for ch in list(VNI):
    up = ch.upper()
    if up != ch:
        VNI[up] = bytes(b - 0x20 if b >= 0xC0 else (b - 0x20 if 0x61 <= b <= 0x7A else b)
                        for b in VNI[ch])


def vni(text):
    return b"".join(VNI.get(ch) or ch.encode("ascii") for ch in text)


def iconv(text, encoding):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding], input=text.encode(),
                          check=True, capture_output=True).stdout


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


def csv(rows, sep=",", eol="\r\n"):
    def cell(v):
        v = "" if v is None else str(v)
        return '"' + v.replace('"', '""') + '"' if (sep in v or '"' in v or "\n" in v) else v
    return eol.join(sep.join(cell(v) for v in row) for row in rows) + eol


# ---- one list, every encoding ------------------------------------------------------------
text = csv(LIST)
write("co_so_tcvn3.csv", iconv(text, "TCVN5712-1"))
write("co_so_vni.csv", vni(text))
write("co_so_viscii.csv", iconv(text, "VISCII"))
write("co_so_cp1258.csv", iconv(text, "CP1258"))
# Excel's "Unicode text": UTF-16 little-endian with a byte order mark, tab-separated, CRLF.
write("co_so_utf16.txt", "\ufeff".encode("utf-16-le") + csv(LIST, "\t").encode("utf-16-le"))
write("co_so_utf8_semicolon.csv", csv(LIST, ";").encode())

# ---- a list as an office lays it out -----------------------------------------------------
HEADER = ["STT", "Tên doanh nghiệp", "Mã số thuế", "Địa chỉ", "KCN/CCN", "Số lao động",
          "Lao động ngoại tỉnh", "Kinh độ", "Vĩ độ", "Ghi chú"]
OFFICE = [
    ["UBND TỈNH HÀ NAM", None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],   # 1
    ["BAN QUẢN LÝ CÁC KCN", None, None, None, None, "Độc lập - Tự do - Hạnh phúc"],          # 2
    None,                                                                                   # 3
    ["DANH SÁCH CÁC CƠ SỞ SẢN XUẤT KINH DOANH TRONG KHU, CỤM CÔNG NGHIỆP"],                 # 4
    ["(Kèm theo Công văn số 1987/BQL-QLDN ngày 24/6/2021)"],                                # 5
    HEADER,                                                                                 # 6
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"],                 # 7
    [1, "Công ty TNHH Điện tử Đồng Văn", "0101234567", "Lô 5, đường số 2",
     "KCN Đồng Văn II", "1.250", 300, 105.9312, 20.6345],                                   # 8
    [2, "Công ty CP May Hữu Lũng", "4900123456", "Xã Hồ Sơn", "Khu công nghiệp Hữu Lũng",
     850, 40, None, None, "chưa có tọa độ"],                                                # 9
    [3, "Công ty TNHH Cơ khí Kim Bình", "0700111222", None, "cụm cn kim binh", "2.000",
     "1,200"],                                                                              # 10
    [4, "Hợp tác xã Nông sản Đồng Đăng", "4900765432", None,
     "KKT cửa khẩu Đồng Đăng – Lạng Sơn", 120, None, 106.7012, 21.9421],                    # 11
    [5, "Công ty TNHH Bao bì Phú Thị", "0105556667", None, "CCN Phú Thị", "1 500", 15,
     105.9755, 21.0005],                                                                    # 12
    [None, "Tổng cộng", None, None, None, "5.720", "1.555"],                                # 13
    None,                                                                                   # 14
    [None, None, None, None, None, "Hà Nam, ngày 26 tháng 6 năm 2021"],                      # 15
    ["NGƯỜI LẬP BIỂU", None, None, None, None, "TRƯỞNG BAN"],                                # 16
    ["(Ký, ghi rõ họ tên)", None, None, None, None, "(Ký tên, đóng dấu)"],                    # 17
    None,                                                                                   # 18
    ["Nguyễn Văn An", None, None, None, None, "Trần Thị Bình"],                              # 19
]
MERGES = ["A1:D1", "F1:J1", "A2:D2", "F2:J2", "A4:J4", "A5:J5", "A13:E13", "F15:J15"]


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, rows, merges=(), sheet="Danh sach"):
    strings, index = [], {}

    def sid(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    xml_rows = []
    for r, row in enumerate(rows, start=1):
        if row is None:
            continue
        cells = []
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            ref = f"{col(c)}{r}"
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{sid(v)}</v></c>')
        xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    merge_xml = ""
    if merges:
        merge_xml = (f'<mergeCells count="{len(merges)}">' +
                     "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    sheet_xml = (f'{head}<worksheet xmlns="{main}"><sheetData>{"".join(xml_rows)}</sheetData>'
                 f'{merge_xml}</worksheet>')
    sst = (f'{head}<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">' +
           "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) +
           "</sst>")
    wb = (f'{head}<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
          f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wb_rels = (f'{head}<Relationships xmlns="{pkg}">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
               "</Relationships>")
    rels = (f'{head}<Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>")
    ooxml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    ct = (f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" '
          'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          f'<Override PartName="/xl/workbook.xml" ContentType="{ooxml}.sheet.main+xml"/>'
          f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ooxml}.worksheet+xml"/>'
          f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ooxml}.sharedStrings+xml"/>'
          "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels),
                           ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", wb_rels),
                           ("xl/worksheets/sheet1.xml", sheet_xml),
                           ("xl/sharedStrings.xml", sst)]:
            info = zipfile.ZipInfo(name, date_time=(2021, 6, 26, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


write_xlsx("danh_sach_co_so.xlsx", OFFICE, MERGES)
# The same sheet saved by Excel as "CSV UTF-8": byte order mark, ';' (a Vietnamese locale's
# list separator), every row padded to the sheet's width, merged cells as one cell + blanks.
WIDTH = len(HEADER)
padded = [[] if r is None else [("" if v is None else str(v)) for v in r] for r in OFFICE]
padded = [r + [""] * (WIDTH - len(r)) for r in padded]
write("danh_sach_co_so.csv", b"\xef\xbb\xbf" + csv(padded, ";").encode())
