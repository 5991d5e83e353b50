"""One row of a grid as the recognizer sees it: its visible cells and which of them are labels."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from perfdesk.io.grid.model import TEXT, Grid, GridCell
from perfdesk.io.recognize import labels as L


@dataclass
class Row:
    number: int
    cells: list[tuple[int, GridCell]]

    @cached_property
    def labels(self) -> dict[int, str]:
        """Column -> label key of the cells that hold a label of the vocabulary."""
        return {c: k for c, cell in self.cells
                if cell.kind == TEXT and len(cell.text) <= L.MAX_LABEL_CHARS and (k := L.key(cell.text)) in L.ALL_LABELS}

    @property
    def first(self) -> tuple[int, GridCell] | None:
        return self.cells[0] if self.cells else None

    @cached_property
    def first_key(self) -> str:
        return L.key(self.cells[0][1].text) if self.cells else ""

    @cached_property
    def first_inline(self) -> tuple[str, str] | None:
        """(label key, value) when the first cell holds both ("自评等级：优")."""
        return L.inline(self.cells[0][1].text) if self.cells and self.cells[0][1].kind == TEXT else None

    @cached_property
    def opening(self) -> str:
        """The label the row opens with: the first cell's, or the one before its colon."""
        if self.first_key in L.ALL_LABELS or self.first_inline is None:
            return self.first_key
        return self.first_inline[0]

    def fields(self, table: dict[str, str]) -> dict[int, str]:
        """Column -> field for the label cells whose key is in `table`."""
        return {c: table[k] for c, k in self.labels.items() if k in table}

    def text(self, limit: int = 40) -> str:
        joined = " | ".join(cell.text.replace("\n", " ") for _, cell in self.cells)
        return joined if len(joined) <= limit else joined[:limit] + "…"


def rows_of(grid: Grid) -> dict[int, Row]:
    """Every row holding a visible cell (hidden columns are left out)."""
    hidden = grid.hidden_columns
    found = {}
    for r in grid.rows():
        cells = [(c, cell) for c, cell in grid.row(r) if c not in hidden]
        if cells:
            found[r] = Row(r, cells)
    return found
