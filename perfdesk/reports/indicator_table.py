"""The indicator table of every form: 一级 and 二级 cells merged over their rows (restarted on
each page), the header row repeated, then the 总分/等级 rows."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Sequence

from reportlab.platypus import Flowable, Table

from perfdesk.reports import texts
from perfdesk.reports.chunked import ChunkedTable
from perfdesk.reports.form_parts import Context, block
from perfdesk.reports.styles import grid
from perfdesk.scoring.engine import IndicatorResult


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # mm on a portrait page
    value: Callable[[IndicatorResult], str | None]
    style: str = "cell"
    role: str = ""  # "weight" / "score": where the 总分 row puts its figures


@dataclass(frozen=True)
class Layout:
    caption: str | None  # the left column spanning the table ("绩效指标"); None for none
    levels: tuple[float, float]  # widths of the 一级 and 二级 columns
    columns: tuple[Column, ...]
    caption_width: float = 12

    @property
    def widths(self) -> list[float]:
        lead = [self.caption_width] if self.caption else []
        return lead + list(self.levels) + [c.width for c in self.columns]

    @property
    def lead(self) -> int:
        """Columns before the value columns: caption, 一级, 二级."""
        return len(self.widths) - len(self.columns)


def level1(r: IndicatorResult) -> str:
    return r.path[0] if len(r.path) > 1 else ""


def level2(r: IndicatorResult) -> tuple[str, ...]:
    return r.path[:2] if len(r.path) > 2 else (level1(r), "")


def leaf_name(r: IndicatorResult) -> str:
    return r.path[-1]


def indicator_table(ctx: Context, layout: Layout, results: Sequence[IndicatorResult]) -> ChunkedTable:
    """Cells are set once; each part of the split table is rebuilt from them."""
    p = ctx.ts.para
    head = ([p(layout.caption, "head")] if layout.caption else []) + [p(texts.LEVEL1, "head"), p(texts.LEVEL2, "head")]
    head += [p(c.header, "head") for c in layout.columns]
    rows = [_Row(r, p(level1(r), "center"), p(level2(r)[1], "center"), [p(c.value(r), c.style) for c in layout.columns])
            for r in results]
    return ChunkedTable(rows, lambda chunk: _build(ctx, layout, head, chunk), ctx.frame_height)


@dataclass(frozen=True)
class _Row:
    result: IndicatorResult
    level1: Flowable
    level2: Flowable
    values: list


def _build(ctx: Context, layout: Layout, head: list, rows: Sequence[_Row]) -> Table:
    """The table of `rows`: a merged label is set in the first row of its run only."""
    lead = [""] if layout.caption else []
    cells = [head]
    for i, row in enumerate(rows):
        prev = rows[i - 1].result if i else None
        new1 = prev is None or level1(prev) != level1(row.result)
        new2 = new1 or level2(prev) != level2(row.result)
        cells.append(lead + [row.level1 if new1 else "", row.level2 if new2 else ""] + row.values)
    results = [row.result for row in rows]
    return Table(cells, colWidths=ctx.widths(layout.widths), repeatRows=1, splitInRow=1,
                 style=grid(ctx.ts.fonts.body.name, _spans(layout, results)))


def _spans(layout: Layout, rows: Sequence[IndicatorResult]) -> list:
    offset = 1 if layout.caption else 0
    spans = [("SPAN", (0, 0), (0, len(rows)))] if layout.caption else []
    for column, key in ((offset, level1), (offset + 1, level2)):
        start = 1
        for _, run in groupby(rows, key=key):
            count = len(list(run))
            if count > 1:
                spans.append(("SPAN", (column, start), (column, start + count - 1)))
            start += count
    return spans


def total_block(ctx: Context, layout: Layout, weight: str, score: str, grade: str | None) -> Table:
    """总分 with the weight and score under their columns; 等级 beside them or on its own row."""
    p = ctx.ts.para
    ncols = len(layout.widths)
    at = {c.role: layout.lead + i for i, c in enumerate(layout.columns) if c.role}
    w_at, s_at = at["weight"], at["score"]
    row = [p(texts.TOTAL, "head")] + [""] * (ncols - 1)
    row[w_at], row[s_at] = p(weight, "number"), p(score, "number")
    spans = [("SPAN", (0, 0), (w_at - 1, 0))]
    if s_at - w_at > 1:
        spans.append(("SPAN", (w_at + 1, 0), (s_at - 1, 0)))
    grade_text = texts.GRADE_VALUE.format(grade=grade or "")
    if s_at < ncols - 1:
        row[s_at + 1] = p(grade_text, "center")
        spans.append(("SPAN", (s_at + 1, 0), (ncols - 1, 0)))
        return block(ctx, [row], layout.widths, spans)
    grade_row = [p(texts.GRADE, "head")] + [""] * (ncols - 2) + [p(grade or "", "center")]
    spans.append(("SPAN", (0, 1), (ncols - 2, 1)))
    return block(ctx, [row, grade_row], layout.widths, spans)
