"""部门项目支出绩效自评情况汇总表 (GUIDE §6): one table per year, amounts in 万元, with a 合计 row
whose rate is Σ执行 ÷ Σ预算 (not the mean of the rates), the average scores and the grade counts."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Callable

from perfdesk.reports import figures, texts
from perfdesk.reports.content import Block, Cell, Form, Row, Text
from perfdesk.reports.fingerprint import combined
from perfdesk.reports.form_parts import spread
from perfdesk.reports.forms import Printed
from perfdesk.scoring.funds import rate_percent
from perfdesk.scoring.messages import DONE
from perfdesk.scoring.numbers import ZERO, in_wan, round2

WIDTHS = (8, 30, 22, 18, 18, 15, 12, 12, 12, 9, 24)
SUMMARY_REASON_CHARS = 40
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Totals:
    count: int
    annual: Decimal  # Σ 全年预算数, 万元, of the evaluations with both amounts
    executed: Decimal  # Σ 全年执行数, 万元
    fund_score: Decimal | None  # averages over the scored evaluations
    indicator_score: Decimal | None
    total: Decimal | None
    grades: dict[str, int]

    @property
    def rate(self) -> Decimal | None:
        return rate_percent(self.executed, self.annual)


def summary_forms(items: list[Printed], grade_bands, progress: Progress | None = None) -> list[Form]:
    """One 汇总表 per year, in year order; `progress(done, total)` per evaluation."""
    forms, done = [], 0
    for year, of_year in groupby(sorted(items, key=lambda item: item.ev.year), key=lambda item: item.ev.year):
        of_year = list(of_year)
        rows = []
        for item in of_year:
            rows.append(_row(len(rows) + 1, item))
            done += 1
            if progress:
                progress(done, len(items))
        forms.append(_form(year, of_year, rows, grade_bands))
    return forms


def _form(year: int, items: list[Printed], rows: list[Row], grade_bands) -> Form:
    department = items[0].ev.department or items[0].ev.implementer or ""
    head = Row(tuple(Cell(h, "small_head") for h in texts.SUMMARY_HEADERS))
    return Form(
        title=(Text(texts.SUMMARY_TITLE, "title"), Text(texts.YEAR_LINE.format(year=year), "subtitle"),
               Text(texts.SUMMARY_SUBTITLE.format(department=department), "note")),
        continued=texts.SUMMARY_CONTINUED.format(title=texts.SUMMARY_TITLE, year=year),
        body=(), table=Block(WIDTHS, tuple(rows), head=(head,)),
        tail=(_total_block(totals(items, grade_bands)), Text(texts.SUMMARY_NOTE, "note")),
        code=combined([item.code for item in items]), name=texts.SUMMARY_TITLE,
    )


def _row(number: int, item: Printed) -> Row:
    ev, scored = item.ev, item.scored
    fund = scored.fund
    annual, executed = _amounts(item)
    cells = [
        (str(number), "small_center"), (ev.project or texts.UNTITLED, "small"), (ev.implementer, "small"),
        (_wan(annual), "small_number"), (_wan(executed), "small_number"),
        (figures.rate(fund.rate if fund else None), "small_number"),
        (figures.score(fund.score if fund else None), "small_number"),
        (figures.score(scored.indicator_total), "small_number"), (figures.score(scored.total), "small_number"),
        (scored.grade or "", "small_center"), (reason_summary(item), "small"),
    ]
    return Row(tuple(Cell(text, style) for text, style in cells))


def _amounts(item: Printed) -> tuple[Decimal | None, Decimal | None]:
    fund, unit = item.scored.fund, item.ev.money_unit
    if fund is None or fund.annual is None or fund.executed is None:
        return None, None
    return in_wan(fund.annual, unit), in_wan(fund.executed, unit)


def _wan(value: Decimal | None) -> str:
    return "" if value is None else f"{round2(value):,.2f}"


def reason_summary(item: Printed) -> str:
    """The 偏差原因 of the indicators that lost points, joined and cut short."""
    reasons = [r.indicator.reason for r in item.scored.indicators
               if r.indicator.reason and r.indicator.reason != "无" and shortfall(r)]
    text = texts.REASON_JOIN.join(dict.fromkeys(reasons))
    return text if len(text) <= SUMMARY_REASON_CHARS else text[:SUMMARY_REASON_CHARS] + texts.ELLIPSIS


def shortfall(r) -> bool:
    """An indicator that lost points (scored forms) or is not fully done (unscored forms)."""
    if r.score is not None and r.weight is not None:
        return r.score < r.weight
    return r.score is None and r.status != DONE


def totals(items: list[Printed], bands) -> Totals:
    amounts = [a for a in map(_amounts, items) if a[0] is not None]
    scored = [item.scored for item in items if item.scored.total is not None]
    grades = {grade: sum(1 for s in scored if s.grade == grade) for _, grade in bands}
    return Totals(
        count=len(items), annual=sum((a for a, _ in amounts), ZERO), executed=sum((b for _, b in amounts), ZERO),
        fund_score=_mean([s.fund.score for s in scored if s.fund and s.fund.score is not None]),
        indicator_score=_mean([s.indicator_total for s in scored]), total=_mean([s.total for s in scored]),
        grades=grades,
    )


def _mean(values: list[Decimal]) -> Decimal | None:
    return round2(sum(values, ZERO) / len(values)) if values else None


def grade_counts(grades: dict[str, int]) -> str:
    return texts.GRADE_JOIN.join(texts.GRADE_COUNT.format(grade=g, count=n) for g, n in grades.items())


def _total_block(t: Totals) -> Block:
    label = Cell(f"{texts.SUMMARY_TOTAL}（{texts.SUMMARY_COUNT.format(count=t.count)}）", "small_head")
    amounts = [_wan(t.annual), _wan(t.executed), figures.rate(t.rate), figures.score(t.fund_score),
               figures.score(t.indicator_score), figures.score(t.total)]
    return Block(WIDTHS, (spread([(label, 3), *((Cell(a, "small_number"), 1) for a in amounts),
                                  (Cell(grade_counts(t.grades), "small"), 2)]),))
