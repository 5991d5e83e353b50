"""Word documents (.docx) as one grid: each paragraph a one-cell row, each table's rows below it,
cells placed on the table's grid columns with horizontal (gridSpan) and vertical (vMerge)
merges kept as merged ranges. Several tables stack like the tables of a sheet, with the
paragraphs between them (titles, （2022年度）, notes) as the lines around them.
"""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn

from perfdesk.io import texts
from perfdesk.io.grid import limits
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import Grid, GridCell
from perfdesk.io.grid.package import Package

_COUNTED = {"cells": re.compile(rb"<w:tc[ >/]"), "rows": re.compile(rb"<w:tr[ >/]")}
_LIMITS = {"cells": (limits.MAX_CELLS, "表格单元格"), "rows": (limits.MAX_ROWS, "表格行")}


def check_counts(path: Path) -> None:
    """Count table cells and rows in the document XML while it decompresses, before python-docx parses it."""
    with Package(path) as package:
        main = package.main_part() or "word/document.xml"
        package.count([main], _COUNTED, _LIMITS)
        package.read(main)  # refuses a DTD


def read_docx(path: Path) -> tuple[list[Grid], list[str]]:
    check_counts(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds on malformed parts
        raise Refusal(texts.UNREADABLE_DOCUMENT.format(reason=type(exc).__name__)) from None
    grid = Grid(texts.WORD_GRID_NAME, kind="document")
    row = 0
    tables = 0
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            text = _text(element)
            if text:
                row += 1
                grid.put(row, 1, GridCell(text))
        elif element.tag == qn("w:tbl"):
            tables += 1
            row = _table(grid, element, row) + 2  # two blank rows: what follows is not the table's
        if row > limits.MAX_ROWS:
            raise Refusal(texts.TOO_MANY.format(what="行", limit=limits.MAX_ROWS))
    notes = [] if tables else [texts.NO_WORD_TABLE]
    return [grid], notes


def _text(element) -> str:
    """The text of a paragraph or a cell: its paragraphs joined by line breaks."""
    paragraphs = element.iter(qn("w:p")) if element.tag != qn("w:p") else [element]
    lines = []
    for paragraph in paragraphs:
        parts = []
        for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
            parts.append(node.text or "" if node.tag == qn("w:t") else ("\t" if node.tag == qn("w:tab") else "\n"))
        lines.append("".join(parts))
    return "\n".join(lines).strip()


def _table(grid: Grid, table, row: int) -> int:
    open_merges: dict[int, list[int]] = {}  # column -> [top, left, bottom, right] of a vertical merge
    for tr in table.iterchildren(qn("w:tr")):
        row += 1
        col = 1 + _int(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"))
        for tc in tr.iterchildren(qn("w:tc")):
            props = tc.find(qn("w:tcPr"))
            span = max(1, _int(props.find(qn("w:gridSpan")) if props is not None else None))
            merge = props.find(qn("w:vMerge")) if props is not None else None
            state = None if merge is None else (merge.get(qn("w:val")) or "continue")
            if state == "continue" and col in open_merges:
                open_merges[col][2] = row
            else:
                _close(grid, open_merges.pop(col, None))
                text = _text(tc)
                grid.put(row, col, GridCell(text) if text else None)
                if state == "restart":
                    open_merges[col] = [row, col, row, col + span - 1]
                elif span > 1:
                    grid.merges.append((row, col, row, col + span - 1))
            col += span
        if row > limits.MAX_ROWS:
            raise Refusal(texts.TOO_MANY.format(what="行", limit=limits.MAX_ROWS))
    for merge in open_merges.values():
        _close(grid, merge)
    return row


def _close(grid: Grid, merge: list[int] | None) -> None:
    if merge is not None and (merge[0], merge[1]) != (merge[2], merge[3]):
        grid.merges.append(tuple(merge))


def _int(element) -> int:
    if element is None:
        return 0
    try:
        return int(element.get(qn("w:val")) or 0)
    except ValueError:
        return 0
