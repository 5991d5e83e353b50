"""The file an offline unit (下属单位 without network access) sends its department.

JSON: `{"perfdesk_offline": 1, "unit": "…", "exported_at": "…", "evaluations": [{"table":
{exchange format}, "audit": [{"at", "actor", "action", "target", "old", "new"}, …]}, …]}`.
Every evaluation carries the unit's name, so the department's workspace matches it by unit +
year + project (models.offline) and keeps the unit's audit trail.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from perfdesk.io import exchange, texts
from perfdesk.models.offline import EVENT_FIELDS, MergeEvaluation
from perfdesk.scoring.evaluation import Evaluation

MARK = "perfdesk_offline"
SUFFIX = ".perfdesk-unit.json"


class OfflineError(ValueError):
    """Not an offline unit file, or a broken one; the message is Chinese."""


@dataclass(frozen=True)
class Package:
    unit: str
    exported_at: str
    items: tuple[tuple[Evaluation, tuple[dict, ...]], ...]


def dumps(ws, unit: str, evaluation_ids: list[int] | None = None) -> str:
    """The unit's evaluations (all, or the given ones) with their audit trails, as file text."""
    unit = (unit or "").strip()
    if not unit:
        raise OfflineError(texts.OFFLINE_NO_UNIT)
    items = []
    for ev in ws.evaluations(evaluation_ids):
        events = [{f: getattr(e, f) for f in EVENT_FIELDS} for e in ws.audit_trail(ev.id)]
        items.append({"table": exchange.evaluation_to_table(replace(ev, unit=unit)), "audit": events})
    if not items:
        raise OfflineError(texts.OFFLINE_NOTHING)
    body = {MARK: 1, "unit": unit, "exported_at": datetime.now().isoformat(timespec="seconds"), "evaluations": items}
    return json.dumps(body, ensure_ascii=False, indent=1, default=exchange.json_number) + "\n"


def loads(text: str) -> Package:
    try:
        data = exchange.parse_json(text)
    except exchange.ExchangeError as exc:
        raise OfflineError(str(exc)) from None
    if not isinstance(data, dict) or data.get(MARK) != 1:
        raise OfflineError(texts.OFFLINE_NOT_OURS)
    unit = data.get("unit")
    entries = data.get("evaluations")
    if not isinstance(unit, str) or not unit.strip() or not isinstance(entries, list) or not entries:
        raise OfflineError(texts.OFFLINE_INCOMPLETE)
    items = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("audit", []), list):
            raise OfflineError(texts.OFFLINE_BAD_TABLE.format(number=number))
        try:
            ev = exchange.table_to_evaluation(entry.get("table"), number)
        except exchange.ExchangeError as exc:
            raise OfflineError(str(exc)) from None
        events = []
        for event in entry.get("audit", []):
            if not isinstance(event, dict) or not all(
                    isinstance(event.get(f), (str, type(None))) for f in EVENT_FIELDS) or not event.get("action"):
                raise OfflineError(texts.OFFLINE_BAD_TRAIL.format(number=number))
            events.append({f: event.get(f) for f in EVENT_FIELDS})
        items.append((replace(ev, unit=unit.strip()), tuple(events)))
    return Package(unit.strip(), str(data.get("exported_at") or ""), tuple(items))


def merge_commands(package: Package, source: str, role: str | None) -> tuple[list[MergeEvaluation], str]:
    """The commands (one per evaluation) and the undo label that bring a package in; `source`
    names the file in the audit trail, `role` is the importing database role (servers)."""
    origin = texts.OFFLINE_ORIGIN.format(unit=package.unit, source=source, exported_at=package.exported_at)
    return [MergeEvaluation(ev, events, origin, role) for ev, events in package.items], \
        texts.OFFLINE_IMPORTED.format(unit=package.unit)


def merge(ws, package: Package, source: str) -> list[int]:
    """Bring the package into the workspace as one transaction (one undo step); returns the
    ids of the evaluations updated or created, in the file's order."""
    commands, label = merge_commands(package, source, ws.role)
    ws.apply_all(commands, label)
    return [c.evaluation_id() for c in commands]
