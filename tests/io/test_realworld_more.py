"""Seventeen more published tables (tests/data/realworld_more, see its README.md for each source and
each *.expected.md for the reading and the arithmetic): each stands for a kind of table, so the
assertions check the kind's features. The files are written by tests/data/realworld_more/rebuild.py."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from decimal import Decimal

import pytest
from openpyxl import Workbook

from perfdesk.io import paste
from perfdesk.io.reader import read_file
from perfdesk.scoring.engine import leaf_paths, score_evaluation
from tests.io.accounted import unaccounted
from tests.io.xlsx_helpers import FIXTURES, comparable

CASES = FIXTURES.parent / "realworld_more"
D = Decimal


def read(name: str, year: int = 2025):
    found = read_file(CASES / name, default_year=year)
    assert len(found.tables) == 1, found.lines()
    return found.tables[0]


def leaves(ev):
    return [(leaf.name, leaf.target, leaf.actual, leaf.weight, leaf.score_printed) for _, leaf in leaf_paths(ev)]


def funds(ev):
    return [(f.label, f.initial, f.annual, f.executed, f.weight, f.rate_printed, f.score_printed) for f in ev.funds]


def codes(ev):
    return Counter(f.code for f in score_evaluation(ev).findings)


def said(table, *pieces) -> bool:
    """Some report line of the table holds every piece."""
    return any(all(p in line for p in pieces) for line in table.lines)


def test_01_sichuan_template_left_unfilled():
    table = read("01_qingshen_sichuan_unfilled_template.xlsx")
    ev = table.evaluation
    assert ev.title == "部门预算项目支出绩效自评表（2023年度）"  # not the 报表编号 line above it
    assert (ev.year, ev.project, ev.department, ev.implementer, ev.money_unit) == (
        2023, "51000021R000000019951-工资性支出", "青神县发展和改革局本级", "青神县发展和改革局", "万元")
    assert funds(ev)[0] == ("总额", D("238.93"), D("251.89"), D("251.89"), 10, "100.00%", None)  # 预算执行数 is B
    assert [f.label for f in ev.funds] == ["总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    assert leaves(ev) == [("发放（缴纳）覆盖率", "=100%", None, 60, None), ("足额保障率（参保率）", "=100%", None, 30, None)]
    assert ev.total_weight_printed == 100 and ev.total_score_printed is None
    assert ev.goal_target.startswith("严格执行相关政策") and ev.goal_actual is None  # the prompt is no answer
    assert ev.report_sections == ()  # 评价结论/存在问题/改进措施 still hold the template's instructions
    assert sum("模板的填写说明" in line for line in table.skipped) == 4
    assert said(table, "资金表", "“原因”列未识别") and said(table, "2.项目实施内容及过程概述")
    scored = score_evaluation(ev)
    assert (scored.fund.rate, scored.fund.score, scored.total_weight) == (D("100.00"), D("10.00"), 100)
    assert codes(ev) == Counter({"MISSING_ACTUAL": 2, "MISSING_REASON": 2})  # no "未填写" fund finding


def test_02_sichuan_table_filled_in_with_report_texts_and_signature():
    table = read("02_daying_sichuan_filled.xlsx")
    ev = table.evaluation
    assert funds(ev)[0] == ("总额", D(0), D("3.36"), D("3.36"), 10, "100.00%", 10)
    assert leaves(ev) == [("完成安可产品购买并按要求支付资金", "=100%", "100", 90, 90)]
    assert (ev.goal_target, ev.goal_actual) == ("根据要求购买安可设备，并完成项目资金支付。", "完成")
    assert ev.report_sections == (("conclusion", "项目按要求完成安可设备购买和资金支付，自评得分100分。"),
                                  ("problems", "无"), ("measures", "无"))
    assert ev.signatories.finance_head == "王某" and said(table, "“项目负责人”一栏 perfdesk 不保存")
    scored = score_evaluation(ev)
    assert (scored.total, scored.grade, scored.findings) == (D("100.00"), "优", ())


def test_02b_two_sichuan_tables_in_one_sheet_read_as_each_alone():
    found = read_file(CASES / "02_daying_sichuan_filled.b_stacked_with_01.xlsx")
    assert [t.evaluation.project.split("-")[1] for t in found.tables] == ["2023年全县安可替代补助资金项目", "工资性支出"]
    assert [t.first_row for t in found.tables] == [1, 23]
    alone = [read("02_daying_sichuan_filled.xlsx").evaluation, read("01_qingshen_sichuan_unfilled_template.xlsx").evaluation]
    assert [comparable(e) for e in found.evaluations] == [comparable(e) for e in alone]


def test_03_transfer_table_with_amounts_written_with_wan():
    table = read("03_huoshan_transfer_amounts_with_wan.xlsx")
    ev = table.evaluation
    assert (ev.form, ev.year, ev.project, ev.central_department, ev.money_unit) == (
        "transfer_payment_self_eval", 2024, "医疗救助补助资金", "医疗保障局", "万元")
    assert [(f.label, f.annual, f.executed, f.rate_printed) for f in ev.funds[:4]] == [
        ("年度资金总额：", D("3359.62"), D("3359.62"), "100%"), ("其中：中央财政资金", D("829.3"), D("829.3"), "100%"),
        ("彩票公益金用于医疗救助", 0, 0, "100%"), ("地方资金", D("2530.32"), D("2530.32"), "100%")]
    assert len(ev.fund_management) == 7 and ev.fund_management[0].status == "资金分配科学" and ev.remarks == "无"
    assert ev.goal_actual.startswith("2024年度医疗救助惠及11万人次")
    assert leaves(ev)[0] == ("享受医疗救助人次", "≥50000人次", "110406", None, None)
    scored = score_evaluation(ev)
    assert scored.fund.rate == D("100.00") and scored.findings == ()  # 829.3 + 0 + 2530.32 = 3359.62


def test_04_department_scoring_sheet_with_its_rule_column():
    table = read("04_shouxian_department_rule_column.xlsx")
    ev = table.evaluation
    assert (ev.form, ev.year, ev.funds) == ("department_overall_eval", 2023, ())
    assert [(n, w, s) for n, _, _, w, s in leaves(ev)] == [
        ("基础信息完整性", 3, 3), ("年度工作计划完整性", 3, 3), ("年度工作计划明确性", 3, 3), ("年度绩效目标合理性", 4, 4),
        ("年度绩效目标明确性", 2, 2), ("预算执行率", 5, 5)]
    first = next(leaf for _, leaf in leaf_paths(ev))
    assert first.scoring_rule.startswith("1、基础数据信息是否真实（1分）")  # 指标说明及评分标准
    assert said(table, "“序号”列 perfdesk 不保存") and said(table, "“指标解释”列 perfdesk 不保存")
    weight_sums = [f for f in score_evaluation(ev).findings if f.code == "WEIGHT_SUM"]
    assert {f.where for f in weight_sums} == {"分值合计", "执行（35分）"}  # the table is cut after six rows


def test_05_hubei_word_table_without_a_weight_column():
    table = read("05_xiangyang_hubei_no_weight_column.docx")
    ev = table.evaluation
    assert (ev.year, ev.title, ev.project, ev.department, ev.implementer) == (
        2021, "2021年度财政项目绩效自评表", "东津院区建设补助", "襄阳市卫生健康委", "襄阳市中心医院")  # not 2022 (填报日期)
    assert funds(ev) == [("年度财政资金总额", None, 1000, 1000, 20, "100%", 20)]  # 分值 20 from "（20分）"
    assert [(w, s) for *_, w, s in leaves(ev)] == [(None, 10)] * 6 + [(None, 20)]
    assert leaves(ev)[4][1:3] == ("5亿元", "6.47亿元")
    assert ev.report_sections == (("problems", "无"), ("measures", "继续加强项目资金管理。"))
    assert said(table, "没有分值列") and said(table, "“年度绩效目标（80分）”是指标块的标题")
    assert said(table, "“项目类别”一栏 perfdesk 不保存")
    scored = score_evaluation(ev)
    assert (scored.fund.score, scored.total, scored.grade) == (D("20.00"), D("100.00"), "优")


def test_06_hubei_xls_with_two_indicator_blocks():
    table = read("06_huanggang_hubei_two_goal_blocks.xls")
    ev = table.evaluation
    assert (ev.year, ev.project, ev.implementer) == (2020, "水土保持监测", "本单位")
    assert [(n, s) for n, *_, s in leaves(ev)] == [("监测数据必须合格", 10), ("取得2018-2022监测资料", 10),
                                                 ("整编资料审核", D("19.6")), ("监测数据资料整编", 20), ("完成年度资料上报", 20)]
    assert [p[:2] for p, _ in leaf_paths(ev)][2] == ("满意度指标", "服务对象满意度指标")
    assert ev.total_score_printed == D("99.6")
    assert said(table, "“年度绩效目标1（40分）”是指标块的标题") and said(table, "“年度绩效目标2（40分）”是指标块的标题")
    scored = score_evaluation(ev)
    assert (scored.total, scored.grade) == (D("99.60"), "优")  # 20 + 10 + 10 + 19.6 + 20 + 20


def test_07_levels_in_the_second_header_row_under_merged_column_labels():
    ev = read("07_lijiang_yunnan_levels_in_second_header_row.xlsx").evaluation
    assert ev.project == "2020年省级自然资源卫片执法补助经费支出绩效自评表" and ev.title == "2020年度项目支出绩效自评表"
    assert leaves(ev) == [("卫片执法补助经费", "﹦72890元", "72890", 10, 9), ("项目验收合格率", "﹦100%", "100", 20, 19),
                          ("项目完成及时率", "﹦100%", "100", 20, 19), ("违法行为责停率", "≥95%", "95", 30, 27),
                          ("满意度", "≥95%", "95", 10, 9)]
    assert (ev.total_weight_printed, ev.total_score_printed, ev.grade_printed) == (100, 93, None)
    scored = score_evaluation(ev)
    assert (scored.total, scored.grade) == (D("93.00"), "优")
    assert codes(ev) == Counter({"SCORE_RULE_MISMATCH": 5, "MISSING_REASON": 5})  # met, yet 10 % off each


def test_08_unscored_word_table_split_over_two_pages():
    table = read("08_hengshan_hunan_unscored_page_split.docx")
    ev = table.evaluation
    assert (ev.form, ev.year, ev.project, ev.department, ev.implementer) == (
        "project_goal_completion", 2020, "县级储备粮", "衡山县商务和粮食局", "粮食调控储备与产业发展股")
    assert [(f.annual, f.executed, f.rate_printed) for f in ev.funds[:2]] == [(D("194.9"), D("194.9"), "100%")] * 2
    assert len(leaves(ev)) == 16  # the rows after the page break are read, not skipped
    paths = [p for p, _ in leaf_paths(ev)]
    assert paths[11][:2] == ("效益指标", "生态效益指标") and paths[-1][:2] == ("满意度指标", "服务对象满意度指标")
    assert leaves(ev)[10][:3] == ("政策性挂账利息补贴保障率", "100%", "无")
    assert next(leaf.reason for _, leaf in leaf_paths(ev) if leaf.actual == "无") == "没有轮换、动用库存"
    assert said(table, "“说明”一行只有转移支付表保存") and said(table, "“负责人及电话”一栏")
    assert score_evaluation(ev).findings == ()


def test_09_sub_items_without_weights_and_a_group_label_on_its_own_row():
    table = read("09_xiaoxian_anhui_sub_items.xlsx")
    ev = table.evaluation
    assert funds(ev)[:2] == [("年度资金总额：", None, D("9.48"), D("9.48"), 10, "100%", 10),
                             ("其中：本年财政拨款", None, D("9.48"), D("9.48"), 10, "100%", 10)]
    found = leaves(ev)
    assert len(found) == 15 and found[1] == ("其中桃树种植面积", "1.5亩", "1.5亩", None, None)
    assert [p[:2] for p, _ in leaf_paths(ev)][10] == ("产出指标（50分）", "质量指标")  # its label row is empty
    assert [p[:2] for p, _ in leaf_paths(ev)][12] == ("效益指标（30分）", "经济效益指标")
    scored = score_evaluation(ev)
    assert (scored.total, scored.grade, scored.findings) == (D("100.00"), "优", ())  # 192只, 12头 are quantities


def test_09_pasted_rows_read_as_the_workbook():
    text = (CASES / "09_xiaoxian_anhui_sub_items.clipboard.tsv").read_text(encoding="utf-8")
    whole_tree, nodes = paste.parse(text)
    pasted = [(leaf.name, leaf.target, leaf.actual, leaf.weight, leaf.score_printed) for root in nodes for leaf in root.leaves()]
    assert whole_tree and pasted == leaves(read("09_xiaoxian_anhui_sub_items.xlsx").evaluation)


def test_10_department_table_opened_by_its_department_with_over_execution():
    ev = read("10_jinzhai_anhui_department_project_layout.xlsx").evaluation
    assert (ev.form, ev.department, ev.money_unit) == ("department_overall_eval", "金寨县茶谷和美丽乡村建设服务中心", "万元")
    assert funds(ev)[0] == ("年度资金总额", D("329.77"), D("329.77"), D("338.31"), 10, "102.59%", None)
    assert leaves(ev)[0] == ("开展精品示范村建设数量", "≤4", "4", 10, 10)  # "指标1：" is not part of the name
    scored = score_evaluation(ev)
    assert (scored.fund.rate, scored.fund.score, scored.total) == (D("102.59"), D("10.00"), D("100.00"))
    assert codes(ev) == Counter({"OVER_EXECUTION": 1, "UNPARSED_TARGET": 2})  # 9月前, 11月前: deadlines in words


def test_11_department_scoring_sheet_with_weights_only_in_its_labels():
    table = read("11_dazhou_department_weights_in_labels.xls", year=2024)
    ev = table.evaluation
    assert (ev.year, table.year_source) == (2024, None)
    found = leaves(ev)
    assert len(found) == 28 and found[0] == ("相关性（5分）", None, None, 5, None)
    assert next(w for n, *_, w, _ in found if n == "部门特性指标") is None
    assert found[-1] == ("社会公众满意度（4分）", None, None, 4, None)  # after the merged rows of 部门特性指标
    assert said(table, "27 个三级指标", "取自指标名称")
    assert score_evaluation(ev).total_weight == 80  # 25 + 30 + 25: 履职成效（20分）has no weight of its own


def test_12_a_weight_column_after_each_level():
    table = read("12_hainan_weight_column_per_level.docx")
    ev = table.evaluation
    assert (ev.title, ev.project, ev.implementer, ev.department) == (
        "服务贸易项目绩效自评表", None, "省商务厅服务贸易和商贸服务业处", "省商务厅")
    assert ev.signatories.phone == "0898-00000000"
    paths = [p for p, _ in leaf_paths(ev)]
    assert paths[0] == ("项目决策（20分）", "项目目标（4分）", "目标内容")
    assert [w for *_, w, _ in leaves(ev)][:6] == [4, 3, 5, 2, 6, 3]
    assert said(table, "第 7 行", "计划投资额（万元）")  # the money lines are said, not dropped
    assert said(table, "一级指标的分值列", "项目决策（20分）")
    scored = score_evaluation(ev)
    assert (scored.total, scored.total_weight) == (D("96.00"), 100)
    assert "WEIGHT_SUM" not in codes(ev)  # 20 = 4 + 8 + 8, 25, 55 as printed


def test_13_no_year_anywhere_and_the_section_label_repeated_after_a_page_break():
    table = read("13_nanhua_yunnan_no_year_split_block.xlsx", year=2023)
    ev = table.evaluation
    assert (ev.year, table.year_source, ev.title) == (2023, None, None)
    assert [p[0] for p, _ in leaf_paths(ev)] == ["产出指标（50分）"] * 5 + ["效益指标（30分）"] * 2 + ["满意度指标（10分）"]
    assert leaves(ev)[1] == ("配套烘干杀菌设备及包装设备购置及安装", "550", "20", D("9.3"), D("9.3"))
    scored = score_evaluation(ev)
    assert scored.total_weight == 100 and scored.total == D("100.00")
    assert codes(ev) == Counter({"SCORE_RULE_MISMATCH": 1, "ACTUAL_RESTATES_TARGET": 1, "MISSING_ACTUAL": 1})


def test_14_forestry_table_whose_fund_score_is_rounded_down():
    ev = read("14_linxiang_yunnan_forestry.docx").evaluation
    assert funds(ev)[0] == ("年度资金总额", None, D("32.4"), D("31.69"), 10, "97.80%", 9)
    assert [p[1] for p, _ in leaf_paths(ev)][:4] == ["数量指标", "数量指标", "时效指标", "质量指标"]
    assert (ev.total_score_printed, ev.grade_printed) == (99, "优")
    scored = score_evaluation(ev)
    assert (scored.fund.rate, scored.fund.score, scored.total) == (D("97.81"), D("9.78"), D("99.78"))
    assert codes(ev) == Counter({"FUND_SCORE_MISMATCH": 1, "RECORDED_TOTAL_MISMATCH": 1})


def test_15_chongqing_flat_list_with_weight_before_actual():
    table = read("15_liangping_chongqing_flat_list.xlsx")
    ev = table.evaluation
    assert (ev.form, ev.year, ev.department, ev.signatories.preparer) == (
        "department_overall_eval", 2023, "重庆市梁平区林业局", "周某")
    assert funds(ev)[0] == ("年度总金额", D("8632.32"), D("9154.06"), D("7256.5"), 10, "79.27%", D("7.93"))
    assert [n.level for n in ev.indicators] == [1, 1, 1]
    assert leaves(ev) == [("天然林和公益林管护当期任务完成率", "90%", "100", 10, 10), ("森林火灾受害率", "0.9%", "0", 10, 10),
                          ("主要林业有害生物成灾率", "0.4%", "0.1", 10, 10)]
    assert said(table, "“说明”列 perfdesk 不保存") and said(table, "年初的文字未导入：维护林业、林区安全稳定")
    assert ev.goal_target.startswith("维护林业、林区安全稳定，松材线虫病")
    assert score_evaluation(ev).fund.score == D("7.93")


ALL_CASES = sorted(p for folder in (CASES, FIXTURES.parent / "realworld", FIXTURES / "xlsx") for p in folder.iterdir()
                   if p.suffix in (".xlsx", ".xls", ".docx", ".et") and "renamed" not in p.name)


@pytest.mark.parametrize("path", ALL_CASES, ids=lambda p: p.name)
def test_every_cell_of_every_case_is_read_or_said(path):
    """Nothing is dropped quietly: what a cell holds is in the evaluation, or a report line names it
    (its row, its column, or its text)."""
    assert unaccounted(read_file(path, default_year=2025)) == []


def test_the_check_finds_a_cell_dropped_without_a_word():
    found = read_file(CASES / "02_daying_sichuan_filled.xlsx")
    table = found.tables[0]
    found.tables[0] = replace(table, evaluation=replace(table.evaluation, goal_actual=None, report_sections=()))
    assert {text for *_, text in unaccounted(found)} == {"项目按要求完成安可设备购买和资金支付，自评得分100分。"}


def test_the_command_line_imports_them_all_and_says_what_it_skipped(tmp_path):
    """As a user would: `perfdesk import` in a real process, the report on stderr, then what was stored."""
    workspace = tmp_path / "w.perfdesk"
    names = ["02_daying_sichuan_filled.b_stacked_with_01.xlsx", "08_hengshan_hunan_unscored_page_split.docx",
             "11_dazhou_department_weights_in_labels.xls", "12_hainan_weight_column_per_level.docx",
             "13_nanhua_yunnan_no_year_split_block.xlsx"]
    run = [sys.executable, "-m", "perfdesk"]
    subprocess.run([*run, "new", str(workspace)], check=True, capture_output=True)
    done = subprocess.run([*run, "import", str(workspace), *(str(CASES / n) for n in names), "--year", "2023"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "2", "3", "4", "5", "6"]
    err = done.stderr
    assert "13_nanhua_yunnan_no_year_split_block.xlsx：未找到年度，暂按 2023 年导入" in err
    assert "资金表的“原因”列未识别，未导入" in err and "“说明”一行只有转移支付表保存，未导入：无" in err
    assert "第 7 行表头中未识别的内容，未导入：计划投资额（万元）" in err
    out = tmp_path / "all.json"
    subprocess.run([*run, "export", str(workspace), "--all", "--json", str(out)], check=True, capture_output=True)
    stored = {t.get("project") or t["title"]: t for t in json.loads(out.read_text(encoding="utf-8"))}
    assert stored["51092324T000010263357-2023年全县安可替代补助资金项目"]["report_sections"][0][0] == "conclusion"
    assert stored["南华县乡村振兴示范园罗家屯社区野生菌加工车间建设项目（续建）"]["year"] == 2023
    assert stored["服务贸易项目绩效自评表"]["indicators"][0]["l1"] == "项目决策（20分）"


def test_a_reviewers_score_column_is_never_the_printed_score(tmp_path):
    """广水市 (湖北) tables print 自评分 and 复核分 side by side; others 自评得分 and 财政审核评分."""
    book = Workbook()
    for row in (["项目支出绩效自评表（2021年度）"], ["项目名称", "乡村道路建设养护项目"],
                ["一级指标", "二级指标", "指标名称（三级指标）", "年初指标值", "年终完成值", "分值", "自评分", "复核分", "评价标准"],
                ["产出指标", "数量指标", "乡村道路建设养护里程", "300公里", "300公里", 15, 15, 14, "提供完成程度的佐证资料"]):
        book.active.append(row)
    book.save(tmp_path / "广水.xlsx")
    table = read_file(tmp_path / "广水.xlsx").tables[0]
    assert leaves(table.evaluation) == [("乡村道路建设养护里程", "300公里", "300公里", 15, 15)]
    assert next(table.evaluation.leaves()).scoring_rule == "提供完成程度的佐证资料"
    assert said(table, "“复核分”列 perfdesk 不保存")


def test_16_one_amount_across_both_columns_and_a_total_in_words():
    table = read("16_tanghu_anhui_hubei_form_total_in_words.xlsx", year=2020)
    ev = table.evaluation
    assert (ev.form, ev.year, ev.implementer, ev.title) == ("department_overall_eval", 2020, "塘湖镇人民政府", None)
    assert funds(ev) == [("部门整体支出总额", None, D("864.2"), D("864.2"), 20, "100%", 20)]  # one figure, both columns
    assert [(n, s) for n, *_, s in leaves(ev)][-1] == ("群众对政府工作满意度", 20)
    assert (ev.total_score_printed, ev.report_sections) == (100, (("problems", "无"), ("measures", "无")))
    assert said(table, "第 6 行未识别", "年度目标1")  # a goal written across the amount columns is no fund row
    assert said(table, "第 3 行表头中未识别的内容", "基本支出总额 | 864.2万")
    scored = score_evaluation(ev)
    assert (scored.fund.score, scored.total, scored.recorded_total) == (D("20.00"), D("100.00"), D("100"))
    assert codes(ev) == Counter({"WEIGHT_SUM": 1, "ACTUAL_RESTATES_TARGET": 1})  # no weights; "2天以内" as actual


def test_17_the_budget_marked_a_is_the_rates_budget_even_when_it_is_the_initial_one():
    table = read("17_taibai_guizhou_initial_budget_as_a.xlsx")
    ev = table.evaluation
    assert (ev.form, ev.department, ev.implementer) == ("department_overall_eval", "绥阳县太白镇人民政府", "绥阳县太白镇人民政府")
    assert [(f.label, f.initial, f.annual, f.executed, f.weight, f.score_printed) for f in ev.funds[:3]] == [
        ("年度资金总额：", None, D("1172.55"), D("1268.72"), 10, 10), ("基本支出", None, D("985.19"), D("914.97"), 10, 10),
        ("项目支出", None, D("187.36"), D("353.75"), 10, 10)]
    assert said(table, "资金表的“得分计算方法”列 perfdesk 不保存")
    assert next(ev.leaves()).scoring_rule.startswith("全年实际值/年度指标值*分值")
    scored = score_evaluation(ev)
    assert (scored.fund.rate, scored.fund.score, scored.total) == (D("108.20"), D("10.00"), D("100.00"))
    assert codes(ev) == Counter({"OVER_EXECUTION": 1})  # 985.19 + 187.36 = 1172.55, 914.97 + 353.75 = 1268.72


def test_a_reverse_indicator_in_the_nature_column_counts_the_lower_the_better(tmp_path):
    """指标性质 正向/反向 (Chongqing, Sichuan lists) says which way a bare number counts."""
    book = Workbook()
    for row in (["部门整体绩效自评表（2023年度）"], ["主管部门", "示例区林业局"],
                ["绩效指标", "指标名称", "计量单位", "指标性质", "指标值", "指标权重（分）", "全年完成值", "指标得分（分）"],
                [None, "森林火灾受害率", "%", "反向指标", 0.9, 10, 0, 10], [None, "造林面积", "亩", "正向指标", 2000, 10, 2500, 10]):
        book.active.append(row)
    book.save(tmp_path / "梁平式.xlsx")
    ev = read_file(tmp_path / "梁平式.xlsx").tables[0].evaluation
    assert [(leaf.target, leaf.direction) for leaf in ev.leaves()] == [("0.9%", "lower"), ("2000亩", "higher")]
    assert [r.computed for r in score_evaluation(ev).indicators] == [D("10.00"), D("10.00")]  # 0 ≤ 0.9: met


def test_labels_written_with_their_value_in_one_cell(tmp_path):
    """Word tables often print "项目名称：…" or "自评等级：优" in one cell instead of two."""
    book = Workbook()
    for row in (["2023年度项目支出绩效自评表"], ["项目名称：乡村医生补助"], ["主管部门：某县卫生健康局", None, None, "实施单位：某乡卫生院"],
                ["年度总体目标", "预期目标：补助到位"], [None, "实际完成情况：全部到位"],
                ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                ["产出指标", "数量指标", "补助人数", "≥20人", "22人", 90, 88],
                ["总分：98分"], ["自评等级：优"], ["评价结论：补助按时足额发放。"]):
        book.active.append(row)
    book.save(tmp_path / "一格.xlsx")
    table = read_file(tmp_path / "一格.xlsx").tables[0]
    ev = table.evaluation
    assert (ev.project, ev.department, ev.implementer) == ("乡村医生补助", "某县卫生健康局", "某乡卫生院")
    assert (ev.goal_target, ev.goal_actual) == ("补助到位", "全部到位")
    assert (ev.total_score_printed, ev.grade_printed) == (98, "优")
    assert ev.report_sections == (("conclusion", "补助按时足额发放。"),)
    assert unaccounted(read_file(tmp_path / "一格.xlsx")) == []
