"""The one recognizer: reads every grid, whatever file or clipboard it came from, by what its
cells mean (labels from `vocabulary`), and reports what it read and skipped.

    readings, notes = recognize(grid, origin="自评表.xlsx", default_year=2025)
"""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.io.grid.model import Grid
from perfdesk.io.recognize.layout import find_regions
from perfdesk.io.recognize.rows import rows_of
from perfdesk.io.recognize.table import Overrides, TableReading, place_of, read_table

__all__ = ["Overrides", "TableReading", "recognize", "reread"]


def recognize(grid: Grid, origin: str, default_year: int) -> tuple[list[TableReading], list[str]]:
    """(the tables of a grid, notes about parts that hold none)."""
    rows = rows_of(grid)
    regions = find_regions(grid, rows)
    if not regions:
        return [], [texts.SHEET_SKIPPED.format(place=place_of(grid))] if rows else []
    readings, notes = [], []
    for region in regions:
        read = read_table(grid, rows, region, origin, default_year)
        (notes if isinstance(read, str) else readings).append(read)
    return readings, notes


def reread(grid: Grid, reading: TableReading, origin: str, default_year: int, overrides: Overrides) -> TableReading | str:
    """The same table read again with columns the user re-mapped."""
    rows = rows_of(grid)
    region = next(r for r in find_regions(grid, rows) if r.first == reading.first_row)
    return read_table(grid, rows, region, origin, default_year, overrides)
