"""部门项目支出绩效自评情况汇总表 (GUIDE §6): one table per year, amounts in 万元, with a 合计 row
whose rate is Σ执行 ÷ Σ预算 (not the mean of the rates), the average scores and the grade counts."""
from __future__ import annotations

from typing import Callable

from perfdesk.reports import figures, texts
from perfdesk.reports.content import Block, Cell, Form, Row, Text
from perfdesk.reports.fingerprint import combined
from perfdesk.reports.form_parts import spread
from perfdesk.reports.forms import Printed
from perfdesk.scoring.yearly import Totals, by_year, grade_counts, summary_line, totals

WIDTHS = (8, 30, 22, 18, 18, 15, 12, 12, 12, 9, 24)
Progress = Callable[[int, int], None]


def summary_forms(items: list[Printed], grade_bands, progress: Progress | None = None) -> list[Form]:
    """One 汇总表 per year, in year order; `progress(done, total)` per evaluation."""
    forms, done = [], 0
    for year, of_year in by_year(items):
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
    ev, line = item.ev, summary_line(item)
    cells = [
        (str(number), "small_center"), (ev.project or texts.UNTITLED, "small"), (ev.implementer, "small"),
        (figures.wan(line.annual), "small_number"), (figures.wan(line.executed), "small_number"),
        (figures.rate(line.rate), "small_number"), (figures.score(line.fund_score), "small_number"),
        (figures.score(line.indicator_score), "small_number"), (figures.score(line.total), "small_number"),
        (line.grade or "", "small_center"), (line.reasons, "small"),
    ]
    return Row(tuple(Cell(text, style) for text, style in cells))


def _total_block(t: Totals) -> Block:
    label = Cell(f"{texts.SUMMARY_TOTAL}（{texts.SUMMARY_COUNT.format(count=t.count)}）", "small_head")
    figures_ = [figures.wan(t.annual), figures.wan(t.executed), figures.rate(t.rate), figures.score(t.fund_score),
                figures.score(t.indicator_score), figures.score(t.total)]
    return Block(WIDTHS, (spread([(label, 3), *((Cell(a, "small_number"), 1) for a in figures_),
                                  (Cell(grade_counts(t.grades), "small"), 2)]),))
