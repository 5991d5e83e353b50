"""The one grid every source produces: cells as a reader sees them, merged ranges, hidden rows.

A `Grid` is one sheet of a workbook, the tables of a Word document (with the paragraphs
between them as one-cell rows) or what was pasted. Rows and columns count from 1. Only
non-empty cells are stored; a merged range's value sits in its top-left cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

TEXT, NUMBER, PERCENT, DATE, UNKNOWN = "text", "number", "percent", "date", "unknown"


@dataclass(frozen=True)
class GridCell:
    """One cell as displayed.

    text: what Excel/WPS/Word shows ("97.30%", "2021年12月", "387664.62", "≧"); never empty.
    kind: text, number, percent (number holds the fraction, 0.973), date, or unknown (a formula
          without a saved result: text is the formula and nothing is known about its value).
    number: the exact value of a number or percent cell.
    """

    text: str
    kind: str = TEXT
    number: Decimal | None = None


Range = tuple[int, int, int, int]  # top, left, bottom, right (inclusive)


@dataclass
class Grid:
    name: str  # sheet name, or what the grid is ("Word 文档", "剪贴板")
    kind: str = "sheet"  # sheet, document, clipboard
    width: int = 0  # columns the source laid out, empty ones at the right included (pasted rows)
    cells: dict[tuple[int, int], GridCell] = field(default_factory=dict)
    merges: list[Range] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    notes: dict[int, list[str]] = field(default_factory=dict)  # row -> what the source noticed there
    cell_notes: dict[tuple[int, int], str] = field(default_factory=dict)  # notes (comments) the file put on cells
    _rows: dict[int, list[int]] | None = field(default=None, repr=False)
    _covering: dict[int, list[Range]] | None = field(default=None, repr=False)

    def put(self, row: int, col: int, cell: GridCell | None) -> None:
        if cell is not None and cell.text:
            self.cells[(row, col)] = cell
            self._rows = None

    def note(self, row: int, line: str) -> None:
        self.notes.setdefault(row, []).append(line)

    def get(self, row: int, col: int | None) -> GridCell | None:
        return None if col is None else self.cells.get((row, col))

    def rows(self) -> list[int]:
        """Rows holding at least one cell, top to bottom."""
        return sorted(self._index())

    def row(self, row: int) -> list[tuple[int, GridCell]]:
        """The cells of one row, left to right."""
        return [(c, self.cells[(row, c)]) for c in self._index().get(row, ())]

    def _index(self) -> dict[int, list[int]]:
        if self._rows is None:
            index: dict[int, list[int]] = {}
            for r, c in sorted(self.cells):
                index.setdefault(r, []).append(c)
            self._rows = index
        return self._rows

    def origin(self, row: int, col: int) -> tuple[int, int] | None:
        """The top-left cell of the merged range covering (row, col), or None if not merged."""
        for top, left, bottom, right in self._merges_at(row):
            if left <= col <= right:
                return top, left
        return None

    def above(self, row: int, col: int) -> GridCell | None:
        """The cell, or the value of a vertical merge reaching down to it from its column."""
        cell = self.get(row, col)
        if cell is not None:
            return cell
        origin = self.origin(row, col)
        return self.get(*origin) if origin is not None and origin[1] == col else None

    def _merges_at(self, row: int) -> list[Range]:
        if self._covering is None:
            covering: dict[int, list[Range]] = {}
            for merge in self.merges:
                for r in range(merge[0], merge[2] + 1):
                    covering.setdefault(r, []).append(merge)
            self._covering = covering
        return self._covering.get(row, [])
