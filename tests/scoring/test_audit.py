"""Each audit code on a small change to a consistent published table (004_02 / 004_01)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from perfdesk.scoring.audit import SEVERITY
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.evaluation import Indicator
from tests.scoring.scoring_fixtures import load

D = Decimal
FIRST_LEAF = "产出指标 (50) / 数量指标 / 全年医疗救助拨付批次"


def with_fund(ev, **changes):
    return replace(ev, funds=(replace(ev.funds[0], **changes),) + ev.funds[1:])


def with_first_leaf(ev, **changes):
    root = ev.indicators[0]
    group = root.children[0]
    leaf = replace(group.children[0], **changes)
    group = replace(group, children=(leaf,) + group.children[1:])
    return replace(ev, indicators=(replace(root, children=(group,) + root.children[1:]),) + ev.indicators[1:])


def found(ev) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for f in score_evaluation(ev).findings:
        assert f.severity == SEVERITY[f.code] and f.message
        result.setdefault(f.code, []).append(f.where)
    return result


def test_consistent_table_has_no_findings():
    assert found(load("004_02")) == {}


def test_fund_rate_mismatch():
    assert found(with_fund(load("004_02"), rate_printed="79.90%"))["FUND_RATE_MISMATCH"] == ["项目资金 / 年度资金总额"]


def test_fund_rate_within_tolerance_of_the_exact_rate_is_fine():
    # B ÷ A = 79.8759...%: 79.87 is 0.006 away (fine), 79.89 is 0.014 away (a mismatch)
    assert "FUND_RATE_MISMATCH" not in found(with_fund(load("004_02"), rate_printed="79.87%"))
    assert "FUND_RATE_MISMATCH" in found(with_fund(load("004_02"), rate_printed="79.89%"))


def test_fund_score_mismatch():
    assert "FUND_SCORE_MISMATCH" in found(with_fund(load("004_02"), score_printed=D("8.5")))


def test_fund_parts_sum():
    ev = load("004_02")
    ev = replace(ev, funds=ev.funds[:1] + (replace(ev.funds[1], executed=D("23871869.00")),) + ev.funds[2:])
    assert found(ev)["FUND_PARTS_SUM"] == ["项目资金 / 年度资金总额"]
    labelled = with_fund(ev, label="年度资金总额：")  # a label printed with its colon (WPS tables)
    assert found(labelled)["FUND_PARTS_SUM"] == ["项目资金 / 年度资金总额"]


def test_over_execution():
    assert "OVER_EXECUTION" in found(with_fund(load("004_02"), executed=D("29886191")))


def test_weight_sum_of_fund_and_indicators():
    codes = found(with_first_leaf(load("004_02"), weight=D("14"), score_printed=D("14")))
    assert codes["WEIGHT_SUM"] == ["分值合计", "分值合计", "产出指标 (50)"]  # ≠100, ≠ printed 100, ≠ declared 50


def test_declared_level_one_weight():
    ev = load("004_02")
    ev = replace(ev, indicators=(replace(ev.indicators[0], name="产出指标（40）"),) + ev.indicators[1:])
    assert found(ev)["WEIGHT_SUM"] == ["产出指标（40）"]


def test_score_exceeds_weight():
    codes = found(with_first_leaf(load("004_02"), score_printed=D("16")))
    assert codes["SCORE_EXCEEDS_WEIGHT"] == [FIRST_LEAF]


def test_score_rule_mismatch_and_missing_reason_for_a_deduction():
    codes = found(with_first_leaf(load("004_02"), score_printed=D("13")))
    assert codes["SCORE_RULE_MISMATCH"] == [FIRST_LEAF]
    assert codes["MISSING_REASON"] == [FIRST_LEAF]
    assert codes["RECORDED_TOTAL_MISMATCH"] == ["总分"]


def test_a_reason_satisfies_missing_reason():
    codes = found(with_first_leaf(load("004_02"), score_printed=D("13"), reason="拨付批次受资金到位影响"))
    assert "MISSING_REASON" not in codes


def test_manual_score_counts_like_a_printed_one():
    ev = with_first_leaf(load("004_02"), manual_score=D("12"), manual_reason="复核调整")
    codes = found(ev)
    assert codes["SCORE_RULE_MISMATCH"] == [FIRST_LEAF]
    assert score_evaluation(ev).total == D("94.99")


def test_missing_actual():
    assert found(with_first_leaf(load("004_02"), actual=None))["MISSING_ACTUAL"] == [FIRST_LEAF]


def test_actual_restates_target():
    assert found(with_first_leaf(load("004_02"), actual="≥24次"))["ACTUAL_RESTATES_TARGET"] == [FIRST_LEAF]


def test_recorded_total_mismatch():
    assert found(replace(load("004_02"), total_score_printed=D("98.99")))["RECORDED_TOTAL_MISMATCH"] == ["总分"]


def test_grade_mismatch_uses_the_printed_total():
    assert found(replace(load("004_02"), grade_printed="良"))["GRADE_MISMATCH"] == ["总分"]
    assert "GRADE_MISMATCH" not in found(replace(load("004_02"), grade_printed="优秀"))


def test_unparsed_target():
    codes = found(with_first_leaf(load("004_02"), target="280元*30%"))
    assert codes["UNPARSED_TARGET"] == [FIRST_LEAF]


@settings(max_examples=150, deadline=None)
@given(target=st.one_of(st.none(), st.text(max_size=12)), actual=st.one_of(st.none(), st.text(max_size=12)),
       direction=st.sampled_from([None, "higher", "lower", "equal", "qualitative", "sideways"]),
       rule=st.one_of(st.none(), st.text(max_size=20), st.just("每低1%扣除权重分的5%")))
def test_scoring_never_raises_on_typed_text(target, actual, direction, rule):
    ev = with_first_leaf(load("004_02"), target=target, actual=actual, direction=direction, scoring_rule=rule)
    result = score_evaluation(ev)
    assert result.total is not None and result.indicators[0].explanation


def test_an_empty_evaluation_scores_without_error():
    result = score_evaluation(replace(load("004_02"), funds=(), indicators=(Indicator("产出指标", level=1),)))
    assert result.total == 0 and result.grade == "差"
