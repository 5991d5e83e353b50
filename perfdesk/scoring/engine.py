"""The entry point: score one evaluation snapshot and audit it.

    scored = score_evaluation(ev, scheme)

Each leaf gets its rule's computed score and the recorded (manual or printed) score; the
effective score is the recorded one when present. The total adds the effective indicator
scores to the *computed* fund score (funds[0] only).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from perfdesk.scoring.audit import Finding, audit
from perfdesk.scoring.evaluation import Evaluation, Indicator
from perfdesk.scoring.explain import MANUAL, PRINTED, explain_override, explain_rule, status_of
from perfdesk.scoring import messages as msg
from perfdesk.scoring.funds import FundResult, is_execution_rate, score_fund
from perfdesk.scoring.grade import grade_for
from perfdesk.scoring.numbers import ZERO, number, round2
from perfdesk.scoring.rules import QUANTITATIVE_RULES, apply_rule, choose_rule
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme
from perfdesk.scoring.targets import Target, parse_target, read_actual
from perfdesk.scoring.totals import GroupTotal, group_totals, indicator_sum, rate_cap


IMPLIED_RATE_TARGET = "≥100%"


@dataclass(frozen=True)
class IndicatorResult:
    path: tuple[str, ...]  # 一级 / 二级 / 三级 names
    indicator: Indicator
    target: str | None  # the target text used (调整后指标值 wins when present)
    actual: str | None
    weight: Decimal | None
    rule: str
    fraction: Decimal  # of the weight that the rule awards, 0..1
    computed: Decimal | None  # the rule's score (None on unscored forms)
    recorded: Decimal | None  # manual or printed score
    recorded_source: str | None  # "manual" / "printed"
    score: Decimal | None  # effective: recorded if present, else computed
    explanation: str  # one line: the rule's reading and score, and any override
    rule_explanation: str  # the rule's part alone
    status: str  # 完成 / 部分完成 / 未完成
    target_read: Target
    actual_read: Target | None

    @property
    def quantitative(self) -> bool:
        return self.rule in QUANTITATIVE_RULES


@dataclass(frozen=True)
class ScoredEvaluation:
    fund: FundResult | None
    indicators: tuple[IndicatorResult, ...]
    groups: tuple[GroupTotal, ...]  # per 一级 and per 二级
    indicator_total: Decimal | None
    total: Decimal | None  # None on unscored forms
    cap: Decimal | None  # the execution-rate cap that lowered the total, if any
    recorded_total: Decimal | None
    grade: str | None
    recorded_grade: str | None
    scheme_version: int
    findings: tuple[Finding, ...] = ()

    @property
    def indicator_weight(self) -> Decimal:
        """Σ 分值 of the indicators."""
        return sum((r.weight or ZERO for r in self.indicators), ZERO)

    @property
    def nothing_scored(self) -> bool:
        """A table just begun: no indicator has a 分值 and the fund has no score yet, so its
        total and grade say nothing (shown as "—" rather than 0 and the lowest grade)."""
        return all(r.weight is None for r in self.indicators) and (self.fund is None or self.fund.score is None)

    @property
    def total_weight(self) -> Decimal:
        """The 总分 row's 分值: the fund's 分值 plus the indicators'."""
        fund = self.fund.weight if self.fund and self.fund.weight is not None else ZERO
        return fund + self.indicator_weight


def score_evaluation(ev: Evaluation, scheme: ScoringScheme = DEFAULT_SCHEME) -> ScoredEvaluation:
    """Score with `scheme`, or with the scheme a finalised evaluation keeps (定稿 is a promise)."""
    scheme = ev.final_scheme or scheme
    fund = score_fund(ev, scheme)
    results = tuple(score_leaf(path, leaf, ev.scored, scheme) for path, leaf in leaf_paths(ev))
    draft = _totals(ev, fund, results, scheme) if ev.scored else _unscored(ev, fund, results, scheme)
    return replace(draft, findings=audit(ev, draft, scheme))


def leaf_paths(ev: Evaluation) -> list[tuple[tuple[str, ...], Indicator]]:
    """(path including the leaf's own name, leaf) for every leaf, in order; empty 一级/二级
    placeholders left from a template are not indicators and are skipped."""
    found = []
    stack = [((node.name,), node) for node in reversed(ev.indicators)]
    while stack:
        path, node = stack.pop()
        if node.children:
            stack.extend((path + (child.name,), child) for child in reversed(node.children))
        elif not node.is_placeholder:
            found.append((path, node))
    return found


def recorded_score(leaf: Indicator) -> tuple[Decimal | None, str | None]:
    """A typed manual score wins over the score printed in an imported table."""
    if leaf.manual_score is not None:
        return leaf.manual_score, MANUAL
    printed = number(leaf.score_printed)
    return (printed, PRINTED) if printed is not None else (None, None)


@lru_cache(maxsize=16384)  # a rescore after one edit meets every other leaf unchanged
def score_leaf(path: tuple[str, ...], leaf: Indicator, scored: bool, scheme: ScoringScheme) -> IndicatorResult:
    target_text, remark = effective_target(leaf)
    target, actual = parse_target(target_text), read_actual(leaf.actual)
    weight = number(leaf.weight)
    choice = choose_rule(leaf, target, actual, scheme)
    outcome = apply_rule(choice, leaf, target, actual, weight, scheme)
    computed = round2(weight * outcome.fraction) if scored and weight is not None else None
    recorded, source = recorded_score(leaf) if scored else (None, None)
    rule_text = explain_rule(outcome, remark + choice.remark, scored, weight, computed)
    return IndicatorResult(
        path=path, indicator=leaf, target=target_text, actual=leaf.actual, weight=weight,
        rule=choice.name, fraction=outcome.fraction, computed=computed, recorded=recorded, recorded_source=source,
        score=round2(recorded) if recorded is not None else computed,
        explanation=explain_override(rule_text, computed, recorded, source), rule_explanation=rule_text,
        status=status_of(outcome), target_read=target, actual_read=actual,
    )


def effective_target(leaf: Indicator) -> tuple[str | None, str]:
    """(target text the rule reads, a remark): 调整后指标值 wins; an execution-rate row printed
    without a target ("—") is read against full execution, as the fund block would score it."""
    text = leaf.target_adjusted or leaf.target
    if is_execution_rate(leaf.name) and (text is None or not text.strip("—－-/ 　")):
        return IMPLIED_RATE_TARGET, msg.IMPLIED_RATE_TARGET.format(target=IMPLIED_RATE_TARGET)
    return text, ""


def _totals(ev: Evaluation, fund: FundResult | None, results, scheme: ScoringScheme) -> ScoredEvaluation:
    indicators = indicator_sum(results)
    total = indicators + (fund.score if fund and fund.score is not None else ZERO)
    cap = rate_cap(fund.rate if fund else None, scheme)
    if cap is not None and total > cap:
        total = cap
    else:
        cap = None
    return ScoredEvaluation(
        fund=fund, indicators=results, groups=group_totals(ev.indicators, results), indicator_total=indicators,
        total=total, cap=cap, recorded_total=number(ev.total_score_printed),
        grade=grade_for(total, scheme), recorded_grade=ev.grade_printed, scheme_version=scheme.version,
    )


def _unscored(ev: Evaluation, fund: FundResult | None, results, scheme: ScoringScheme) -> ScoredEvaluation:
    return ScoredEvaluation(
        fund=fund, indicators=results, groups=(), indicator_total=None, total=None, cap=None,
        recorded_total=None, grade=None, recorded_grade=ev.grade_printed, scheme_version=scheme.version,
    )
