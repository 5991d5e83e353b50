"""Others' edits of a server workspace appear in the open window within about a second, and a
lost connection is said plainly (and said again when it is back).

The workspace is polled for evaluations whose version changed (models.Workspace.changes). The
evaluation on screen is not reloaded under a field being typed in: the edit then meets the
newer version and is refused with who changed what, so nothing is overwritten unseen.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit

from perfdesk.models import WorkspaceError
from perfdesk.ui import texts

INTERVAL_MS = 1000
EVERYTHING = None


class LiveUpdates(QObject):
    def __init__(self, window, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.window = window
        self.lost = False
        self._pending: set[int] | None = set()
        window.ws.changes()  # the state shown now is the baseline
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        window = self.window
        try:
            changed = window.ws.changes()
        except WorkspaceError as exc:
            if not self.lost:
                self.lost = True
                window.show_connection_problem(texts.CONNECTION_LOST.format(error=exc))
            return
        if self.lost:
            self.lost = False
            window.show_connection_restored(texts.CONNECTION_BACK)
            changed = EVERYTHING
        if changed is EVERYTHING or self._pending is EVERYTHING:
            self._pending = EVERYTHING
        else:
            self._pending |= changed
        if self._pending is EVERYTHING or self._pending:
            if self._typing():
                return  # after the typing is committed (or refused)
            pending, self._pending = self._pending, set()
            window.show_remote_changes(pending)

    def _typing(self) -> bool:
        focus = QApplication.focusWidget()
        editor = self.window.editor
        if focus is None or editor is None or not editor.isAncestorOf(focus):
            return False
        if isinstance(focus, QLineEdit):
            return focus.isModified()
        if isinstance(focus, QPlainTextEdit):
            return focus.document().isModified()
        return isinstance(focus, QAbstractSpinBox)

    def stop(self) -> None:
        self.timer.stop()
