"""Each grid source gives cells as displayed, merged ranges and hidden rows; the recognizer sees one grid."""
from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

import docx
import openpyxl
import pytest
import xlwt

from perfdesk.io.grid.clipboard import grid_from_clipboard
from perfdesk.io.grid.docx import read_docx
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import DATE, PERCENT, Grid, GridCell
from perfdesk.io.recognize.rows import rows_of
from perfdesk.io.grid.numfmt import exact, format_code, number_cell
from perfdesk.io.grid.xls import read_xls
from perfdesk.io.grid.xlsx import read_xlsx


@pytest.mark.parametrize("format_id, shown", [(57, "2021年12月"), (31, "2021年12月1日"), (58, "12月1日"), (14, "2021/12/1")])
def test_chinese_builtin_date_formats_show_the_date(format_id, shown):
    cell = number_cell(Decimal(44531), format_code(format_id, {}))
    assert (cell.text, cell.kind) == (shown, DATE)


@pytest.mark.parametrize("code, value, shown", [("0.00%", "0.973", "97.30%"), ("0%", "0.99", "99%"),
                                                ("0.0%", "1", "100.0%"), ("General", "0.30000000000000004", "0.3")])
def test_percentages_keep_their_printed_decimals(code, value, shown):
    assert number_cell(exact(value), code).text == shown


def _sheet_cells(ws):
    ws["A1"], ws["B1"] = "项目名称", "示例"
    ws["A2"] = dt.datetime(2022, 3, 15)
    ws["A2"].number_format = 'yyyy"年"m"月"d"日"'
    ws["B2"] = 0.973
    ws["B2"].number_format = "0.00%"
    ws["C2"] = "4,878,000"
    ws.merge_cells("A3:A5")
    ws["A3"] = "产出指标"
    ws["B5"] = "人数"
    ws.row_dimensions[4].hidden = True


def test_xlsx_cells_merges_and_hidden_rows(tmp_path):
    book = openpyxl.Workbook()
    _sheet_cells(book.active)
    book.save(tmp_path / "a.xlsx")
    [grid], _ = read_xlsx(tmp_path / "a.xlsx")
    assert grid.get(2, 1).text == "2022年3月15日" and grid.get(2, 2).kind == PERCENT and grid.get(2, 2).text == "97.30%"
    assert grid.get(2, 3).text == "4,878,000"
    assert grid.merges == [(3, 1, 5, 1)] and grid.above(5, 1).text == "产出指标" and grid.hidden_rows == {4}


def test_xls_cells_merges_and_hidden_rows(tmp_path):
    book = xlwt.Workbook()
    sheet = book.add_sheet("表1")
    sheet.write(0, 0, "项目名称")
    sheet.write(1, 0, dt.datetime(2022, 3, 15), xlwt.easyxf(num_format_str='yyyy"年"m"月"d"日"'))
    sheet.write(1, 1, 0.973, xlwt.easyxf(num_format_str="0.00%"))
    sheet.write_merge(2, 4, 0, 0, "产出指标")
    sheet.write(4, 1, "人数")
    sheet.row(3).hidden = True
    book.save(str(tmp_path / "a.xls"))
    [grid], _ = read_xls(tmp_path / "a.xls")
    assert (grid.get(2, 1).text, grid.get(2, 2).text) == ("2022年3月15日", "97.30%")
    assert grid.merges == [(3, 1, 5, 1)] and grid.hidden_rows == {4}


def test_word_table_merges_become_ranges_and_paragraphs_rows(tmp_path):
    document = docx.Document()
    document.add_paragraph("2022年度项目支出绩效自评表")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "产出指标"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "年度指标值"
    table.cell(1, 1).text = "≥95%"
    document.save(tmp_path / "a.docx")
    [grid], _ = read_docx(tmp_path / "a.docx")
    assert grid.get(1, 1).text == "2022年度项目支出绩效自评表"
    assert sorted(grid.merges) == [(2, 1, 4, 1), (2, 2, 2, 3)]
    assert grid.get(2, 1).text == "产出指标" and grid.above(4, 1).text == "产出指标" and grid.get(3, 2).text == "≥95%"


EXCEL_HTML = """<html><body><!--StartFragment--><table>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>参考分值</td><td>全年实际值(B)</td></tr>
<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>人数</td><td>10</td><td>2370人</td></tr>
<tr style='display:none'><td>隐藏</td><td>指标2：</td><td></td><td></td></tr>
<tr><td colspan=2>质量&nbsp;指标<br>续</td><td>5</td><td>符合</td></tr>
</table><!--EndFragment--></body></html>"""


def test_clipboard_html_keeps_spans_and_hidden_rows():
    grid = grid_from_clipboard("ignored\ttext", EXCEL_HTML)
    assert grid.merges == [(2, 1, 3, 1), (4, 1, 4, 2)]
    assert grid.hidden_rows == {3}
    assert grid.get(4, 1).text == "质量 指标\n续" and grid.get(4, 3).text == "5"


def test_clipboard_text_with_quoted_line_breaks():
    grid = grid_from_clipboard('指标A\t"两行\n文字"\t5\n指标B\t\t3')
    assert grid.get(1, 2).text == "两行\n文字" and grid.get(2, 3).text == "3" and grid.get(2, 2) is None


@pytest.mark.parametrize("value, code, shown", [
    ("1E+30", "0.00%", "100000000000000000000000000000000.00%"),  # more digits than the default 28
    ("123456789012345678901234567890", "#,##0.00", "123,456,789,012,346,000,000,000,000,000.00"),
    ("0.5", "0." + "0" * 100_000 + "%", "50." + "0" * 30 + "%"),  # no format shows over 30 decimals
    ("0.00125", "0.00%", "0.13%"),  # 四舍五入
])
def test_any_stored_number_shows_through_any_format(value, code, shown):
    assert number_cell(exact(value), code).text == shown


def test_a_cell_style_that_is_no_plain_number_reads_as_general(tmp_path):
    book = openpyxl.Workbook()
    book.active["A1"], book.active["A2"] = "项目名称", 0.5
    book.save(tmp_path / "a.xlsx")
    _rewrite_member(tmp_path / "a.xlsx", "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b'r="A2"', b'r="A2" s="\xc2\xb2"'))
    [grid], _ = read_xlsx(tmp_path / "a.xlsx")
    assert grid.get(2, 1).text == "0.5"


def _rewrite_member(path, name: str, change) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = change(members[name])
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)


def test_an_xls_sheet_reads_only_the_cells_it_holds(tmp_path, monkeypatch):
    """Two cells at opposite corners of a 65,536 × 256 sheet: only those two are read (visiting
    every position between them took 25 s for a 6 KB file)."""
    from perfdesk.io.grid import xls
    book = xlwt.Workbook()
    sheet = book.add_sheet("表1")
    sheet.write(0, 0, "项目名称")
    sheet.write(65535, 255, "末格")
    book.save(str(tmp_path / "a.xls"))
    visited, read = [], xls._cell

    def counted(book, sheet, r, c):
        visited.append((r, c))
        assert len(visited) < 100, "empty positions visited"
        return read(book, sheet, r, c)
    monkeypatch.setattr(xls, "_cell", counted)
    [grid], _ = read_xls(tmp_path / "a.xls")
    assert sorted(grid.cells) == [(1, 1), (65536, 256)] and visited == [(0, 0), (65535, 255)]


def test_clipboard_html_whose_spans_cover_too_many_cells_is_refused():
    """Each cell of a pasted web page may span 1000 × 1000: twenty of them took 23 s and gigabytes."""
    html = "<table>" + "<tr><td rowspan=1000 colspan=1000>x</td></tr>" * 20 + "</table>"
    with pytest.raises(Refusal, match="单元格超过 200000 个"):
        grid_from_clipboard("", html)


class _Bounded(dict):
    """A dict that fails a test when it is asked about far more rows than it holds."""

    def __init__(self, *args):
        super().__init__(*args)
        self.asked = 0

    def get(self, key, default=None):
        self.asked += 1
        assert self.asked < 1000, "asked about rows that hold nothing"
        return super().get(key, default)


def test_a_cell_far_below_a_table_costs_no_walk_over_the_rows_between(monkeypatch):
    """A file may number a row 2,000,000,000: the rows between are not visited one by one."""
    from perfdesk.io import recognize
    grid = Grid("表1")
    for row, values in enumerate([("项目名称", "某项目"), ("三级指标", "年度指标值", "实际完成值", "分值"),
                                  ("人数", "5人", "5人", "10")], 1):
        for col, text in enumerate(values, 1):
            grid.put(row, col, GridCell(text))
    grid.put(2_000_000_000, 1, GridCell("末行"))
    grid.notes = _Bounded({3: ["第 3 行的说明"]})
    monkeypatch.setattr(recognize, "rows_of", lambda g: _Bounded(rows_of(g)))
    [table], _ = recognize.recognize(grid, "表.xlsx", 2024)
    assert [leaf.name for leaf in table.evaluation.leaves()] == ["人数"] and "第 3 行的说明" in table.skipped
