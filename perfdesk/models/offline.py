"""An offline unit's evaluations brought into a (server) workspace: matched by unit + year +
project, the stored evaluation is updated in place (its id kept, never duplicated), otherwise a
new one is created; the unit's audit events come along, once each however often the same file
is imported, marked with where they came from.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from perfdesk.models import messages as msg
from perfdesk.models import schema as s
from perfdesk.models import snapshots
from perfdesk.models.errors import WorkspaceError
from perfdesk.models.review import STATUS_NAMES
from perfdesk.scoring import evaluation as v

# What the unit sends decides the content; these stay as the receiving workspace has them.
KEPT_ON_UPDATE = ("unit",)
EVENT_FIELDS = ("at", "actor", "action", "target", "old", "new")


def match(snapshot: v.Evaluation) -> int | None:
    """The stored evaluation of the same unit, year and project (the oldest, if several)."""
    project = s.Evaluation.project.is_null() if snapshot.project is None else s.Evaluation.project == snapshot.project
    return (s.Evaluation.select(s.Evaluation.id)
            .where((s.Evaluation.unit == snapshot.unit) & (s.Evaluation.year == snapshot.year) & project)
            .order_by(s.Evaluation.id).scalar())


def received_status(status: str) -> str:
    """A table the unit finished (定稿 or 提交) arrives submitted for review; others as drafts."""
    return "submitted" if status in ("final", "submitted") else "draft"


@dataclass
class MergeEvaluation:
    snapshot: v.Evaluation
    events: tuple[dict, ...]
    origin: str
    role: str | None = None
    label: str = "导入离线报送"
    matched: int | None = None
    looked: bool = False
    previous: v.Evaluation | None = None
    applied: v.Evaluation | None = None
    created: v.Evaluation | None = None
    added: int = 0
    unlocks = True  # apply says itself, naming the table, when the stored one is locked


    def evaluation_id(self) -> int | None:
        if not self.looked:
            self.matched, self.looked = match(self.snapshot), True
        return self.matched if self.matched is not None else (self.created.id if self.created else None)

    def apply(self) -> None:
        self.evaluation_id()
        wanted = self.applied or replace(self.snapshot, status=received_status(self.snapshot.status),
                                         final_scheme=None, finalised_by=None, finalised_at=None)
        keep_ids = self.applied is not None
        # Content first, the status last: a submitted evaluation accepts no new rows.
        if self.matched is not None:
            self.previous = self.previous or snapshots.load([self.matched])[0]
            if self.previous.status in ("submitted", "final"):
                ev = self.previous
                raise WorkspaceError(msg.OFFLINE_LOCKED.format(
                    name=f"{ev.year}年“{ev.project or ev.title or ''}”", status=STATUS_NAMES[ev.status]))
            snapshots.replace(self.matched, replace(wanted, status=self.previous.status), keep_ids,
                              keep=KEPT_ON_UPDATE)
            evaluation_id = self.matched
        else:
            evaluation_id = snapshots.insert(replace(wanted, status="draft"), keep_ids)
        s.Evaluation.update(status=wanted.status).where(s.Evaluation.id == evaluation_id).execute()
        self.applied = snapshots.load([evaluation_id])[0]
        if self.matched is None:
            self.created = self.applied
        self.added = _add_events(evaluation_id, self.events, self.origin, self.role)

    def revert(self) -> None:
        """Back to what was there before; the unit's events stay in the trail (it records history)."""
        if self.matched is not None:
            snapshots.replace(self.matched, replace(self.previous, status="draft"), keep_ids=True)
            s.Evaluation.update(status=self.previous.status).where(s.Evaluation.id == self.matched).execute()
        else:
            s.Evaluation.delete().where(s.Evaluation.id == self.created.id).execute()

    def audit(self):
        ev = self.snapshot
        name = f"{ev.unit} {ev.year} {ev.project or ev.title or ''}"
        return (f"evaluation:{self.evaluation_id()}", "更新" if self.matched is not None else None,
                f"{name}（{self.origin}，审计记录 {self.added} 条）")


def _add_events(evaluation_id: int, events, origin: str, role: str | None) -> int:
    query = s.AuditEvent.select(*(getattr(s.AuditEvent, f) for f in EVENT_FIELDS)).where(
        s.AuditEvent.evaluation_id == evaluation_id).tuples()
    present = set(query)
    fresh = []
    for event in events:
        key = tuple(event.get(f) for f in EVENT_FIELDS)
        if key not in present:
            present.add(key)
            fresh.append({**dict(zip(EVENT_FIELDS, key)), "evaluation_id": evaluation_id, "origin": origin,
                          "role": role})
    for start in range(0, len(fresh), 200):
        s.AuditEvent.insert_many(fresh[start:start + 200]).execute()
    return len(fresh)
