"""Audit findings: where a table's own figures disagree with arithmetic or with the rules.

Codes and severities are fixed (GUIDE.md §5); each check is a small generator in `_CHECKS`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from perfdesk.scoring import messages as msg
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.explain import SOURCE_NAMES
from perfdesk.scoring.funds import execution_ratio
from perfdesk.scoring.grade import grade_for, same_grade
from perfdesk.scoring.numbers import HUNDRED, ZERO, differs, number, printed_number, round2, show
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.targets import RANGE, looks_numeric

if TYPE_CHECKING:  # the engine imports this module; the types are only for annotations
    from perfdesk.scoring.engine import IndicatorResult, ScoredEvaluation

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY = {
    "FUND_RATE_MISMATCH": ERROR,
    "FUND_SCORE_MISMATCH": ERROR,
    "FUND_PARTS_SUM": ERROR,
    "OVER_EXECUTION": WARNING,
    "WEIGHT_SUM": ERROR,
    "SCORE_EXCEEDS_WEIGHT": ERROR,
    "SCORE_RULE_MISMATCH": WARNING,
    "MISSING_REASON": WARNING,
    "MISSING_ACTUAL": WARNING,
    "ACTUAL_RESTATES_TARGET": WARNING,
    "RECORDED_TOTAL_MISMATCH": ERROR,
    "GRADE_MISMATCH": ERROR,
    "UNPARSED_TARGET": INFO,
    "MISSING_FUND": WARNING,
}
_NO_REASON = ("", "无", "/", "-", "—")
# Forms with a 偏差原因 column (the department-wide form states its rule in 评分标准 instead).
_REASON_FORMS = ("project_self_eval",)
_FUND_COLUMNS = ("declared", "initial", "annual", "executed", "balance")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    where: str


def finding(code: str, where: str, template: str | None = None, **values) -> Finding:
    """A finding of `code`; `template` names a message variant of the same code."""
    return Finding(code, SEVERITY[code], msg.FINDINGS[template or code].format(**values), where)


def audit(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme) -> tuple[Finding, ...]:
    checks = _CHECKS + (_SCORED_CHECKS if ev.scored else ())
    return tuple(f for check in checks for f in check(ev, scored, scheme))


def where_of(result: IndicatorResult) -> str:
    return msg.PATH_SEPARATOR.join(result.path)


def _fund_where(label: str) -> str:
    return msg.WHERE_FUND.format(label=(label or "").rstrip("：: "))  # "年度资金总额：" as printed


# --- fund block ---------------------------------------------------------------------------


def check_fund_rates(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    for line in ev.funds:
        printed, ratio = printed_number(line.rate_printed), execution_ratio(line)
        if printed is not None and ratio is not None and differs(printed, ratio * HUNDRED):
            yield finding("FUND_RATE_MISMATCH", _fund_where(line.label), printed=show(printed),
                          computed=show(round2(ratio * HUNDRED)), executed=show(number(line.executed)),
                          annual=show(number(line.annual)))


def check_fund_parts(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    if len(ev.funds) < 2:
        return
    head, parts = ev.funds[0], ev.funds[1:]
    for column in _FUND_COLUMNS:
        total = number(getattr(head, column))
        values = [v for v in (number(getattr(p, column)) for p in parts) if v is not None]
        if total is not None and values and differs(sum(values, ZERO), total):
            yield finding("FUND_PARTS_SUM", _fund_where(head.label), column=msg.COLUMN_NAMES[column],
                          parts=show(sum(values, ZERO)), total=show(total))


def check_over_execution(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    fund = scored.fund
    if fund and fund.rate is not None and fund.executed > fund.annual:
        yield finding("OVER_EXECUTION", _fund_where(fund.label), executed=show(fund.executed),
                      annual=show(fund.annual), rate=show(fund.rate))


def check_fund_score(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    fund = scored.fund
    if not fund or fund.score is None:
        return
    where = _fund_where(fund.label)
    if fund.recorded_score is not None and differs(fund.recorded_score, fund.score):
        yield finding("FUND_SCORE_MISMATCH", where, printed=show(fund.recorded_score), computed=show(fund.score))
    elif ev.funds[0].score_printed is None and scored.recorded_total is not None:  # text (a formula) is no blank
        yield finding("FUND_SCORE_MISMATCH", where, "FUND_SCORE_MISSING", computed=show(fund.score))


def check_fund_missing(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    """The fund's 分值 counts in the total weight, but without 全年预算数/全年执行数 (or with a
    全年预算数 of 0, which is filled in) it earns nothing; the message names which."""
    fund = scored.fund
    if fund is None or not fund.weight or fund.rate is not None:
        return
    where, weight = _fund_where(fund.label), show(fund.weight)
    if fund.annual is not None and fund.executed is not None:
        yield finding("MISSING_FUND", where, "MISSING_FUND_ZERO", weight=weight)
        return
    blank = [msg.COLUMN_NAMES[c] for c, value in (("annual", fund.annual), ("executed", fund.executed)) if value is None]
    yield finding("MISSING_FUND", where, weight=weight, columns="和".join(blank))


# --- weights and scores (scored forms) ----------------------------------------------------


def check_weight_sum(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    total = scored.total_weight
    printed = number(ev.total_weight_printed)
    if total != HUNDRED:
        yield finding("WEIGHT_SUM", msg.WHERE_WEIGHTS, total=show(total))
    if printed is not None and printed != total:
        yield finding("WEIGHT_SUM", msg.WHERE_WEIGHTS, "WEIGHT_SUM_PRINTED", total=show(total), printed=show(printed))


def check_declared_weights(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    for group in scored.groups:
        if group.declared is not None and group.declared != group.weight:
            yield finding("WEIGHT_SUM", group.path[0], "WEIGHT_SUM_DECLARED",
                          declared=show(group.declared), total=show(group.weight))


def check_score_limits(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    for r in scored.indicators:
        if r.score is not None and r.weight is not None and r.score > r.weight:
            yield finding("SCORE_EXCEEDS_WEIGHT", where_of(r), score=show(r.score), weight=show(r.weight))
    fund = scored.fund
    if fund and fund.recorded_score is not None and fund.weight is not None and fund.recorded_score > fund.weight:
        yield finding("SCORE_EXCEEDS_WEIGHT", _fund_where(fund.label),
                      score=show(fund.recorded_score), weight=show(fund.weight))


def check_rule_mismatch(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    for r in scored.indicators:
        if r.quantitative and r.recorded is not None and r.computed is not None and differs(r.recorded, r.computed):
            yield finding("SCORE_RULE_MISMATCH", where_of(r), source=SOURCE_NAMES[r.recorded_source],
                          recorded=show(r.recorded), computed=show(r.computed), explanation=r.rule_explanation)


def check_reasons(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    if ev.form not in _REASON_FORMS:
        return
    for r in scored.indicators:
        reason = (r.indicator.reason or "").strip()
        if r.score is not None and r.weight is not None and r.score < r.weight and reason in _NO_REASON:
            yield finding("MISSING_REASON", where_of(r), score=show(r.score), weight=show(r.weight))


def check_total(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    if scored.recorded_total is not None and differs(scored.recorded_total, scored.total):
        yield finding("RECORDED_TOTAL_MISMATCH", msg.WHERE_TOTAL,
                      printed=show(scored.recorded_total), computed=show(scored.total))


def check_grade(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    """The printed grade against the band of the printed total (else of the computed one)."""
    printed = (ev.grade_printed or "").strip()
    total = scored.recorded_total if scored.recorded_total is not None else scored.total
    expected = grade_for(total, scheme)
    if printed and not same_grade(printed, expected):
        yield finding("GRADE_MISMATCH", msg.WHERE_TOTAL, printed=printed, total=show(total), computed=expected)


# --- indicator cells (every form) ----------------------------------------------------------


def check_actuals(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    for r in scored.indicators:
        if r.actual_read is None:
            yield finding("MISSING_ACTUAL", where_of(r))
        elif r.actual_read.op not in (None, RANGE):
            yield finding("ACTUAL_RESTATES_TARGET", where_of(r), actual=r.actual)


def check_targets(ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
    for r in scored.indicators:
        if looks_numeric(r.target_read):
            yield finding("UNPARSED_TARGET", where_of(r), target=r.target)


_CHECKS = (check_fund_rates, check_fund_parts, check_over_execution, check_actuals, check_targets)
_SCORED_CHECKS = (check_fund_missing, check_fund_score, check_weight_sum, check_declared_weights, check_score_limits,
                  check_rule_mismatch, check_reasons, check_total, check_grade)
