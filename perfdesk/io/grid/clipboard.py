"""What Excel, WPS and Word put on the clipboard, as a grid: text/html (a <table> with rowspan and
colspan, which keeps merged cells) when offered, else text/plain (tab-separated, quoted cells
holding line breaks)."""
from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

from perfdesk.io import texts
from perfdesk.io.grid import limits
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import Grid, GridCell

_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+")


def grid_from_clipboard(text: str | None, html: str | None = None) -> Grid:
    """The pasted cells; HTML wins when it holds a table."""
    if html and "<table" in html.lower():
        grid = grid_from_html(html)
        if grid.cells:
            return grid
    return grid_from_text(text or "")


def grid_from_text(text: str) -> Grid:
    grid = Grid(texts.CLIPBOARD_NAME, kind="clipboard")
    for r, cells in enumerate(csv.reader(io.StringIO(text.strip("\r\n")), delimiter="\t"), 1):
        _check(r, len(cells))
        grid.width = max(grid.width, len(cells))
        for c, value in enumerate(cells, 1):
            value = value.strip()
            grid.put(r, c, GridCell(value) if value else None)
    return grid


def grid_from_html(html: str) -> Grid:
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return parser.grid


def _check(rows: int, cells: int) -> None:
    if rows > limits.MAX_ROWS or cells > limits.MAX_CELLS:
        raise Refusal(texts.TOO_MANY.format(what="行" if rows > limits.MAX_ROWS else "单元格",
                                            limit=limits.MAX_ROWS if rows > limits.MAX_ROWS else limits.MAX_CELLS))


class _Tables(HTMLParser):
    """Cells of every <table> of the fragment, stacked; nested tables flatten into their cell."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.grid = Grid(texts.CLIPBOARD_NAME, kind="clipboard")
        self.row = 0
        self.taken: set[tuple[int, int]] = set()
        self.cell: dict | None = None
        self.depth = 0
        self.hidden_row = False
        self.count = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self.depth += 1
            if self.depth == 1 and self.row:
                self.row += 1  # a blank row between tables
        elif self.depth != 1:
            if self.cell is not None and tag in ("br", "p", "div", "tr"):
                self.cell["parts"].append("\n")
        elif tag == "tr":
            self.row += 1
            self.hidden_row = bool(_HIDDEN.search(attributes.get("style") or ""))
            if self.hidden_row:
                self.grid.hidden_rows.add(self.row)
            _check(self.row, self.count)
        elif tag in ("td", "th"):
            self.cell = {"parts": [], "rowspan": _span(attributes.get("rowspan")),
                         "colspan": _span(attributes.get("colspan")),
                         "hidden": bool(_HIDDEN.search(attributes.get("style") or ""))}
        elif self.cell is not None and tag in ("br", "p", "div"):
            self.cell["parts"].append("\n")

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            self._place(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["parts"].append(data)

    def _place(self, cell: dict) -> None:
        row = max(self.row, 1)
        col = 1
        while (row, col) in self.taken:
            col += 1
        rows, cols = cell["rowspan"], cell["colspan"]
        self.count += rows * cols  # grid cells covered, merged ones each counted
        _check(row, self.count)  # before they are marked: spans of 1000 × 1000 are each a million
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                self.taken.add((r, c))
        self.grid.width = max(self.grid.width, col + cols - 1)
        if cell["hidden"]:
            return
        lines = [_BLANKS.sub(" ", line).strip() for line in "".join(cell["parts"]).split("\n")]
        text = "\n".join(line for line in lines if line)
        self.grid.put(row, col, GridCell(text) if text else None)
        if rows > 1 or cols > 1:
            self.grid.merges.append((row, col, row + rows - 1, col + cols - 1))


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 1000)
    except ValueError:
        return 1
