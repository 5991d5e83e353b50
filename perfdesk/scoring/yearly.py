"""The figures of the 部门项目支出绩效自评情况汇总表 (GUIDE.md §6), one place for every output.

    line = summary_line(ev, scored)          # one row: amounts in 万元, rate, scores, grade, reasons
    t = totals([(ev, scored), ...], bands)   # the 合计 row of one year
    for year, pairs in by_year(pairs): ...

The 合计 rate is Σ全年执行数 ÷ Σ全年预算数 over the evaluations that have both amounts (not the
mean of the rates); the scores are means over the scored evaluations; grades are counted per band.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Iterable, Protocol

from perfdesk.scoring import messages as msg
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.funds import rate_percent
from perfdesk.scoring.numbers import ZERO, in_wan, round2

SUMMARY_REASON_CHARS = 40


class Scored(Protocol):
    """An evaluation with its scoring result (the PDF's print items and plain pairs both fit)."""

    ev: Evaluation
    scored: ScoredEvaluation


@dataclass(frozen=True)
class Pair:
    ev: Evaluation
    scored: ScoredEvaluation


@dataclass(frozen=True)
class SummaryLine:
    annual: Decimal | None  # 全年预算数 in 万元; None unless both amounts are numbers
    executed: Decimal | None  # 全年执行数 in 万元
    rate: Decimal | None  # 执行率, percent, 2 places (from the table's own amounts)
    fund_score: Decimal | None  # 预算执行得分
    indicator_score: Decimal | None  # 指标得分: Σ effective indicator scores
    total: Decimal | None  # 自评总分
    grade: str | None
    reasons: str  # 偏差原因摘要


@dataclass(frozen=True)
class Totals:
    count: int
    annual: Decimal  # Σ 全年预算数, 万元, of the evaluations with both amounts
    executed: Decimal  # Σ 全年执行数, 万元
    fund_score: Decimal | None  # averages over the scored evaluations, 2 places
    indicator_score: Decimal | None
    total: Decimal | None
    grades: dict[str, int]  # band name -> number of evaluations, in band order

    @property
    def rate(self) -> Decimal | None:
        return rate_percent(self.executed, self.annual)


def amounts(item: Scored) -> tuple[Decimal | None, Decimal | None]:
    """(全年预算数, 全年执行数) in 万元, or (None, None) when either is not a number."""
    fund, unit = item.scored.fund, item.ev.money_unit
    if fund is None or fund.annual is None or fund.executed is None:
        return None, None
    return in_wan(fund.annual, unit), in_wan(fund.executed, unit)


def summary_line(item: Scored) -> SummaryLine:
    scored = item.scored
    fund = scored.fund
    annual, executed = amounts(item)
    return SummaryLine(
        annual=annual, executed=executed, rate=fund.rate if fund else None,
        fund_score=fund.score if fund else None,
        indicator_score=scored.indicator_total, total=scored.total, grade=scored.grade,
        reasons=reason_summary(item),
    )


def reason_summary(item: Scored) -> str:
    """The 偏差原因 of the indicators that lost points, joined and cut short."""
    reasons = [r.indicator.reason for r in item.scored.indicators
               if r.indicator.reason and r.indicator.reason != msg.NO_REASON_WORD and shortfall(r)]
    text = msg.REASON_JOIN.join(dict.fromkeys(reasons))
    return text if len(text) <= SUMMARY_REASON_CHARS else text[:SUMMARY_REASON_CHARS] + msg.ELLIPSIS


def shortfall(r) -> bool:
    """An indicator that lost points (scored forms) or is not fully done (unscored forms)."""
    if r.score is not None and r.weight is not None:
        return r.score < r.weight
    return r.score is None and r.status != msg.DONE


def totals(items: Iterable[Scored], bands) -> Totals:
    items = list(items)
    pairs = [a for a in map(amounts, items) if a[0] is not None]
    scored = [item.scored for item in items if item.scored.total is not None]
    grades = {grade: sum(1 for s in scored if s.grade == grade) for _, grade in bands}
    return Totals(
        count=len(items), annual=sum((a for a, _ in pairs), ZERO), executed=sum((b for _, b in pairs), ZERO),
        fund_score=_mean([s.fund.score for s in scored if s.fund and s.fund.score is not None]),
        indicator_score=_mean([s.indicator_total for s in scored]), total=_mean([s.total for s in scored]),
        grades=grades,
    )


def grade_counts(grades: dict[str, int]) -> str:
    """"优3个、良1个、中0个、差0个"."""
    return msg.GRADE_JOIN.join(f"{grade}{count}{msg.GRADE_COUNT_UNIT}" for grade, count in grades.items())


def by_year(items: Iterable[Scored]) -> list[tuple[int, list]]:
    """The items grouped by year, years ascending, each year's items in their given order."""
    ordered = sorted(items, key=lambda item: item.ev.year)
    return [(year, list(group)) for year, group in groupby(ordered, key=lambda item: item.ev.year)]


def _mean(values: list[Decimal]) -> Decimal | None:
    return round2(sum(values, ZERO) / len(values)) if values else None
