"""The 汇总表 figures: amounts in 万元, the overall rate Σ执行 ÷ Σ预算, mean scores, grade counts."""
from decimal import Decimal

from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from perfdesk.scoring.yearly import Pair, by_year, summary_line, totals
from tests.scoring.scoring_fixtures import load

YANGPU = ["004_01", "004_02", "004_03", "004_04", "004_05", "004_06"]


def _pairs(prefixes):
    return [Pair(load(p), score_evaluation(load(p))) for p in prefixes]


def test_the_overall_rate_is_the_ratio_of_sums_not_the_mean_of_rates():
    pairs = _pairs(["004_01", "004_02"])
    t = totals(pairs, DEFAULT_SCHEME.grade_bands)
    lines = [summary_line(p) for p in pairs]
    assert t.annual == sum(line.annual for line in lines) and t.executed == sum(line.executed for line in lines)
    assert t.rate == t.executed / t.annual * 100
    mean_of_rates = sum(line.rate for line in lines) / 2
    assert abs(t.rate - mean_of_rates) > Decimal("0.5")  # these two tables tell the difference apart


def test_amounts_are_summed_in_wan_whatever_the_table_prints():
    ev = load("004_02")  # 元
    line = summary_line(Pair(ev, score_evaluation(ev)))
    assert ev.money_unit == "元" and line.annual == ev.funds[0].annual / 10000


def test_scores_are_averaged_over_scored_tables_and_grades_counted():
    pairs = _pairs(YANGPU)  # 004_04 is a transfer table: amounts count, scores do not
    t = totals(pairs, DEFAULT_SCHEME.grade_bands)
    scored = [p.scored for p in pairs if p.scored.total is not None]
    assert t.count == 6 and len(scored) == 5
    assert t.total == (sum(s.total for s in scored) / 5).quantize(Decimal("0.01"))
    assert t.grades == {"优": 5, "良": 0, "中": 0, "差": 0}
    assert summary_line(pairs[3]).total is None and summary_line(pairs[3]).annual is not None


def test_reasons_summarise_the_indicators_that_lost_points():
    line = summary_line(_pairs(["002_04"])[0])
    assert line.reasons and line.fund_score == 0 and line.indicator_score == 83


def test_years_are_grouped_in_order_keeping_each_years_order():
    pairs = _pairs(["004_02", "001_01", "004_01"])
    assert [(year, [p.ev.project for p in items]) for year, items in by_year(pairs)] == [
        (2021, [pairs[1].ev.project]), (2022, [pairs[0].ev.project, pairs[2].ev.project])]
