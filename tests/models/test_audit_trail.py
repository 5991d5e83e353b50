"""The audit trail in words and its filters (evaluation, dates, user)."""
from __future__ import annotations

from datetime import date

from helpers import read_fixture_tables
from perfdesk.models import Workspace
from perfdesk.models.audit_trail import AuditFilter
from perfdesk.models.commands import DeleteEvaluation, DeleteIndicator, SetField, SetFinal, SetSetting
from perfdesk.models.workspace import SCHEME_KEY
from perfdesk.scoring.scheme import ScoringScheme


def _trail(tmp_path):
    ws = Workspace.create(tmp_path / "a.perfdesk")
    first, second = ws.import_evaluations(read_fixture_tables("004_02", "004_05"))
    leaf = next(ws.evaluation(first).leaves())
    ws.apply(SetField("indicator", leaf.id, "actual", "30次", label="修改实际完成值"))
    ws.apply(SetSetting("user_name", "王芳"))
    ws.apply(SetSetting(SCHEME_KEY, ScoringScheme(version=2).to_dict(), label="修改评分规则"))
    ws.apply(SetFinal(first, True, ws.scheme(), ws.actor, "2026-03-25T10:00:00"))
    ws.apply(DeleteIndicator(next(ws.evaluation(second).leaves()).id))
    ws.apply(DeleteEvaluation(second))
    return ws, first, second, leaf


def test_each_event_in_words_newest_first(tmp_path):
    ws, first, second, leaf = _trail(tmp_path)
    with ws:
        entries = ws.audit_entries()
        assert [e.action for e in entries] == ["删除评价表", "删除指标", "定稿", "修改评分规则", "修改设置",
                                               "修改实际完成值", "导入评价表", "导入评价表"]
        by_action = {e.action: e for e in entries}
        edit = by_action["修改实际完成值"]
        assert (edit.evaluation, edit.what, edit.old, edit.new) == (
            "城乡医疗救助", "指标“全年医疗救助拨付批次”：实际完成值", "34次", "30次")
        assert edit.actor != "王芳" and by_action["定稿"].actor == "王芳"  # who did it, as it was then
        assert (by_action["定稿"].old, by_action["定稿"].new) == ("草稿", "定稿")
        assert by_action["修改评分规则"].evaluation == "（整个工作区）"
        assert by_action["修改评分规则"].what == "设置：评分规则" and by_action["修改评分规则"].new == "评分规则（第 2 版）"
        assert by_action["删除评价表"].evaluation == f"评价表 {second}（已删除）"
        assert by_action["删除指标"].what.endswith("（已删除）”") and by_action["删除指标"].old
        assert ws.audit_actors() == sorted({edit.actor, "王芳"})


def test_filters_by_evaluation_dates_and_user(tmp_path):
    ws, first, second, _leaf = _trail(tmp_path)
    with ws:
        ws.db.execute_sql("UPDATE audit_event SET at = '2025-12-31T23:59:59' WHERE action = '导入评价表'")
        assert {e.action for e in ws.audit_entries(AuditFilter(evaluation_id=first))} == {
            "导入评价表", "修改实际完成值", "定稿"}
        assert [e.action for e in ws.audit_entries(AuditFilter(until=date(2025, 12, 31)))] == ["导入评价表"] * 2
        assert "导入评价表" not in {e.action for e in ws.audit_entries(AuditFilter(since=date(2026, 1, 1)))}
        assert {e.action for e in ws.audit_entries(AuditFilter(actor="王芳"))} == {
            "修改评分规则", "定稿", "删除指标", "删除评价表"}
        assert ws.audit_entries(AuditFilter(evaluation_id=first, actor="王芳", since=date(2026, 1, 1)))[0].action == "定稿"
