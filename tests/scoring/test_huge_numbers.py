"""Scoring is exact at any size: a table the models boundary would refuse (weights of 10^26 and
more, a budget of 10^-10) still scores without a decimal error, wherever it comes from."""
from decimal import Decimal

from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.evaluation import Evaluation, FundLine, Indicator
from perfdesk.scoring.numbers import round2


def test_rounding_is_exact_for_numbers_of_any_size():
    assert round2(Decimal("1E+26")) == Decimal("100000000000000000000000000.00")
    assert round2(Decimal("123456789012345678901234567890.125")) == Decimal("123456789012345678901234567890.13")
    assert round2(Decimal("-0.005")) == Decimal("-0.01")


def test_huge_weights_and_tiny_budgets_score_without_error():
    leaf = Indicator(name="数量", level=3, weight=Decimal("1E+30"), target="≥100人", actual="50人")
    ev = Evaluation(
        form="project_self_eval", year=2022, project="极端数值",
        funds=(FundLine(label="年度资金总额", annual=Decimal("1E-10"), executed=Decimal("1E+14"),
                        weight=Decimal("1E+26")),),
        indicators=(Indicator(name="产出指标", level=1, children=(
            Indicator(name="数量指标", level=2, children=(leaf,)),)),),
    )
    scored = score_evaluation(ev)
    assert scored.fund.score == round2(Decimal("1E+26"))
    assert scored.total is not None and scored.total > Decimal("1E+29")
