"""审计记录 for print: the filtered audit trail as one landscape form (reports.content), set by the
PDF renderer with the page rules every form follows (head row and “（续）” line on each page).

    result = write_audit_pdf("审计记录.pdf", entries, "评价表：2022 城乡医疗救助")
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from perfdesk.models.audit_trail import AuditEntry
from perfdesk.reports import PdfResult
from perfdesk.reports.content import Block, Cell, Form, Row, Text

TITLE = "审计记录"
CONTINUED = "审计记录（续）"
HEADERS = ("时间", "用户", "评价表", "操作", "修改对象", "原值", "新值")
WIDTHS = (22, 15, 26, 20, 33, 32, 32)  # mm on a portrait page (sum 180), widened to the landscape page
COUNT = "{scope}；共 {count} 条"


def audit_form(entries: list[AuditEntry], scope: str) -> Form:
    """The entries as shown (newest first), `scope` (the filter in words) under the title."""
    head = Row(tuple(Cell(h, "small_head") for h in HEADERS))
    rows = tuple(Row(tuple(Cell(text, "small") for text in _cells(e))) for e in entries)
    return Form(title=(Text(TITLE, "title"), Text(COUNT.format(scope=scope, count=len(entries)), "subtitle")),
                continued=CONTINUED, body=(), table=Block(WIDTHS, rows, head=(head,)), name=TITLE)


def write_audit_pdf(path: str | Path, entries: list[AuditEntry], scope: str,
                    created: datetime | None = None) -> PdfResult:
    """Write the PDF; raises OSError when the file cannot be written."""
    from perfdesk.reports.pdf.document import build_pdf
    from perfdesk.reports.pdf.fonts import font_set
    from perfdesk.reports.pdf.story import FIRST_TEMPLATE, Renderer
    from perfdesk.reports.pdf.styles import make_styles
    from perfdesk.reports.pdf.text import Typesetter

    fonts = font_set(None)
    ts = Typesetter(fonts, make_styles(fonts))
    story = Renderer(ts, landscape=True).forms([audit_form(entries, scope)])
    pages = build_pdf(path, story, ts, True, TITLE, FIRST_TEMPLATE["table"], created)
    return PdfResult(Path(path), pages, tuple(sorted(ts.missing)))


def _cells(entry: AuditEntry) -> tuple[str, ...]:
    return (entry.at.replace("T", " "), entry.actor, entry.evaluation, entry.action, entry.what,
            entry.old, entry.new)
