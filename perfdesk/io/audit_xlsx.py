"""审计记录 as an Excel workbook: one sheet, a title line with the filter, one row per event.

Every value is written as text (a user's typed text never becomes a formula).
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from perfdesk.io.files import write_bytes_atomically
from perfdesk.models.audit_trail import AuditEntry

SHEET = "审计记录"
HEADERS = ("时间", "用户", "评价表", "操作", "修改对象", "原值", "新值")
WIDTHS = (20, 12, 24, 18, 36, 30, 30)
MAX_CELL = 32767  # Excel's limit for one cell


def write_audit_xlsx(path: str | Path, entries: list[AuditEntry], scope: str) -> None:
    from openpyxl import Workbook  # only when exporting
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([_text(f"{SHEET}（{scope}）")])
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for entry in entries:
        sheet.append([_text(v) for v in (entry.at.replace("T", " "), entry.actor, entry.evaluation, entry.action,
                                         entry.what, entry.old, entry.new)])
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + n)].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:G{max(sheet.max_row, 2)}"
    buffer = BytesIO()
    book.save(buffer)
    write_bytes_atomically(Path(path), buffer.getvalue())


def _text(value: str | None) -> str:
    """Plain text, as typed: never a formula, cut to what one Excel cell can hold."""
    text = "" if value is None else str(value)
    text = "".join(c for c in text if c in "\t\n" or ord(c) >= 32)  # control characters break xlsx
    return text[:MAX_CELL]
