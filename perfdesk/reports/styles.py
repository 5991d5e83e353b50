"""Page geometry, paragraph styles and the table grid, for a given font set."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape as turned
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from perfdesk.reports.fonts import FontSet

TABLE_MARGIN = 15 * mm
# GB/T 9704-2012: top 37 mm, left 28 mm, text block 156 × 225 mm
REPORT_MARGINS = dict(top=37 * mm, left=28 * mm, right=(210 - 28 - 156) * mm, bottom=(297 - 37 - 225) * mm)
PORTRAIT_WIDTH_MM = 180  # A4 width less the table margins: the unit column widths are given in
GRID = 0.6
LINE = colors.black


def page_size(landscape: bool) -> tuple[float, float]:
    return turned(A4) if landscape else A4


def width_scale(landscape: bool) -> float:
    """Factor from portrait column widths (mm, summing to 180) to this orientation."""
    return (page_size(landscape)[0] - 2 * TABLE_MARGIN) / (PORTRAIT_WIDTH_MM * mm)


def make_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    body, head = fonts.body.name, fonts.heading.name

    def style(name, font, size, leading, align=TA_LEFT, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, alignment=align,
                              wordWrap="CJK", **kw)

    return {
        "title": style("title", head, 17, 24, TA_CENTER),
        "subtitle": style("subtitle", body, 11, 16, TA_CENTER, spaceAfter=4),
        "cell": style("cell", body, 10, 13),
        "center": style("center", body, 10, 13, TA_CENTER),
        "number": style("number", body, 10, 13, TA_RIGHT),
        "head": style("head", head, 9.5, 12.5, TA_CENTER),
        "small": style("small", body, 9, 12),
        "small_center": style("small_center", body, 9, 12, TA_CENTER),
        "small_number": style("small_number", body, 9, 12, TA_RIGHT),
        "small_head": style("small_head", head, 8.5, 11, TA_CENTER),
        "sign": style("sign", body, 11, 16),
        "report_title": style("report_title", head, 22, 34, TA_CENTER, spaceAfter=18),
        "h1": style("h1", head, 16, 28.9, spaceBefore=6, keepWithNext=1),
        "body": style("body", body, 16, 28.9, TA_JUSTIFY, firstLineIndent=32),
        "caption": style("caption", head, 12, 18, TA_CENTER, keepWithNext=1),
        "note": style("note", body, 9, 12),
    }


def grid(font: str, extra=()) -> list:
    """Table commands common to every official form: full grid, cells top-aligned. Naming the
    font also for blank cells keeps reportlab's default Helvetica (never embedded) out of the PDF."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), GRID, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ]
