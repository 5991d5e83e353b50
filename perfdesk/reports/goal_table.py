"""项目绩效目标完成情况表 / 绩效目标自评表 (seed 001): budget and execution, goals, indicators; no scores."""
from __future__ import annotations

from perfdesk.reports import texts
from perfdesk.reports.content import Form
from perfdesk.reports.form_parts import budget_block, continued, goal_block, header_block, signature, title
from perfdesk.reports.indicator_table import Column, Layout, indicator_table, leaf_name
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.signature import SignatureBlock

PLAIN = Layout(texts.GOAL_INDICATORS, (18, 20), (
    Column(texts.LEVEL3, 50, leaf_name),
    Column(texts.GOAL_TARGET_VALUE, 40, lambda r: r.target, "center"),
    Column(texts.GOAL_ACTUAL_VALUE, 40, lambda r: r.actual, "center"),
))
WITH_REASON = Layout(texts.GOAL_INDICATORS, (18, 20), (
    Column(texts.LEVEL3, 40, leaf_name),
    Column(texts.GOAL_TARGET_VALUE, 30, lambda r: r.target, "center"),
    Column(texts.GOAL_ACTUAL_VALUE, 30, lambda r: r.actual, "center"),
    Column(texts.REASON, 30, lambda r: r.indicator.reason, "small"),
))


def goal_form(ev: Evaluation, scored: ScoredEvaluation, sign: SignatureBlock) -> Form:
    layout = WITH_REASON if any(leaf.reason for leaf in ev.leaves()) else PLAIN
    heads = [[(texts.PROJECT_NAME, ev.project)], [(texts.DEPARTMENT, ev.department), (texts.IMPLEMENTER, ev.implementer)]]
    return Form(
        title=title(ev), continued=continued(texts.PROJECT_NAME, ev.project),
        body=(header_block(heads), budget_block(texts.GOAL_FUNDS, (texts.BUDGET, texts.SPENT, texts.RATE), ev),
              goal_block(texts.GOAL_FORM_GOAL, (texts.GOAL_TARGET, texts.GOAL_FORM_ACTUAL), ev)),
        table=indicator_table(layout, scored.indicators),
        tail=(signature(sign, ev.signatories),),
    )
