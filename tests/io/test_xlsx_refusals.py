"""Malformed and hostile workbooks are refused quickly, with a Chinese message, storing nothing."""
from __future__ import annotations

import random
import time
import zipfile

import pytest
from openpyxl import Workbook

from perfdesk.io.files import ImportRefused, read_tables
from perfdesk.models.workspace import Workspace
from tests.io.xlsx_helpers import CHINESE, FIXTURES, WORKBOOKS, fixture_path, load_fixture

REALWORLD = FIXTURES.parent / "realworld"


def truncated(path):
    data = (WORKBOOKS / "yangpu_2022.xlsx").read_bytes()
    path.write_bytes(data[: len(data) // 2])


def not_a_zip(path):
    path.write_bytes("这不是工作簿\n".encode() * 100)


def empty_workbook(path):
    Workbook().save(path)


def random_text(path):
    book, rng = Workbook(), random.Random(6)
    for _ in range(40):
        book.active.append(["".join(rng.choice("甲乙丙丁abc123，。") for _ in range(12)) for _ in range(8)])
    book.save(path)


_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def many_rows(path):
    """A real 100,000-row workbook, written directly (openpyxl takes seconds to write one)."""
    _workbook(path, "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 100_001)))


def zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            zeros = b"0" * (1 << 20)
            for _ in range(300):  # 300 MB of one byte, about 300 KB compressed
                sheet.write(zeros)


def _workbook(path, sheet_data: str, after: str = "") -> None:
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<sheetData>{sheet_data}</sheetData>{after}</worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)


def far_cell(path):
    """One far cell merged with A1: a reader that makes every covered cell never finishes."""
    _workbook(path, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row>',
              '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')


def broken_ole2(path):
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096)


def renamed_xls(path):
    path.write_bytes((REALWORLD / "11_xls_biff8_jishan.xls").read_bytes())


CASES = {
    "truncated zip": (truncated, "损坏"),
    "not a zip": (not_a_zip, "不是可以读取的表格文件"),
    "empty workbook": (empty_workbook, "空的"),
    "random text": (random_text, "没有可识别的评价表"),
    "100,000 rows": (many_rows, "超过 50000 个"),
    "one far cell merged with A1": (far_cell, "合并单元格超过"),
    "zip bomb": (zip_bomb, "解压后过大"),
    "broken OLE2": (broken_ole2, "损坏"),
    "an .xls renamed .xlsx": (renamed_xls, "扩展名"),
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    ws = Workspace.create(tmp_path_factory.mktemp("ws") / "w.perfdesk")
    ws.import_evaluations([load_fixture(fixture_path("004_04"))])
    yield ws
    ws.close()


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_quickly_with_a_chinese_message_and_nothing_stored(case, tmp_path, workspace):
    make, phrase = CASES[case]
    path = tmp_path / "bad.xlsx"
    make(path)
    before = workspace.evaluations()
    start = time.monotonic()
    with pytest.raises(ImportRefused) as refused:
        workspace.import_evaluations(read_tables(path))
    elapsed = time.monotonic() - start
    assert elapsed < 10, f"{case} took {elapsed:.1f} s"
    print(f"{case}: refused in {elapsed:.3f} s")
    message = str(refused.value)
    assert message.startswith("bad.xlsx：") and CHINESE.search(message) and phrase in message
    assert workspace.evaluations() == before


def test_other_file_types_are_refused(tmp_path):
    path = tmp_path / "table.xls"
    path.write_bytes(b"x")
    with pytest.raises(ImportRefused, match="不是可以读取的表格文件（Excel 97-2003 工作簿（.xls））"):
        read_tables(path)
    path = tmp_path / "table.txt"
    path.write_bytes(b"x")
    with pytest.raises(ImportRefused, match="不支持的文件类型“.txt”"):
        read_tables(path)


def test_missing_workbook_is_refused(tmp_path):
    with pytest.raises(ImportRefused, match="找不到文件"):
        read_tables(tmp_path / "none.xlsx")
