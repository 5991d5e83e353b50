"""Page templates and the atomic write of a PDF.

Templates: FORM (the first page of a form: the whole frame), FORM_CONT (the pages after it: the
"（续）" line at the top, the frame below it; reached automatically after a FORM page) and BODY
(the 自评报告's text pages, GB/T 9704 margins).
"""
from __future__ import annotations

import io
from datetime import datetime
from functools import partial
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from perfdesk import atomic_write
from perfdesk.models import ownership
from perfdesk.reports.pdf.canvas import NumberedCanvas
from perfdesk.reports.pdf.styles import CONTINUED_HEIGHT, REPORT_MARGINS, TABLE_MARGIN, page_size
from perfdesk.reports.pdf.text import Typesetter
from perfdesk.reports.texts import ELLIPSIS

FORM, FORM_CONT, BODY = "form", "form-cont", "body"


def form_frame(landscape: bool, continued: bool = False) -> Frame:
    width, height = page_size(landscape)
    top = CONTINUED_HEIGHT if continued else 0
    return _frame(FORM_CONT if continued else FORM, TABLE_MARGIN, TABLE_MARGIN,
                  width - 2 * TABLE_MARGIN, height - 2 * TABLE_MARGIN - top)


def body_frame() -> Frame:
    width, height = page_size(False)
    m = REPORT_MARGINS
    return _frame(BODY, m["left"], m["bottom"], width - m["left"] - m["right"], height - m["top"] - m["bottom"])


def _frame(name: str, x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def _draw_continued(ts: Typesetter, landscape: bool, canvas, doc) -> None:
    """The "项目名称：…（续）" line of the form the page continues."""
    text = canvas.page_tag.continued
    if not text:
        return
    width, height = page_size(landscape)
    room = width - 2 * TABLE_MARGIN
    style = ts.styles["continued"]
    if ts.width(text, style.face, style.size) > room:  # one line: a very long name is cut short
        suffix = ELLIPSIS + text[text.rfind("（"):]
        left = room - ts.width(suffix, style.face, style.size)
        used, keep = 0.0, 0
        for keep, ch in enumerate(text):
            used += ts.width(ch, style.face, style.size)
            if used > left:
                break
        text = text[:keep] + suffix
    block = ts.text(text, "continued")
    block.wrap(room, CONTINUED_HEIGHT)
    block.drawOn(canvas, TABLE_MARGIN, height - TABLE_MARGIN - block.height)


def build_pdf(path: str | Path, story: list, ts: Typesetter, landscape: bool, title: str, first: str,
              created: datetime | None = None) -> int:
    """Lay out `story` (starting on page template `first`), write the PDF atomically, return pages.
    The metadata carry `title` and the creation date `created` (default: now)."""
    buffer = io.BytesIO()
    size = page_size(landscape)
    templates = [
        PageTemplate(FORM, [form_frame(landscape)], pagesize=size, autoNextPageTemplate=FORM_CONT),
        PageTemplate(FORM_CONT, [form_frame(landscape, True)], pagesize=size,
                     onPage=partial(_draw_continued, ts, landscape)),
        PageTemplate(BODY, [body_frame()], pagesize=page_size(False)),
    ]
    templates.sort(key=lambda t: t.id != first)
    doc = BaseDocTemplate(buffer, pagesize=size, pageTemplates=templates, invariant=1,
                          title=title, author="perfdesk", creator="perfdesk", subject=title,
                          initialFontName=ts.fonts.body.name)
    stamp = pdf_date(created or datetime.now().astimezone())
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer_font=ts.fonts.body.name, created=stamp))
    write_atomic(Path(path), buffer.getvalue())
    return doc.page


def pdf_date(moment: datetime) -> str:
    """A PDF date string, "D:20260325093000+08'00'" (no offset for a naive time)."""
    offset = moment.strftime("%z")
    return moment.strftime("D:%Y%m%d%H%M%S") + (f"{offset[:3]}'{offset[3:]}'" if offset else "")


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target, then rename over it: a reader never sees half a file.
    Raises WorkspaceError for a workspace file or its side files (ownership.refuse_export_target)."""
    ownership.refuse_export_target(path)
    atomic_write.write_bytes(path, data)
