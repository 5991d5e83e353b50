"""Content (reports.content) set as reportlab flowables, following the page rules."""
from __future__ import annotations

from functools import partial
from typing import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, NextPageTemplate, PageBreak, Spacer

from perfdesk.reports import page
from perfdesk.reports.content import Block, Form, Part, Report, Signature, Text
from perfdesk.reports.pdf.canvas import COUNT, GB, Marker, PageTag
from perfdesk.reports.pdf.document import BODY, FORM, body_frame, form_frame
from perfdesk.reports.pdf.signature import signature_table
from perfdesk.reports.pdf.tables import PagedTable, fit_columns, table_spec
from perfdesk.reports.pdf.text import Typesetter

Progress = Callable[[int, int], None]
CLOSING_SPACE = 2  # blank body lines between the text and the closing unit/date


class Renderer:
    def __init__(self, ts: Typesetter, landscape: bool, progress: Progress | None = None):
        self.ts = ts
        self.landscape = landscape
        self.progress = progress
        self.scale = page.width_scale(landscape)
        self.width = form_frame(landscape).width
        self.page_height = form_frame(landscape, True).height  # the shortest frame a table part starts on

    # -- parts ----------------------------------------------------------------------------
    def widths(self, block: Block, also: Sequence[Block] = ()) -> list[float]:
        """Column widths in points: `block`'s, fitted to its cells and to those of `also`."""
        return fit_columns(self.ts, block, [w * mm * self.scale for w in block.widths], also)

    def block(self, block: Block, tail: Sequence = (), widths: list[float] | None = None) -> PagedTable:
        spec, rows = table_spec(self.ts, block, widths or self.widths(block))
        return PagedTable(spec, rows, self.page_height, tail)

    def text(self, text: Text):
        return self.ts.text(text.text, text.style)

    def part(self, part: Part, aligned: Block | None = None, widths: list[float] | None = None) -> list:
        """A tail part; a block laid out on the same columns as `aligned` takes its `widths`."""
        if isinstance(part, Block):
            same = aligned is not None and part.widths == aligned.widths
            return [self.block(part, widths=widths if same else None)]
        if isinstance(part, Signature):
            table = signature_table(self.ts, part, self.width, 4 if self.landscape else part.per_row)
            return [table] if table is not None else []
        return [self.text(part)]

    # -- forms ----------------------------------------------------------------------------
    def form(self, form: Form, tag: PageTag, on_draw=None) -> list:
        """One form from the top of a page: its pages after the first carry `form.continued`."""
        # the 总分 row keeps the columns of the table above it, so its figures size them too
        aligned = [p for p in form.tail if isinstance(p, Block) and p.widths == form.table.widths]
        widths = self.widths(form.table, aligned)
        tail = [f for part in form.tail for f in self.part(part, form.table, widths)]
        return [
            Marker(tag, on_draw), *(self.text(t) for t in form.title),
            *(self.block(b) for b in form.body),
            self.block(form.table, tail, widths),
        ]

    def forms(self, forms: Sequence[Form], group: str | None = None, footer: str = COUNT,
              progress: bool = True) -> list:
        """Every form from a new page; pages are numbered per form unless they share `group`;
        `progress(done, total)` is told as each form is placed."""
        story = []
        for i, form in enumerate(forms):
            if i:
                story += [NextPageTemplate(FORM), PageBreak()]
            report = partial(self.progress, i + 1, len(forms)) if self.progress and progress else None
            tag = PageTag(group or f"form-{i}", form.code, form.continued, footer)
            story += self.form(form, tag, report)
        return story

    # -- 自评报告 ----------------------------------------------------------------------------
    def report(self, report: Report) -> list:
        from perfdesk.reports.pdf.charts import bar_chart  # reportlab.graphics: only reports draw charts
        tag = PageTag("report", report.code, "", GB)
        story = [Marker(tag), self.ts.text(report.title, "report_title")]
        chart_width = body_frame().width
        for section in report.sections:
            story.append(self.ts.text(section.heading, "h1"))
            story += [self.text(p) for p in section.paragraphs]
            for chart in section.charts:
                story += [Spacer(1, 6), bar_chart(self.ts.fonts, chart, chart_width)]
            if section.chart_note:
                story.append(self.ts.text(section.chart_note, "note"))
        # the unit and date close the text: never on a page of their own
        leading = self.ts.styles["closing"].leading
        closing = [Spacer(1, leading * CLOSING_SPACE), *(self.ts.text(line, "closing") for line in report.closing)]
        story.append(KeepTogether([story.pop(), *closing]))
        for number, appendix in enumerate(report.appendices):
            story += [NextPageTemplate(FORM), PageBreak()]
            forms = self.forms(appendix.forms, "report", GB, progress=number == len(report.appendices) - 1)
            story += forms[:1] + [self.ts.text(appendix.caption, "caption")] + forms[1:]
        return story


FIRST_TEMPLATE = {"table": FORM, "summary": FORM, "report": BODY}
