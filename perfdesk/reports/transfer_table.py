"""中央对地方转移支付绩效目标自评表 (seed 004, 004_04): 资金管理情况 rows, no scores."""
from __future__ import annotations

from perfdesk.reports import figures, texts
from perfdesk.reports.form_parts import (Context, block, captioned, goal_block, header_block, line_rate,
                                         money_unit, signature, title)
from perfdesk.reports.indicator_table import Column, Layout, indicator_table, leaf_name
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation

LAYOUT = Layout(texts.INDICATORS, (18, 20), (
    Column(texts.LEVEL3, 44, leaf_name),
    Column(texts.TRANSFER_TARGET_VALUE, 24, lambda r: r.target, "center"),
    Column(texts.TRANSFER_ACTUAL_VALUE, 24, lambda r: r.actual, "center"),
    Column(texts.TRANSFER_REASON, 38, lambda r: r.indicator.reason, "small"),
))


def transfer_story(ev: Evaluation, scored: ScoredEvaluation, ctx: Context) -> list:
    p = ctx.ts.para
    heads = [[(texts.TRANSFER_NAME, ev.project)], [(texts.CENTRAL_DEPARTMENT, ev.central_department)],
             [(texts.LOCAL_DEPARTMENT, ev.department), (texts.FUND_USER, ev.implementer)]]
    return [
        *title(ev, ctx), header_block(ctx, heads), funds(ev, ctx), management(ev, ctx),
        goal_block(ctx, texts.TRANSFER_GOAL, (texts.TRANSFER_TARGET, texts.TRANSFER_ACTUAL), ev),
        indicator_table(ctx, LAYOUT, scored.indicators),
        block(ctx, [[p(texts.REMARKS, "head"), p(ev.remarks)]], (12, 168)),
        signature(ctx, ev.signatories),
    ]


def funds(ev: Evaluation, ctx: Context):
    head = ["", texts.ANNUAL_A, texts.EXECUTED_B, texts.RATE_BA]
    rows = [[line.label, figures.money(line.annual), figures.money(line.executed), line_rate(line)] for line in ev.funds]
    return captioned(ctx, texts.TRANSFER_FUNDS + money_unit(ev), head, rows, (12, 48, 40, 40, 40))


def management(ev: Evaluation, ctx: Context):
    p = ctx.ts.para
    rows = [[p(row.item, "center"), p(row.status), p(row.issues)] for row in ev.fund_management]
    return captioned(ctx, texts.FUND_MANAGEMENT, ["", texts.STATUS, texts.ISSUES], rows, (12, 34, 67, 67))
