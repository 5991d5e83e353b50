"""The Excel/WPS keyboard model, one implementation for every grid (指标树, 资金, 资金管理情况).

    Tab / Shift+Tab      right / left over editable cells, wrapping to the next / previous row
    Enter / Shift+Enter  down / up in the same column, skipping cells that cannot be edited;
                         after a run of Tabs, Enter goes to the column where the run started
    typing               starts editing the selected cell and replaces its content
    F2, double-click     edit in place (caret at the end)
    Delete               clears the selected cells (one undo step); Backspace clears and edits
    arrows, Esc          move; cancel an edit
    Ctrl+C / Ctrl+X      the selected block as TSV and HTML (Ctrl+X then clears it)
    Ctrl+V               a block pasted into the selected cells (one value fills a selection)

A view mixes `SpreadsheetKeys` in before its Qt base and calls `setup_spreadsheet()`. Its model
offers `document`, `cell_command(index, text)` (a workspace command, None when unchanged; raises
WorkspaceError on bad input), `refusal(index)` (why a cell cannot be edited, in Chinese) and
`append_commands(last_index, rows)` (new rows for a pasted block longer than the table).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit, QStyledItemDelegate, QTreeView

from perfdesk.models import WorkspaceError
from perfdesk.ui import texts
from perfdesk.ui.grid_clipboard import block_mime, read_block, too_large

Trigger = QAbstractItemView.EditTrigger
Hint = QAbstractItemDelegate.EndEditHint
_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
                    Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_RETURN_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class CellDelegate(QStyledItemDelegate):
    """The default line editors, noting how an edit ended so the view knows where to go next."""

    def __init__(self, view):
        super().__init__(view)
        self._view = view

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in _RETURN_KEYS:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._view._enter_step = -1 if shift else 1  # the commit itself is queued by Qt
        return super().eventFilter(editor, event)


class SpreadsheetKeys:
    """Mixed into a QTreeView or QTableView subclass (listed first among the bases)."""

    def setup_spreadsheet(self) -> None:
        self.setTabKeyNavigation(True)  # Tab reaches keyPressEvent instead of leaving the view
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(Trigger.DoubleClicked | Trigger.EditKeyPressed | Trigger.AnyKeyPressed)
        self.setItemDelegate(CellDelegate(self))
        self._enter_step = 0  # set by the delegate when Enter ends an edit
        self._tab_origin: int | None = None  # the column a run of Tabs started from
        self._navigating = False

    # -- cells, rows and columns in the order they are shown --------------------------------
    def cell_editable(self, index: QModelIndex) -> bool:
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)

    def shown_columns(self) -> list[int]:
        header = self.header() if isinstance(self, QTreeView) else self.horizontalHeader()
        model = self.model()
        count = model.columnCount() if model is not None else 0
        logical = [header.logicalIndex(v) for v in range(count)]
        return [c for c in logical if not header.isSectionHidden(c)]

    def row_step(self, index: QModelIndex, step: int) -> QModelIndex:
        """The cell in the same column `step` (±1) shown rows away, or an invalid index."""
        if isinstance(self, QTreeView):
            return self.indexBelow(index) if step > 0 else self.indexAbove(index)
        row = index.row() + step
        return index.sibling(row, index.column()) if 0 <= row < self.model().rowCount() else QModelIndex()

    def shown_rows(self) -> list[QModelIndex]:
        """Column-0 indexes of every shown row, top to bottom."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return []
        rows, index = [], model.index(0, 0)
        while index.isValid():
            rows.append(index)
            index = self.row_step(index, 1)
        return rows

    def next_cell(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """The next editable cell to the right (left), wrapping to the next (previous) row."""
        columns = self.shown_columns()
        if not index.isValid() or index.column() not in columns:
            return QModelIndex()
        order = columns if forward else columns[::-1]
        after = order[order.index(index.column()) + 1:]
        row = index
        while row.isValid():
            for column in after:
                candidate = row.siblingAtColumn(column)
                if self.cell_editable(candidate):
                    return candidate
            row, after = self.row_step(row, 1 if forward else -1), order
        return QModelIndex()

    def vertical_cell(self, index: QModelIndex, step: int) -> QModelIndex:
        """The nearest editable cell in the same column, `step` (±1) direction."""
        row = self.row_step(index, step)
        while row.isValid():
            if self.cell_editable(row):
                return row
            row = self.row_step(row, step)
        return QModelIndex()

    def go_to(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self._navigating = True
        try:
            self.setCurrentIndex(index)
            self.scrollTo(index)
        finally:
            self._navigating = False

    def currentChanged(self, current, previous):
        super().currentChanged(current, previous)
        if not self._navigating:
            self._tab_origin = None  # a click or an arrow ends a run of Tabs

    # -- moving ------------------------------------------------------------------------------
    def move_tab(self, forward: bool) -> None:
        current = self.currentIndex()
        if self._tab_origin is None:
            self._tab_origin = current.column()
        origin = self._tab_origin
        self.go_to(self.next_cell(current, forward))
        self._tab_origin = origin

    def move_enter(self, step: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        column = current.column() if self._tab_origin is None else self._tab_origin
        self._tab_origin = None
        self.go_to(self.vertical_cell(current.siblingAtColumn(column), step))

    # -- keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        current = self.currentIndex()
        if self.state() == QAbstractItemView.State.EditingState and key in _RETURN_KEYS:
            event.accept()  # the editor's Enter arrives here too: the delegate's commit moves
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy_cells()
        if event.matches(QKeySequence.StandardKey.Cut):
            self.copy_cells()
            return self.clear_cells()
        if event.matches(QKeySequence.StandardKey.Paste):
            return self.paste_clipboard()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
            event.accept()
            return self.move_tab(key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier)
        if key in _RETURN_KEYS and plain:
            event.accept()
            return self.move_enter(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
        if key == Qt.Key.Key_Delete and not mods:
            return self.clear_cells()
        if key in (Qt.Key.Key_F2, Qt.Key.Key_Backspace) and not mods:
            if not self.cell_editable(current):
                return self.refuse(current)
            if self.edit(current, Trigger.EditKeyPressed, event) and key == Qt.Key.Key_Backspace:
                editor = self.indexWidget(current)
                if isinstance(editor, QLineEdit):
                    editor.clear()
            return
        if plain and event.text() and event.text().isprintable() and not self.cell_editable(current):
            return self.refuse(current)
        super().keyPressEvent(event)

    def edit(self, index, trigger=Trigger.AllEditTriggers, event=None):
        opened = super().edit(index, trigger, event)
        if opened and trigger in (Trigger.EditKeyPressed, Trigger.DoubleClicked):
            editor = self.indexWidget(index)
            if isinstance(editor, QLineEdit):  # in place: keep the text, caret at the end
                editor.deselect()
                editor.end(False)
        return opened

    def closeEditor(self, editor, hint):
        step, self._enter_step = self._enter_step, 0
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            return self.move_tab(hint == Hint.EditNextItem)
        if hint == Hint.SubmitModelCache and step:
            super().closeEditor(editor, Hint.NoHint)
            return self.move_enter(step)
        super().closeEditor(editor, hint)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        if not self.currentIndex().isValid():
            rows = self.shown_rows()
            first = rows[0] if rows else QModelIndex()
            self.go_to(first if self.cell_editable(first) else self.next_cell(first, True))

    def commit_open_editor(self) -> None:
        """Store what is being typed before a toolbar action changes the rows under it."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            super().closeEditor(editor, Hint.NoHint)

    def refuse(self, index: QModelIndex) -> None:
        """Say why a cell cannot be changed (locked, read-only, a total…)."""
        model = self.model()
        message = model.refusal(index) if index.isValid() else None
        if message:
            model.document.failed.emit(message)

    # -- selection as a block ---------------------------------------------------------------
    def selected_cells(self) -> list[QModelIndex]:
        """Selected cells in reading order (rows as shown, then columns as shown)."""
        indexes = [i for i in self.selectedIndexes() if i.isValid()]
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        rank = {_row_key(r): n for n, r in enumerate(self.shown_rows())}
        columns = {c: n for n, c in enumerate(self.shown_columns())}
        shown = [i for i in indexes if _row_key(i) in rank and i.column() in columns]
        return sorted(shown, key=lambda i: (rank[_row_key(i)], columns[i.column()]))

    def copy_cells(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        cells = [i for i in cells if self.rows_like(cells[0], i)]  # as a paste would land them
        rows = {_row_key(i): i for i in cells}
        order = [k for k in dict.fromkeys(_row_key(i) for i in cells)]
        columns = [c for c in self.shown_columns() if any(i.column() == c for i in cells)]
        chosen = {(_row_key(i), i.column()) for i in cells}
        block = [[(rows[k].siblingAtColumn(c).data() or "") if (k, c) in chosen else "" for c in columns]
                 for k in order]
        QGuiApplication.clipboard().setMimeData(block_mime([[str(v) for v in row] for row in block]))

    def clear_cells(self) -> None:
        cells = self.selected_cells()
        locked = [i for i in cells if not self.cell_editable(i)]
        model, commands, problem = self.model(), [], None
        for index in cells:
            if index in locked:
                continue
            try:
                command = model.cell_command(index, "")
            except WorkspaceError as exc:  # a name cannot be blank: the other cells still clear
                problem = problem or str(exc)
                continue
            if command is not None:
                commands.append(command)
        if commands:
            model.document.execute_all(commands, texts.CLEAR_CELLS)
        elif locked:
            self.refuse(locked[0])
        elif problem:
            model.document.failed.emit(problem)

    # -- paste -------------------------------------------------------------------------------
    def paste_clipboard(self) -> None:
        self.paste_block(QGuiApplication.clipboard().text())

    def rows_like(self, first: QModelIndex, other: QModelIndex) -> bool:
        """Whether a pasted block may run on from row `first` into row `other`."""
        return True

    def paste_block(self, text: str) -> None:
        model = self.model()
        block = read_block(text)
        if not block or not any(any(c for c in row) for row in block):
            return model.document.failed.emit(texts.NOTHING_TO_PASTE)
        if too_large(block):
            return model.document.failed.emit(texts.PASTE_TOO_LARGE)
        cells = self.selected_cells()
        if not cells:
            return
        start = cells[0]
        if len(block) == 1 and len(block[0]) == 1 and len(cells) > 1:
            targets = [(i, block[0][0]) for i in cells]  # one value fills the selection
            extra: list[dict] = []
        else:
            targets, extra = self._block_targets(start, block)
        editable = [(i, t) for i, t in targets if self.cell_editable(i)]
        if not editable and not extra:
            return self.refuse(targets[0][0] if targets else start)
        try:
            commands = [c for c in (model.cell_command(i, t) for i, t in editable) if c is not None]
            last = targets[-1][0] if targets else start
            commands += model.append_commands(last, extra) if extra else []
        except WorkspaceError as exc:
            return model.document.failed.emit(str(exc))
        # a pasted row count may reset the model: keep the targets as persistent indexes
        landed = [QPersistentModelIndex(i) for i, _t in targets]
        if commands:
            model.document.execute_all(commands, texts.PASTE_CELLS)
        self._select([QModelIndex(p) for p in landed if p.isValid()])

    def _block_targets(self, start: QModelIndex, block: list[list[str]]):
        columns = self.shown_columns()
        columns = columns[columns.index(start.column()):]
        rows, row = [], start
        while row.isValid() and len(rows) < len(block):
            if self.rows_like(start, row):
                rows.append(row)
            row = self.row_step(row, 1)
        targets = [(r.siblingAtColumn(c), text) for r, values in zip(rows, block)
                   for c, text in zip(columns, values)]
        keys = [self.model().column_key(c) for c in columns]
        extra = [{k: t for k, t in zip(keys, values)} for values in block[len(rows):]]
        return targets, extra

    def _select(self, indexes: list[QModelIndex]) -> None:
        if not indexes:
            return
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index)
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _row_key(index: QModelIndex) -> tuple[int, int, int]:
    """Identifies a shown row whatever the column (tree rows share their node pointer)."""
    parent = index.parent()
    return index.row(), index.internalId(), parent.row() if parent.isValid() else -1
