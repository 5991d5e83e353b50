"""Print look of an exported sheet: borders, wrapping, fonts, column widths and A4 page setup."""
from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

_THIN = Side(style="thin")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
TITLE_FONT = Font(name="宋体", size=16, bold=True)
BODY_FONT = Font(name="宋体", size=10)
LABEL_FONT = Font(name="宋体", size=10, bold=True)
CHARS_PER_WIDTH_UNIT = 0.55  # CJK characters per unit of Excel column width, roughly
LINE_HEIGHT = 14


def frame(ws, first_row: int, last_row: int, width: int) -> None:
    """Border and wrap every cell of the table body (before merging, so merged areas keep borders)."""
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=width):
        for cell in row:
            cell.border = BORDER
            cell.alignment = WRAP
            if not cell.font.bold:
                cell.font = BODY_FONT


def widths(ws, columns: list[float]) -> None:
    for index, width in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def fit_height(ws, row: int, text: str | None, width: float) -> None:
    """Make a row tall enough for a long wrapped text in a cell `width` units wide."""
    if not text:
        return
    per_line = max(int(width * CHARS_PER_WIDTH_UNIT), 1)
    lines = sum(len(part) // per_line + 1 for part in text.split("\n"))
    current = ws.row_dimensions[row].height or LINE_HEIGHT
    ws.row_dimensions[row].height = min(409, max(current, lines * LINE_HEIGHT))


def a4(ws, width: int, last_row: int, title_rows: str | None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if width > 9 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_area = f"A1:{get_column_letter(width)}{last_row}"
    if title_rows:
        ws.print_title_rows = title_rows
