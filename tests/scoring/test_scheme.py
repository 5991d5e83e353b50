"""The scoring scheme: JSON round trip, validation, and each alternative option in effect."""
from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.scheme import DEFAULT_SCHEME, RATE_CAP, ScoringScheme
from tests.scoring.scoring_fixtures import load

D = Decimal
STEPS = ((D(95), D(100)), (D(90), D(90)), (D(80), D(80)), (D(60), D(60)))
HUBEI = ScoringScheme(version=3, fund_rule="steps", fund_steps=STEPS, default_fund_weight=D(15),
                      lower_formula="linear", tier_bands=(D(80), D(50)), tier_defaults=(D(90), D(65), D(25)),
                      grade_bands=((D(85), "优秀"), (D(70), "良好"), (D(60), "合格"), (D(0), "不合格")),
                      total_cap=RATE_CAP)


def test_default_scheme_values():
    data = DEFAULT_SCHEME.to_dict()
    assert data == {
        "version": 1, "fund_rule": "proportional", "fund_steps": [], "default_fund_weight": "10",
        "lower_formula": "ratio", "tier_bands": ["80", "60"], "tier_defaults": ["100", "70", "30"],
        "grade_bands": [["90", "优"], ["80", "良"], ["60", "中"], ["0", "差"]], "total_cap": [],
    }


@pytest.mark.parametrize("scheme", [DEFAULT_SCHEME, HUBEI])
def test_round_trip_through_json(scheme):
    text = json.dumps(scheme.to_dict(), ensure_ascii=False)
    assert ScoringScheme.from_dict(json.loads(text)) == scheme


def test_missing_keys_take_defaults():
    assert ScoringScheme.from_dict({"version": 2}) == replace(DEFAULT_SCHEME, version=2)


@pytest.mark.parametrize("data, words", [
    ([], "应为对象"),
    ({"colour": "red"}, "未知字段"),
    ({"version": 0}, "正整数"),
    ({"version": True}, "正整数"),
    ({"fund_rule": "magic"}, "取值"),
    ({"lower_formula": "log"}, "取值"),
    ({"default_fund_weight": 10}, "数字文本"),
    ({"default_fund_weight": "ten"}, "数字文本"),
    ({"default_fund_weight": "NaN"}, "数字文本"),
    ({"default_fund_weight": "120"}, "之间"),
    ({"tier_bands": ["80"]}, "列表"),
    ({"tier_bands": ["60", "80"]}, "档次内"),
    ({"tier_defaults": ["100", "90", "30"]}, "档次内"),
    ({"grade_bands": [["80", "良"], ["90", "优"]]}, "从高到低"),
    ({"grade_bands": [["90"]]}, "两个值"),
    ({"grade_bands": [["90", ""]]}, "等级名称"),
    ({"grade_bands": []}, "至少"),
    ({"fund_rule": "steps"}, "不能为空"),
    ({"fund_steps": [["90", "150"]]}, "之间"),
    ({"total_cap": "yes"}, "列表"),
])
def test_bad_input_raises_value_error_in_chinese(data, words):
    with pytest.raises(ValueError, match=words):
        ScoringScheme.from_dict(data)


def test_step_table_for_the_fund_score():
    scheme = ScoringScheme(fund_rule="steps", fund_steps=STEPS)
    scored = score_evaluation(load("004_02"), scheme)  # 79.88% -> below 80 -> the 60% step
    assert scored.fund.score == D("6.00")
    assert scored.fund.rule == "steps"
    assert "60% 档" in scored.fund.explanation
    assert score_evaluation(load("004_05"), scheme).fund.score == D("10.00")  # 98.88% -> 100%
    assert score_evaluation(load("002_05"), scheme).fund.score == D("0")  # 0% is below every step


def test_default_fund_weight_applies_where_none_is_printed():
    scheme = ScoringScheme(default_fund_weight=D(20))
    scored = score_evaluation(load("002_01"), scheme)  # 72.25%
    assert (scored.fund.weight, scored.fund.score) == (D(20), D("14.45"))
    assert score_evaluation(load("004_02"), scheme).fund.weight == D(10)  # printed weight wins


def test_cap_of_the_total_by_execution_rate():
    capped = score_evaluation(load("002_01"), ScoringScheme(total_cap=RATE_CAP))  # 72.25%: 70-80 -> at most 89
    assert (capped.total, capped.cap, capped.grade) == (D(89), D(89), "良")
    low = score_evaluation(load("002_02"), ScoringScheme(total_cap=RATE_CAP))  # 42.81%: below 50 -> at most 59
    assert (low.total, low.grade) == (D(59), "差")
    assert score_evaluation(load("002_01")).total == D("95.23")  # off by default
    full = score_evaluation(load("004_01"), ScoringScheme(total_cap=RATE_CAP))
    assert (full.total, full.cap) == (D("99.99"), None)


def test_custom_grade_bands():
    scheme = ScoringScheme(grade_bands=((D(85), "优秀"), (D(70), "良好"), (D(0), "不合格")))
    assert score_evaluation(load("002_04"), scheme).grade == "良好"  # 83
    assert score_evaluation(load("004_01"), scheme).grade == "优秀"


def test_grade_band_bounds_are_inclusive():
    assert score_evaluation(load("002_05")).grade == "良"  # 80.00 is the lower bound of 良


def test_scored_result_records_the_scheme_version():
    assert score_evaluation(load("004_01"), replace(DEFAULT_SCHEME, version=7)).scheme_version == 7
