"""Telling an editor who changed an evaluation under them, and what, from the audit trail."""
from __future__ import annotations

import re
from datetime import datetime

from perfdesk.models import messages as msg
from perfdesk.models import schema as s
from perfdesk.models.validate import FIELD_NAMES

_TARGET = re.compile(r"(\w+):(\d+)\.(\w+)")
_ROW_LABELS = {"indicator": (s.Indicator, "name", "指标"), "fund_line": (s.FundLine, "label", "资金行"),
               "fund_management": (s.FundManagement, "item", "资金管理情况")}


def conflict_message(evaluation_id: int) -> str:
    """A Chinese sentence naming the evaluation, the last change to it, who made it and when."""
    row = s.Evaluation.get_or_none(s.Evaluation.id == evaluation_id)
    name = (row.project or row.title or f"编号 {evaluation_id}") if row else f"编号 {evaluation_id}"
    event = (s.AuditEvent.select().where(s.AuditEvent.evaluation_id == evaluation_id)
             .order_by(s.AuditEvent.id.desc()).first())
    if event is None:
        return msg.CONFLICT_UNKNOWN.format(name=name)
    return msg.CONFLICT.format(name=name, who=event.actor or event.role or "另一位用户",
                               when=_when(event.at), what=describe(event))


def _when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return at or ""
    return moment.strftime("%H:%M:%S" if moment.date() == datetime.now().date() else "%Y-%m-%d %H:%M")


def describe(event) -> str:
    """“修改 指标“门诊救助人次”的实际完成值（98% → 99%）”, or the action's own label."""
    found = _TARGET.fullmatch(event.target or "")
    if not found:
        return event.action
    table, row_id, field = found.group(1), int(found.group(2)), found.group(3)
    what = FIELD_NAMES.get(field, field)
    if table in _ROW_LABELS:
        model, column, kind = _ROW_LABELS[table]
        label = model.select(getattr(model, column)).where(model.id == row_id).scalar()
        what = f"{kind}“{label}”的{what}" if label else f"{kind}的{what}"
    return f"{event.action}{what}（{event.old or '空'} → {event.new or '空'}）"
