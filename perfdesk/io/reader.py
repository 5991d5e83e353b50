"""Reading evaluation tables from any file offices keep: one grid source per format, one recognizer.

    found = read_file(path, default_year=2025)   # raises ImportRefused (with the notes that explain it)
    found.tables       # TableReading per table: the evaluation and what was read / skipped
    found.notes        # sheets and blocks that held no table

The format is told by the content, not the name: a zip holding a workbook or a Word document,
an OLE2 file holding a BIFF workbook (.xls, WPS .et), and .doc/.et files that only LibreOffice
can open (converted when `soffice` is installed, otherwise refused with how to re-save them).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from perfdesk.io import texts
from perfdesk.io.grid import sources
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import Grid
from perfdesk.io.recognize import Overrides, TableReading, recognize, reread
from perfdesk.io.refusal import ImportRefused
from perfdesk.io.richtext import plain_evaluation
from perfdesk.io.xlsx_exported import report_sections
from perfdesk.models import WorkspaceError, ownership


@dataclass
class FileReading:
    path: Path
    tables: list[TableReading]
    notes: list[str]
    default_year: int
    grids: list[Grid] = field(default_factory=list, repr=False)
    _grid_of: list[int] = field(default_factory=list, repr=False)  # tables[i] comes from grids[_grid_of[i]]

    @property
    def evaluations(self) -> list:
        return [t.evaluation for t in self.tables]

    def lines(self) -> list[str]:
        """Every report line, table by table, then the notes."""
        return [line for t in self.tables for line in t.lines] + self.notes

    def remap(self, index: int, overrides: Overrides) -> TableReading | str:
        """Read table `index` again with columns mapped as the user chose; kept when it still is a table."""
        grid = self.grids[self._grid_of[index]]
        read = reread(grid, self.tables[index], self.path.name, self.default_year, overrides)
        if isinstance(read, TableReading):
            read = _with_sections(_plain(read), self.tables[index].evaluation.report_sections)
            if read.evaluation.year != self.tables[index].evaluation.year and self.tables[index].year_source is None:
                read = replace(read, evaluation=replace(read.evaluation, year=self.tables[index].evaluation.year))
            self.tables[index] = read
        return read


def previous_year() -> int:
    """Self-evaluations are written in spring about the year before."""
    return dt.date.today().year - 1


def read_file(path: Path, default_year: int | None = None) -> FileReading:
    """The tables of a workbook, a Word document or a converted .doc/.et; raises ImportRefused."""
    path = Path(path)
    year = default_year or previous_year()
    try:
        ownership.check_user_path(path)  # never the open workspace; never a FIFO that blocks
        grids, notes = sources.read_grids(path)
    except WorkspaceError as exc:
        raise ImportRefused(str(exc)) from None
    except Refusal as exc:
        raise ImportRefused(f"{path.name}：{exc}") from None
    except FileNotFoundError:
        raise ImportRefused(texts.FILE_MISSING.format(path=path)) from None
    except OSError as exc:
        raise ImportRefused(texts.FILE_UNREADABLE.format(path=path, reason=exc.strerror)) from None
    return read_grids(path, grids, notes, year)


def read_grids(path: Path, grids: list[Grid], notes: list[str], year: int) -> FileReading:
    if not any(grid.cells for grid in grids):
        raise ImportRefused(f"{path.name}：{texts.EMPTY_FILE}", notes)
    found = FileReading(path, [], list(notes), year, grids)
    sections: dict[str, tuple] = {}
    for index, grid in enumerate(grids):
        if grid.kind == "report":  # the report texts of perfdesk's own export, by table sheet
            sections.update(report_sections(grid))
            continue
        tables, skipped = recognize(grid, path.name, year)
        found.tables += [_plain(t) for t in tables]
        found._grid_of += [index] * len(tables)
        found.notes += skipped
    if sections:
        found.tables = [_with_sections(t, sections.get(grids[i].name)) for t, i in zip(found.tables, found._grid_of)]
    if not found.tables:
        raise ImportRefused(f"{path.name}：{texts.NO_TABLE}", found.notes)
    return found


def _with_sections(reading: TableReading, sections: tuple | None) -> TableReading:
    if not sections:
        return reading
    return replace(reading, evaluation=plain_evaluation(replace(reading.evaluation, report_sections=sections)))


def _plain(reading: TableReading) -> TableReading:
    return replace(reading, evaluation=plain_evaluation(reading.evaluation))
