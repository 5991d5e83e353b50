"""Every scored fixture against its printed figures, as ERRATA.md's RECON lines reconcile them."""
from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.scoring.funds import execution_ratio
from perfdesk.scoring.numbers import printed_number
from tests.scoring.scoring_fixtures import load, scored

D = Decimal

# fixture: (computed 执行率 %, computed fund score, printed total) — ERRATA.md "Reconciliation summary"
RECON = {
    "002_01": ("72.25", "7.23", "95.23"),
    "002_02": ("42.81", "4.28", "92.28"),
    "002_03": ("63.07", "6.31", "92.31"),
    "002_04": ("0.00", "0.00", "83"),
    "002_05": ("0.00", "0.00", "80"),
    "004_01": ("99.87", "9.99", "99.99"),
    "004_02": ("79.88", "7.99", "97.99"),
    "004_03": ("100.00", "10.00", "100"),
    "004_05": ("98.88", "9.89", "97.89"),
    "004_06": ("100.00", "10.00", "100"),
}
# ERRATA "002_03 — 执行率 from 万元 vs 元": these printed rates come from unrounded 元 amounts, so the
# rate recomputed from the 万元 cells is 0.01 lower once rounded (still within tolerance unrounded).
RATE_FROM_YUAN = {"002_01"}


@pytest.mark.parametrize("name", sorted(RECON))
def test_fund_rate_and_score(name):
    rate, score, _ = RECON[name]
    fund = scored(name).fund
    assert (fund.rate, fund.score) == (D(rate), D(score))
    if fund.recorded_score is not None:
        assert fund.score == fund.recorded_score


@pytest.mark.parametrize("name", sorted(set(RECON) - {"002_03"}))  # 002_03 prints no rate: test_errata
def test_computed_rate_equals_the_printed_one(name):
    fund = scored(name).fund
    if name in RATE_FROM_YUAN:
        assert fund.rate == fund.recorded_rate - D("0.01")
    else:
        assert fund.rate == fund.recorded_rate


@pytest.mark.parametrize("name", sorted(RECON))
def test_every_printed_rate_row_is_within_tolerance(name):
    for line in load(name).funds:
        printed = printed_number(line.rate_printed)
        if printed is not None and execution_ratio(line) is not None:
            assert abs(printed - execution_ratio(line) * 100) <= D("0.01"), line.label


@pytest.mark.parametrize("name", sorted(RECON) + ["synthetic"])
def test_effective_total_equals_the_printed_total(name):
    result = scored(name)
    assert result.total == result.recorded_total
    if name in RECON:
        assert result.total == D(RECON[name][2])


@pytest.mark.parametrize("name", sorted(RECON) + ["synthetic"])
def test_weights_add_up_to_100(name):
    result = scored(name)
    fund_weight = result.fund.weight if result.fund else 0
    assert sum(r.weight for r in result.indicators) + fund_weight == 100


def test_department_form_scores_follow_each_rows_own_standard():
    result = scored("synthetic")
    assert result.fund is None
    assert [r.computed for r in result.indicators if r.quantitative] == [r.recorded for r in result.indicators if r.quantitative]
    assert result.total == D("95.04") and result.grade == "优"


def test_roll_up_per_level_one_and_level_two():
    groups = {g.path: g for g in scored("004_01").groups}
    assert (groups[("产出指标 (50)",)].weight, groups[("产出指标 (50)",)].score) == (D(50), D(50))
    assert groups[("产出指标 (50)",)].declared == D(50)
    assert groups[("效益指标 (30)", "社会效益指标")].weight == D(25)
    assert groups[("满意度指标 (10)",)].score == D(10)
    assert scored("004_01").indicator_total + scored("004_01").fund.score == D("99.99")
