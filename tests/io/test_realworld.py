"""Every case in tests/data/realworld reads as its *.expected.md says (see each file for the source
and the arithmetic); each stands for a kind of table, so the assertions check the kind's features."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest

from perfdesk.io import paste
from perfdesk.io.files import ImportRefused
from perfdesk.io.reader import read_file
from perfdesk.models import Workspace
from perfdesk.scoring.engine import leaf_paths, score_evaluation
from tests.io.xlsx_helpers import FIXTURES, comparable

REALWORLD = FIXTURES.parent / "realworld"
D = Decimal


def read(name: str):
    found = read_file(REALWORLD / name)
    assert len(found.tables) == 1, found.lines()
    return found.tables[0]


def rows(ev):
    return [(path, leaf.target, leaf.actual, leaf.weight, leaf.score_printed) for path, leaf in leaf_paths(ev)]


def codes(scored):
    return Counter(f.code for f in scored.findings)


@pytest.mark.parametrize("name", ["01_yongde_split_operator_columns.xlsx", "01_yongde_split_operator_columns.b_no_tag.xlsx"])
def test_01_target_split_over_operator_value_and_unit_columns(name):
    table = read(name)
    ev = table.evaluation
    assert (ev.year, ev.project, ev.department, ev.implementer, ev.money_unit) == (
        2022, "义务教育营养改善计划专项资金", "永德县教育体育局", "永德县明朗中学", "元")
    assert ev.title == "2022年度项目支出绩效自评表"  # not the 部门：… / 公开14表 line
    total = ev.funds[0]
    assert (total.annual, total.executed, total.weight, total.rate_printed, total.score_printed) == (
        D("387664.62"), D("387664.62"), D(10), "100%", D(10))
    assert [(p[-1], t, a, w, s) for p, t, a, w, s in rows(ev)] == [
        ("学生受资助人数", "≧735人次", "735", 10, 10), ("营养改善计划覆盖率", "≧100%", "100%", 10, 10),
        ("资金到位及时率", "≧100%", "100%", 10, 7), ("生均补助标准达标率", "═100%", "100%", 10, 10),
        ("减轻贫困学生家庭经济负担", "有效", "有效", 10, 10), ("政策知晓率", "═100%", "98%", 10, 9),
        ("促进学校教育事业健康发展", "≧100%", "100%", 10, 10), ("学生满意度", "≧95%", "100%", 10, 10),
        ("家长满意度", "≧95%", "100%", 10, 10)]
    assert [p[:2] for p, *_ in rows(ev)][4] == ("效益指标", "经济效益指标")
    assert (ev.total_weight_printed, ev.total_score_printed, ev.grade_printed) == (100, 96, "优")
    scored = score_evaluation(ev)
    assert (scored.fund.rate, scored.fund.score, scored.total, scored.grade) == (D("100.00"), D("10.00"), D("96.00"), "优")
    assert codes(scored) == Counter({"SCORE_RULE_MISMATCH": 2, "MISSING_REASON": 2})
    rule = {r.path[-1]: r.computed for r in scored.indicators}
    assert (rule["资金到位及时率"], rule["政策知晓率"]) == (D("10.00"), D("9.80"))
    assert any("生态效益指标" in line for line in table.skipped)  # the empty group row: listed, not an indicator
    assert any("其他需要说明事项" in line for line in table.skipped)


def test_02_wps_zero_total_row_title_under_an_attachment_line():
    table = read("02_guichi_wps_zero_total_row.xlsx")
    ev = table.evaluation
    assert (ev.title, ev.year, ev.project, ev.money_unit) == ("项目支出绩效自评表", 2022, "委托业务项目", "万元")
    assert (ev.department, ev.implementer) == ("219-池州市贵池区棠溪镇人民政府", "219001-池州市贵池区棠溪镇人民政府")
    total, share, *_ = ev.funds
    assert (total.initial, total.annual, total.executed, total.weight, total.score_printed) == (0, 0, 0, 10, 0)
    assert (share.initial, share.annual, share.executed) == (D(90), D("89.974"), D("89.974"))
    assert [w for *_, w, _ in rows(ev)] == [8, 8, 8, 8, 8, 10, 10, 10, 10, 10]
    scored = score_evaluation(ev)
    assert (scored.fund.rate, scored.fund.score, scored.total, scored.grade) == (None, None, D("90.00"), "优")
    assert codes(scored)["FUND_PARTS_SUM"] == 3
    [zero] = [f for f in scored.findings if f.code == "MISSING_FUND"]  # printed 0 | 0 | 0: filled in, not blank
    assert zero.severity == "warning" and zero.message.startswith("全年预算数为 0，无法计算执行率") and "未填写" not in zero.message
    assert not {"UNPARSED_TARGET", "SCORE_RULE_MISMATCH"} & set(codes(scored))  # ≥100百分比 reads as ≥100 %: met
    assert next(r for r in scored.indicators if r.path[-1] == "委托业务报告合格率").quantitative


def test_04_weight_before_target_and_a_group_whose_first_row_is_empty():
    ev = read("04_zhongjiang_weight_before_target_110pts.xlsx").evaluation
    assert ev.funds[0].annual == 20 and ev.funds[0].rate_printed == "100.00%" and ev.funds[0].score_printed == 10
    assert ev.goal_target == "改进农村供水计量设施，对项目区农业用水进行计量。"
    assert ev.goal_actual == "已完成项目区农业用水计量设施安装。"
    found = rows(ev)
    assert [p[0] for p, *_ in found] == ["产出指标（70分）"] * 6 + ["效益指标（20分）"] * 2 + ["满意度指标（10分）"]
    assert found[0][1:] == ("≥266米", "≥266米", 10, 10) and found[2][1:] == ("100%", "100%", 20, 20)
    scored = score_evaluation(ev)
    assert scored.total == D("110.00")
    assert codes(scored) == Counter({"ACTUAL_RESTATES_TARGET": 6, "WEIGHT_SUM": 2, "RECORDED_TOTAL_MISMATCH": 1})
    assert not [f for f in scored.findings if f.code == "WEIGHT_SUM" and f.where != "分值合计"]  # 70/20/10 match
    assert all(r.quantitative for r in scored.indicators if r.path[-1] in ("安装坡面水标尺", "水标尺宽度"))


def _tianchang_unhidden() -> BytesIO:
    """The same table with its template placeholder rows shown, as published."""
    book = openpyxl.load_workbook(REALWORLD / "05_tianchang_placeholder_rows_blank_targets.b_hidden_rows.xlsx")
    for dimension in book.active.row_dimensions.values():
        dimension.hidden = False
    data = BytesIO()
    book.save(data)
    return data


@pytest.mark.parametrize("hidden", [True, False])
def test_05_placeholder_rows_and_targets_written_into_the_name(hidden, tmp_path):
    path = REALWORLD / "05_tianchang_placeholder_rows_blank_targets.b_hidden_rows.xlsx"
    if not hidden:
        path = tmp_path / "05_tianchang.xlsx"
        path.write_bytes(_tianchang_unhidden().getvalue())
    found = read_file(path)
    table = found.tables[0]
    ev = table.evaluation
    assert (ev.year, ev.project, ev.department, ev.implementer, ev.money_unit) == (2022, "水旱灾害防御经费", None, "天长市水利局", "万元")
    assert [(f.annual, f.executed) for f in ev.funds[:2]] == [(880, 880), (880, 880)] and ev.funds[0].score_printed == 10
    assert ev.goal_target.startswith("完成年度防汛工作") and ev.goal_actual == "完成年度目标。"
    names = [p[-1] for p, *_ in rows(ev)]
    assert names == ["完成中型灌区节水改造项目数量", "完成农业综合水价改革项目", "工程质量合格", "年度资金支付完成率100%",
                     "资金执行在预算范围内", "全市安全度汛", "保护全市人口财产不受损失", "/", "已建工程良性运行", "服务对象满意度"]
    assert {p[0] for p, *_ in rows(ev)} == {"产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"}
    scored = score_evaluation(ev)
    assert (scored.fund.rate, scored.total, scored.grade) == (D("100.00"), D("100.00"), "优")
    assert codes(scored) == Counter({"MISSING_ACTUAL": 6})
    listed = [line for line in table.skipped if ("已隐藏" if hidden else "占位") in line]
    assert len(listed) == 17


def test_08_dates_typed_in_chinese_excel_read_as_shown():
    ev = read("08_yinchuan_date_cells_zh_builtin_numfmt.xlsx").evaluation
    leaf = next(leaf for path, leaf in leaf_paths(ev) if path[-1] == "公用经费完成时间")
    assert (leaf.target, leaf.actual, leaf.weight, leaf.score_printed) == ("2021年12月", "2021年12月", 5, 4)
    assert (ev.signatories.preparer, ev.signatories.phone, ev.signatories.date) == ("李某", "0951-0000000", "2022年3月15日")
    scored = score_evaluation(ev)
    assert (scored.fund.score, scored.total) == (D("10.00"), D("39.00"))
    assert codes(scored) == Counter({"WEIGHT_SUM": 1, "MISSING_REASON": 1})


JISHAN_CODES = Counter({"FUND_RATE_MISMATCH": 2, "FUND_SCORE_MISMATCH": 1, "SCORE_RULE_MISMATCH": 3,
                        "MISSING_REASON": 2, "RECORDED_TOTAL_MISMATCH": 1})


@pytest.mark.parametrize("name", ["10_strict_ooxml_jishan.xlsx", "11_xls_biff8_jishan.xls", "11_xls_biff8_jishan.et",
                                  "11_xls_biff8_jishan.resaved_by_libreoffice.xlsx"])
def test_10_11_strict_xlsx_xls_and_et_read_as_the_resaved_workbook(name):
    ev = read(name).evaluation
    assert comparable(ev) == comparable(read("11_xls_biff8_jishan.resaved_by_libreoffice.xlsx").evaluation)
    assert (ev.year, ev.project, ev.funds[0].rate_printed) == (2020, "建档立卡个人缴费县级配套资金", "99%")
    scored = score_evaluation(ev)
    assert (scored.total, scored.grade) == (D("93.91"), "优")
    assert codes(scored) == JISHAN_CODES


def test_11_an_xls_renamed_xlsx_is_refused_naming_the_format(tmp_path):
    with Workspace.create(tmp_path / "w.perfdesk") as ws:
        with pytest.raises(ImportRefused, match=r"Excel 97-2003 工作簿（\.xls），但扩展名是“\.xlsx”"):
            ws.import_evaluations(read_file(REALWORLD / "11_xls_biff8_jishan.renamed.xlsx").evaluations)
        assert ws.evaluations() == []


YINCHUAN_WEIGHTS = [4, 2, 2, 2, 10, 7, 2, 6, 10, 5, 5, 4, 3, 3]


def test_12_word_table_with_vertical_merges():
    ev = read("12_yinchuan_word_table.docx").evaluation
    assert (ev.year, ev.project, ev.department, ev.implementer, ev.money_unit) == (
        2021, "初中公用经费", "银川市教育局", "银川市第六中学", "万元")
    assert (ev.funds[0].label, ev.funds[0].annual, ev.funds[0].executed, ev.funds[0].rate_printed) == (
        "年度资金总额", D("64.8"), D("64.8"), "100%")
    assert (ev.goal_target, ev.goal_actual) == ("保障学校正常工作运行", "学校工作正常运行")
    assert ev.total_score_printed == 98  # 自评得分 in the header rows
    found = rows(ev)
    assert [w for *_, w, _ in found] == YINCHUAN_WEIGHTS
    assert found[4][0] == ("项目管理（25分）", "投入管理", "预算执行率") and found[4][2] == "100%"
    scored = score_evaluation(ev)
    groups = {g.path: g.score for g in scored.groups if len(g.path) == 1}
    assert groups == {("项目决策（10分）",): 10, ("项目管理（25分）",): 24, ("项目产出（30分）",): 29}
    mismatch = {f.where.split(" / ")[-1] for f in scored.findings if f.code == "SCORE_RULE_MISMATCH"}
    assert "预算执行率" in mismatch  # rate 100 % -> 10 by rule, printed 9
    assert {f.where.split(" / ")[-1] for f in scored.findings if f.code == "MISSING_REASON"} >= {"公用经费完成时间"}
    assert scored.fund.weight is None  # the rate is scored inside the tree, not twice


def test_12_pasted_word_rows_read_reference_weight_and_actual():
    text = (REALWORLD / "12_yinchuan_word_table.clipboard.tsv").read_text(encoding="utf-8")
    whole_tree, nodes = paste.parse(text)
    assert whole_tree and [n.name for n in nodes] == ["项目决策（10分）", "项目管理（25分）", "项目产出（30分）"]
    leaves = [leaf for root in nodes for leaf in root.leaves()]
    assert [leaf.weight for leaf in leaves] == YINCHUAN_WEIGHTS
    assert (leaves[8].target, leaves[8].actual) == ("2370人", "2370人")
    docx = [leaf for _, leaf in leaf_paths(read("12_yinchuan_word_table.docx").evaluation)]
    assert [(l.name, l.target, l.actual, l.weight, l.score_printed) for l in leaves] == \
        [(l.name, l.target, l.actual, l.weight, l.score_printed) for l in docx]
