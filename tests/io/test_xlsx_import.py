"""The workbooks in tests/data/fixtures/xlsx import into the evaluations their JSON fixtures hold."""
from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import Workbook

from perfdesk.io.files import read_tables
from perfdesk.io.reader import read_file
from tests.io.xlsx_helpers import WORKBOOK_FIXTURES, WORKBOOKS, comparable, fixture_path, load_fixture


def expected(prefix: str, workbook: str, imported: dict) -> dict:
    table = comparable(load_fixture(fixture_path(prefix)))
    if workbook == "xinzhou_2022.xlsx":
        # 执行率 and 得分 are formulas without saved results there: the printed value is unknown,
        # kept as the formula's text (never a number, never blank).
        for fund, got in zip(table["funds"], imported["funds"]):
            assert got["rate_printed"].startswith("=IF(") and got["score_printed"].startswith("=ROUND(")
            fund["rate_printed"], fund["score_printed"] = got["rate_printed"], got["score_printed"]
    if workbook == "synthetic_dept_overall.xlsx":
        # The synthetic workbook prints a different title and no grade than its JSON.
        table["title"] = "2023年度部门整体支出绩效自评价指标体系得分情况"
        table["grade_printed"] = None
    return table


@pytest.mark.parametrize("workbook", sorted(WORKBOOK_FIXTURES))
def test_workbook_imports_equal_to_its_fixtures(workbook):
    result = read_file(WORKBOOKS / workbook)
    prefixes = WORKBOOK_FIXTURES[workbook]
    assert len(result.evaluations) == len(prefixes)
    for evaluation, prefix in zip(result.evaluations, prefixes):
        assert comparable(evaluation) == expected(prefix, workbook, comparable(evaluation)), prefix


def test_a_formula_without_a_saved_result_raises_no_finding():
    """xinzhou_2022.xlsx: 执行率 and 得分 are formulas Excel never calculated; perfdesk cannot
    know what they print, so it must not report them as missing or wrong."""
    from perfdesk.scoring.engine import score_evaluation
    for evaluation in read_file(WORKBOOKS / "xinzhou_2022.xlsx").evaluations:
        codes = {f.code for f in score_evaluation(evaluation).findings}
        assert not codes & {"FUND_SCORE_MISMATCH", "FUND_RATE_MISMATCH"}, evaluation.project


def test_read_tables_dispatches_workbooks():
    tables = read_tables(WORKBOOKS / "yangpu_transfer.xlsx")
    assert [t.form for t in tables] == ["transfer_payment_self_eval"]
    assert tables[0].fund_management[0].item == "分配科学性"


def test_report_says_what_was_read_and_skipped():
    result = read_file(WORKBOOKS / "yangpu_2022.xlsx")
    lines = result.tables[0].lines
    assert lines[0].startswith("工作表“医疗保障管理事务”第 1–33 行：项目支出绩效自评表")
    assert any(line.startswith("资金：4 行") for line in lines)
    assert "签章：第 33 行（各栏空白）" in lines
    assert "年度：2022（取自标题）" in lines
    xinzhou = read_file(WORKBOOKS / "xinzhou_2022.xlsx").tables[0].lines
    assert "H7：公式没有保存计算结果，原表值未知，不据此审核" in xinzhou


def test_stacked_tables_are_each_reported():
    report = read_file(WORKBOOKS / "linshui_2021.xlsx").tables
    assert [(r.first_row, r.last_row) for r in report][:2] == [(1, 17), (18, 37)]
    assert {r.form for r in report} == {"project_goal_completion"}


def _variant_workbook(path):
    """A table written the way offices type them: label variants, numbers as text, U+3000 cells."""
    book = Workbook()
    ws = book.active
    rows = [
        ["2021年度项目支出绩效自评表"],
        ["项目名称", "示例项目"],
        ["主管部门", "示例局", None, "实施单位", "\u3000"],
        ["预算执行情况\n（元）", None, "年初预算数", "全年预算数", "全年执行数", "权重", "执行率", "自评得分"],
        [None, "年度资金总额", "4,878,000", 10000, 9987, "10", 0.9987, "9.99"],
        [None, "其中：财政拨款", None, 10000, 9987, "—", "99.87%", None],
        [None, "其他资金", None, 5000, 4000, None, 80, None],
        ["年度总体目标", "年度目标", None, None, "全年实际完成情况"],
        [None, "目标文字", None, None, "完成文字"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标", "全年指标值", "完成情况", "权重", "自评得分", "执行率偏差原因分析及改进措施"],
        [None, "产出指标", "数量指标", "指标甲", "≥2次", "≥3次", "3次", 50, "50", "\u3000"],
        [None, None, None, "指标乙", "=100%", "=100%", 1, 40, 38.5, "无"],
        ["总 分", None, None, None, None, None, None, 100, 98.49, "优"],
        ["注：本表由示例单位填报。"],
    ]
    for row in rows:
        ws.append(row)
    ws["G5"].number_format = "0.00%"
    ws["G12"].number_format = "0%"
    ws["E12"].data_type = ws["F12"].data_type = "s"
    book.save(path)


def test_label_variants_and_awkward_cells(tmp_path):
    _variant_workbook(tmp_path / "v.xlsx")
    result = read_file(tmp_path / "v.xlsx")
    ev = result.evaluations[0]
    assert (ev.form, ev.year, ev.money_unit, ev.implementer) == ("project_self_eval", 2021, "元", None)
    total, share, other = ev.funds
    assert total.initial == Decimal(4878000) and total.weight == Decimal(10)
    assert (total.rate_printed, share.rate_printed, other.rate_printed) == ("99.87%", "99.87%", "80")
    assert total.score_printed == Decimal("9.99") and share.weight == "—"
    assert (ev.goal_target, ev.goal_actual) == ("目标文字", "完成文字")
    first, second = ev.leaves()
    assert (first.target, first.target_adjusted, first.actual, first.reason) == ("≥2次", "≥3次", "3次", None)
    assert (second.target, second.actual, second.score_printed) == ("=100%", "100%", Decimal("38.5"))
    assert ev.indicators[0].children[0].name == "数量指标"  # filled down
    assert (ev.total_weight_printed, ev.total_score_printed, ev.grade_printed) == (100, Decimal("98.49"), "优")
    assert "target_adjusted" in ev.columns
    assert any("注：本表由示例单位填报" in line for line in result.tables[0].lines)


def test_signature_row_is_read_in_either_layout(tmp_path):
    from perfdesk.io.recognize.closing import read_signatories
    assert read_signatories("填报人：张喆 | 联系电话： | 单位负责人：李四 | 填报日期：2023-03-25") == \
        {"preparer": "张喆", "head": "李四", "date": "2023-03-25"}
    assert read_signatories("填表人 | 王五 | 联系电话 | 0350-1234567 | 单位（盖章）") == \
        {"preparer": "王五", "phone": "0350-1234567"}


def test_a_hidden_column_is_left_out_and_said(tmp_path):
    from openpyxl import load_workbook

    from tests.io.accounted import unaccounted
    book = load_workbook(WORKBOOKS / "yangpu_2022.xlsx")
    sheet = book.worksheets[0]
    column = sheet.max_column + 2
    for row, text in ((12, "内部备注：待核"), (14, "已电话确认")):
        sheet.cell(row=row, column=column, value=text)
    sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].hidden = True
    book.save(tmp_path / "hidden.xlsx")
    plain, hidden = read_file(WORKBOOKS / "yangpu_2022.xlsx"), read_file(tmp_path / "hidden.xlsx")
    letter = sheet.cell(row=1, column=column).column_letter
    assert f"{letter} 列已隐藏，未导入（2 个单元格：内部备注：待核 | 已电话确认）" in hidden.tables[0].lines
    assert hidden.evaluations == plain.evaluations
    assert not unaccounted(hidden)


def test_numbers_written_in_full_width_digits_are_read(tmp_path):
    """Amounts, 分值 and 得分 typed with a Chinese input method: full-width digits, comma and point."""
    book = Workbook()
    ws = book.active
    for row in (
        ["2021年度项目支出绩效自评表"],
        ["项目名称", "示例项目"],
        ["预算执行情况（元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额", "４，８７８，０００", "１００００", "９９８７．５", "１０", None, "９．９９"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [None, "产出指标", "数量指标", "指标甲", "≥2次", "3次", "９０", "９０"],
    ):
        ws.append(row)
    book.save(tmp_path / "w.xlsx")
    ev = read_file(tmp_path / "w.xlsx").evaluations[0]
    fund = ev.funds[0]
    assert (fund.initial, fund.annual, fund.executed) == (Decimal(4878000), Decimal(10000), Decimal("9987.5"))
    assert (fund.weight, fund.score_printed) == (Decimal(10), Decimal("9.99"))
    leaf = next(ev.leaves())
    assert (leaf.weight, leaf.score_printed) == (Decimal(90), Decimal(90))
