"""The signature block: "填报人：" and a line to sign on (the value, when known, printed on it),
in the official order, `per_row` to a line; the unit's seal last, with room to stamp."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from perfdesk.reports import texts
from perfdesk.reports.content import Signature, SignatureLine
from perfdesk.reports.pdf.text import Typesetter

LINE_WIDTH = 0.5
GAP = 4 * mm  # between one item's line and the next item's label
SEAL_ROOM = 12 * mm  # the stamp may overlap the lines above, as on paper forms
SPACE_BEFORE = 3 * mm


class SignLine(Flowable):
    """"label：" then the value set on a rule running to the right edge (less a gap)."""

    def __init__(self, ts: Typesetter, line: SignatureLine):
        super().__init__()
        self.label = ts.text(line.label if line.seal else texts.SIGN_LABEL.format(label=line.label), "sign")
        self.value = ts.text(line.value, "sign", align="center")
        self.seal = line.seal
        self.ts = ts

    def wrap(self, availWidth, availHeight):
        style = self.label.style
        label_width = min(self.ts.width(self.label.text, style.face, style.size) + 1, availWidth * 0.7)
        self._label_width = label_width
        _, label_height = self.label.wrap(label_width, availHeight)
        value_height = 0 if self.seal else self.value.wrap(max(availWidth - label_width - GAP, 10), availHeight)[1]
        self.width = availWidth
        self.height = max(label_height, value_height) + (SEAL_ROOM if self.seal else 0)
        return self.width, self.height

    def draw(self):
        top = self.height
        self.label.drawOn(self.canv, 0, top - self.label.height)
        if self.seal:
            return
        self.value.drawOn(self.canv, self._label_width, top - self.value.height)
        self.canv.setLineWidth(LINE_WIDTH)
        y = top - self.value.height + 2
        self.canv.line(self._label_width, y, self.width - GAP, y)


def signature_table(ts: Typesetter, sign: Signature, width: float, per_row: int) -> Table | None:
    """The block as a borderless table; None when the workspace prints no signature lines."""
    rows = sign.rows(per_row)
    if not rows:
        return None
    data = [[SignLine(ts, line) if line else "" for line in row] + [""] * (per_row - len(row)) for row in rows]
    table = Table(data, colWidths=[width / per_row] * per_row,
                  style=[("FONTNAME", (0, 0), (-1, -1), ts.fonts.body.name), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                         ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    table.spaceBefore = SPACE_BEFORE
    return table
