"""Exported workbooks keep the official layout, compute live in Excel/WPS, store perfdesk's figures
in every formula cell, and import back as the same evaluations."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import openpyxl
import pytest

from perfdesk.io.xlsx_export import table_sheet_names, write_workbook
from perfdesk.io.reader import read_file
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from perfdesk.scoring.yearly import Pair, by_year, summary_line, totals
from tests.io.xlsx_helpers import (all_fixture_paths, comparable, fixture_path, load_fixture, map_leaves, unprinted,
                                   with_user_work)


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    """Every fixture as published, and every fixture as if built and worked on in perfdesk."""
    fixtures = [load_fixture(p) for p in all_fixture_paths()]
    evaluations = fixtures + [with_user_work(unprinted(ev)) for ev in fixtures]
    path = tmp_path_factory.mktemp("export") / "all.xlsx"
    write_workbook(path, evaluations)
    return evaluations, path


@pytest.fixture(scope="module")
def book(everything):
    return openpyxl.load_workbook(everything[1])


@pytest.fixture(scope="module")
def values(everything):
    return openpyxl.load_workbook(everything[1], data_only=True)


def test_every_fixture_survives_export_and_import(everything):
    evaluations, path = everything
    found = read_file(path)
    back = found.evaluations
    assert not [line for line in found.lines() if "未识别" in line]  # its own subtotal columns are known
    assert len(evaluations) == 48 and len(back) == 48
    for original, imported in zip(evaluations, back):
        assert comparable(imported) == comparable(original), original.project
    worked = back[24 + 18]  # 004_02 as worked on: its manual score, reason, direction and texts came back
    first, second = list(worked.leaves())[:2]
    assert first.manual_score == Decimal("1.5") and first.manual_reason == "抽查发现问题\n扣分"
    assert second.direction == "lower" and worked.report_sections[1] == ("other", "=其他说明")


def test_sheets_have_generated_names_one_summary_per_year_and_the_rules_last(everything, book):
    evaluations = everything[0]
    names = table_sheet_names(evaluations)
    assert names[:2] == ["2021年表1", "2021年表2"] and "2022年表22" in names
    assert book.sheetnames == names + ["2021年汇总表", "2022年汇总表", "2023年汇总表", "自评报告", "评分规则"]


def _cells(ws, label: str):
    """(row, column) of every cell whose text is `label`."""
    return [(c.row, c.column) for row in ws.iter_rows() for c in row if c.value == label]


def _indicator_columns(ws) -> tuple[int, dict[str, int]]:
    (header, _), = [rc for rc in _cells(ws, "三级指标")]
    labels = {c.value: c.column for c in ws[header] if isinstance(c.value, str)}
    return header, labels


def test_every_formula_stores_perfdesks_figure(everything, book, values):
    """What a viewer that does not recalculate shows: the scoring result, cell for cell."""
    evaluations = everything[0]
    checked = 0
    for name, ev in zip(table_sheet_names(evaluations), evaluations):
        scored = score_evaluation(ev)
        ws, shown = book[name], values[name]
        header, labels = _indicator_columns(ws)
        score_col = labels.get("得分") or labels.get("自评得分")
        if score_col and ev.scored:
            for i, result in enumerate(scored.indicators, 1):
                assert shown.cell(header + i, score_col).value == pytest.approx(float(result.score)), (name, i)
            total_row = max(r for r, _ in _cells(ws, "总分"))
            assert shown.cell(total_row, score_col).value == pytest.approx(float(scored.total))
            assert shown.cell(total_row, score_col + 1).value == scored.grade
            assert ws.cell(total_row, score_col).data_type == "f" and ws.cell(total_row, score_col + 1).data_type == "f"
            checked += 1
        if scored.fund is not None:
            (rate_row, rate_col), = _cells(ws, "执行率（%）")
            stored = shown.cell(rate_row + 1 + ("initial_declared" in ev.columns), rate_col).value
            assert stored == (None if scored.fund.rate is None else pytest.approx(float(scored.fund.rate)))
    assert checked == 22


def test_group_subtotals_beside_the_table_store_the_group_scores(everything, book, values):
    ev = everything[0][24 + 18]  # 004_02 worked on
    scored = score_evaluation(ev)
    name = table_sheet_names(everything[0])[24 + 18]
    ws, shown = book[name], values[name]
    header, labels = _indicator_columns(ws)
    level2, level1 = labels["二级指标得分小计"], labels["一级指标得分小计"]
    first_group = [g for g in scored.groups if len(g.path) == 1][0]
    assert shown.cell(header + 1, level1).value == pytest.approx(float(first_group.score))
    assert ws.cell(header + 1, level1).value.startswith("=SUM(")
    last_printed = openpyxl.utils.column_index_from_string(ws.print_area.split(":")[1].strip("$0123456789"))
    assert level1 == level2 + 1 and level2 == last_printed + 1  # beside the printed form, not in it


def test_ratio_rules_are_formulas_on_number_cells_that_show_the_typed_text(everything, book, values):
    name = table_sheet_names(everything[0])[24 + 17]  # 004_01 as built in perfdesk
    ws = book[name]
    header, labels = _indicator_columns(ws)
    target, actual, weight, score = labels["年度指标值"], labels["实际完成值"], labels["分值"], labels["得分"]
    row = header + 2  # 公众号月更新次数: =8 -> 12
    assert ws.cell(row, target).value == 8 and ws.cell(row, target).number_format == '"="0'
    assert ws.cell(row, actual).value == 12
    formula = ws.cell(row, score).value
    assert formula.startswith(f"=IF(ISNUMBER({ws.cell(row, actual).coordinate}),ROUND(N({ws.cell(row, weight).coordinate})*")
    percent = header + 4  # "=100%" -> "100%": a fraction in a percent format
    assert ws.cell(percent, target).value == 1 and ws.cell(percent, target).number_format == '"="0%'
    assert ws.cell(percent, actual).number_format == "0%"


def test_recorded_scores_are_values_and_manual_reasons_are_notes(everything, book):
    names = table_sheet_names(everything[0])
    published = book[names[18]]  # 004_02 as published: every score printed
    header, labels = _indicator_columns(published)
    assert published.cell(header + 1, labels["得分"]).data_type == "n"
    worked = book[names[24 + 18]]
    header, labels = _indicator_columns(worked)
    cell = worked.cell(header + 1, labels["得分"])
    assert cell.value == 1.5 and cell.comment.text == "手工评分，理由：抽查发现问题\n扣分"
    target = worked.cell(header + 2, labels["年度指标值"])
    assert target.comment.text == "计分方向：越低越好"


def test_printed_figures_that_formulas_compute_are_kept_in_notes(book):
    ws = book["2022年表6"]  # 004_01 医疗保障管理事务 as published
    total_row = max(r for r, _ in _cells(ws, "总分"))
    _, labels = _indicator_columns(ws)
    assert ws.cell(total_row, labels["得分"]).comment.text == "原表填报值：99.99"
    assert ws.cell(total_row, labels["得分"]).value.startswith("=ROUND(N(H6)+SUM(")


def test_money_has_thousands_separators(book, values):
    ws = book["2022年表6"]
    (row, col), = _cells(ws, "全年预算数")
    assert ws.cell(row + 1, col).number_format == "#,##0.00" and values["2022年表6"].cell(row + 1, col).value == 390065700
    executed = ws.cell(row + 1, col + 1)
    assert executed.number_format == "#,##0.00" and executed.value == 389545477.1


def test_the_summary_of_each_year_lists_that_year_with_a_total_of_sums(everything, book, values):
    evaluations = everything[0]
    pairs = [Pair(ev, score_evaluation(ev)) for ev in evaluations]
    for year, items in by_year(pairs):
        ws, shown = book[f"{year}年汇总表"], values[f"{year}年汇总表"]
        assert [c.value for c in ws[4]] == ["序号", "项目名称", "实施单位", "全年预算数", "全年执行数", "执行率",
                                           "预算执行得分", "指标得分", "自评总分", "等级", "偏差原因摘要"]
        for number, item in enumerate(items, 1):
            line, row = summary_line(item), [c.value for c in shown[4 + number]]
            expected = [number, item.ev.project, item.ev.implementer, line.annual, line.executed, line.rate,
                        line.fund_score, line.indicator_score, line.total, line.grade, line.reasons or None]
            assert row == [_num(v) for v in expected], (year, number)
        t, total = totals(items, DEFAULT_SCHEME.grade_bands), [c.value for c in shown[5 + len(items)]]
        assert total[0] == f"合计（共{len(items)}个项目）"
        rate = None if t.rate is None else t.rate.quantize(Decimal("0.01"))
        assert total[3:10] == [_num(v) for v in (t.annual, t.executed, rate, t.fund_score, t.indicator_score, t.total)] + [
            "优{}个、良{}个、中{}个、差{}个".format(*t.grades.values())]
    ws = book["2022年汇总表"]
    total_row = 5 + 22
    assert ws[f"D{total_row}"].value == f"=SUM(D5:D{total_row - 1})"
    assert ws[f"F{total_row}"].value == f'=IF(OR(N(D{total_row})=0,NOT(ISNUMBER(E{total_row}))),"",ROUND(E{total_row}/D{total_row}*100,2))'
    assert ws["D5"].value == "='2022年表1'!E7"  # a 万元 table: no scaling
    assert ws["D10"].value == "='2022年表6'!D6*0.0001"  # a 元 table, summed in 万元


def _num(value):
    return pytest.approx(float(value)) if isinstance(value, Decimal) else value


def test_report_texts_have_their_own_sheet(everything, book):
    ws = book["自评报告"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows[0] == ["工作表", "项目", "章节", "报告文字"]
    assert rows[1] == ["2021年表13", everything[0][24].project, "一、基本情况", "基本情况。\n第二段"]
    assert rows[2][2:] == ["八、其他需要说明的情况", "=其他说明"] and ws.cell(4, 4).data_type == "s"


def test_layout_merges_borders_and_a4_print_setup(book):
    ws = book["2022年表1"]  # 002_01 医药招采与基金监管工作经费
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:J1", "C5:D5", "B12:B15", "B16:B17", "A11:A18"} <= merged
    assert ws.print_title_rows == "$11:$11"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage  # one page wide (the default)
    assert ws["D12"].border.left.style == "thin" and ws["D12"].alignment.wrap_text


def test_targets_starting_with_equals_are_text_not_formulas(book):
    ws = book["2022年表6"]
    assert ws["E14"].value == "=8" and ws["E14"].data_type == "s" and ws["E14"].quotePrefix


def test_export_replaces_the_file_atomically(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    write_workbook(target, [load_fixture(fixture_path("004_04"))])
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_score_perfdesk_computed_does_not_come_back_as_printed(tmp_path):
    edited = map_leaves(load_fixture(fixture_path("004_02")), lambda i, leaf: replace(leaf, score_printed=None) if i == 0 else leaf)
    write_workbook(tmp_path / "one.xlsx", [edited])
    [back] = read_file(tmp_path / "one.xlsx").evaluations
    assert next(back.leaves()).score_printed is None and comparable(back) == comparable(edited)


def test_the_workspaces_signature_block_prints_and_every_name_comes_back(tmp_path):
    from perfdesk.scoring.evaluation import Signatories
    from perfdesk.scoring.signature import DEFAULT_SIGNATURE
    block = DEFAULT_SIGNATURE.with_item("preparer", label="经办人").with_item("reviewer", shown=False)
    who = Signatories(preparer="张喆", phone="021-65000000", reviewer="王五", head="李堃", finance_head="赵六", date="2023-03-25")
    ev = replace(load_fixture(fixture_path("004_02")), signatories=who)
    write_workbook(tmp_path / "s.xlsx", [ev], signature=block)
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").worksheets[0]
    [row] = [c for r in ws.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith("经办人")]
    assert row.value == "经办人：张喆    联系电话：021-65000000    单位负责人：李堃    财务负责人：赵六    填报日期：2023-03-25    单位（盖章）"
    assert "审核人：王五" in row.comment.text  # hidden on the row, kept in the note
    [back] = read_file(tmp_path / "s.xlsx").evaluations
    assert back.signatories == who
    write_workbook(tmp_path / "d.xlsx", [ev])
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx").worksheets[0]
    [row] = [c for r in ws.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith("填报人")]
    assert row.comment is None and read_file(tmp_path / "d.xlsx").evaluations[0].signatories == who
