"""The scoring rules, with GUIDE.md §3's worked examples."""
from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.scoring.engine import score_leaf
from perfdesk.scoring.evaluation import Evaluation, FundLine, Indicator
from perfdesk.scoring.funds import score_fund
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme

D = Decimal


def leaf(target, actual, weight="10", scheme=DEFAULT_SCHEME, scored=True, **fields):
    node = Indicator(name="指标", target=target, actual=actual, weight=None if weight is None else D(weight), **fields)
    return score_leaf(("产出指标", "数量指标", "指标"), node, scored, scheme)


def fund(annual, executed, weight=None, scheme=DEFAULT_SCHEME):
    line = FundLine("年度资金总额", annual=D(annual), executed=D(executed), weight=None if weight is None else D(weight))
    return score_fund(Evaluation(form="project_self_eval", year=2022, funds=(line,)), scheme)


# --- fund execution ---------------------------------------------------------------------------


def test_fund_79_88_percent_scores_7_99():
    result = fund("29886190", "23871869.32", "10")
    assert (result.rate, result.score) == (D("79.88"), D("7.99"))
    assert "79.88%" in result.explanation and "7.99" in result.explanation


def test_fund_72_26_percent_scores_7_23():
    result = fund("86500", "62502.5")
    assert (result.rate, result.weight, result.score) == (D("72.26"), D("10"), D("7.23"))


def test_fund_score_uses_full_precision_not_the_rounded_rate():
    # 6.25 / 8.65 = 72.254...% -> 7.2254 -> 7.23 (a rounded 72.25% would also give 7.23; 0.05 must not)
    assert fund("8.65", "6.25").score == D("7.23")
    assert fund("3", "0.0015").score == D("0.01")


def test_fund_over_execution_is_capped_at_full_weight():
    result = fund("500", "606.19")
    assert (result.rate, result.score) == (D("121.24"), D("10.00"))


def test_fund_without_budget_has_no_rate():
    result = fund("0", "5")
    assert result.rate is None and result.score is None


# --- indicator rules ---------------------------------------------------------------------------


def test_higher_is_better_at_least_95_actual_90():
    result = leaf("≥95%", "90%", "10")
    assert result.rule == "higher_is_better"
    assert result.computed == D("9.47")  # 0.947 w
    assert result.explanation == "实际 90% 低于目标 95%，10 × 90 ÷ 95 = 9.47"


def test_higher_is_better_met():
    result = leaf("≥95%", "98%", "5")
    assert (result.computed, result.explanation) == (D("5.00"), "实际 98% ≥ 目标 95%，得满分 5")


def test_equal_counts_as_higher_is_better_and_never_exceeds_weight():
    result = leaf("=8", "12", "5")
    assert (result.rule, result.computed) == ("higher_is_better", D("5.00"))


def test_lower_is_better_at_most_10_actual_12():
    result = leaf("≤10", "12", "10")
    assert (result.rule, result.computed) == ("lower_is_better", D("8.33"))
    assert "10 × 10 ÷ 12 = 8.33" in result.explanation


def test_lower_is_better_met_by_zero():
    assert leaf("≤10人", "0人", "20").computed == D("20.00")


def test_lower_is_better_linear_option():
    scheme = ScoringScheme(lower_formula="linear")
    assert leaf("≤10", "12", "10", scheme).computed == D("8.00")
    assert leaf("≤10", "20", "10", scheme).computed == D("0.00")
    assert leaf("≤10", "25", "10", scheme).computed == D("0.00")
    assert leaf("≤10", "12", "10", scheme).rule == "lower_is_better_linear"


@pytest.mark.parametrize("actual, score", [("0", "30.00"), ("0%", "30.00"), ("2", "0.00")])
def test_zero_target(actual, score):
    result = leaf("=0", actual, "30")
    assert (result.rule, result.computed) == ("zero_target", D(score))


@pytest.mark.parametrize("actual, score", [("92%", "10.00"), ("85%", "9.44"), ("98%", "9.69")])
def test_range_target(actual, score):
    result = leaf("90%-95%", actual, "10")
    assert (result.rule, result.computed) == ("in_range", D(score))


def test_scale_words_compare_across_units_of_money():
    # 3900.98万元 of 4000万元 -> 97.52%
    assert leaf("4000万元", "3900.98万元", "10").computed == D("9.75")
    assert leaf("≥2亿元", "15000万元", "10").computed == D("7.50")


def test_actual_without_unit_takes_the_target_unit():
    assert leaf("85%以上", "85", "10").computed == D("10.00")


def test_units_that_cannot_be_compared_fall_back_to_qualitative():
    result = leaf("≥2次", "3个", "10")
    assert result.rule == "qualitative"
    assert result.explanation.startswith("目标 2次 与实际 3个 单位不同")


@pytest.mark.parametrize("actual, tier_percent, status", [
    ("达成预期指标", "100", "完成"),
    ("部分达成预期指标并具有一定效果", "70", "部分完成"),
    ("未达成预期指标且效果较差", "30", "未完成"),
    ("基本完成", "70", "部分完成"),
    ("没有完成", "30", "未完成"),
    ("按时完成", "100", "完成"),
    ("全年未发现违规情形。", "100", "完成"),
])
def test_qualitative_tiers_from_actual_words(actual, tier_percent, status):
    result = leaf("按时间节点保障落实", actual, "10")
    assert result.rule == "qualitative"
    assert result.computed == D(tier_percent) / 10
    assert result.status == status


def test_qualitative_actual_same_as_target_is_achieved():
    result = leaf("=相符", "相符", "2.5")
    assert result.computed == D("2.50")
    assert "一致" in result.explanation


def test_qualitative_tier_defaults_are_configurable():
    scheme = ScoringScheme(tier_bands=(D(80), D(50)), tier_defaults=(D(90), D(60), D(20)))
    assert leaf("持续推进", "部分达成预期指标并具有一定效果", "15", scheme).computed == D("9.00")
    assert leaf("持续推进", "达成预期指标", "15", scheme).computed == D("13.50")


def test_missing_actual_scores_nothing():
    result = leaf("≥2次", None, "10")
    assert (result.rule, result.computed, result.status) == ("no_actual", D("0.00"), "未完成")


def test_adjusted_target_wins():
    result = leaf("≥2次", "3次", "10", target_adjusted="≥4次")
    assert (result.target, result.computed) == ("≥4次", D("7.50"))


# --- direction override ----------------------------------------------------------------------


def test_direction_override_turns_equal_zero_into_lower_is_better():
    assert leaf("=0", "0.5", "10", direction="lower").rule == "lower_is_better"


def test_direction_override_lower_on_an_equal_target():
    result = leaf("=100%", "80%", "10", direction="lower")
    assert (result.rule, result.computed) == ("lower_is_better", D("10.00"))


def test_direction_override_qualitative():
    assert leaf("≥2次", "达成预期指标", "10", direction="qualitative").rule == "qualitative"


# --- manual and printed scores ----------------------------------------------------------------


def test_printed_score_counts_as_manual_and_rule_score_is_still_reported():
    result = leaf("≤10人", "≤0人", "20", score_printed=D("15"))
    assert (result.computed, result.recorded, result.score) == (D("20.00"), D("15"), D("15"))
    assert result.recorded_source == "printed"
    assert result.explanation.endswith("；采用表内得分 15")


def test_typed_manual_score_wins_over_the_printed_one():
    result = leaf("持续推进", "达成预期指标", "15", score_printed=D("14"), manual_score=D("12"), manual_reason="评审扣分")
    assert (result.recorded, result.recorded_source, result.score) == (D("12"), "manual", D("12"))
    assert "采用人工得分 12" in result.explanation


# --- department-form 评分标准 -------------------------------------------------------------------


def test_deduction_of_weight_share_per_point():
    rule = "预算执行率达到100%得满分；每低1%扣除权重分的5%，扣完为止。"
    result = leaf("=100%", "预算执行率97.6%。", "6", scoring_rule=rule)
    assert (result.rule, result.computed) == ("deduct_per_point", D("5.28"))


def test_deduction_of_points_per_point():
    rule = "达到100%得满分；每低1个百分点扣0.5分，扣完为止。"
    assert leaf("=100%", "检查覆盖率96%。", "8", scoring_rule=rule).computed == D("6.00")
    assert leaf("=100%", "检查覆盖率50%。", "8", scoring_rule=rule).computed == D("0.00")


def test_deduction_over_a_ceiling():
    rule = "控制率在100%（含）以内得满分；每超出1%扣除权重分的5%，扣完为止。"
    assert leaf("≤100%", "104%", "3", scoring_rule=rule).computed == D("2.40")


# --- unscored forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("target, actual, status", [
    ("4000万元", "3900.98万元", "部分完成"), ("≥85%", "100%", "完成"), ("≥3个", "0个", "未完成"),
])
def test_unscored_forms_get_a_completion_status_instead_of_a_score(target, actual, status):
    result = leaf(target, actual, None, scored=False)
    assert (result.computed, result.score, result.status) == (None, None, status)
    assert result.explanation.endswith(status)


def test_amounts_in_any_money_unit_convert_to_wan():
    from decimal import Decimal
    from perfdesk.scoring.numbers import in_wan
    assert in_wan(Decimal("4878000"), "元") == Decimal("487.8")
    assert in_wan(Decimal("349.2"), "万元") == Decimal("349.2")
    assert in_wan(Decimal("2"), "亿元") == Decimal("20000")
    assert in_wan(None, "元") is None


def test_total_weight_is_fund_plus_indicators():
    from decimal import Decimal
    from pathlib import Path

    from perfdesk.io import exchange
    from perfdesk.scoring.engine import score_evaluation
    fixtures = Path(__file__).resolve().parents[1] / "data" / "fixtures"
    ev = exchange.loads((fixtures / "002_01_yiyao_zhaocai_jijin_jianguan_jingfei.json").read_text(encoding="utf-8"))[0]
    scored = score_evaluation(ev)
    assert (scored.indicator_weight, scored.total_weight) == (Decimal(90), Decimal(100))  # fund 分值 not printed: 10
