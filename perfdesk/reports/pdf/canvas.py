"""Two-pass page furniture: pages are held until the document ends, then each gets its footer —
"第 X 页 共 Y 页" (counted within its group) and the fingerprint of the content it shows, or the
GB/T 9704 "— n —" of the 自评报告 — and continuation pages get their "（续）" line.

A `Marker` placed in the story tags the page it lands on (and the pages after it).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from perfdesk.reports import page as paper
from perfdesk.reports import texts

FOOTER_SIZE = 9
FOOTER_Y = 8 * mm
GB_NUMBER_SIZE = 14  # 4号
COUNT, GB = "count", "gb"


@dataclass(frozen=True)
class PageTag:
    group: str = ""  # pages are numbered within a run of equal groups
    code: str = ""  # fingerprint in the footer
    continued: str = ""  # "项目名称：…（续）" on the pages after the first of a form
    footer: str = COUNT  # COUNT: 第 X 页 共 Y 页; GB: — n —


class Marker(Flowable):
    """Zero-size flowable: tags the current page; calls `on_draw` once it is placed."""

    def __init__(self, tag: PageTag, on_draw: Callable[[], None] | None = None):
        super().__init__()
        self.tag = tag
        self.on_draw = on_draw

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv.page_tag = self.tag
        if self.on_draw:
            self.on_draw()


class NumberedCanvas(Canvas):
    def __init__(self, *args, footer_font: str, created: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.footer_font = footer_font
        self.page_tag = PageTag()
        self._held: list[dict] = []
        if created:
            self.setDateFormatter(lambda *_: created)

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        held = self._held
        numbers = page_numbers([state["page_tag"].group for state in held])
        for state, (number, pages) in zip(held, numbers):
            self.__dict__.update(state)
            self._footer(number, pages, state["page_tag"])
            Canvas.showPage(self)
        Canvas.save(self)

    def _footer(self, number: int, pages: int, tag: PageTag) -> None:
        width = self._pagesize[0]
        if tag.footer == GB:
            # a form page's table runs down to the margin: its number goes below it
            self._gb_number(number, width, tag.code, FOOTER_Y if tag.continued else None)
            return
        self.setFont(self.footer_font, FOOTER_SIZE)
        self.drawCentredString(width / 2, FOOTER_Y, texts.PAGE_OF.format(page=number, pages=pages))
        if tag.code:
            self.drawRightString(width - 15 * mm, FOOTER_Y, texts.FINGERPRINT.format(code=tag.code))

    def _gb_number(self, number: int, width: float, code: str, y: float | None) -> None:
        """GB/T 9704 §7.5: "— n —" 7 mm under the text block, odd pages at the right and even
        pages at the left, one character in from the edge of the text block; the fingerprint
        small at the other side."""
        margins = paper.REPORT_MARGINS_MM
        if y is None:
            y = (margins["bottom"] - paper.PAGE_NUMBER_GAP_MM) * mm - GB_NUMBER_SIZE
        left, right = margins["left"] * mm + GB_NUMBER_SIZE, width - margins["right"] * mm - GB_NUMBER_SIZE
        label, mark = texts.GB_PAGE.format(page=number), texts.FINGERPRINT.format(code=code)
        self.setFont(self.footer_font, GB_NUMBER_SIZE)
        (self.drawRightString if number % 2 else self.drawString)(right if number % 2 else left, y, label)
        if code:
            self.setFont(self.footer_font, FOOTER_SIZE)
            (self.drawString if number % 2 else self.drawRightString)(left if number % 2 else right, y, mark)


def page_numbers(groups: list[str]) -> list[tuple[int, int]]:
    """(page within its run of equal groups, pages in that run) for each page."""
    numbers = []
    for _, run in groupby(groups):
        count = len(list(run))
        numbers += [(i + 1, count) for i in range(count)]
    return numbers
