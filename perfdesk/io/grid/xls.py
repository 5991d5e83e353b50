"""Excel 97-2003 workbooks (BIFF8 .xls, and WPS .et files saved in that format) as grids, with xlrd.

Before xlrd parses anything, the workbook stream's records are walked once (4 bytes of header
each) to count cells, rows, merged ranges and strings, so a hostile file is refused unread.
"""
from __future__ import annotations

import struct
from pathlib import Path

import xlrd
from xlrd.compdoc import CompDoc, CompDocError

from perfdesk.io import texts
from perfdesk.io.grid import limits
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import Grid, GridCell
from perfdesk.io.grid.numfmt import ZH_CN_FORMATS, exact, number_cell
from perfdesk.io.grid.xlsx import clip_merges

# BIFF record types that hold cells; MULRK and MULBLANK hold several.
_CELLS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0006, 0x0201, 0x0205, 0x00D6}
_MULRK, _MULBLANK, _ROW, _MERGED, _SST = 0x00BD, 0x00BE, 0x0208, 0x00E5, 0x00FC
_EMPTY = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)


class _Quiet:
    def write(self, _text: str) -> None:  # xlrd reports oddities of the file here
        pass


def workbook_stream(data: bytes) -> bytes | None:
    """The BIFF workbook stream of an OLE2 file, or None when the file holds no workbook."""
    try:
        doc = CompDoc(data, logfile=_Quiet())
        for name in ("Workbook", "Book"):
            stream = doc.get_named_stream(name)
            if stream is not None:
                return stream
    except (CompDocError, IndexError, struct.error, ValueError, MemoryError):
        raise Refusal(texts.BROKEN_OLE2) from None
    return None


def ole_streams(data: bytes) -> set[str]:
    try:
        doc = CompDoc(data, logfile=_Quiet())
    except (CompDocError, IndexError, struct.error, ValueError, MemoryError):
        raise Refusal(texts.BROKEN_OLE2) from None
    return {entry.name for entry in doc.dirlist}


def check_counts(stream: bytes) -> None:
    cells = rows = merges = 0
    position, end = 0, len(stream)
    while position + 4 <= end:
        code, length = struct.unpack_from("<HH", stream, position)
        body = position + 4
        if code in _CELLS:
            cells += 1
        elif code == _MULRK:
            cells += max(0, (length - 6) // 6)
        elif code == _MULBLANK:
            cells += max(0, (length - 6) // 2)
        elif code == _ROW:
            rows += 1
        elif code == _MERGED and length >= 2:
            merges += struct.unpack_from("<H", stream, body)[0]
        elif code == _SST and length >= 8 and struct.unpack_from("<I", stream, body + 4)[0] > limits.MAX_STRINGS:
            raise Refusal(texts.TOO_MANY.format(what="文字单元格", limit=limits.MAX_STRINGS))
        for count, limit, what in ((cells, limits.MAX_CELLS, "单元格"), (rows, limits.MAX_ROWS, "行"),
                                   (merges, limits.MAX_MERGES, "合并单元格")):
            if count > limit:
                raise Refusal(texts.TOO_MANY.format(what=what, limit=limit))
        position = body + length


def read_xls(path: Path, data: bytes | None = None) -> tuple[list[Grid], list[str]]:
    data = path.read_bytes() if data is None else data
    stream = workbook_stream(data)
    if stream is None:
        raise Refusal(texts.NO_WORKBOOK_PART)
    check_counts(stream)
    try:
        # ragged rows: a row holds its own cells only, not every column of the widest row
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, ragged_rows=True, logfile=_Quiet())
    except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds on malformed records
        raise Refusal(texts.UNREADABLE_WORKBOOK.format(reason=type(exc).__name__)) from None
    grids, notes = [], []
    for sheet in book.sheets():
        if sheet.visibility:
            notes.append(texts.SHEET_HIDDEN.format(sheet=sheet.name))
        else:
            grids.append(_grid(book, sheet))
    return grids, notes


def _grid(book, sheet) -> Grid:
    grid = Grid(sheet.name)
    for r in range(sheet.nrows):
        for c, kind in enumerate(sheet.row_types(r)):
            if kind not in _EMPTY:
                grid.put(r + 1, c + 1, _cell(book, sheet, r, c))
    merges = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
    grid.merges = clip_merges([m for m in merges if (m[0], m[1]) != (m[2], m[3])], grid)
    grid.hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
    grid.hidden_columns = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}
    return grid


def _cell(book, sheet, r: int, c: int) -> GridCell | None:
    cell = sheet.cell(r, c)
    if cell.ctype == xlrd.XL_CELL_TEXT:
        text = cell.value.strip()
        return GridCell(text) if text else None
    if cell.ctype in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
        number = exact(repr(float(cell.value)))
        return None if number is None else number_cell(number, _format(book, sheet, r, c), book.datemode == 1)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return GridCell(xlrd.error_text_from_code.get(cell.value, "#ERROR"))
    return None


def _format(book, sheet, r: int, c: int) -> str:
    key = book.xf_list[sheet.cell_xf_index(r, c)].format_key
    if key in ZH_CN_FORMATS:
        return ZH_CN_FORMATS[key]
    found = book.format_map.get(key)
    return found.format_str if found is not None else "General"


