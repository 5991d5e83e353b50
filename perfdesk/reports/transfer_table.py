"""中央对地方转移支付绩效目标自评表 (seed 004, 004_04): 资金管理情况 rows, no scores."""
from __future__ import annotations

from perfdesk.reports import texts
from perfdesk.reports.content import Block, Cell, Form, Row
from perfdesk.reports.form_parts import budget_block, captioned, continued, goal_block, header_block, signature, title
from perfdesk.reports.indicator_table import Column, Layout, indicator_table, leaf_name
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.signature import SignatureBlock

LAYOUT = Layout(texts.INDICATORS, (18, 20), (
    Column(texts.LEVEL3, 44, leaf_name),
    Column(texts.TRANSFER_TARGET_VALUE, 24, lambda r: r.target, "center"),
    Column(texts.TRANSFER_ACTUAL_VALUE, 24, lambda r: r.actual, "center"),
    Column(texts.TRANSFER_REASON, 38, lambda r: r.indicator.reason, "small"),
))


def transfer_form(ev: Evaluation, scored: ScoredEvaluation, sign: SignatureBlock) -> Form:
    heads = [[(texts.TRANSFER_NAME, ev.project)], [(texts.CENTRAL_DEPARTMENT, ev.central_department)],
             [(texts.LOCAL_DEPARTMENT, ev.department), (texts.FUND_USER, ev.implementer)]]
    return Form(
        title=title(ev), continued=continued(texts.TRANSFER_NAME, ev.project),
        body=(header_block(heads), budget_block(texts.TRANSFER_FUNDS, (texts.ANNUAL_A, texts.EXECUTED_B, texts.RATE_BA), ev),
              management(ev),
              goal_block(texts.TRANSFER_GOAL, (texts.TRANSFER_TARGET, texts.TRANSFER_ACTUAL), ev)),
        table=indicator_table(LAYOUT, scored.indicators),
        tail=(Block((12, 168), (Row((Cell(texts.REMARKS, "head"), Cell(ev.remarks))),)),
              signature(sign, ev.signatories)),
    )


def management(ev: Evaluation) -> Block:
    rows = [[Cell(row.item, "center"), Cell(row.status), Cell(row.issues)] for row in ev.fund_management]
    return captioned(texts.FUND_MANAGEMENT, ["", texts.STATUS, texts.ISSUES], rows, (12, 34, 67, 67))
