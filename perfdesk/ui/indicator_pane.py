"""The 指标 section: the indicator tree view with its editing actions."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QDialog, QHeaderView, QMenu, QToolBar, QToolButton,
    QTreeView, QVBoxLayout, QWidget,
)

from perfdesk.io import paste, templates
from perfdesk.models.commands import DeleteIndicator, InsertIndicators, MoveIndicator
from perfdesk.models.messages import FINAL
from perfdesk.scoring.evaluation import Indicator
from perfdesk.scoring.numbers import show
from perfdesk.ui.indicator_model import (
    ADJUSTED_COLUMN, ID_ROLE, RULE_COLUMN, SCORE_COLUMN, WEIGHT_COLUMN, IndicatorTreeModel,
)
from perfdesk.ui.manual_score import ManualScoreDialog


class IndicatorView(QTreeView):
    """A tree that moves like a spreadsheet: Enter commits and goes down, Tab goes right."""

    def __init__(self, pane: "IndicatorPane"):
        super().__init__()
        self.pane = pane
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)

    def edit(self, index, trigger=QAbstractItemView.EditTrigger.AllEditTriggers, event=None):
        if index.column() == SCORE_COLUMN and trigger in (
                QAbstractItemView.EditTrigger.DoubleClicked, QAbstractItemView.EditTrigger.EditKeyPressed):
            self.pane.ask_manual_score(index)
            return False
        if index.column() == SCORE_COLUMN and trigger != QAbstractItemView.EditTrigger.AllEditTriggers:
            return False
        return super().edit(index, trigger, event)

    def closeEditor(self, editor, hint):
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            below = self.indexBelow(self.currentIndex())
            if below.isValid():
                self.setCurrentIndex(below)
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pane.paste()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            below = self.indexBelow(self.currentIndex())
            if below.isValid():
                self.setCurrentIndex(below)
            return
        super().keyPressEvent(event)


class IndicatorPane(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.model = IndicatorTreeModel(document, self)
        self.view = IndicatorView(self)
        self.view.setModel(self.model)
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((240, 100, 100, 100, 50, 64, 220, 240)):
            self.view.setColumnWidth(column, width)
        self.toolbar = QToolBar()
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, slot, shortcut in (
            ("sibling", "添加同级", self.add_sibling, "Ctrl+Return"),
            ("child", "添加下级", self.add_child, "Ctrl+Shift+Return"),
            ("delete", "删除", self.delete, "Ctrl+Delete"),
            ("up", "上移", lambda: self.move_by(-1), "Alt+Up"),
            ("down", "下移", lambda: self.move_by(1), "Alt+Down"),
            ("outdent", "升级", self.outdent, "Alt+Left"),
            ("indent", "降级", self.indent, "Alt+Right"),
            ("score", "手工评分…", lambda: self.ask_manual_score(self.view.currentIndex()), None),
        ):
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[name] = action
        self._template_menu()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.model.modelAboutToBeReset.connect(self._remember_state)
        self.model.modelReset.connect(self._restore_state)
        self._expanded: set[int] = set()
        self._seen: set[int] = set()
        self._current: tuple[int | None, int] = (None, 0)

    def _template_menu(self) -> None:
        menu = QMenu(self)
        for template in templates.templates():
            action = menu.addAction(template.name)
            action.setToolTip(template.source)
            action.triggered.connect(lambda _c=False, t=template: self.insert_template(t))
        button = QToolButton(text="从模板插入", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(menu)
        self.toolbar.addWidget(button)
        self.template_menu = menu

    # -- loading, keeping expansion and the current cell across refreshes ----------------
    def show_evaluation(self, ev, scored) -> None:
        new = self.model.evaluation is None or ev is None or self.model.evaluation.id != ev.id
        self.model.set_evaluation(ev, scored)
        if ev is not None:
            self._show_columns_of(ev)
        if new:
            self.view.expandAll()

    def _show_columns_of(self, ev) -> None:
        """Each form's own columns: 调整后指标值 only where the table has it (Shanxi form),
        评分标准 on the department form, no 分值 on the unscored forms."""
        adjusted = "target_adjusted" in ev.columns or any(leaf.target_adjusted for leaf in ev.leaves())
        self.view.setColumnHidden(ADJUSTED_COLUMN, not adjusted)
        self.view.setColumnHidden(RULE_COLUMN, ev.form != "department_overall_eval")
        self.view.setColumnHidden(WEIGHT_COLUMN, not ev.scored)

    def _remember_state(self) -> None:
        self._expanded, self._seen = set(), set()
        for node_id, index in self._walk():
            self._seen.add(node_id)
            if self.view.isExpanded(index):
                self._expanded.add(node_id)
        current = self.view.currentIndex()
        self._current = (current.data(ID_ROLE), current.column()) if current.isValid() else (None, 0)

    def _restore_state(self) -> None:
        for node_id, index in self._walk():
            if node_id in self._expanded or node_id not in self._seen:  # new rows open up
                self.view.expand(index)
        node_id, column = self._current
        if node_id is not None:
            self.view.setCurrentIndex(self.model.index_of(node_id, column))

    def _walk(self, parent=QModelIndex()):
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            yield index.data(ID_ROLE), index
            yield from self._walk(index)

    # -- actions -------------------------------------------------------------------------
    def _current_indicator(self) -> tuple[QModelIndex, Indicator | None]:
        index = self.view.currentIndex().siblingAtColumn(0)
        return index, self.model.indicator(index)

    def _parent_id(self, index: QModelIndex) -> int | None:
        return self.model.indicator(index.parent()).id if index.parent().isValid() else None

    def _insert(self, parent_id, position, nodes, label) -> None:
        ev = self.model.evaluation
        if ev is not None and self.document.execute(InsertIndicators(ev.id, parent_id, position, nodes), label):
            inserted = self.document.undo_stack.command(self.document.undo_stack.index() - 1)
            first = inserted.commands[0].inserted[0]
            self.view.setCurrentIndex(self.model.index_of(first.id))

    def add_sibling(self) -> None:
        index, current = self._current_indicator()
        level = current.level if current else 1
        position = index.row() + 1 if current else self.model.rowCount()
        self._insert(self._parent_id(index) if current else None, position,
                     (Indicator(name="新指标", level=level),), "添加同级指标")

    def add_child(self) -> None:
        index, current = self._current_indicator()
        if current is None:
            return self.add_sibling()
        self._insert(current.id, len(current.children), (Indicator(name="新指标", level=current.level + 1),),
                     "添加下级指标")

    def delete(self) -> None:
        _index, current = self._current_indicator()
        if current is not None:
            self.document.execute(DeleteIndicator(current.id))

    def move_by(self, delta: int) -> None:
        index, current = self._current_indicator()
        if current is None:
            return
        position = index.row() + delta
        if 0 <= position < self.model.rowCount(index.parent()):
            self.document.execute(MoveIndicator(current.id, self._parent_id(index), position),
                                  "上移指标" if delta < 0 else "下移指标")

    def outdent(self) -> None:
        index, current = self._current_indicator()
        if current is None or not index.parent().isValid():
            return
        parent = index.parent()
        self.document.execute(MoveIndicator(current.id, self._parent_id(parent), parent.row() + 1), "指标升级")

    def indent(self) -> None:
        index, current = self._current_indicator()
        if current is None or index.row() == 0:
            return
        above = self.model.indicator(index.sibling(index.row() - 1, 0))
        self.document.execute(MoveIndicator(current.id, above.id, len(above.children)), "指标降级")

    def insert_template(self, template) -> None:
        self._insert(None, self.model.rowCount(), template.indicators, f"插入模板：{template.name}")

    def paste(self) -> None:
        try:
            whole_tree, nodes = paste.parse(QGuiApplication.clipboard().text())
        except paste.PasteError as exc:
            self.document.failed.emit(str(exc))
            return
        index, current = self._current_indicator()
        if whole_tree or current is None:
            self._insert(None, self.model.rowCount(), nodes, "粘贴指标")
        elif current.is_leaf and current.level == 3:
            self._insert(self._parent_id(index), index.row() + 1, nodes, "粘贴指标")
        else:
            self._insert(current.id, len(current.children), nodes, "粘贴指标")

    def ask_manual_score(self, index: QModelIndex) -> None:
        indicator = self.model.indicator(index.siblingAtColumn(0))
        result = self.model.results.get(indicator.id) if indicator else None
        if result is None or result.weight is None or self.model.evaluation.status == "final":
            if indicator is not None and self.model.evaluation.status == "final":
                self.document.failed.emit(FINAL)
            return
        dialog = ManualScoreDialog(indicator.name, show(result.weight), result.explanation,
                                   show(result.recorded) if result.recorded is not None else "",
                                   indicator.manual_reason or "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.set_manual_score(indicator.id, *dialog.values())
