"""Blocks the official forms are stacked from: title, labelled header rows, fund block, goal block,
signature block. Each block is its own grid table of the full text width; stacked without gaps
they print as one form."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from perfdesk.reports import figures, texts
from perfdesk.reports.styles import grid
from perfdesk.reports.typeset import Typesetter
from perfdesk.scoring import funds
from perfdesk.scoring.evaluation import Evaluation, FundLine, Signatories
from perfdesk.scoring.messages import FORM_TITLES


@dataclass(frozen=True)
class Context:
    ts: Typesetter
    scale: float  # portrait mm widths -> this orientation
    frame_height: float

    def widths(self, widths_mm: Sequence[float]) -> list[float]:
        return [w * mm * self.scale for w in widths_mm]


def title(ev: Evaluation, ctx: Context) -> list:
    name = ev.title or FORM_TITLES[ev.form]
    return [ctx.ts.para(name, "title"), ctx.ts.para(texts.YEAR_LINE.format(year=ev.year), "subtitle")]


def block(ctx: Context, rows: list[list], widths_mm: Sequence[float], extra=()) -> Table:
    return Table(rows, colWidths=ctx.widths(widths_mm), style=grid(ctx.ts.fonts.body.name, extra), splitInRow=1)


def labelled(ctx: Context, pairs: Sequence[tuple[str, str | None]]) -> list:
    """Header rows: one (label, value) pair spans the width; two pairs share a row."""
    p = ctx.ts.para
    if len(pairs) == 1:
        (label, value), = pairs
        return [p(label, "head"), p(value), "", ""]
    (l1, v1), (l2, v2) = pairs
    return [p(l1, "head"), p(v1), p(l2, "head"), p(v2)]


def header_block(ctx: Context, rows: Sequence[Sequence[tuple[str, str | None]]]) -> Table:
    cells = [labelled(ctx, pairs) for pairs in rows]
    spans = [("SPAN", (1, i), (3, i)) for i, pairs in enumerate(rows) if len(pairs) == 1]
    return block(ctx, cells, (30, 60, 30, 60), spans)


def money_unit(ev: Evaluation) -> str:
    return texts.MONEY.format(unit=ev.money_unit or texts.DEFAULT_UNIT)


def captioned(ctx: Context, caption: str, head: list[str], body: list[list], widths_mm, extra=()) -> Table:
    """A block with a caption cell spanning all its rows at the left, a head row, and body rows
    whose cells are strings (set as numbers when they look like figures) or flowables."""
    p = ctx.ts.para
    rows = [[p(caption, "head")] + [p(h, "head") for h in head]]
    rows += [[""] + [_cell(ctx, c) for c in row] for row in body]
    return block(ctx, rows, widths_mm, [("SPAN", (0, 0), (0, len(rows) - 1)), *extra])


def _cell(ctx: Context, value):
    if not isinstance(value, str):
        return value
    style = "center" if value == texts.DASH else "number" if _figure(value) else "cell"
    return ctx.ts.para(value, style)


def _figure(text: str) -> bool:
    return bool(text) and all(ch.isdigit() or ch in ",.%-" for ch in text)


def line_rate(line: FundLine) -> str:
    """The execution rate of one fund row, computed from its own cells."""
    return figures.rate(funds.line_rate(line))


def goal_block(ctx: Context, caption: str, heads: tuple[str, str], ev: Evaluation) -> Table:
    body = [[ctx.ts.para(ev.goal_target), ctx.ts.para(ev.goal_actual)]]
    return captioned(ctx, caption, list(heads), body, (12, 84, 84))


def signature(ctx: Context, who: Signatories) -> KeepTogether:
    """填报人 … 单位（盖章）, never split across pages."""
    p = ctx.ts.para
    rows = [
        [p(texts.PREPARER.format(value=who.preparer or ""), "sign"), p(texts.PHONE.format(value=who.phone or ""), "sign")],
        [p(texts.HEAD.format(value=who.head or ""), "sign"), p(texts.DATE.format(value=who.date or ""), "sign")],
    ]
    if who.reviewer:
        rows.append([p(texts.REVIEWER.format(value=who.reviewer), "sign"), ""])
    rows.append(["", p(texts.SEAL, "sign")])
    table = Table(rows, colWidths=ctx.widths((95, 85)), rowHeights=[None] * (len(rows) - 1) + [22 * mm],
                  style=[("FONTNAME", (0, 0), (-1, -1), ctx.ts.fonts.body.name),
                         ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6)])
    return KeepTogether([Spacer(1, 6 * mm), table])
