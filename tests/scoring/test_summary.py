"""The CLI's two views of a scored evaluation: the JSON shape of issue 3 §5 and the text table."""
from __future__ import annotations

import json

from perfdesk.scoring.summary import format_text, scored_to_dict
from tests.scoring.scoring_fixtures import load, scored

INDICATOR_KEYS = ["path", "target", "actual", "weight", "rule", "computed", "recorded", "score", "explanation"]


def test_shape_for_004_01():
    data = scored_to_dict(load("004_01"), scored("004_01"))
    assert list(data) == ["id", "project", "year", "form", "fund", "indicators", "total", "recorded_total",
                          "grade", "findings"]
    assert (data["project"], data["year"], data["form"]) == ("医疗保障管理事务", 2022, "project_self_eval")
    assert data["fund"] == {"annual": 390065700.0, "executed": 389545477.1, "rate": 99.87, "weight": 10.0,
                            "score": 9.99, "recorded_rate": 99.87, "recorded_score": 9.99}
    assert (data["total"], data["recorded_total"], data["grade"], data["findings"]) == (99.99, 99.99, "优", [])
    second = data["indicators"][1]
    assert list(second) == INDICATOR_KEYS
    assert second == {"path": ["产出指标 (50)", "数量指标", "公众号每月更新次数"], "target": "=8", "actual": "12",
                      "weight": 5.0, "rule": "higher_is_better", "computed": 5.0, "recorded": 5.0, "score": 5.0,
                      "explanation": "实际 12 ≥ 目标 8，得满分 5"}
    json.dumps(data, ensure_ascii=False)


def test_findings_in_the_shape():
    data = scored_to_dict(load("004_05"), scored("004_05"))
    assert {tuple(f) for f in data["findings"]} == {("code", "severity", "message", "where")}
    assert {f["code"] for f in data["findings"]} == {"SCORE_RULE_MISMATCH", "MISSING_REASON"}


def test_fund_is_null_without_a_fund_block():
    data = scored_to_dict(load("synthetic"), scored("synthetic"))
    assert data["fund"] is None and data["total"] == 95.04


def test_unscored_form_has_null_scores():
    data = scored_to_dict(load("004_04"), scored("004_04"))
    assert (data["total"], data["grade"], data["fund"]["rate"], data["fund"]["score"]) == (None, None, 100.0, None)
    assert {i["score"] for i in data["indicators"]} == {None}


def test_text_table():
    text = format_text(load("004_05"), scored("004_05"))
    assert "医保事务经费（2022 年度，项目支出绩效自评表）" in text
    assert "执行率 98.88%" in text and "总分 97.89（表内 97.89），等级 优" in text
    assert "[警告] SCORE_RULE_MISMATCH" in text


def test_text_table_for_an_unscored_form_shows_status():
    text = format_text(load("001_01"), scored("001_01"))
    assert "完成情况" in text and "部分完成" in text and "总分" not in text
