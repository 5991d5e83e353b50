"""Exported workbooks keep the official layout, compute live in Excel/WPS and import back unchanged."""
from __future__ import annotations

from dataclasses import replace
import openpyxl
import pytest

from perfdesk.io.xlsx_export import write_workbook
from perfdesk.io.reader import read_file
from tests.io.xlsx_helpers import all_fixture_paths, comparable, fixture_path, load_fixture


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    evaluations = [load_fixture(p) for p in all_fixture_paths()]
    path = tmp_path_factory.mktemp("export") / "all.xlsx"
    write_workbook(path, evaluations)
    return evaluations, path


def test_every_fixture_survives_export_and_import(everything):
    evaluations, path = everything
    back = read_file(path).evaluations
    assert len(evaluations) == 24 and len(back) == 24
    for original, imported in zip(evaluations, back):
        assert comparable(imported) == comparable(original), original.project


@pytest.fixture(scope="module")
def book(everything):
    return openpyxl.load_workbook(everything[1])


def test_computed_cells_are_live_formulas(book):
    ws = book["医疗保障管理事务"]
    assert ws["G6"].value == '=IF(N(D6)=0,"",ROUND(N(E6)/N(D6)*100,2))'  # 执行率
    assert ws["H6"].value.startswith("=IF(N(D6)=0") and "MIN(N(E6)/N(D6),1)" in ws["H6"].value  # 得分
    assert ws["A32"].value == "总分"
    assert ws["H32"].value == "=ROUND(N(H6)+SUM(H13:H31),2)"
    assert ws["I32"].value.startswith('=IF(H32="","",IF(H32>=90,"优"')
    assert ws["H32"].comment.text == "原表填报值：99.99"


def test_targets_starting_with_equals_are_text_not_formulas(book):
    ws = book["医疗保障管理事务"]
    assert ws["E14"].value == "=8" and ws["E14"].data_type == "s"


def test_layout_merges_borders_and_a4_print_setup(book):
    ws = book["医药招采与基金监管工作经费"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:J1", "C5:D5", "B12:B15", "B16:B17", "A11:A18"} <= merged
    assert ws.print_title_rows == "$11:$11"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["D12"].border.left.style == "thin" and ws["D12"].alignment.wrap_text


def test_summary_sheet_links_sheets_and_totals_the_rate(everything, book):
    evaluations = everything[0]
    ws = book["汇总表"]
    assert book.sheetnames[-1] == "汇总表"
    assert [c.value for c in ws[2]] == ["项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率（%）", "自评得分", "等级"]
    assert ws["B20"].value == "='医疗保障管理事务'!D6*0.0001"
    assert ws["E20"].value == "='医疗保障管理事务'!H32"
    total = 3 + len(evaluations)
    assert ws[f"A{total}"].value == "合计"
    assert ws[f"B{total}"].value == f"=SUM(B3:B{total - 1})"
    assert ws[f"D{total}"].value == f'=IF(N(B{total})=0,"",ROUND(N(C{total})/N(B{total})*100,2))'


def test_scores_perfdesk_computed_do_not_come_back_as_printed(tmp_path):
    original = load_fixture(fixture_path("004_02"))
    root = original.indicators[0]
    group = root.children[0]
    unprinted = replace(group.children[0], score_printed=None)
    edited = replace(original, indicators=(replace(root, children=(replace(group, children=(unprinted,)),) + root.children[1:]),) + original.indicators[1:])
    write_workbook(tmp_path / "one.xlsx", [edited])
    ws = openpyxl.load_workbook(tmp_path / "one.xlsx").worksheets[0]
    assert ws["H13"].value == 15 and "计算值" in ws["H13"].comment.text  # the engine's score, noted
    back = read_file(tmp_path / "one.xlsx").evaluations[0]
    assert comparable(back) == comparable(edited)


def test_export_replaces_the_file_atomically(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    write_workbook(target, [load_fixture(fixture_path("004_04"))])
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_manual_score_survives_the_workbook_as_the_printed_score(tmp_path):
    from decimal import Decimal

    from perfdesk.scoring.engine import score_evaluation
    ev = load_fixture(fixture_path("004_02_chengxiang_yiliao_jiuzhu"))
    root = ev.indicators[0]
    group = root.children[0]
    leaf = replace(group.children[0], manual_score=Decimal("12.5"), manual_reason="抽查扣分")
    edited = replace(ev, indicators=(replace(root, children=(replace(group, children=(leaf,)),) + root.children[1:]),)
                     + ev.indicators[1:])
    write_workbook(tmp_path / "m.xlsx", [edited])
    [back] = read_file(tmp_path / "m.xlsx").evaluations
    assert next(back.leaves()).score_printed == Decimal("12.5")
    assert score_evaluation(back).total == score_evaluation(edited).total


def test_signatories_survive_the_workbook(tmp_path):
    from perfdesk.scoring.evaluation import Signatories
    ev = replace(load_fixture(fixture_path("004_02_chengxiang_yiliao_jiuzhu")),
                 signatories=Signatories(preparer="张喆", phone="021-65000000", head="李堃", date="2023-03-25"))
    write_workbook(tmp_path / "s.xlsx", [ev])
    [back] = read_file(tmp_path / "s.xlsx").evaluations
    assert back.signatories == ev.signatories
