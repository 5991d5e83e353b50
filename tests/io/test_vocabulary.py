"""The one vocabulary: every variant is unambiguous within its block and normalisation folds the
ways offices write a label."""
from __future__ import annotations

import time

import pytest

from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize import vocabulary as V


@pytest.mark.parametrize("table", ["HEADER", "FUND", "GOAL", "MANAGEMENT", "INDICATOR"])
def test_no_label_means_two_fields_of_one_block(table):
    seen: dict[str, str] = {}
    for field, labels in getattr(V, table).items():
        for label in labels:
            key = L.key(label)
            assert seen.setdefault(key, field) == field, f"{label} is both {seen[key]} and {field}"


@pytest.mark.parametrize("printed, field", [
    ("全年预算数(A)", "annual"), ("全年（调整）预算数", "annual"), ("调整预算数（A）", "annual"), ("预算数(A)", "annual"),
    ("执行数(B)", "executed"), ("执行率（B/A×100%）", "rate"), ("执行率(%)", "rate"), ("执行率权重", "weight"),
    ("资金结(转)余", "balance"), ("执行率得分（分）", "score")])
def test_fund_labels_fold_markers_units_and_spaces(printed, field):
    assert L.FUND_COLUMNS[L.key(printed)] == field


@pytest.mark.parametrize("printed, field", [
    ("全年实际值(B)", "actual"), ("全年实际值", "actual"), ("年初目标值(A)", "target"), ("指标值(A)", "target"),
    ("参考分值", "weight"), ("未完成原因及拟采取的改进措施", "reason"), ("三 级 指 标", "name"), ("指标权重（分）", "weight"),
    ("调整指标值", "target_adjusted"), ("全年完成值", "actual"), ("度量单位", "unit"), ("指标性质", "target_op")])
def test_indicator_labels(printed, field):
    assert L.INDICATOR_COLUMNS[L.key(printed)] == field


def test_units_and_weights_inside_labels():
    assert L.key("预算执行情况（万元）（20分）") == "预算执行情况" and L.key("资金情况（万元）") in L.FUND_SECTION
    assert (L.unit_in("预算执行情况（万元）（20分）"), L.weight_in("预算执行情况（万元）（20分）")) == ("万元", 20)
    assert L.unit_in("单位：元") == "元" and L.key("项目实施单位") in L.HEADER_FIELDS
    assert L.GOAL_FIELDS[L.key("年度总体目标完成情况(综述)")] == "goal_actual"
    assert L.GOAL_FIELDS[L.key("年初设定目标")] == "goal_target"


@pytest.mark.parametrize("printed, folded", [
    ("全年（调整）预算数(A)：", "全年预算数"), ("a(b(c))d", "ad"), ("a(b", "a(b"), ("(a))b", ")b"), ("a(b(c)d", "a(bd")])
def test_bracketed_parts_nested_or_not_are_left_out_of_a_key(printed, folded):
    assert L.key(printed) == folded


def test_a_cell_of_deeply_nested_brackets_costs_about_what_a_plain_cell_of_its_length_does():
    """16,000 nested brackets took 4.5 s a cell (a thousand times a plain cell) when the innermost
    pair was removed pass by pass; the time is compared with a plain cell's, not with a clock."""
    nested, plain = "(" * 16_000 + "项目名称" + ")" * 16_000, "项" * 32_004
    assert L.key(nested) == ""
    assert _fastest(L.key, nested) < 20 * _fastest(L.key, plain)


def _fastest(function, argument) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        function(argument)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("check, head", [
    ("title", "填报单位"), ("title", "附件"), ("name", "指标"), ("note", "注")])
def test_a_label_followed_by_thousands_of_spaces_costs_about_what_a_plain_cell_does(check, head):
    """"填报单位" and 3,000 line breaks took over 5 s (the pattern backtracked over them, cubically);
    compared with a plain cell of the same length, not with a clock."""
    from perfdesk.io.recognize.header import _not_a_title
    from perfdesk.io.recognize.indicators import _name
    from perfdesk.io.recognize.layout import _NOTE
    function = {"title": _not_a_title, "name": _name, "note": _NOTE.match}[check]
    spaced, plain = head + " \n" * 1_500 + "x", "项" * (len(head) + 3_001)
    assert _fastest(function, spaced) < 20 * _fastest(function, plain) + 0.001
