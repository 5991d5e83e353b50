"""One worksheet as a grid of cleaned cell values, and the readers that turn a cell into a field.

A formula is never a value: it is replaced by the printed value the exporter noted on the cell,
else by the cached result Excel/WPS saved, else left empty (and reported). A cell the exporter
noted as computed (not printed in the original table) reads as empty.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.utils import get_column_letter

from perfdesk.io import texts
from perfdesk.scoring.evaluation import Cell, to_cell

_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
_PERCENT_FORMAT = re.compile(r"0(?:\.(0+))?\s*%")
# A formula that refers to cells or calls a function computes something; any other "formula"
# ("=100%", "=12个月", "=相符") is a target written with its operator by a tool that did not
# mark it as text.
_COMPUTING = re.compile(r"[(!]|(?<![A-Za-z])\$?[A-Za-z]{1,3}\$?\d+(?!\d)")


@dataclass(frozen=True)
class Raw:
    value: str | int | float | Decimal
    number_format: str = "General"


@dataclass
class Grid:
    sheet: str
    cells: dict[tuple[int, int], Raw] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=dict)  # row -> report lines about its cells

    def get(self, row: int, col: int | None) -> Raw | None:
        return None if col is None else self.cells.get((row, col))

    def row(self, row: int) -> list[tuple[int, Raw]]:
        return sorted((c, raw) for (r, c), raw in self.cells.items() if r == row)

    def rows(self) -> list[int]:
        return sorted({r for r, _ in self.cells})


def read_grid(sheet, cached_sheet) -> Grid:
    """All non-blank cells of an openpyxl worksheet (formulas resolved as described above)."""
    grid = Grid(sheet.title)
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column):
        for cell in row:
            raw, note = _resolve(cell, cached_sheet)
            if raw is not None:
                grid.cells[(cell.row, cell.column)] = raw
            if note:
                grid.notes.setdefault(cell.row, []).append(note.format(cell=cell.coordinate))
    return grid


def _resolve(cell, cached_sheet) -> tuple[Raw | None, str | None]:
    note = cell.comment.text if cell.comment is not None else ""
    printed = _printed(note)
    if printed is not None:
        return _clean(printed, "General"), None
    if texts.COMPUTED_NOTE in note:
        return None, None
    if cell.data_type == "f":
        cached = cached_sheet.cell(cell.row, cell.column).value
        formula = str(cell.value)
        if cached is None and not _COMPUTING.search(formula):
            return Raw(formula if formula.startswith("=") else f"={formula}"), texts.FORMULA_AS_TEXT
        if cached is None:
            return None, texts.FORMULA_NO_VALUE
        return _clean(cached, cell.number_format), texts.FORMULA_CACHED
    return _clean(cell.value, cell.number_format), None


def _printed(note: str) -> str | None:
    for line in note.splitlines():
        if line.startswith(texts.PRINTED_NOTE):
            return line[len(texts.PRINTED_NOTE):]
    return None


def _clean(value, number_format: str) -> Raw | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        value = value.isoformat()
    if isinstance(value, str):
        value = value.strip()  # also strips U+3000 and no-break spaces
        return Raw(value) if value else None
    if isinstance(value, (int, float, Decimal)):
        return Raw(value, number_format or "General")
    return Raw(str(value))


def decimal_of(value: int | float | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)


def plain(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent_places(number_format: str) -> int | None:
    match = _PERCENT_FORMAT.search(number_format)
    return None if match is None else len(match.group(1) or "")


def percent_text(number: Decimal, places: int) -> str:
    scaled = (number * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{plain(scaled)}%"


def text_of(raw: Raw | None) -> str | None:
    """A text field: the cell as printed (a number in a percent format reads "99.87%")."""
    if raw is None:
        return None
    if isinstance(raw.value, str):
        return raw.value
    number = decimal_of(raw.value)
    places = percent_places(raw.number_format)
    return plain(number) if places is None else percent_text(number, places)


def cell_of(raw: Raw | None) -> Cell:
    """A numeric field: numbers (also stored as text, with thousands separators) or the text."""
    if raw is None:
        return None
    if not isinstance(raw.value, str):
        return decimal_of(raw.value)
    compact = raw.value.replace(" ", "").replace("\u3000", "")
    if _THOUSANDS.fullmatch(compact):
        compact = compact.replace(",", "")
    value = to_cell(compact)
    return value if isinstance(value, Decimal) else raw.value


def coordinate(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"
