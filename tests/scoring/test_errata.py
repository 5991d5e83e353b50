"""One test per erratum in tests/data/fixtures/ERRATA.md that concerns a table's own arithmetic or
scores, named after it, asserting the finding the audit gives."""
from __future__ import annotations

from decimal import Decimal

import pytest

from perfdesk.scoring.numbers import round2
from tests.scoring.scoring_fixtures import NAMES, codes, findings_at, scored

D = Decimal


def _result(name: str, leaf_name: str):
    (match,) = [r for r in scored(name).indicators if r.path[-1] == leaf_name]
    return match


@pytest.mark.parametrize("name", ["001_06", "001_12"])
def test_001_06_365_vs_36_5(name):
    assert findings_at(name, "FUND_PARTS_SUM") == ["项目资金 / 年度资金总额"]
    (finding,) = [f for f in scored(name).findings if f.code == "FUND_PARTS_SUM"]
    assert "365" in finding.message and "36.5" in finding.message and finding.severity == "error"


@pytest.mark.parametrize("name", ["001_03", "001_09"])
def test_001_03_over_execution(name):
    assert scored(name).fund.rate == D("121.24")  # narrative L124 says 121.24% too
    assert findings_at(name, "OVER_EXECUTION") == ["项目资金 / 年度资金总额"]


@pytest.mark.parametrize("name", ["001_01", "001_07"])
def test_001_01_target_missed_unscored(name):
    result = _result(name, "按2021年参保人数")
    assert result.status == "部分完成" and result.score is None
    assert scored(name).fund.rate == D("97.52")


@pytest.mark.parametrize("name", ["001_04", "001_10"])
def test_001_04_policy_awareness_85_unit_dropped(name):
    result = _result(name, "政策知晓率")
    assert result.actual_read.unit is None and result.status == "完成"


@pytest.mark.parametrize("name", ["001_06", "001_12"])
def test_001_actual_restates_target(name):
    assert findings_at(name, "ACTUAL_RESTATES_TARGET") == ["项目完成指标 / 时效指标 / 参加市局信息化建设工作专班"]


def test_002_03_fund_score_missing_from_the_table():
    result = scored("002_03")
    assert result.fund.recorded_score is None and result.fund.score == D("6.31")
    assert findings_at("002_03", "FUND_SCORE_MISMATCH") == ["项目资金 / 资金总额"]
    # Σ printed indicator scores is 86; only the computed 6.31 makes the printed 92.31.
    assert sum(r.recorded for r in result.indicators) == 86
    assert result.total == result.recorded_total == D("92.31")
    assert "RECORDED_TOTAL_MISMATCH" not in codes("002_03")


def test_002_03_rate_from_wanyuan_vs_yuan():
    # 万元 cells 1.703 / 2.7 = 63.07%; the report body's 元 figures 17,032 / 27,000 give its printed 63.08.
    assert scored("002_03").fund.rate == D("63.07")
    assert round2(D(17032) / D(27000) * 100) == D("63.08")
    # 002_01: 6.25 / 8.65 = 72.254% vs printed 72.26 (from 元): within the 0.01 tolerance, no finding.
    assert scored("002_01").fund.rate == D("72.25")
    assert "FUND_RATE_MISMATCH" not in codes("002_01")


def test_002_03_asset_use_deducted_without_reason():
    assert findings_at("002_03", "MISSING_REASON") == ["效益指标 / 社会效益指标 / 资产利用水平"]


def test_002_03_impossible_actual():
    assert "产出指标 / 质量指标 / 办公设备验收合格率" in findings_at("002_03", "ACTUAL_RESTATES_TARGET")


def test_002_05_zero_completion_still_scores():
    mismatched = findings_at("002_05", "SCORE_RULE_MISMATCH")
    assert mismatched == [
        "产出指标 / 数量指标 / 应用功能建设数量",
        "产出指标 / 质量指标 / 应用系统满足使用要求率",
        "产出指标 / 时效指标 / 对系统运行维护时间",
    ]
    for name in ("应用功能建设数量", "应用系统满足使用要求率", "对系统运行维护时间"):
        assert _result("002_05", name).computed == 0
    # "≤300万元" -> "≤0万元" earns full marks under the ≤ rule, as printed: no finding for it.
    assert _result("002_05", "DIP应用系统建设费用").computed == 10


def test_002_04_literally_met_but_deducted():
    assert findings_at("002_04", "SCORE_RULE_MISMATCH") == [
        "产出指标 / 数量指标 / 对社会各界参与监督举报欺诈骗取医疗保障激励行为的奖励人数",
        "效益指标 / 成本指标 / 项目工作经费",
    ]
    assert "MISSING_REASON" not in codes("002_04")  # both deductions carry a reason


@pytest.mark.parametrize("name, actual", [
    ("002_01", "≥2次"), ("002_03", "≥18台(套)"), ("002_03", "≥95%"), ("002_04", "=100%"), ("002_04", "=1年"),
    ("002_05", "≥1次"),
])
def test_002_actual_cells_restate_the_target(name, actual):
    restated = [r.actual for r in scored(name).indicators if "ACTUAL_RESTATES_TARGET" in _codes_at(name, r)]
    assert actual in restated


def _codes_at(name, result):
    where = " / ".join(result.path)
    return [f.code for f in scored(name).findings if f.where == where]


@pytest.mark.parametrize("name, total, grade", [
    ("002_01", "95.23", "优"), ("002_02", "92.28", "优"), ("002_03", "92.31", "优"), ("002_04", "83", "良"),
    ("002_05", "80", "良"),
])
def test_002_totals_and_grades_reconcile(name, total, grade):
    result = scored(name)
    assert (result.total, result.grade, result.recorded_grade) == (D(total), grade, grade)
    assert not {"RECORDED_TOTAL_MISMATCH", "GRADE_MISMATCH", "WEIGHT_SUM"} & set(codes(name))


def test_004_05_met_but_deducted_reason_none():
    rows = [
        "效益指标 (30) / 社会效益指标 / 做好医保窗口经办服务工作，为我区参保人员提供良好办理环境，提升医保工作效能。",
        "满意度指标 (10) / 服务对象满意度指标 / 保障窗口平稳，优化窗口报销流程，让参保人减少排队等候时间，在窗口办事有良好的满意度。",
    ]
    assert findings_at("004_05", "SCORE_RULE_MISMATCH") == rows
    assert findings_at("004_05", "MISSING_REASON") == rows
    assert scored("004_05").total == D("97.89")


def test_004_01_equality_target_exceeded():
    result = _result("004_01", "公众号每月更新次数")
    assert (result.rule, result.computed, result.recorded) == ("higher_is_better", D(5), D(5))
    assert "SCORE_RULE_MISMATCH" not in codes("004_01")


@pytest.mark.parametrize("name", ["004_01", "004_02", "004_03", "004_04", "004_05", "004_06"])
def test_004_fund_arithmetic_is_consistent(name):
    assert not [c for c in codes(name) if c.startswith("FUND_") or c == "OVER_EXECUTION"]


# Tables with an error-level erratum; every other table is consistent in its own arithmetic.
INCONSISTENT = {"001_06", "001_12", "002_03"}


@pytest.mark.parametrize("name", [n for n in NAMES if n[:6] not in INCONSISTENT])
def test_no_error_finding_on_a_consistent_table(name):
    errors = [f for f in scored(name).findings if f.severity == "error"]
    assert errors == []
