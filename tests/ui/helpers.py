from pathlib import Path

from perfdesk.io import exchange
from perfdesk.models import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


def workspace_with(tmp_path, *names) -> Workspace:
    ws = Workspace.create(tmp_path / "ui.perfdesk")
    for name in names:
        ws.import_evaluations(exchange.loads((FIXTURES / name).read_text(encoding="utf-8")))
    return ws


def answer_next_message_box(button=None) -> dict:
    """Click `button` (Yes by default) in the next message box with the mouse, as the user would.
    Returns a dict that receives the box's title and text."""
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    chosen = button or QMessageBox.StandardButton.Yes
    seen: dict = {}

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.update(title=box.windowTitle(), text=box.text())
        QTest.mouseClick(box.button(chosen), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen
