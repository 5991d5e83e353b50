"""The 导入Excel preview lists every table found and returns only the ticked ones."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from perfdesk.io.reader import read_file
from perfdesk.ui.xlsx_import_dialog import XlsxImportDialog
from tests.io.xlsx_helpers import WORKBOOKS


def test_preview_lists_tables_and_returns_the_ticked_ones(qtbot):
    result = read_file(WORKBOOKS / "linshui_2021.xlsx")
    dialog = XlsxImportDialog(result, "linshui_2021.xlsx")
    qtbot.addWidget(dialog)
    tree = dialog.tree
    assert tree.topLevelItemCount() == 6
    first = tree.topLevelItem(0)
    assert [first.text(i) for i in range(5)] == ["项目绩效目标完成情况表", "2021", "2021年城乡居民医疗保险参保县级匹配资金项目", "3", "4"]
    assert first.child(0).text(0).startswith("工作表“Sheet”第 1–17 行")
    assert dialog.chosen() == list(result.evaluations)
    for i in range(1, 6):
        tree.topLevelItem(i).setCheckState(0, Qt.Unchecked)
    assert dialog.chosen() == [result.evaluations[0]]
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert ok.isEnabled()
    first.setCheckState(0, Qt.Unchecked)
    assert not ok.isEnabled() and dialog.chosen() == []


def test_ok_accepts_and_cancel_returns_nothing(qtbot, monkeypatch):
    monkeypatch.setattr(XlsxImportDialog, "exec", lambda self: XlsxImportDialog.Rejected)
    assert XlsxImportDialog.ask(WORKBOOKS / "yangpu_transfer.xlsx") == []
    monkeypatch.setattr(XlsxImportDialog, "exec", lambda self: XlsxImportDialog.Accepted)
    chosen = XlsxImportDialog.ask(WORKBOOKS / "yangpu_transfer.xlsx")
    assert [e.form for e in chosen] == ["transfer_payment_self_eval"]
