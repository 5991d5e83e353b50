"""The audit trail as people read it: when, who, which table, what, old value → new value.

Every edit writes one `audit_event` row (models.workspace); this module filters those rows and
puts each one in words, naming the table and the indicator or fund row it touched as they are
called now (or as they were, for rows deleted since).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

from perfdesk.models import schema as s
from perfdesk.models.validate import FIELD_NAMES
from perfdesk.scoring.messages import REPORT_SECTIONS

TABLE_WORDS = {"evaluation": "评价表", "fund_line": "资金行", "indicator": "指标",
               "fund_management": "资金管理情况行", "setting": "设置"}
SETTING_WORDS = {"scoring_scheme": "评分规则", "user_name": "用户名"}
STATUS_WORDS = {"draft": "草稿", "final": "定稿", "submitted": "已提交", "returned": "已退回"}
DELETED = "（已删除）"
WORKSPACE = "（整个工作区）"
_TARGET = re.compile(r"^(?P<table>\w+):(?P<ids>[\d,]+|\w+)(?:\.(?P<field>[\w.]+))?$")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str  # ISO date and time, to the second
    actor: str
    evaluation_id: int | None
    evaluation: str  # the table's project name (or title), "（整个工作区）" for settings
    action: str  # what the user did: "修改实际完成值", "定稿", "撤销粘贴"…
    what: str  # the row and field it touched, in words
    old: str
    new: str


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show; None means any. Dates are whole days, both ends included."""

    evaluation_id: int | None = None
    since: date | None = None
    until: date | None = None
    actor: str | None = None

    def where(self):
        event = s.AuditEvent
        clauses = []
        if self.evaluation_id is not None:
            clauses.append(event.evaluation_id == self.evaluation_id)
        if self.since is not None:
            clauses.append(event.at >= self.since.isoformat())
        if self.until is not None:
            clauses.append(event.at < (self.until + timedelta(days=1)).isoformat())
        if self.actor is not None:
            clauses.append(event.actor == self.actor)
        return clauses


def entries(chosen: AuditFilter = AuditFilter()) -> list[AuditEntry]:
    """The events `chosen` lets through, newest first, in words. Run with the models bound."""
    query = s.AuditEvent.select().order_by(s.AuditEvent.id.desc())
    for clause in chosen.where():
        query = query.where(clause)
    events = list(query)
    names = _names(events)
    return [_entry(e, names) for e in events]


def actors() -> list[str]:
    """Everyone who appears in the trail, in name order."""
    query = s.AuditEvent.select(s.AuditEvent.actor).distinct()
    return sorted({row.actor for row in query if row.actor})


def _names(events) -> dict[tuple[str, int], str]:
    """Current names of the evaluations, indicators and fund rows the events mention."""
    wanted: dict[str, set[int]] = {"evaluation": set(), "indicator": set(), "fund_line": set(),
                                   "fund_management": set()}
    for event in events:
        if event.evaluation_id is not None:
            wanted["evaluation"].add(event.evaluation_id)
        parsed = _TARGET.match(event.target or "")
        if parsed and parsed["table"] in wanted and parsed["ids"][0].isdigit():
            wanted[parsed["table"]].update(int(i) for i in parsed["ids"].split(","))
    found = {}
    for table, model, column in (("evaluation", s.Evaluation, "project"), ("indicator", s.Indicator, "name"),
                                 ("fund_line", s.FundLine, "label"), ("fund_management", s.FundManagement, "item")):
        ids = sorted(wanted[table])
        for start in range(0, len(ids), 500):
            rows = model.select().where(model.id.in_(ids[start:start + 500]))
            for row in rows:
                name = getattr(row, column) or (row.title if table == "evaluation" else "")
                found[(table, row.id)] = name or f"{TABLE_WORDS[table]} {row.id}"
    return found


def _entry(event, names) -> AuditEntry:
    if event.evaluation_id is None:
        evaluation = WORKSPACE
    else:
        evaluation = names.get(("evaluation", event.evaluation_id)) or f"评价表 {event.evaluation_id}{DELETED}"
    field = _field(event.target)
    return AuditEntry(
        id=event.id, at=event.at, actor=event.actor or "", evaluation_id=event.evaluation_id,
        evaluation=evaluation, action=event.action, what=_what(event.target, names),
        old=_value(field, event.old), new=_value(field, event.new))


def _field(target: str | None) -> str | None:
    parsed = _TARGET.match(target or "")
    return parsed["field"] if parsed else None


def _what(target: str | None, names) -> str:
    parsed = _TARGET.match(target or "")
    if not parsed:
        return target or ""
    table, ids, field = parsed["table"], parsed["ids"], parsed["field"]
    if table == "setting":
        return f"设置：{SETTING_WORDS.get(ids, ids)}"
    if table == "evaluation":
        if field and field.startswith("report."):
            key = field.split(".", 1)[1]
            return f"报告文字：{dict(REPORT_SECTIONS).get(key, key)}"
        return f"评价表：{FIELD_NAMES.get(field, field)}" if field else "评价表"
    numbers = [int(i) for i in ids.split(",")] if ids[0].isdigit() else []
    word = TABLE_WORDS.get(table, table)
    if len(numbers) > 1:
        shown = "、".join(names.get((table, n), str(n)) for n in numbers[:3])
        return f"{word}（{len(numbers)} 项）：{shown}{'…' if len(numbers) > 3 else ''}"
    name = names.get((table, numbers[0]), f"{numbers[0]}{DELETED}") if numbers else ids
    return f"{word}“{name}”" + (f"：{FIELD_NAMES.get(field, field)}" if field else "")


def _value(field: str | None, text: str | None) -> str:
    if text is None:
        return ""
    if field == "status":
        return STATUS_WORDS.get(text, text)
    if text.startswith("{") and len(text) > 80:  # a stored scheme: say so rather than print JSON
        try:
            data = json.loads(text)
        except ValueError:
            return text
        if isinstance(data, dict) and "version" in data:
            return f"评分规则（第 {data['version']} 版）"
    return text
