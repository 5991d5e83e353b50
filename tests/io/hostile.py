"""Hostile files built in a moment: far more cells than any table, in each format's own packaging."""
from __future__ import annotations

import os
import struct
import zipfile

import xlwt.CompoundDoc

CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
         'Target="{target}"/></Relationships>')
WORKBOOK_PARTS = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": _RELS.format(kind="officeDocument", target="xl/workbook.xml"),
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": _RELS.format(kind="worksheet", target="worksheets/sheet1.xml"),
}


def wide_workbook(path, rows: int = 5000, columns: int = 2400) -> None:
    """The workbook of issue 10: 5,000 rows of 2,400 one-digit cells (about 12 MB, 192 MB of XML)."""
    digits = bytes(48 + b % 10 for b in os.urandom(columns * 50))
    variants = [b"<row>" + b"".join(b"<c><v>%c</v></c>" % d for d in digits[k * columns:(k + 1) * columns]) + b"</row>"
                for k in range(50)]  # 50 different rows: deflate cannot shrink the sheet to a zip bomb
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                        b"<sheetData>")
            for r in range(rows):
                sheet.write(variants[r % 50])
            sheet.write(b"</sheetData></worksheet>")


def wide_document(path, rows: int = 2000, columns: int = 150) -> None:
    """A Word document whose one table holds 300,000 cells."""
    row = b"<w:tr>" + b"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * columns + b"</w:tr>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS.format(kind="officeDocument", target="word/document.xml"))
        with archive.open("word/document.xml", "w") as document:
            document.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                           b'wordprocessingml/2006/main"><w:body><w:tbl>')
            for _ in range(rows):
                document.write(row)
            document.write(b"</w:tbl></w:body></w:document>")


def wide_xls(path, cells: int = 250_000) -> None:
    """An Excel 97-2003 file whose workbook stream is a BOF, `cells` NUMBER records and an EOF."""
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0010, 0, 0, 0, 0)
    numbers = b"".join(struct.pack("<HHHHHd", 0x0203, 14, n // 200, n % 200, 0, 1.0) for n in range(cells))
    xlwt.CompoundDoc.XlsDoc().save(str(path), bof + numbers + struct.pack("<HH", 0x000A, 0))
