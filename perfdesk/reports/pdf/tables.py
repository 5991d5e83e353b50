"""Ruled tables that follow the page rules (GUIDE §7, issue 13):

- a table splits between its rows; a row splits inside only when it is too tall to move whole;
- every part repeats the head rows and restarts merged cells (一级/二级 labels print again);
- no part holds head rows without a body row under them;
- the tail (total rows, signature block, notes) stays with at least the last `keep` rows.

Each row is measured once and each page builds a reportlab Table of its own rows only, so the
layout time is linear in the rows of the table and in the length of its cells.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.platypus import Flowable, Table

from perfdesk.reports.content import Block, Cell, Row, merged_runs
from perfdesk.reports.pdf.styles import PADDING, grid
from perfdesk.reports.pdf.text import TextBlock, Typesetter

KEEP_WITH_TAIL = 2  # rows that go with the total row and the signature block
TALL_ROW = 1 / 3  # of a page: a row this tall starts on the current page rather than move whole
MIN_LINES = 3  # lines a split row leaves on either page


@dataclass
class _Row:
    cells: list  # flowables, "" (blank, or covered by a span), or _Hidden merged labels
    keys: tuple = ()
    spans: tuple[tuple[int, int], ...] = ()  # (column, columns covered) of the wider cells
    height: float = 0.0
    measured_at: float = -1.0

    def like(self, cells: list) -> "_Row":
        return _Row(cells, self.keys, self.spans, self.height, self.measured_at)


@dataclass
class TableSpec:
    """Everything about a table but its body rows."""

    widths: list[float]  # points, including the caption column
    head: list[_Row]
    caption: Flowable | None
    merge: tuple[int, ...]  # body columns (after the caption) that merge down by key
    font: str = ""

    @property
    def offset(self) -> int:
        return 1 if self.caption is not None else 0

    def build(self, rows: Sequence[_Row]) -> Table:
        """A reportlab Table of the head rows and `rows`, merges restarted within them."""
        lead = [""] if self.caption is not None else []
        data = [lead + r.cells for r in self.head] + [lead + r.cells for r in rows]
        if self.caption is not None and data:
            data[0][0] = self.caption
        style = grid(self.font, self._spans(rows))
        return Table(data, colWidths=self.widths, style=style, splitInRow=0)

    def _spans(self, rows: Sequence[_Row]) -> list:
        spans, off = [], self.offset
        total = len(self.head) + len(rows)
        if self.caption is not None and total > 1:
            spans.append(("SPAN", (0, 0), (0, total - 1)))
        for r, row in enumerate([*self.head, *rows]):
            for column, width in row.spans:
                spans.append(("SPAN", (off + column, r), (off + column + width - 1, r)))
        for column, start, end in merged_runs(rows, self.merge, len(self.head)):
            spans.append(("SPAN", (off + column, start), (off + column, end)))
        return spans


def cell_flowable(ts: Typesetter, cell: Cell | None):
    return "" if cell is None or not cell.text else ts.text(cell.text, cell.style)


def fit_columns(ts: Typesetter, block: Block, widths: list[float], also: Sequence[Block] = ()) -> list[float]:
    """`widths` with each column widened to hold the widest word of its cells, as far as the
    other columns can give room: first the figures (a number prints whole at its size: 分值,
    得分, amounts), then the labels (a label does not break inside a word), then the figures
    again from the room the labels keep. `also`: blocks set on the same columns (the 总分 row
    under the indicator table), whose figures must fit too."""
    figures, labels = [0.0] * len(widths), [0.0] * len(widths)
    pad = PADDING["left"] + PADDING["right"] + 0.5
    if block.caption is not None and block.caption.text:
        labels[0] = ts.min_width(block.caption.text, block.caption.style) + pad
    for part in (block, *also):
        off = 1 if part.caption is not None else 0
        for row in (*part.head, *part.rows):
            for i, cell in enumerate(row.cells):
                if cell is not None and cell.text and cell.span == 1:
                    need = figures if ts.styles[cell.style].fit else labels
                    need[off + i] = max(need[off + i], ts.min_width(cell.text, cell.style) + pad)
    both = [max(f, l) for f, l in zip(figures, labels)]
    narrowest = [min(w, ts.styles["cell"].size + pad) for w in widths]  # one character
    widths = _widen(widths, figures, both)
    widths = _widen(widths, both, both)
    return _widen(widths, figures, [max(f, n) for f, n in zip(figures, narrowest)])


def _widen(widths: list[float], want: list[float], keep: list[float]) -> list[float]:
    """`widths` with the columns narrower than `want` widened from the room the others have
    above `keep`, each giving in proportion to its room, the total width unchanged."""
    short = [max(0.0, n - w) for n, w in zip(want, widths)]
    spare = [max(0.0, w - k) if s == 0 else 0.0 for w, k, s in zip(widths, keep, short)]
    deficit, room = sum(short), sum(spare)
    if deficit <= 0 or room <= 0:
        return widths
    share = min(1.0, room / deficit)  # how much of each shortfall can be met
    taken = deficit * share / room  # the part of each column's spare room given away
    return [w + s * share - r * taken for w, s, r in zip(widths, short, spare)]


def table_spec(ts: Typesetter, block: Block, widths_pt: list[float]) -> tuple[TableSpec, list[_Row]]:
    spec = TableSpec(widths_pt, [], ts.text(block.caption.text, block.caption.style) if block.caption else None,
                     block.merge, ts.fonts.body.name)
    spec.head = [_row(ts, r) for r in block.head]
    rows, previous = [], None
    for r in block.rows:
        row = _row(ts, r)
        # a merged label prints in the first row of its run, and again where a page starts inside it
        for depth, column in enumerate(block.merge):
            if previous is not None and r.keys[: depth + 1] == previous.keys[: depth + 1]:
                row.cells[column] = _Hidden(row.cells[column])
        rows.append(row)
        previous = r
    return spec, rows


def _row(ts: Typesetter, row: Row) -> _Row:
    return _Row([cell_flowable(ts, c) for c in row.cells], row.keys,
                tuple((i, c.span) for i, c in enumerate(row.cells) if c is not None and c.span > 1))


class _Hidden:
    """A merged label in a later row of its run: printed only if a page starts in the run."""

    def __init__(self, flowable):
        self.flowable = flowable


class PagedTable(Flowable):
    def __init__(self, spec: TableSpec, rows: list[_Row], page_height: float, tail: Sequence[Flowable] = (),
                 keep: int = KEEP_WITH_TAIL, follows: bool = False):
        super().__init__()
        self.spec, self.rows, self.tail = spec, rows, list(tail)
        self.page_height = page_height  # the shortest frame a part may start on
        self.keep = keep if tail else 0
        # the rest of a table split on the page before: it starts at the top of the next page,
        # never under its own first part (which would print the head rows again mid-page)
        self.follows = follows
        self._width = None
        self._parts: list | None = None

    # -- measuring ------------------------------------------------------------------------
    def _cell_width(self, row: _Row, column: int) -> float:
        off = self.spec.offset
        span = dict(row.spans).get(column, 1)
        return sum(self.spec.widths[off + column: off + column + span]) - PADDING["left"] - PADDING["right"]

    def _measure(self, row: _Row, width: float) -> float:
        """The row's height: its tallest cell (a merged label counts in the first row of its run)."""
        if row.measured_at != width:
            tallest = 0.0
            for column, cell in enumerate(row.cells):
                if isinstance(cell, Flowable):
                    tallest = max(tallest, cell.wrap(self._cell_width(row, column), 1e9)[1])
            row.height = tallest + PADDING["top"] + PADDING["bottom"]
            row.measured_at = width
        return row.height

    def _head_height(self, width: float) -> float:
        return sum(self._measure(r, width) for r in self.spec.head)

    @staticmethod
    def _visible(rows: Sequence[_Row]) -> list[_Row]:
        """`rows` as printed: a page starting inside a merged run prints the run's label again."""
        if not rows:
            return []
        first = rows[0].like([c.flowable if isinstance(c, _Hidden) else c for c in rows[0].cells])
        return [first, *(r.like(["" if isinstance(c, _Hidden) else c for c in r.cells]) for r in rows[1:])]

    def _table(self, rows: Sequence[_Row]) -> Table:
        return self.spec.build(self._visible(rows))

    # -- platypus -------------------------------------------------------------------------
    def wrap(self, availWidth, availHeight):
        """The height from the measured rows; the table itself is built only when it fits (so a
        long table that will be split is not built whole on every page)."""
        self._tail_sizes = [f.wrap(availWidth, availHeight) for f in self.tail]
        tail = sum(h for _, h in self._tail_sizes) + sum(f.getSpaceBefore() for f in self.tail)
        estimate = self._head_height(availWidth) + sum(self._measure(r, availWidth) for r in self.rows)
        self._body = None
        if self.follows and not self._fresh(availHeight):
            estimate = max(estimate, availHeight + 1)  # said not to fit: split() moves it on
        elif estimate + tail <= availHeight:
            self._body = self._table(self.rows)
            estimate = self._body.wrap(availWidth, availHeight)[1]
        self.width, self.height = availWidth, estimate + tail
        return self.width, self.height

    def draw(self):
        if self._body is None:  # drawn although it was said not to fit (the frame forces it)
            self._body = self._table(self.rows)
            self._body.wrap(self.width, self.height)
        y = self.height - self._body._height
        self._body.drawOn(self.canv, 0, y)
        for f, (_, h) in zip(self.tail, self._tail_sizes):
            y -= f.getSpaceBefore() + h
            f.drawOn(self.canv, 0, y)

    def _fresh(self, height: float) -> bool:
        """True when `height` is a whole frame: the part starts at the top of a page."""
        return height >= self.page_height - 1

    def split(self, availWidth, availHeight):
        rows, width = self.rows, availWidth
        fresh = self._fresh(availHeight)
        if self.follows and not fresh:
            return []
        head = self._head_height(width)
        used, fit = head, 0
        for row in rows:
            if used + self._measure(row, width) > availHeight:
                break
            used, fit = used + row.height, fit + 1
        n = len(rows)
        count = max(0, n - self.keep) if fit == n else min(fit, max(0, n - self.keep))
        if count == 0 and fresh and fit:  # a page of its own cannot hold the rows and the tail: split anyway
            count = min(fit, n - 1) if n > 1 else 0
        count = self._fitting(count, width, availHeight)
        if count:
            if count == fit < n:  # the next row is what did not fit: a tall one starts here
                started = self._start_row(count, width, availHeight)
                if started:
                    return started
            return [self._table(rows[:count]), self._rest(rows[count:])]
        if rows and self._splits_inside(rows[0], width, availHeight - head, fresh):
            top, bottom = self._split_row(rows[0], width, availHeight - head)
            return [self._table([top]), self._rest([bottom, *rows[1:]])]
        if fresh and not rows:
            return [self._table([]), *self.tail]
        return []

    def _fitting(self, count: int, width: float, height: float) -> int:
        """Fewer rows while the built part is taller than the page (merged labels taller than
        their rows, a caption taller than the part)."""
        while count and self._table(self.rows[:count]).wrap(width, height)[1] > height:
            count -= 1
        return count

    def _rest(self, rows: list[_Row]) -> "PagedTable":
        return PagedTable(self.spec, rows, self.page_height, self.tail, self.keep or KEEP_WITH_TAIL, follows=True)

    def _start_row(self, count: int, width: float, height: float) -> list | None:
        """The first `count` rows and the top of row `count` on this page, the rest of that row
        under the head rows of the next, when the row is too tall to move whole; else None."""
        row = self.rows[count]
        room = height - self._table(self.rows[:count]).wrap(width, height)[1]
        if not self._splits_inside(row, width, room, False):
            return None
        top, bottom = self._split_row(row, width, room)
        if all(not isinstance(c, Flowable) for c in top.cells):
            return None
        first = self._table([*self.rows[:count], top])
        if first.wrap(width, height)[1] > height:
            return None
        return [first, self._rest([bottom, *self.rows[count + 1:]])]

    # -- rows taller than what is left ----------------------------------------------------
    def _splits_inside(self, row: _Row, width: float, room: float, fresh: bool) -> bool:
        tall = row.height > self.page_height * TALL_ROW or row.height > self.page_height - self._head_height(width)
        return (tall or fresh) and room >= MIN_LINES * 13 + PADDING["top"] + PADDING["bottom"]

    def _split_row(self, row: _Row, width: float, room: float) -> tuple[_Row, _Row]:
        inner = room - PADDING["top"] - PADDING["bottom"]
        top, bottom = [], []
        for column, cell in enumerate(row.cells):
            if not isinstance(cell, TextBlock) or column in self.spec.merge:
                top.append(cell)
                bottom.append(cell)
                continue
            parts = cell.split(self._cell_width(row, column), inner)
            if not parts:
                top.append("")
                bottom.append(cell)
            elif len(parts) == 1:
                top.append(cell)
                bottom.append("")
            else:
                top.append(parts[0])
                bottom.append(parts[1])
        return _Row(top, row.keys, row.spans), _Row(bottom, row.keys, row.spans)
