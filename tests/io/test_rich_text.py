"""Rich text in imported data ("<p>…</p>", "<br>", "&nbsp;") becomes plain paragraphs on every import path."""
from __future__ import annotations

import json

from openpyxl import Workbook

from perfdesk.io import exchange, paste
from perfdesk.io.reader import read_file
from perfdesk.models.richtext import plain_text
from tests.io.xlsx_helpers import fixture_path


def test_markup_becomes_paragraphs_and_plain_text_stays():
    assert plain_text("<p>甲</p><p>乙<br/>丙&nbsp;丁</p>") == "甲\n乙\n丙 丁"
    assert plain_text("<div><span style='x'>甲</span></div>&lt;5%") == "甲\n<5%"
    for text in ("<5%", "<=30分钟", "≤12个月", "A & B", "1<2 且 3>2", None, ""):
        assert plain_text(text) == text


def test_json_exchange_import():
    table = json.loads(fixture_path("004_01").read_text(encoding="utf-8"))
    [ev] = exchange.loads(json.dumps(table, ensure_ascii=False))
    assert "<p>" in table["goal_target"] and "<p>" not in ev.goal_target
    assert ev.goal_target.startswith("充分利用信息化手段")


def test_workbook_import(tmp_path):
    book = Workbook()
    for row in (["2022年度项目支出绩效自评表"], ["项目名称", "<p>示例项目</p>"],
                ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                ["产出指标", "数量指标", "人数&nbsp;", "<p>≥10人</p>", "12人", 90, 90]):
        book.active.append(row)
    book.save(tmp_path / "r.xlsx")
    [ev] = read_file(tmp_path / "r.xlsx").evaluations
    leaf = next(ev.leaves())
    assert (ev.project, leaf.name, leaf.target) == ("示例项目", "人数", "≥10人")


def test_paste():
    _, [leaf] = paste.parse("<p>指标A</p>\t≥95%\t98%\t5\t5\t<br>无")
    assert (leaf.name, leaf.reason) == ("指标A", "无")
