"""A table that splits between its logical rows and rebuilds each part.

reportlab cannot split a table whose merged cells are taller than a page unless it splits inside
rows, and then the continuation of a merged cell is blank. Rebuilding each part from its rows
restarts the merges on every page, so the 一级/二级 labels and the header row print again.
"""
from __future__ import annotations

from typing import Callable, Sequence

from reportlab.platypus import Flowable, Table

Build = Callable[[Sequence], Table]


class ChunkedTable(Flowable):
    def __init__(self, rows: Sequence, build: Build, frame_height: float, header_rows: int = 1):
        super().__init__()
        self.rows = rows
        self.build = build
        self.frame_height = frame_height  # a full page: rows taller than this split inside
        self.header_rows = header_rows
        self._table = build(rows)

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self._table.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self):
        self._table.drawOn(self.canv, 0, 0)

    def split(self, availWidth, availHeight):
        count = self._rows_fitting(availWidth, availHeight)
        if count == 0:
            return self._split_first_row(availWidth, availHeight)
        return [self.build(self.rows[:count]), self._rest(count)]

    def _rest(self, start: int) -> "ChunkedTable":
        return ChunkedTable(self.rows[start:], self.build, self.frame_height, self.header_rows)

    def _rows_fitting(self, width: float, height: float) -> int:
        """The most leading rows that fit in `height` together with the header."""
        self._table.wrap(width, height)
        heights = self._table._rowHeights
        used, count = sum(heights[: self.header_rows]), 0
        for row_height in heights[self.header_rows:]:
            if used + row_height > height:
                break
            used, count = used + row_height, count + 1
        while count and self.build(self.rows[:count]).wrap(width, height)[1] > height:
            count -= 1
        return count

    def _split_first_row(self, width: float, height: float) -> list:
        """Wait for the next page, unless the first row alone is taller than a page: then let
        reportlab split inside that row."""
        first = self.build(self.rows[:1])
        if first.wrap(width, height)[1] <= self.frame_height:
            return []
        parts = first.split(width, height)
        return parts if not parts or len(self.rows) == 1 else [*parts, self._rest(1)]
