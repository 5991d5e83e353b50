"""项目支出绩效自评表 in the official layout (seeds 002/004, the 财政部 template)."""
from __future__ import annotations

from perfdesk.reports import figures, texts
from perfdesk.reports.content import Form
from perfdesk.reports.form_parts import (captioned, continued, goal_block, header_block, line_rate, money_unit,
                                         signature, title)
from perfdesk.reports.indicator_table import Column, Layout, indicator_table, leaf_name, total_block
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.signature import SignatureBlock

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


def project_form(ev: Evaluation, scored: ScoredEvaluation, sign: SignatureBlock) -> Form:
    layout = ADJUSTED if "target_adjusted" in ev.columns else PLAIN
    heads = [[(texts.PROJECT_NAME, ev.project)], [(texts.DEPARTMENT, ev.department), (texts.IMPLEMENTER, ev.implementer)]]
    body = [header_block(heads)]
    if ev.funds:
        body.append(fund_block(ev, scored))
    body.append(goal_block(texts.YEAR_GOAL, (texts.GOAL_TARGET, texts.GOAL_ACTUAL), ev))
    return Form(
        title=title(ev), continued=continued(texts.PROJECT_NAME, ev.project), body=tuple(body),
        table=indicator_table(layout, scored.indicators),
        tail=(total_block(layout, figures.score(scored.total_weight), figures.score(scored.total), scored.grade),
              signature(sign, ev.signatories)),
    )


def fund_block(ev: Evaluation, scored: ScoredEvaluation):
    money = ([texts.DECLARED, texts.INITIAL_SPLIT] if "initial_declared" in ev.columns else [texts.INITIAL])
    money += [texts.ANNUAL, texts.EXECUTED] + ([texts.BALANCE] if "balance" in ev.columns else [])
    head = ["", *money, texts.WEIGHT, texts.RATE, texts.SCORE]
    rows = [_fund_row(ev, scored, i) for i in range(len(ev.funds))]
    share = 94 / len(money)
    return captioned(texts.PROJECT_FUNDS + money_unit(ev), head, rows, (12, 34, *[share] * len(money), 10, 16, 14))


def _fund_row(ev: Evaluation, scored: ScoredEvaluation, i: int) -> list[str]:
    line = ev.funds[i]
    money = ([line.declared, line.initial] if "initial_declared" in ev.columns else [line.initial])
    money += [line.annual, line.executed] + ([line.balance] if "balance" in ev.columns else [])
    first = i == 0 and scored.fund is not None
    weight = figures.score(scored.fund.weight) if first else texts.DASH
    score = figures.score(scored.fund.score) if first else ""
    return [line.label, *(figures.money(m) for m in money), weight, line_rate(line), score]
