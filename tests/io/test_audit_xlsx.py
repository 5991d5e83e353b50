"""审计记录 exported to Excel: the filter line, the headers, every entry as text."""
from __future__ import annotations

import stat

from openpyxl import load_workbook

from perfdesk.io.audit_xlsx import write_audit_xlsx
from perfdesk.models.audit_trail import AuditEntry


def _entry(n: int, new: str = "30次") -> AuditEntry:
    return AuditEntry(n, f"2026-03-{n:02d}T09:30:00", "王芳", 1, "城乡医疗救助", "修改实际完成值",
                      "指标“全年医疗救助拨付批次”：实际完成值", "34次", new)


def test_entries_with_the_filter_line_and_typed_text_kept_as_text(tmp_path):
    path = tmp_path / "审计记录.xlsx"
    write_audit_xlsx(path, [_entry(2), _entry(1, new="=SUM(A1:A9)\x07")], "用户：王芳")
    sheet = load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "审计记录（用户：王芳）"
    assert rows[1] == ["时间", "用户", "评价表", "操作", "修改对象", "原值", "新值"]
    assert rows[2] == ["2026-03-02 09:30:00", "王芳", "城乡医疗救助", "修改实际完成值",
                       "指标“全年医疗救助拨付批次”：实际完成值", "34次", "30次"]
    formula = sheet.cell(row=4, column=7)
    assert formula.value == "=SUM(A1:A9)" and formula.data_type == "s"  # never a formula
    assert sheet.freeze_panes == "A3"
    assert stat.S_IMODE(path.stat().st_mode) & 0o044  # an ordinary file, readable like any other
