"""A block of cells on the clipboard, as Excel/WPS write and read it: TSV text plus an HTML table."""
from __future__ import annotations

import csv
import html
import io

from PySide6.QtCore import QMimeData

MAX_CELLS = 100_000  # a pasted block larger than this is refused rather than frozen on


def block_mime(rows: list[list[str]]) -> QMimeData:
    """TSV (cells with tabs, quotes or line breaks quoted, as Excel does) and an HTML table."""
    text = io.StringIO()
    csv.writer(text, delimiter="\t", lineterminator="\r\n").writerows(rows)
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c).replace(chr(10), '<br>')}</td>" for c in row) + "</tr>"
        for row in rows)
    mime = QMimeData()
    mime.setText(text.getvalue())
    mime.setHtml(f"<table>{cells}</table>")
    return mime


def read_block(text: str) -> list[list[str]]:
    """Rows of cells from copied TSV; blank cells are kept (they clear the cell they land on).
    Trailing empty lines (Excel ends a copy with one) are dropped."""
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n").rstrip("\n")), delimiter="\t"))
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return [[c.strip().strip("\u3000") for c in row] for row in rows]


def too_large(rows: list[list[str]]) -> bool:
    return sum(len(r) for r in rows) > MAX_CELLS
