"""Paper and margins, in millimetres, shared by the PDF and the Word documents."""
from __future__ import annotations

A4_MM = (210.0, 297.0)
TABLE_MARGIN_MM = 15.0  # every side of a form page
PORTRAIT_WIDTH_MM = A4_MM[0] - 2 * TABLE_MARGIN_MM  # the unit column widths are given in (180)
# GB/T 9704-2012 §5.2.1: top margin 37 mm, left 28 mm, text block 156 × 225 mm.
REPORT_MARGINS_MM = dict(top=37.0, left=28.0, right=A4_MM[0] - 28.0 - 156.0, bottom=A4_MM[1] - 37.0 - 225.0)
# GB/T 9704-2012 §7.5: the page number sits 7 mm below the text block.
PAGE_NUMBER_GAP_MM = 7.0


def paper_mm(landscape: bool) -> tuple[float, float]:
    width, height = A4_MM
    return (height, width) if landscape else (width, height)


def width_scale(landscape: bool) -> float:
    """Factor from portrait column widths (mm, summing to 180) to this orientation."""
    return (paper_mm(landscape)[0] - 2 * TABLE_MARGIN_MM) / PORTRAIT_WIDTH_MM
