"""Page geometry in points, the text styles of every content style name, and the table grid."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm

from perfdesk.reports import page
from perfdesk.reports.pdf.fonts import FontSet
from perfdesk.reports.pdf.text import TextStyle
from perfdesk.reports.texts import LABEL_WORDS, TITLE_WORDS

TABLE_MARGIN = page.TABLE_MARGIN_MM * mm
REPORT_MARGINS = {side: value * mm for side, value in page.REPORT_MARGINS_MM.items()}
GRID = 0.6
LINE = colors.black
PADDING = dict(left=3.0, right=3.0, top=2.5, bottom=3.0)
CONTINUED_HEIGHT = 7 * mm  # the "项目名称：…（续）" line on continuation pages


def page_size(landscape: bool) -> tuple[float, float]:
    width, height = page.paper_mm(landscape)
    return width * mm, height * mm


def make_styles(fonts: FontSet) -> dict[str, TextStyle]:
    body, head = fonts.body.name, fonts.heading.name

    def style(font, size, leading, align="left", **kw):
        return TextStyle(font, size, leading, align, **kw)

    return {
        "title": style(head, 17, 24, "center", words=TITLE_WORDS, balance=True),
        "subtitle": style(body, 11, 16, "center", space_after=4),
        "cell": style(body, 10, 13),
        "center": style(body, 10, 13, "center", words=LABEL_WORDS),
        "number": style(body, 10, 13, "right", fit=True),
        "head": style(head, 9.5, 12.5, "center", words=LABEL_WORDS),
        "small": style(body, 9, 12),
        "small_center": style(body, 9, 12, "center"),
        "small_number": style(body, 9, 12, "right", fit=True),
        "small_head": style(head, 8.5, 11, "center", words=LABEL_WORDS),
        "sign": style(body, 11, 15),
        "continued": style(body, 10, 13),
        "note": style(body, 9, 12),
        # 自评报告 (GB/T 9704-2012 §7: title 2号 = 22 pt; body 3号 = 16 pt, 22 lines of 28 characters)
        "report_title": style(head, 22, 34, "center", space_after=18, words=TITLE_WORDS, balance=True),
        "h1": style(head, 16, 28.9, keep_with_next=True),
        "h2": style(fonts.kai.name, 16, 28.9, indent=32, keep_with_next=True),
        "body": style(body, 16, 28.9, "justify", indent=32),
        "closing": style(body, 16, 28.9, "right"),
        "caption": style(head, 12, 18, "center", keep_with_next=True, space_after=6),
    }


def grid(font: str, extra=()) -> list:
    """Table commands common to every official form: full grid, cells top-aligned. Naming the
    font also for blank cells keeps reportlab's default Helvetica (never embedded) out of the PDF."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), GRID, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING["left"]),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING["right"]),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING["top"]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING["bottom"]),
        *extra,
    ]
