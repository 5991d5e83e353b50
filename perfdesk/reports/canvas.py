"""Two-pass page numbering: pages are held until the document ends, then each gets its footer
"第 X 页 共 Y 页" (counted within its group) and the fingerprint of the content it shows.

A `Marker` placed in the story tags the page it lands on (and the pages after it) with a group
and a fingerprint, and reports progress when it is drawn.
"""
from __future__ import annotations

from itertools import groupby
from typing import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from perfdesk.reports import texts

FOOTER_SIZE = 9
FOOTER_Y = 8 * mm


class Marker(Flowable):
    """Zero-size flowable: tags the current page; calls `on_draw` once it is placed."""

    def __init__(self, group: str, fingerprint: str, on_draw: Callable[[], None] | None = None):
        super().__init__()
        self.tag = (group, fingerprint)
        self.on_draw = on_draw

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv.page_tag = self.tag
        if self.on_draw:
            self.on_draw()


class NumberedCanvas(Canvas):
    def __init__(self, *args, footer_font: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.footer_font = footer_font
        self.page_tag = ("", "")
        self._held: list[dict] = []

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        held = self._held
        numbers = page_numbers([state["page_tag"][0] for state in held])
        for state, (page, pages) in zip(held, numbers):
            self.__dict__.update(state)
            self._footer(page, pages, state["page_tag"][1])
            Canvas.showPage(self)
        Canvas.save(self)

    def _footer(self, page: int, pages: int, fingerprint: str) -> None:
        width = self._pagesize[0]
        self.setFont(self.footer_font, FOOTER_SIZE)
        self.drawCentredString(width / 2, FOOTER_Y, texts.PAGE_OF.format(page=page, pages=pages))
        if fingerprint:
            self.drawRightString(width - 15 * mm, FOOTER_Y, texts.FINGERPRINT.format(code=fingerprint))


def page_numbers(groups: list[str]) -> list[tuple[int, int]]:
    """(page within its run of equal groups, pages in that run) for each page."""
    numbers = []
    for _, run in groupby(groups):
        count = len(list(run))
        numbers += [(i + 1, count) for i in range(count)]
    return numbers
