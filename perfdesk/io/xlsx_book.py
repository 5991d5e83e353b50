"""Writing an exported workbook with XlsxWriter: the one place where cells reach the file.

Rules kept here, for every sheet the exporter writes:
- every text is a string cell: never a formula, a link or a number, whatever it starts with; a
  text starting with = + - @ also carries Excel's quote prefix, so editing it keeps it text;
- a formula is built by the exporter from cell references, numbers and fixed words only (never
  from user text; sheets are referred to by generated names) and always stores its value;
- characters XML cannot carry (lone surrogates, U+FFFE, U+FFFF) become U+FFFD; other control
  characters are escaped the OOXML way (_xHHHH_) by XlsxWriter;
- a text longer than a cell holds (32,767 UTF-16 units) keeps its beginning in the cell with a
  visible note, and is written in full, in parts, on the 长文本 sheet;
- a number a float cannot hold exactly is written as text (the reader reads it back exactly).

Rows and columns are 1-based here, as Excel shows them. A sheet is modelled first and rendered
when the book is closed, so styles (borders, number formats) can be combined per cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from perfdesk.io import texts
from perfdesk.io import xlsx_style as style
from perfdesk.io.grid.numfmt import plain
from perfdesk.scoring.evaluation import Cell

CELL_LIMIT = 32767  # UTF-16 code units Excel keeps in one cell
PART_LIMIT = 32000  # per part on the 长文本 sheet
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@")
_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "nan_inf_to_errors": True}


def ref(row: int, col: int, absolute: bool = False) -> str:
    """"D7" for row 7, column 4 ("$D$7" when absolute)."""
    return xl_rowcol_to_cell(row - 1, col - 1, absolute, absolute)


def span(first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    return f"{ref(first_row, first_col)}:{ref(last_row, last_col)}"


def on_sheet(sheet: str, cells: str) -> str:
    """A reference on another sheet; `sheet` is always a generated name, never user text."""
    return f"'{sheet}'!{cells}"


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_head(text: str, units: int) -> str:
    """The longest beginning of `text` within `units` UTF-16 code units."""
    count = 0
    for index, ch in enumerate(text):
        count += 2 if ord(ch) > 0xFFFF else 1
        if count > units:
            return text[:index]
    return text


def utf16_parts(text: str, units: int) -> list[str]:
    parts = []
    while text:
        head = utf16_head(text, units)
        parts.append(head)
        text = text[len(head):]
    return parts


def exact_float(value: Decimal) -> float | None:
    """The float that holds `value` exactly, or None."""
    try:
        as_float = float(value)
    except (OverflowError, ValueError):
        return None
    if as_float != as_float or as_float in (float("inf"), float("-inf")) or Decimal(repr(as_float)) != value:
        return None
    return as_float


@dataclass
class Entry:
    kind: str  # text / number / formula / blank
    value: object = None
    cached: object = None
    style: dict = field(default_factory=dict)


class Sheet:
    """One sheet being modelled: cells, notes, merges, framed areas, sizes and page set-up."""

    def __init__(self, book: "Book", name: str):
        self.book, self.name = book, name
        self.cells: dict[tuple[int, int], Entry] = {}
        self.notes: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.frames: list[tuple[int, int, int, int]] = []
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self.setup: dict = {}

    # cells ------------------------------------------------------------------------------
    def text(self, row: int, col: int, value: str | None, **look) -> None:
        """A text cell (user text or a fixed label); None leaves the cell blank."""
        if value is None:
            self.cells[(row, col)] = Entry("blank", style=look)
            return
        text = self._fit(row, col, xml_safe(str(value)))
        if text.startswith(_FORMULA_START):
            look = {**look, "quote_prefix": True}
        self.cells[(row, col)] = Entry("text", text, style=look)

    def number(self, row: int, col: int, value: Decimal, **look) -> None:
        as_float = exact_float(value)
        if as_float is None:
            self.text(row, col, plain(value), **look)
        else:
            self.cells[(row, col)] = Entry("number", as_float, style=look)

    def value(self, row: int, col: int, value: Cell, **look) -> None:
        """A cell of a numeric column: numbers as numbers, marks such as "—" as text."""
        if isinstance(value, Decimal):
            self.number(row, col, value, **look)
        else:
            self.text(row, col, value, **look)

    def formula(self, row: int, col: int, formula: str, cached, **look) -> str:
        """A formula with its stored value (a Decimal, a text, or None for blank); returns its cell."""
        if isinstance(cached, Decimal):
            stored = exact_float(cached)
            stored = float(cached) if stored is None else stored
        else:
            stored = "" if cached is None else xml_safe(str(cached))
        self.cells[(row, col)] = Entry("formula", formula, stored, look)
        return ref(row, col)

    def note(self, row: int, col: int, text: str | None) -> None:
        if text:
            self.notes[(row, col)] = self._fit(row, col, xml_safe(text), note=True)

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        if (first_row, first_col) != (last_row, last_col):
            self.merges.append((first_row, first_col, last_row, last_col))

    def frame(self, first_row: int, last_row: int, first_col: int, last_col: int) -> None:
        """Borders and wrapping for every cell of the area, written or blank."""
        self.frames.append((first_row, last_row, first_col, last_col))

    def fit_height(self, row: int, text: str | None, width: float) -> None:
        """Make a row tall enough for a long wrapped text in a cell `width` units wide."""
        if not text:
            return
        per_line = max(int(width * style.CHARS_PER_WIDTH_UNIT), 1)
        lines = sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))
        self.heights[row] = min(style.MAX_ROW_HEIGHT, max(self.heights.get(row, style.LINE_HEIGHT), lines * style.LINE_HEIGHT))

    def _fit(self, row: int, col: int, text: str, note: bool = False) -> str:
        if utf16_len(text) <= CELL_LIMIT:
            return text
        number = self.book.long_text(f"{self.name}!{ref(row, col)}", text, note)
        tail = (texts.LONG_NOTE_TAIL if note else texts.LONG_CELL_TAIL).format(
            length=len(text), sheet=texts.LONG_TEXT_SHEET, number=number)
        return utf16_head(text, CELL_LIMIT - utf16_len(tail)) + tail

    # rendering ----------------------------------------------------------------------------
    def render(self, ws) -> None:
        framed = {(r, c) for r1, r2, c1, c2 in self.frames for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for key in framed - set(self.cells):
            self.cells[key] = Entry("blank")
        looks = {key: {**(style.FRAME if key in framed else style.BODY), **entry.style} for key, entry in self.cells.items()}
        for first_row, first_col, last_row, last_col in self.merges:
            ws.merge_range(first_row - 1, first_col - 1, last_row - 1, last_col - 1, "",
                           self.book.format(looks.get((first_row, first_col), style.BODY)))
        for (row, col), entry in sorted(self.cells.items()):
            self._write(ws, row - 1, col - 1, entry, self.book.format(looks[(row, col)]))
        for (row, col), text in self.notes.items():
            ws.write_comment(row - 1, col - 1, text, {"author": texts.NOTE_AUTHOR, "x_scale": 2, "y_scale": 1.5})
        for col, width in self.widths.items():
            ws.set_column(col - 1, col - 1, width)
        for row, height in self.heights.items():
            ws.set_row(row - 1, height)
        style.page(ws, **self.setup)

    @staticmethod
    def _write(ws, row: int, col: int, entry: Entry, look) -> None:
        if entry.kind == "text":
            ws.write_string(row, col, entry.value, look)
        elif entry.kind == "number":
            ws.write_number(row, col, entry.value, look)
        elif entry.kind == "formula":
            ws.write_formula(row, col, entry.value, look, entry.cached)
        else:
            ws.write_blank(row, col, None, look)


@dataclass
class LongText:
    where: str  # generated sheet name and cell
    text: str
    note: bool


class Book:
    """The workbook being written: sheets in order, shared formats, the 长文本 sheet."""

    def __init__(self):
        self.buffer = BytesIO()
        self.workbook = xlsxwriter.Workbook(self.buffer, _OPTIONS)
        self.sheets: list[Sheet] = []
        self.long_texts: list[LongText] = []
        self._formats: dict = {}

    def sheet(self, name: str) -> Sheet:
        sheet = Sheet(self, name)
        self.sheets.append(sheet)
        return sheet

    def format(self, look: dict):
        key = tuple(sorted(look.items()))
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format(dict(look))
        return self._formats[key]

    def long_text(self, where: str, text: str, note: bool) -> int:
        self.long_texts.append(LongText(where, text, note))
        return len(self.long_texts)

    def close(self) -> bytes:
        """Render every sheet (and the 长文本 sheet when needed) and return the file's bytes."""
        for sheet in self.sheets:
            sheet.render(self.workbook.add_worksheet(sheet.name))
        if self.long_texts:
            self._long_sheet().render(self.workbook.add_worksheet(texts.LONG_TEXT_SHEET))
        self.workbook.set_custom_property(texts.EXPORT_MARK, texts.EXPORT_MARK_VALUE)
        self.workbook.close()
        return self.buffer.getvalue()

    def _long_sheet(self) -> Sheet:
        sheet = Sheet(self, texts.LONG_TEXT_SHEET)
        sheet.text(1, 1, texts.LONG_TEXT_TITLE, **style.TITLE)
        for col, label in enumerate(texts.LONG_TEXT_HEADER, 1):
            sheet.text(2, col, label, **style.LABEL)
        row = 3
        for number, item in enumerate(self.long_texts, 1):
            for index, part in enumerate(utf16_parts(item.text, PART_LIMIT), 1):
                sheet.number(row, 1, Decimal(number))
                sheet.text(row, 2, item.where)
                sheet.number(row, 3, Decimal(index))
                sheet.text(row, 4, part, **style.LEFT)  # parts are short enough: no recursion
                row += 1
        sheet.frame(2, row - 1, 1, 4)
        sheet.widths = {1: 6, 2: 16, 3: 6, 4: 100}
        return sheet
