"""项目支出绩效自评表 in the official layout (seeds 002/004, the 财政部 template), and the entry that
picks the layout of each form kind."""
from __future__ import annotations

from reportlab.platypus import PageBreak

from perfdesk.reports import figures, texts
from perfdesk.reports.department_table import department_story
from perfdesk.reports.document import Job, Printed
from perfdesk.reports.form_parts import (Context, captioned, goal_block, header_block, line_rate, money_unit,
                                         signature, title)
from perfdesk.reports.goal_table import goal_story
from perfdesk.reports.indicator_table import Column, Layout, indicator_table, leaf_name, total_block
from perfdesk.reports.transfer_table import transfer_story
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation

_TAIL = (
    Column(texts.WEIGHT, 11, lambda r: figures.score(r.weight), "number", "weight"),
    Column(texts.SCORE, 11, lambda r: figures.score(r.score), "number", "score"),
)
PLAIN = Layout(texts.INDICATORS, (18, 20), (
    Column(texts.LEVEL3, 38, leaf_name),
    Column(texts.TARGET, 20, lambda r: r.target, "center"),
    Column(texts.ACTUAL, 20, lambda r: r.actual, "center"),
    *_TAIL,
    Column(texts.REASON, 30, lambda r: r.indicator.reason, "small"),
))
ADJUSTED = Layout(texts.INDICATORS, (16, 18), (
    Column(texts.LEVEL3, 32, leaf_name),
    Column(texts.TARGET_INITIAL, 16, lambda r: r.indicator.target, "center"),
    Column(texts.TARGET_ADJUSTED, 16, lambda r: r.indicator.target_adjusted, "center"),
    Column(texts.ACTUAL, 18, lambda r: r.actual, "center"),
    *_TAIL,
    Column(texts.REASON, 30, lambda r: r.indicator.reason, "small"),
))


def form_story(ev: Evaluation, scored: ScoredEvaluation, ctx: Context) -> list:
    """The flowables of one evaluation's form, in the layout of its kind."""
    return FORM_STORIES[ev.form](ev, scored, ctx)


def project_story(ev: Evaluation, scored: ScoredEvaluation, ctx: Context) -> list:
    layout = ADJUSTED if "target_adjusted" in ev.columns else PLAIN
    heads = [[(texts.PROJECT_NAME, ev.project)], [(texts.DEPARTMENT, ev.department), (texts.IMPLEMENTER, ev.implementer)]]
    story = [*title(ev, ctx), header_block(ctx, heads)]
    if ev.funds:
        story.append(fund_block(ev, scored, ctx))
    return story + [
        goal_block(ctx, texts.YEAR_GOAL, (texts.GOAL_TARGET, texts.GOAL_ACTUAL), ev),
        indicator_table(ctx, layout, scored.indicators),
        total_block(ctx, layout, figures.score(scored.total_weight), figures.score(scored.total), scored.grade),
        signature(ctx, ev.signatories),
    ]


def fund_block(ev: Evaluation, scored: ScoredEvaluation, ctx: Context):
    money = ([texts.DECLARED, texts.INITIAL_SPLIT] if "initial_declared" in ev.columns else [texts.INITIAL])
    money += [texts.ANNUAL, texts.EXECUTED] + ([texts.BALANCE] if "balance" in ev.columns else [])
    head = ["", *money, texts.WEIGHT, texts.RATE, texts.SCORE]
    rows = [_fund_row(ev, scored, i) for i in range(len(ev.funds))]
    share = 94 / len(money)
    return captioned(ctx, texts.PROJECT_FUNDS + money_unit(ev), head, rows, (12, 34, *[share] * len(money), 10, 16, 14))


def _fund_row(ev: Evaluation, scored: ScoredEvaluation, i: int) -> list[str]:
    line = ev.funds[i]
    money = ([line.declared, line.initial] if "initial_declared" in ev.columns else [line.initial])
    money += [line.annual, line.executed] + ([line.balance] if "balance" in ev.columns else [])
    first = i == 0 and scored.fund is not None
    weight = figures.score(scored.fund.weight) if first else texts.DASH
    score = figures.score(scored.fund.score) if first else ""
    return [line.label, *(figures.money(m) for m in money), weight, line_rate(line), score]


FORM_STORIES = {
    "project_self_eval": project_story,
    "transfer_payment_self_eval": transfer_story,
    "project_goal_completion": goal_story,
    "department_overall_eval": department_story,
}


def tables_story(items: list[Printed], job: Job, group: str | None = None) -> list:
    """Every evaluation's form, each from a new page; pages are numbered per form unless `group`."""
    ctx, story = job.context(), []
    for i, item in enumerate(items):
        if i:
            story.append(PageBreak())
        story.append(job.marker(group or f"form-{i}", item.code, i + 1, len(items)))
        story += form_story(item.ev, item.scored, ctx)
    return story
