"""The fund block: execution rate of the total row and the fund score (a table of fund rules)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfdesk.scoring import messages as msg
from perfdesk.scoring.evaluation import Evaluation, FundLine
from perfdesk.scoring.numbers import HUNDRED, ONE, ZERO, number, printed_number, round2, show
from perfdesk.scoring.scheme import ScoringScheme


@dataclass(frozen=True)
class FundResult:
    label: str
    annual: Decimal | None  # 全年预算数 (A)
    executed: Decimal | None  # 全年执行数 (B)
    rate: Decimal | None  # B ÷ A as a percentage, 2 places
    weight: Decimal | None  # None on unscored forms
    score: Decimal | None
    recorded_rate: Decimal | None
    recorded_score: Decimal | None
    rule: str | None
    explanation: str


def rate_percent(executed: Decimal | None, annual: Decimal | None) -> Decimal | None:
    """执行率 = B ÷ A as an unrounded percentage; None when A is blank or zero."""
    if executed is None or not annual:
        return None
    return executed / annual * HUNDRED


def line_rate(line: FundLine) -> Decimal | None:
    """The execution rate of one fund row from its own cells, as a percentage."""
    return rate_percent(number(line.executed), number(line.annual))


def execution_ratio(line: FundLine) -> Decimal | None:
    """B ÷ A from the full-precision cells, or None when A is blank or zero."""
    annual, executed = number(line.annual), number(line.executed)
    if annual is None or executed is None or annual == 0:
        return None
    return executed / annual


# Indicator names under which a table scores the execution rate inside its tree (the Ningxia
# template's 项目管理 / 投入管理 / 预算执行率) instead of in the fund block.
EXECUTION_RATE_NAMES = frozenset({"预算执行率", "资金执行率", "执行率", "项目预算执行率", "预算资金执行率", "资金预算执行率"})


def is_execution_rate(name: str) -> bool:
    return "".join(name.split()) in EXECUTION_RATE_NAMES


def fund_weight(ev: Evaluation, scheme: ScoringScheme) -> Decimal | None:
    """The printed fund 分值, else the scheme's default; None for unscored forms, and when the
    fund block prints no 分值 because the indicator tree scores the execution rate itself."""
    if not ev.scored or not ev.funds:
        return None
    printed = number(ev.funds[0].weight)
    if printed is None and any(is_execution_rate(leaf.name) for leaf in ev.leaves()):
        return None
    return scheme.default_fund_weight if printed is None else printed


def proportional(ratio: Decimal, weight: Decimal, scheme: ScoringScheme) -> tuple[Decimal, str]:
    score = round2(weight * min(ratio, ONE))
    rate = show(round2(ratio * HUNDRED))
    return score, msg.FUND_PROPORTIONAL.format(rate=rate, w=show(weight), score=show(score))


def steps(ratio: Decimal, weight: Decimal, scheme: ScoringScheme) -> tuple[Decimal, str]:
    percent = ratio * HUNDRED
    rate = show(round2(percent))
    for bound, earned in scheme.fund_steps:
        if percent >= bound:
            score = round2(weight * earned / HUNDRED)
            text = msg.FUND_STEP.format(rate=rate, bound=show(bound), w=show(weight), pct=show(earned), score=show(score))
            return score, text
    return ZERO, msg.FUND_NO_STEP.format(rate=rate)


FUND_RULES = {"proportional": proportional, "steps": steps}


def score_fund(ev: Evaluation, scheme: ScoringScheme) -> FundResult | None:
    if not ev.funds:
        return None
    line = ev.funds[0]
    ratio = execution_ratio(line)
    weight = fund_weight(ev, scheme)
    score, explanation = _score(ratio, weight, scheme)
    return FundResult(
        label=line.label, annual=number(line.annual), executed=number(line.executed),
        rate=None if ratio is None else round2(ratio * HUNDRED), weight=weight, score=score,
        recorded_rate=printed_number(line.rate_printed), recorded_score=number(line.score_printed),
        rule=scheme.fund_rule if weight is not None else None, explanation=explanation,
    )


def _score(ratio: Decimal | None, weight: Decimal | None, scheme: ScoringScheme) -> tuple[Decimal | None, str]:
    if ratio is None:
        return None, msg.FUND_NO_BUDGET
    if weight is None:
        return None, msg.FUND_RATE_ONLY.format(rate=show(round2(ratio * HUNDRED)))
    return FUND_RULES[scheme.fund_rule](ratio, weight, scheme)
