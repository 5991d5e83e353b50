"""The form of each kind of evaluation, built as content (see reports.content)."""
from __future__ import annotations

from dataclasses import dataclass, replace

from perfdesk.reports.content import Form
from perfdesk.reports.department_table import department_form
from perfdesk.reports.fingerprint import fingerprint
from perfdesk.reports.goal_table import goal_form
from perfdesk.reports.self_eval_table import project_form
from perfdesk.reports.transfer_table import transfer_form
from perfdesk.scoring.engine import ScoredEvaluation, score_evaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.messages import FORM_TITLES
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.signature import SignatureBlock

BUILDERS = {
    "project_self_eval": project_form,
    "transfer_payment_self_eval": transfer_form,
    "project_goal_completion": goal_form,
    "department_overall_eval": department_form,
}


@dataclass(frozen=True)
class Printed:
    """One evaluation as it goes out: its snapshot, its scores and its fingerprint."""

    ev: Evaluation
    scored: ScoredEvaluation
    code: str


def scored(evaluations: list[Evaluation], scheme: ScoringScheme) -> list[Printed]:
    return [Printed(ev, score_evaluation(ev, scheme), fingerprint(ev, scheme)) for ev in evaluations]


def form_of(item: Printed, sign: SignatureBlock) -> Form:
    """The form of `item` in the layout of its kind."""
    form = BUILDERS[item.ev.form](item.ev, item.scored, sign)
    return replace(form, code=item.code, name=item.ev.title or FORM_TITLES[item.ev.form])
