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


def when_modal(kind, act) -> list:
    """Run `act(dialog)` once a modal dialog of class `kind` is up (the test's code after the
    click that opens it runs only when it closes). If `act` fails or leaves the dialog open, the
    dialog is rejected and the problem is printed and returned in the list (raising inside Qt's
    event loop would abort the process), so the test's own checks then fail."""
    import traceback

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    problems: list = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except Exception:  # noqa: BLE001 - reported, see above
            problems.append(traceback.format_exc())
        if dialog.isVisible() and QApplication.activeModalWidget() is dialog:
            problems.append(f"{kind.__name__} stayed open")
            dialog.reject()
        for problem in problems:
            print(problem)

    QTimer.singleShot(0, poll)
    return problems


def type_into(widget, text: str) -> None:
    """Key presses carrying `text`, one character each, sent to `widget` (any script)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else 0
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, char))


FINAL_MESSAGE = "该评价表已定稿，请先解除定稿再修改"


def column_numbers() -> dict[str, int]:
    """The indicator tree's column of each field key."""
    from perfdesk.ui.indicator_model import COLUMNS
    return {key: n for n, (key, _label) in enumerate(COLUMNS)}


def demo_window(open_window):
    from perfdesk.io import demo
    return open_window(Workspace.open(demo.default_workspace()))


def at(model, *rows, column=0):
    """The index of a tree row by its row numbers from the top (at(model, 0, 1, 2)), at `column`."""
    from PySide6.QtCore import QModelIndex
    index = QModelIndex()
    for row in rows:
        index = model.index(row, 0, index)
    return index.siblingAtColumn(column)


def stored(window):
    """The stored snapshot of the open evaluation (what the file says, not what the UI says)."""
    return window.ws.evaluation(window.evaluation.id)
