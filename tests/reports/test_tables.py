"""项目支出绩效自评表 and the other form layouts, read back from the PDF."""
from __future__ import annotations

from dataclasses import replace

import pytest

from perfdesk.reports import write_pdf
from perfdesk.reports.fingerprint import fingerprint
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.reports.helpers import flat, load, page_texts, with_indicators

LABELS = ("项目名称", "主管部门", "实施单位", "项目资金（万元）", "目标申报数", "预算编制数", "全年预算数",
          "全年执行数", "资金结(转)余", "分值", "执行率", "得分", "年度总体目标", "预期目标", "实际完成情况",
          "绩效指标", "一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值",
          "偏差原因分析及改进措施", "总分", "等级：优", "填报人", "联系电话", "单位负责人", "财务负责人",
          "填报日期", "单位（盖章）")


def test_every_label_and_figure_of_002_01(tmp_path):
    ev = load("002_01")
    result = write_pdf(tmp_path / "t.pdf", "table", [ev], DEFAULT_SCHEME)
    pages = page_texts(result.path)
    text = flat("".join(pages))
    assert result.pages == len(pages) == 2
    for label in LABELS + ("医药招采与基金监管工作经费项目支出绩效自评表", "（2022年度）"):
        assert flat(label) in text, label
    for figure in ("8.65", "6.25", "2.40", "72.25%", "7.23", "95.23", "100"):
        assert figure in text, figure
    for leaf in ev.leaves():
        for cell in (leaf.name, leaf.target, leaf.actual, leaf.reason):
            assert cell is None or flat(cell) in text, cell
    for goal in (ev.goal_target, ev.goal_actual):
        assert flat(goal) in text
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 2 页" in page


def test_yangpu_table_in_yuan_with_thousands(tmp_path):
    result = write_pdf(tmp_path / "t.pdf", "table", [load("004_01")], DEFAULT_SCHEME)
    text = flat("".join(page_texts(result.path)))
    for figure in ("4,878,000", "390,065,700", "389,545,477.10", "99.87%", "9.99", "99.99", "产出指标(50)"):
        assert figure in text, figure
    assert "项目资金（元）" in text


@pytest.mark.parametrize("prefix, expected", [
    ("004_04", ("中央对地方转移支付区域（项目）绩效目标自评表", "中央主管部门", "地方主管部门", "资金使用单位",
                "资金管理情况", "分配科学性", "支出责任履行情况", "情况说明", "存在问题和改进措施",
                "预算执行率(B/A×100%)", "349.20", "100.00%", "未完成原因和改进措施", "说明")),
    ("001_07", ("2021年部门预算项目绩效目标自评表", "预算执行情况（万元）", "预期指标值", "实际完成指标值",
                "4,000", "3,900.98", "97.52%", "年度目标完成情况")),
    ("synthetic", ("部门整体支出绩效自评指标体系得分表", "权重", "评分标准", "完成情况", "自评得分",
                   "预算执行率97.6%", "5.28", "95.04", "等级")),
])
def test_each_form_kind_prints_its_own_layout(tmp_path, prefix, expected):
    result = write_pdf(tmp_path / "t.pdf", "table", [load(prefix)], DEFAULT_SCHEME)
    text = flat("".join(page_texts(result.path)))
    for label in expected:
        assert flat(label) in text, label


@pytest.mark.parametrize("prefix", ["004_04", "001_07"])
def test_unscored_forms_print_no_scores(tmp_path, prefix):
    text = flat("".join(page_texts(write_pdf(tmp_path / "t.pdf", "table", [load(prefix)], DEFAULT_SCHEME).path)))
    assert "得分" not in text and "总分" not in text


def test_sixty_indicators_split_with_header_and_labels_repeated(tmp_path):
    ev = with_indicators(load("002_01"), 60)
    result = write_pdf(tmp_path / "t.pdf", "table", [ev], DEFAULT_SCHEME)
    pages = page_texts(result.path)
    assert len(pages) >= 3
    holding = [page for page in pages if "三级指标：" in page]
    assert len(holding) >= 2
    for page in holding:
        text = flat(page)
        assert all(h in text for h in ("一级指标", "二级指标", "三级指标", "实际完成值", "偏差原因分析及改进措施"))
        assert "产出指标" in text  # the merged 一级 label restarts on every page
    text = flat("".join(pages))
    assert all(f"第{i}项三级指标" in text for i in range(1, 60))
    assert f"第 {len(pages)} 页 共 {len(pages)} 页" in pages[-1]


def test_signature_block_stays_on_one_page(tmp_path):
    for count in range(8, 30, 3):
        pages = page_texts(write_pdf(tmp_path / "t.pdf", "table", [with_indicators(load("002_01"), count)],
                                     DEFAULT_SCHEME).path)
        holding = [page for page in pages if "填报人" in page or "单位（盖章）" in page]
        assert len(holding) == 1 and "单位负责人" in holding[0] and "单位（盖章）" in holding[0]


def test_changing_one_actual_changes_the_fingerprint(tmp_path):
    ev = load("002_01")
    output, *rest = ev.indicators
    quantity, *others = output.children
    leaf = replace(quantity.children[0], actual="5次")
    changed = replace(ev, indicators=(replace(output, children=(replace(quantity, children=(leaf,)), *others)), *rest))
    before, after = fingerprint(ev, DEFAULT_SCHEME), fingerprint(changed, DEFAULT_SCHEME)
    assert before != after and len(before) == 8
    assert fingerprint(replace(ev, id=99), DEFAULT_SCHEME) == before  # the database id is not content
    for evaluation, code in ((ev, before), (changed, after)):
        pages = page_texts(write_pdf(tmp_path / "t.pdf", "table", [evaluation], DEFAULT_SCHEME).path)
        assert all(f"校验码 {code}" in page for page in pages)


def test_landscape_pages_are_wide(tmp_path):
    from pypdf import PdfReader

    result = write_pdf(tmp_path / "t.pdf", "table", [load("004_01")], DEFAULT_SCHEME, landscape=True)
    box = PdfReader(str(result.path)).pages[0].mediabox
    assert box.width > box.height


def test_batch_numbers_pages_per_form_and_reports_progress(tmp_path):
    evs = [load("002_01"), load("004_04"), load("001_07")]
    calls = []
    result = write_pdf(tmp_path / "t.pdf", "table", evs, DEFAULT_SCHEME, progress=lambda d, n: calls.append((d, n)))
    pages = page_texts(result.path)
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert "第 1 页 共 1 页" in pages[-1]  # 001_07 fits on one page, counted on its own
