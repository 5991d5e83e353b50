"""Is every cell of a file accounted for by its reading? A cell is, when what it holds is in the
evaluations read (any text or number field), or a report line names it, its row or its column, or it
is structure (a vocabulary label, a heading in a header row, a blank mark, a title or year line).
What is left was dropped without a word: the import must never do that."""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from decimal import Decimal

from perfdesk.io.grid.model import GridCell
from perfdesk.io.reader import FileReading
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize.rows import rows_of
from perfdesk.io.recognize.values import amount_of, decimal_of, is_blank_mark, points_of
from perfdesk.models.richtext import plain_text

_ROW = re.compile(r"第 (\d+)(?:–(\d+))? 行")


def _collect(value, texts: list[str], numbers: set[Decimal]) -> None:
    if value is None:
        return
    if isinstance(value, str):
        texts.append(L.one_line(value))
    elif isinstance(value, Decimal):
        numbers.add(value.normalize())
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        numbers.add(Decimal(str(value)).normalize())
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            _collect(item, texts, numbers)
    elif is_dataclass(value):
        for f in fields(value):
            _collect(getattr(value, f.name), texts, numbers)


def _found(cell: GridCell, text: str, numbers: set[Decimal], haystack: str, lines: list[str]) -> bool:
    values = (decimal_of(cell), amount_of(cell, None), points_of(cell))
    if any(isinstance(v, Decimal) and v.normalize() in numbers for v in values):
        return True
    bare = L.NAME_PREFIX.sub("", text)
    return text in haystack or bare in haystack or any(text in line.replace(" ", "") for line in lines)


def unaccounted(found: FileReading) -> list[tuple[str, int, int, str]]:
    """(grid, row, column, text) of every cell nothing in the reading accounts for."""
    texts: list[str] = []
    numbers: set[Decimal] = set()
    _collect(found.evaluations, texts, numbers)
    lines = [L.one_line(line) for line in found.lines()]
    haystack = "\n".join(texts + lines)
    missing = []
    for index, grid in enumerate(found.grids):
        tables = [t for t, g in zip(found.tables, found._grid_of) if g == index]
        named_rows = {r for t in tables for line in (*t.found, *t.skipped) for m in _ROW.finditer(line)
                      for r in range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1)}
        unread = {(t.first_row, t.last_row, use.column) for t in tables for use in t.columns if use.field is None}
        rows = rows_of(grid)
        for (r, c), cell in sorted(grid.cells.items()):
            text = L.one_line(plain_text(cell.text))  # rich text (<p>, <br>) is made plain at import
            row = rows.get(r)
            if (not text or L.key(cell.text) in L.ALL_LABELS | L.NOT_AN_OPERATOR or is_blank_mark(cell) or r in named_rows
                    or any(first <= r <= last and c == col for first, last, col in unread)
                    or (row is not None and len(row.labels) >= 2)  # a heading in a header row
                    or L.YEAR_LINE.match(L.fold(text))):
                continue
            written = L.inline(cell.text)  # "自评等级：优": the value after a known label
            shapes = [(cell, text)] + ([(GridCell(written[1]), L.one_line(written[1]))] if written else [])
            if any(_found(c, t, numbers, haystack, lines) for c, t in shapes):
                continue
            missing.append((grid.name, r, c, text))
    return missing
