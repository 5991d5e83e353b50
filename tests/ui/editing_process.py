"""An editing perfdesk window in its own process, driven line by line on stdin (a test kills it).

    python editing_process.py WORKSPACE

Commands (one per line); each answers one line on stdout once done:
    edit TEXT   set the first indicator's 实际完成值 to TEXT through the window's document
                -> "edited TEXT" (acknowledged: the window took it) or "refused MESSAGE"
    dialog      press Ctrl+O on the window; when Qt's file dialog has listed the workspace's
                folder (every entry's icon and type asked for, as the view does when it
                paints), press Esc on it -> "dialog LISTED_NAMES" (those the filter shows)
    peek        open the workspace file with Python's open(), read it, close it -> "peeked"

Only APIs that exist in every version of the window are used, so the same script shows the
behaviour of older code too.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel  # noqa: E402

from perfdesk.models import Workspace  # noqa: E402
from perfdesk.models.commands import SetField  # noqa: E402
from perfdesk.ui.app import make_application  # noqa: E402
from perfdesk.ui.main_window import MainWindow  # noqa: E402


def _wait(predicate, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


def _names(model, root) -> list[str]:
    return [model.fileName(model.index(row, 0, root)) for row in range(model.rowCount(root))]


def _list_then_escape(workspace: Path, listed: list[str]) -> None:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    if not dialogs:
        QTimer.singleShot(20, lambda: _list_then_escape(workspace, listed))
        return
    dialog = dialogs[-1]
    model = dialog.findChild(QFileSystemModel)
    dialog.setDirectory(str(workspace.parent))
    root = model.index(str(workspace.parent))
    _wait(lambda: workspace.name in _names(model, root))
    for row in range(model.rowCount(root)):
        index = model.index(row, 0, root)
        listed.append(model.fileName(index))
        model.data(index, Qt.ItemDataRole.DecorationRole)  # what the view asks when it paints
        model.type(index)
    # The dialog fetches icons and types on its own thread: give it time to do so.
    _wait(lambda: False, 1.5)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


def main() -> None:
    path = Path(sys.argv[1])
    make_application()
    ws = Workspace.open(path)
    window = MainWindow(ws)
    window.show()
    QCoreApplication.processEvents()
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.rstrip("\n").partition(" ")
        if command == "edit":
            leaf = next(window.ws.evaluations()[0].leaves())
            if window.document.execute(SetField("indicator", leaf.id, "actual", argument)):
                print(f"edited {argument}", flush=True)
            else:
                print(f"refused {window.banner.text()}", flush=True)
        elif command == "dialog":
            listed: list[str] = []
            QTimer.singleShot(0, lambda: _list_then_escape(path, listed))
            QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
            print("dialog " + " ".join(sorted(listed)), flush=True)
        elif command == "peek":
            with open(path, "rb") as handle:
                handle.read()
            print("peeked", flush=True)


if __name__ == "__main__":
    main()
