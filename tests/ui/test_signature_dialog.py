"""设置 > 签字栏…: switch lines off and rename them with the mouse and keyboard; the PDF follows."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from perfdesk.ui import file_dialogs

from perfdesk.scoring.signature import DEFAULT_SIGNATURE
from perfdesk.ui import pdf_export
from perfdesk.ui.main_window import MainWindow
from perfdesk.ui.pdf_options import PdfOptionsDialog
from perfdesk.ui.signature_dialog import SignatureDialog
from tests.reports.helpers import flat, page_texts
from tests.ui.helpers import workspace_with


def type_text(widget, text: str) -> None:
    """Key presses carrying Chinese text (qtbot.keyClicks aborts on non-ASCII text)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def test_signature_lines_set_in_the_dialog_print_in_the_pdf(qtbot, tmp_path, monkeypatch):
    ws = workspace_with(tmp_path, "002_01_yiyao_zhaocai_jijin_jianguan_jingfei.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def drive(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        box = dialog.shown["reviewer"]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        edit = dialog.labels["head"]
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        type_text(edit, "分管领导")
        qtbot.keyClick(edit, Qt.Key.Key_Return)  # the default button: 确定
        return dialog.result()

    monkeypatch.setattr(SignatureDialog, "exec", drive)
    menu = next(a for a in window.menuBar().actions() if a.text() == "设置(&S)").menu()
    next(a for a in menu.actions() if a.text() == "签字栏…").trigger()
    block = ws.signature_block()
    assert [(i.key, i.label) for i in block.shown()] == [
        ("preparer", "填报人"), ("phone", "联系电话"), ("head", "分管领导"), ("finance_head", "财务负责人"),
        ("date", "填报日期"), ("seal", "单位（盖章）")]

    target = tmp_path / "t.pdf"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    monkeypatch.setattr(PdfOptionsDialog, "exec", lambda self: True)
    monkeypatch.setattr(pdf_export, "offer_preview", lambda parent, result: None)
    window.actions.export_pdf("table", "current", "自评表（当前评价表）…")
    text = flat("".join(page_texts(target)))
    assert "分管领导：" in text and "审核人" not in text and "单位负责人" not in text

    window.document.undo_stack.undo()  # one undo step restores the official block
    assert ws.signature_block() == DEFAULT_SIGNATURE
    window.close()


def test_signature_setting_shape_is_checked():
    import pytest

    from perfdesk.scoring.signature import SignatureBlock
    stored = {"items": [{"key": "seal", "label": "", "shown": False}, {"key": "preparer", "label": "填表人"}]}
    block = SignatureBlock.from_dict(stored)
    assert [i.key for i in block.items][:2] == ["preparer", "phone"]  # the official order, whatever is stored
    assert block.items[0].label == "填表人" and block.items[-1] == block.items[-1].__class__("seal", "单位（盖章）", False)
    assert SignatureBlock.from_dict(block.to_dict()) == block
    for bad in ({"items": [{"key": "boss"}]}, {"items": "x"}, [], {"items": [{"key": "phone", "shown": "no"}]}):
        with pytest.raises(ValueError):
            SignatureBlock.from_dict(bad)
