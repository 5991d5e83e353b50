"""Review on a shared workspace: 提交 (submit), 退回 (return with a comment), 通过 (approve, final),
and the reviewer's 复核得分 per indicator.

Each is an edit command applied in one transaction with its audit event, like any other.
On a server the database enforces who may do which (models.server_sql); the checks here give
the same answer earlier, in Chinese, on both engines.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from perfdesk.models import messages as msg
from perfdesk.models import snapshots
from perfdesk.models import schema as s
from perfdesk.models.commands import _get
from perfdesk.models.errors import WorkspaceError
from perfdesk.models.validate import decimal, text

NOTES = ("submit_note", "review_comment")
STATUS_NAMES = {"draft": "草稿", "submitted": "已提交", "returned": "已退回", "final": "已通过"}


@dataclass
class _StatusChange:
    """Move an evaluation from one of `sources` to `status`, writing `fields` beside it."""

    evaluation: int
    status: str = ""
    sources: tuple[str, ...] = ()
    fields: dict | None = None
    label: str = ""
    old: dict | None = None
    unlocks = True  # the status rules below (and on a server, the database) decide

    def evaluation_id(self) -> int:
        return self.evaluation

    def apply(self) -> None:
        row = _get("evaluation", self.evaluation)
        if row.status not in self.sources:
            raise WorkspaceError(msg.STATUS_MOVE.format(action=self.label, status=STATUS_NAMES.get(row.status, row.status)))
        values = {"status": self.status, **(self.fields or {})}
        self.old = {k: getattr(row, k) for k in values}
        s.Evaluation.update(values).where(s.Evaluation.id == self.evaluation).execute()

    def revert(self) -> None:
        s.Evaluation.update(self.old).where(s.Evaluation.id == self.evaluation).execute()

    def audit(self):
        note = next((v for k, v in (self.fields or {}).items() if k in NOTES and v), None)
        return f"evaluation:{self.evaluation}.status", self.old and self.old["status"], \
            self.status + (f"：{note}" if note else "")


def submit(evaluation_id: int, error_findings: int, note: str | None = None) -> _StatusChange:
    """提交: needs no error-level finding, or a written explanation of them."""
    note = (text("submit_note", note) or "").strip() or None
    if error_findings and not note:
        raise WorkspaceError(msg.SUBMIT_NEEDS_NOTE.format(count=error_findings))
    return _StatusChange(evaluation_id, "submitted", ("draft", "returned"), {"submit_note": note}, "提交审核")


def return_for_revision(evaluation_id: int, comment: str) -> _StatusChange:
    """退回 with the reviewer's comment (required)."""
    comment = (text("review_comment", comment) or "").strip()
    if not comment:
        raise WorkspaceError(msg.RETURN_NEEDS_COMMENT)
    return _StatusChange(evaluation_id, "returned", ("submitted",), {"review_comment": comment}, "退回")


def approve(evaluation_id: int, scheme, actor: str | None, at: str | None = None) -> _StatusChange:
    """通过: the evaluation becomes final, keeping the workspace's scoring scheme of the moment
    (a scoring.scheme.ScoringScheme) as 定稿 does, with who approved it and when."""
    at = at or datetime.now().isoformat(timespec="seconds")
    fields = {"final_scheme": snapshots.scheme_text(scheme), "finalised_by": actor, "finalised_at": at}
    return _StatusChange(evaluation_id, "final", ("submitted",), fields, "审核通过")


@dataclass
class SetReviewScore:
    """The reviewer's 复核得分 (points) for one indicator; None clears it."""

    indicator_id: int
    value: object
    label: str = "修改复核得分"
    old: object = None

    def __post_init__(self):
        self.value = decimal("review_score", self.value)
        if self.value is not None and self.value < 0:
            raise WorkspaceError(msg.NOT_A_NUMBER.format(field="复核得分", value=self.value))

    def evaluation_id(self) -> int:
        return _get("indicator", self.indicator_id).evaluation_id

    def apply(self) -> None:
        row = _get("indicator", self.indicator_id)
        weight = row.weight
        if self.value is not None and weight is not None and not isinstance(weight, str) and self.value > weight:
            raise WorkspaceError(msg.REVIEW_OVER_WEIGHT.format(score=self.value, weight=weight))
        self.old = row.review_score
        self._write(self.value)

    def revert(self) -> None:
        self._write(self.old)

    def _write(self, value) -> None:
        s.Indicator.update(review_score=value).where(s.Indicator.id == self.indicator_id).execute()

    def audit(self):
        return (f"indicator:{self.indicator_id}.review_score",
                None if self.old is None else str(self.old), None if self.value is None else str(self.value))
