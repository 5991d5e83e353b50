"""Print look of an exported sheet (XlsxWriter format properties) and its A4 page set-up."""
from __future__ import annotations

from decimal import Decimal

from xlsxwriter.utility import xl_col_to_name

FONT = {"font_name": "宋体"}
BODY = {**FONT, "font_size": 10, "valign": "vcenter"}
TITLE = {**FONT, "font_size": 16, "bold": True, "align": "center", "valign": "vcenter"}
SUBTITLE = {**BODY, "align": "center"}
LABEL = {"bold": True}
LEFT = {"align": "left"}
FRAME = {**BODY, "border": 1, "text_wrap": True, "align": "center"}
NOTE = {**BODY, "text_wrap": True, "align": "left", "font_size": 9}

RATE = {"num_format": "0.00"}
SCORE = {"num_format": "0.00"}
COUNT = {"num_format": "0"}
CHARS_PER_WIDTH_UNIT = 0.55  # CJK characters per unit of Excel column width, roughly
LINE_HEIGHT = 14
MAX_ROW_HEIGHT = 409


def money(value: Decimal | None) -> dict:
    """Thousands separators and at least two decimals (more when the amount has them)."""
    places = 2
    if isinstance(value, Decimal) and value.is_finite():
        places = max(2, -value.normalize().as_tuple().exponent)
    return {"num_format": "#,##0." + "0" * min(places, 10)}


def page(ws, width: int = 0, last_row: int = 0, title_rows: tuple[int, int] | None = None,
         landscape: bool | None = None) -> None:
    """A4, fitted to one page wide, centred, with the title rows repeated on every page."""
    ws.set_paper(9)
    if landscape if landscape is not None else width > 9:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5)
    if width and last_row:
        ws.print_area(f"A1:{xl_col_to_name(width - 1)}{last_row}")
    if title_rows:
        ws.repeat_rows(title_rows[0] - 1, title_rows[1] - 1)
