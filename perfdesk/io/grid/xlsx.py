"""Excel workbooks (.xlsx, .xlsm, transitional or Strict Open XML) as grids, one per visible sheet.

The sheet XML is streamed once: each cell's stored value, its formula and the result Excel/WPS
saved for it, its number format (the zh-CN built-ins included), merged ranges, hidden rows and
columns, and cell notes. Counting happens during the stream, so a hostile file is refused as
soon as it passes a limit, before it is held in memory.

A formula is never a value: the saved result is shown (and noted), or, without one, the cell is
`unknown`. Notes written by perfdesk's own export are honoured: "原表填报值：x" puts the printed
value back, a cell noted as computed by perfdesk reads as empty; every note stays with its cell
(`Grid.cell_notes`) for the recognizer (manual scores, directions, signatories, see xlsx_notes).

perfdesk's own export (marked by a custom document property, see xlsx_exported) is read with
what it adds: its formulas are perfdesk's computations and read as empty; its 汇总表, 评分规则 and
长文本 sheets hold no table; texts it had to move to 长文本 come back whole; its 自评报告 sheet
is a grid of kind "report" (read by the reader, not the recognizer).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries

from perfdesk.io import texts
from perfdesk.io import xlsx_exported as exported
from perfdesk.io import xlsx_notes
from perfdesk.io.grid import limits
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import DATE, UNKNOWN, Grid, GridCell
from perfdesk.io.grid.numfmt import exact, format_code, number_cell, render_date
from perfdesk.io.grid.package import Package, local

# A formula that refers to cells or calls a function computes something; any other "formula"
# ("=100%", "=12个月", "=相符") is a target written with its operator by a tool that did not
# mark it as text.
_COMPUTING = re.compile(r"[(!]|(?<![A-Za-z])\$?[A-Za-z]{1,3}\$?\d+(?!\d)")
_STRICT = "purl.oclc.org/ooxml"
# Elements counted in the raw sheet XML before it is parsed (with or without a namespace prefix).
_COUNTED = {"cells": re.compile(rb"<(?:\w+:)?c[ >/]"), "rows": re.compile(rb"<(?:\w+:)?row[ >/]"),
            "merges": re.compile(rb"<(?:\w+:)?mergeCell[ >/]")}
_LIMITS = {"cells": (limits.MAX_CELLS, "单元格"), "rows": (limits.MAX_ROWS, "行"),
           "merges": (limits.MAX_MERGES, "合并单元格")}


@dataclass
class _Book:
    strings: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # format code per cell format index
    date1904: bool = False
    exported: bool = False  # perfdesk's own export
    long_texts: dict[int, str] = field(default_factory=dict)  # its 长文本 items
    keep_spaces: bool = False  # texts as written (the report texts and 长文本 parts), not stripped


def read_xlsx(path: Path) -> tuple[list[Grid], list[str]]:
    """(grids of the visible sheets, notes about sheets left out); raises Refusal."""
    with Package(path) as package:
        workbook = package.main_part()
        if workbook is None:
            raise Refusal(texts.NO_WORKBOOK_PART)
        rels = package.relationships(workbook)
        book = _Book()
        sheets = _sheets(package, workbook, book)
        parts = {kind: name for kind, name in rels.values()}
        if "sharedStrings" in parts:
            book.strings = _strings(package, parts["sharedStrings"])
        if "styles" in parts:
            book.styles = _styles(package, parts["styles"])
        package.count([part for kind, part in rels.values() if kind == "worksheet" and part in package.names],
                      _COUNTED, _LIMITS)
        book.exported = exported.is_export(package)
        if book.exported:
            _long_texts(package, sheets, rels, book)
        grids, notes = [], []
        for name, rel_id, state in sheets:
            kind, part = rels.get(rel_id, ("", ""))
            if kind != "worksheet" or part not in package.names:
                notes.append(texts.SHEET_NOT_TABLE.format(sheet=name))
            elif state != "visible":
                notes.append(texts.SHEET_HIDDEN.format(sheet=name))
            elif book.exported and exported.auxiliary(name):
                continue  # perfdesk's own 汇总表, 评分规则, 长文本: no table
            elif book.exported and name == texts.REPORT_SHEET:
                grids.append(_sheet(package, part, name, book, kind="report"))
            else:
                grids.append(_sheet(package, part, name, book))
        return grids, notes


def _long_texts(package: Package, sheets, rels, book: _Book) -> None:
    for name, rel_id, _ in sheets:
        kind, part = rels.get(rel_id, ("", ""))
        if name == texts.LONG_TEXT_SHEET and kind == "worksheet" and part in package.names:
            grid = _sheet(package, part, name, book, kind="long")
            book.long_texts = exported.long_texts(grid)


def is_strict(path: Path) -> bool:
    with Package(path) as package:
        workbook = package.main_part()
        return workbook is not None and _STRICT.encode() in package.read(workbook)[:2048]


def _sheets(package: Package, workbook: str, book: _Book) -> list[tuple[str, str, str]]:
    sheets = []
    for element in package.elements(workbook, ("sheet", "workbookPr")):
        if local(element.tag) == "sheet":
            rel_id = next((v for k, v in element.attrib.items() if local(k) == "id"), "")
            sheets.append((element.get("name", ""), rel_id, element.get("state", "visible")))
            if len(sheets) > limits.MAX_SHEETS:
                raise Refusal(texts.TOO_MANY.format(what="工作表", limit=limits.MAX_SHEETS))
        else:
            book.date1904 = element.get("date1904") in ("1", "true")
    return sheets


def _strings(package: Package, part: str) -> list[str]:
    strings: list[str] = []
    for element in package.elements(part, ("si",)):
        text = "".join(_runs(element))
        if len(text) > limits.MAX_CELL_CHARS:
            raise Refusal(texts.CELL_TOO_LONG.format(limit=limits.MAX_CELL_CHARS))
        strings.append(text)
        if len(strings) > limits.MAX_STRINGS:
            raise Refusal(texts.TOO_MANY.format(what="文字单元格", limit=limits.MAX_STRINGS))
    return strings


def _runs(element) -> list[str]:
    """The text of a string item: its <t> and its runs' <t>, without phonetic guides (<rPh>)."""
    found = []
    for child in element:
        tag = local(child.tag)
        if tag == "t":
            found.append(child.text or "")
        elif tag == "r":
            found.extend(t.text or "" for t in child if local(t.tag) == "t")
    return found


def _styles(package: Package, part: str) -> list[str]:
    custom: dict[int, str] = {}
    formats: list[str | None] = []
    for element in package.elements(part, ("numFmt", "xf")):
        if local(element.tag) == "numFmt":
            custom[_int(element.get("numFmtId"))] = element.get("formatCode", "")
        elif element.getparent() is not None and local(element.getparent().tag) == "cellXfs":
            formats.append(element.get("numFmtId"))
            if len(formats) > limits.MAX_STYLES:
                raise Refusal(texts.TOO_MANY.format(what="单元格格式", limit=limits.MAX_STYLES))
    return [format_code(_int(f) if f is not None else None, custom) for f in formats]


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _sheet(package: Package, part: str, name: str, book: _Book, kind: str = "sheet") -> Grid:
    grid = Grid(name, kind)
    book.keep_spaces = kind != "sheet"
    notes = {cell: exported.full_text(note, book.long_texts) for cell, note in _notes(package, part).items()}
    grid.cell_notes = notes
    merges: list[tuple[int, int, int, int]] = []
    row_number = 0
    for element in package.elements(part, ("row", "col", "mergeCell")):
        tag = local(element.tag)
        if tag == "row":
            row_number = _int(element.get("r")) or row_number + 1
            _row(grid, element, row_number, book, notes)
        elif tag == "col":
            if element.get("hidden") in ("1", "true"):
                low, high = _int(element.get("min")), _int(element.get("max"))
                grid.hidden_columns.update(range(low, min(high, low + 16384) + 1))
        else:
            merge = _range(element.get("ref", ""))
            if merge is not None:
                merges.append(merge)
    grid.merges = clip_merges(merges, grid)
    return grid


def clip_merges(merges: list[tuple[int, int, int, int]], grid: Grid) -> list[tuple[int, int, int, int]]:
    """Merged ranges cut to the rows and columns that hold cells; refused when they cover too much."""
    if not grid.cells:
        return []
    last_row = max(r for r, _ in grid.cells)
    last_col = max(c for _, c in grid.cells)
    clipped, area = [], 0
    for top, left, bottom, right in merges:
        if top > last_row or left > last_col:
            continue
        bottom, right = min(bottom, last_row), min(right, last_col)
        area += (bottom - top + 1) * (right - left + 1)
        if area > limits.MAX_MERGED_AREA:
            raise Refusal(texts.TOO_MANY.format(what="合并单元格", limit=limits.MAX_MERGED_AREA))
        clipped.append((top, left, bottom, right))
    return clipped


def _range(ref: str) -> tuple[int, int, int, int] | None:
    try:
        left, top, right, bottom = range_boundaries(ref)
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom) or (top, left) == (bottom, right):
        return None
    return top, left, bottom, right


def _row(grid: Grid, element, row: int, book: _Book, notes: dict) -> None:
    """The cells of one row (counted before parsing, see read_xlsx)."""
    if element.get("hidden") in ("1", "true"):
        grid.hidden_rows.add(row)
    col = 0
    for cell in element:
        if _local_is(cell.tag, "c"):
            col = _column(cell.get("r"), col + 1)
            decided, value = _noted(notes[(row, col)]) if notes and (row, col) in notes else (False, None)
            value, note = (value, None) if decided else _cell(cell, book)
            if value is not None and book.long_texts:
                value = _whole(value, book)
            grid.put(row, col, value)
            if note:
                grid.note(row, note.format(cell=cell.get("r") or f"{row}/{col}"))


def _local_is(tag, name: str) -> bool:
    """Whether an element's local name is `name` (fast: no string split per cell)."""
    return isinstance(tag, str) and tag.endswith(name) and (len(tag) == len(name) or tag[-len(name) - 1] in "}:")


_LETTERS = re.compile(r"[A-Za-z]{1,3}")


@lru_cache(maxsize=4096)
def _column_of(letters: str) -> int:
    return column_index_from_string(letters.upper())


def _column(ref: str | None, default: int) -> int:
    match = _LETTERS.match(ref) if ref else None
    return _column_of(match.group(0)) if match else default


def _cell(cell, book: _Book) -> tuple[GridCell | None, str | None]:
    kind = cell.get("t", "n")
    formula = stored = None
    inline = []
    for child in cell:
        tag = child.tag
        if _local_is(tag, "v"):
            stored = child.text
        elif _local_is(tag, "f"):
            formula = child.text or ""
        elif _local_is(tag, "is"):
            inline = _runs(child)
    style = _int(cell.get("s")) if cell.get("s") else -1
    code = book.styles[style] if 0 <= style < len(book.styles) else "General"
    value = _value(kind, stored, inline, code, book)
    if formula is None:
        return value, None
    if book.exported:
        return None, None  # perfdesk computed it: the importer computes it again
    if value is not None:
        return value, texts.FORMULA_CACHED
    if stored is None and not _COMPUTING.search(formula):
        return GridCell(f"={formula}"), texts.FORMULA_AS_TEXT
    return GridCell(f"={formula}", UNKNOWN), texts.FORMULA_NO_VALUE


def _value(kind: str, stored: str | None, inline: list[str], code: str, book: _Book) -> GridCell | None:
    if kind == "inlineStr":
        return _text("".join(inline), book.keep_spaces)
    if stored is None:
        return None
    if kind == "s":
        index = _int(stored)
        return _text(book.strings[index], book.keep_spaces) if 0 <= index < len(book.strings) else None
    if kind in ("str", "e"):
        return _text(stored)
    if kind == "b":
        return None  # TRUE/FALSE is no field of a table
    if kind == "d":
        return _iso_date(stored, code)
    number = exact(stored.strip())
    return None if number is None else number_cell(number, code, book.date1904)


def _text(text: str, keep_spaces: bool = False) -> GridCell | None:
    if not keep_spaces:
        text = text.strip()  # also strips U+3000 and no-break spaces
    if len(text) > limits.MAX_CELL_CHARS:
        raise Refusal(texts.CELL_TOO_LONG.format(limit=limits.MAX_CELL_CHARS))
    return GridCell(text) if text else None


def _iso_date(stored: str, code: str) -> GridCell | None:
    try:
        moment = dt.datetime.fromisoformat(stored.strip().rstrip("Z"))
    except ValueError:
        return _text(stored)
    return GridCell(render_date(moment, code if code != "General" else "yyyy/m/d"), DATE)


def _notes(package: Package, part: str) -> dict[tuple[int, int], str]:
    """Cell notes of a sheet (the comments part), by (row, column)."""
    notes = {}
    for kind, name in package.relationships(part).values():
        if kind != "comments" or name not in package.names:
            continue
        for element in package.elements(name, ("comment",)):
            try:
                letters, row = coordinate_from_string(element.get("ref", ""))
            except ValueError:
                continue
            text = "".join(t.text or "" for t in element.iter() if local(t.tag) == "t")
            notes[(row, column_index_from_string(letters))] = text
    return notes


def _noted(note: str) -> tuple[bool, GridCell | None]:
    """(decided?, cell) for a note perfdesk's export wrote: the printed value, or "computed" = empty.
    A manual score keeps its cell (the recognizer reads the score and the note together)."""
    marks = xlsx_notes.parse(note)
    if marks.manual:
        return False, None
    if marks.printed is not None:
        return True, _text(marks.printed)
    return (True, None) if marks.computed or texts.COMPUTED_NOTE in note else (False, None)


def _whole(cell: GridCell, book: _Book) -> GridCell:
    """A text the export moved to its 长文本 sheet, whole again."""
    whole = exported.full_text(cell.text, book.long_texts)
    return cell if whole is cell.text else GridCell(whole, cell.kind, cell.number)
