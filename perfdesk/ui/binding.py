"""Binding plain input widgets to one stored field: each finished edit is one command.

Line edits commit when editing finishes; multi-line texts commit after a pause in typing and
when they lose focus, and one stint of typing is one undo step.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from perfdesk.models import WorkspaceError
from perfdesk.models.commands import SetField

TYPING_PAUSE_MS = 700


class FieldBinding(QObject):
    """Keeps one widget and one field of the current row in step."""

    def __init__(self, document, widget, table: str, field: str, label: str, make_command=None):
        super().__init__(widget)
        self.document = document
        self.widget = widget
        self.label = label
        self.make_command = make_command or (lambda row_id, value: SetField(table, row_id, field, value))
        self.row_id: int | None = None
        self._session = None
        self._stored = ""
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(self.commit)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _i: self.commit())
        elif isinstance(widget, QPlainTextEdit):
            self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
            self._timer.timeout.connect(self.commit)
            widget.textChanged.connect(self._typed)
            widget.installEventFilter(self)

    # -- widget <-> value ----------------------------------------------------------------
    def _current(self) -> str:
        w = self.widget
        if isinstance(w, QComboBox):
            data = w.currentData()
            return data if data is not None else w.currentText()
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def show(self, row_id: int | None, value, editable: bool = True) -> None:
        """Show a stored value; leaves the widget alone when it already says the same."""
        self.row_id = row_id
        text = "" if value is None else str(value)
        self._stored = text
        w = self.widget
        w.setEnabled(row_id is not None)
        if isinstance(w, QComboBox):
            at = w.findData(text)
            w.setCurrentIndex(at if at >= 0 else w.findText(text))
            w.setEnabled(row_id is not None and editable)
            return
        if w.isReadOnly() == editable:
            w.setReadOnly(not editable)
            w.style().unpolish(w)  # the style sheet greys read-only fields: apply it again
            w.style().polish(w)
        if self._current() != text:
            blocked = w.blockSignals(True)
            w.setPlainText(text) if isinstance(w, QPlainTextEdit) else w.setText(text)
            w.blockSignals(blocked)

    def _typed(self) -> None:
        if self._session is None:
            self._session = object()
        self._timer.start()

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
            self._session = None
        return False

    def commit(self) -> None:
        if self.row_id is None or self._current() == self._stored:
            return
        value = self._current().strip() if not isinstance(self.widget, QPlainTextEdit) else self._current()
        stored = self._stored
        try:
            command = self.make_command(self.row_id, value or None)
        except WorkspaceError as exc:
            self.document.failed.emit(str(exc))
            self.show(self.row_id, stored)  # put the stored value back
            return
        self._stored = self._current()
        if not self.document.execute(command, f"修改{self.label}", self._session):
            self.show(self.row_id, stored)
