"""The 部门项目支出绩效自评情况汇总表 of one year (GUIDE.md §6) as a sheet linked to its tables.

One row per evaluation of the year: amounts (万元), 执行率, 预算执行得分, 指标得分, 自评总分 and 等级
are formulas on the evaluation's own sheet, so they follow edits there; the 合计 row adds the
amounts, divides Σ执行 by Σ预算 (not the mean of the rates), averages the scores of the scored
tables and counts the grades. Every formula stores the figure scoring.yearly computes.
"""
from __future__ import annotations

from decimal import Decimal

from perfdesk.io import texts
from perfdesk.io import xlsx_formulas as fx
from perfdesk.io import xlsx_style as style
from perfdesk.io.xlsx_book import Sheet, on_sheet, ref, span
from perfdesk.io.xlsx_sheet import GradeTable, SheetRefs
from perfdesk.scoring.messages import GRADE_COUNT_UNIT, GRADE_JOIN, SUMMARY_HEADERS, SUMMARY_TITLE
from perfdesk.scoring.numbers import ONE, WAN_PER_UNIT, round2
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.yearly import Pair, grade_counts, summary_line, totals

WIDTHS = [6, 30, 22, 14, 14, 10, 10, 10, 10, 8, 32]
HEADER_ROW = 4
PERCENT = {"num_format": '0.00"%"'}


def write_summary(sheet: Sheet, year: int, items: list[tuple[Pair, SheetRefs]], scheme: ScoringScheme,
                  grades: GradeTable) -> None:
    width = len(SUMMARY_HEADERS)
    _heading(sheet, year, items, width)
    first = HEADER_ROW + 1
    for number, (item, refs) in enumerate(items, 1):
        _row(sheet, first + number - 1, number, item, refs)
    last = first + len(items) - 1
    _total(sheet, last + 1, first, last, [item for item, _ in items], scheme, grades)
    sheet.frame(HEADER_ROW, last + 1, 1, width)
    sheet.text(last + 2, 1, texts.SUMMARY_NOTE, **style.NOTE)
    sheet.merge(last + 2, 1, last + 2, width)
    sheet.heights[last + 2] = 2 * style.LINE_HEIGHT
    sheet.widths = dict(enumerate(WIDTHS, 1))
    sheet.setup = {"width": width, "last_row": last + 2, "title_rows": (HEADER_ROW, HEADER_ROW), "landscape": True}


def _heading(sheet: Sheet, year: int, items, width: int) -> None:
    department = next((item.ev.department or item.ev.implementer for item, _ in items
                       if item.ev.department or item.ev.implementer), "")
    lines = ((SUMMARY_TITLE, style.TITLE), (texts.YEAR_LINE.format(year=year), style.SUBTITLE),
             (texts.SUMMARY_SUBTITLE.format(department=department), {**style.BODY, **style.LEFT}))
    for row, (text, look) in enumerate(lines, 1):
        sheet.text(row, 1, text, **look)
        sheet.merge(row, 1, row, width)
    sheet.heights[1] = 24
    for col, label in enumerate(SUMMARY_HEADERS, 1):
        sheet.text(HEADER_ROW, col, label, **style.LABEL)


def _row(sheet: Sheet, row: int, number: int, item: Pair, refs: SheetRefs) -> None:
    line = summary_line(item)
    sheet.number(row, 1, Decimal(number), **style.COUNT)
    sheet.text(row, 2, item.ev.project, **style.LEFT)
    sheet.text(row, 3, item.ev.implementer, **style.LEFT)
    scale = WAN_PER_UNIT.get(item.ev.money_unit, ONE)
    if line.annual is not None and refs.annual and refs.executed:
        sheet.formula(row, 4, fx.link(on_sheet(refs.sheet, refs.annual), scale), line.annual, **style.money(None))
        sheet.formula(row, 5, fx.link(on_sheet(refs.sheet, refs.executed), scale), line.executed, **style.money(None))
    sheet.formula(row, 6, fx.rate(ref(row, 4), ref(row, 5)), line.rate, **PERCENT)
    linked = ((7, refs.fund_score, line.fund_score), (9, refs.total, line.total), (10, refs.grade, line.grade))
    for col, cell, cached in linked:
        if cell is not None and cached is not None:
            sheet.formula(row, col, fx.link(on_sheet(refs.sheet, cell)), cached, **(style.SCORE if col < 10 else {}))
    if refs.scores is not None and line.indicator_score is not None:
        sheet.formula(row, 8, fx.subtotal(on_sheet(refs.sheet, refs.scores)), line.indicator_score, **style.SCORE)
    sheet.text(row, 11, line.reasons or None, **style.LEFT)
    for col, text in ((2, item.ev.project), (3, item.ev.implementer), (11, line.reasons)):
        sheet.fit_height(row, text, WIDTHS[col - 1])


def _total(sheet: Sheet, row: int, first: int, last: int, items: list[Pair], scheme: ScoringScheme,
           grades: GradeTable) -> None:
    t = totals(items, scheme.grade_bands)
    sheet.text(row, 1, texts.SUMMARY_TOTAL.format(count=t.count), **style.LABEL)
    sheet.merge(row, 1, row, 3)
    column = lambda col: span(first, col, last, col)  # noqa: E731
    sheet.formula(row, 4, fx.subtotal(column(4)), t.annual, **style.money(None))
    sheet.formula(row, 5, fx.subtotal(column(5)), t.executed, **style.money(None))
    sheet.formula(row, 6, fx.rate(ref(row, 4), ref(row, 5)), None if t.rate is None else round2(t.rate), **PERCENT)
    for col, mean in ((7, t.fund_score), (8, t.indicator_score), (9, t.total)):
        sheet.formula(row, col, fx.average(column(col)), mean, **style.SCORE)
    counts = fx.grade_counts(column(10), list(grades.name_cells), GRADE_COUNT_UNIT, GRADE_JOIN)
    sheet.formula(row, 10, counts, grade_counts(t.grades), **style.LEFT)
    sheet.merge(row, 10, row, 11)
