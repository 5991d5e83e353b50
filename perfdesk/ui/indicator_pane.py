"""The 指标 section: the indicator tree view with its editing actions."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHeaderView, QMenu, QToolBar, QToolButton, QTreeView, QVBoxLayout, QWidget,
)

from perfdesk.io import templates
from perfdesk.models.commands import DeleteIndicator, InsertIndicators, MergeIndicators, MoveIndicator, SetField
from perfdesk.scoring.evaluation import Indicator
from perfdesk.scoring.numbers import show
from perfdesk.ui import texts
from perfdesk.ui.grid_clipboard import read_block
from perfdesk.ui.grid_keys import SpreadsheetKeys, Trigger
from perfdesk.ui.indicator_model import (
    ADJUSTED_COLUMN, ID_ROLE, RULE_COLUMN, SCORE_COLUMN, WEIGHT_COLUMN, IndicatorTreeModel,
)
from perfdesk.ui.manual_score import ManualScoreDialog


# In the right-click menu and on their keys only (double-click / F2 / typing on 得分; Ctrl+Shift+V),
# so the toolbar fits a 1280-pixel screen.
OFF_TOOLBAR = ("score", "paste_rows")


class IndicatorView(SpreadsheetKeys, QTreeView):
    """The tree, typed like a spreadsheet (see grid_keys); the 得分 column opens 手工评分."""

    def __init__(self, pane: "IndicatorPane"):
        super().__init__()
        self.pane = pane
        self.setup_spreadsheet()
        self.setAlternatingRowColors(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def edit(self, index, trigger=Trigger.AllEditTriggers, event=None):
        if index.column() == SCORE_COLUMN and trigger in (Trigger.DoubleClicked, Trigger.EditKeyPressed):
            self.pane.ask_manual_score(index)
            return False
        return super().edit(index, trigger, event)

    def keyPressEvent(self, event):
        index = self.currentIndex()
        typed = event.text() if event.text().isprintable() else ""
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if index.column() == SCORE_COLUMN and plain and (typed or event.key() == Qt.Key.Key_F2):
            indicator = self.model().indicator(index)
            if self.model().locked() or indicator is None or not self.model().is_indicator_row(indicator):
                return self.refuse(index)
            return self.pane.ask_manual_score(index, typed)  # typing a score starts 手工评分
        super().keyPressEvent(event)

    def mousePressEvent(self, event):
        # Dragging from a name moves the row; dragging over the other columns selects a block.
        self.setDragEnabled(self.indexAt(event.position().toPoint()).column() == 0)
        super().mousePressEvent(event)

    def rows_like(self, first: QModelIndex, other: QModelIndex) -> bool:
        """A block pasted on 三级 rows runs on over 三级 rows (group rows are skipped)."""
        model = self.model()
        a, b = model.indicator(first), model.indicator(other)
        return a is not None and b is not None and model.is_indicator_row(a) == model.is_indicator_row(b)

    def paste_clipboard(self) -> None:
        self.pane.paste()


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
            ("paste_rows", texts.PASTE_ROWS, self.paste_rows, "Ctrl+Shift+V"),
        ):
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.setToolTip(f"{text}（{QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)}）")
            action.triggered.connect(slot)
            if name not in OFF_TOOLBAR:
                self.toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[name] = action
        self._rescore_menu()
        self._template_menu()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.model.modelAboutToBeReset.connect(self._remember_state)
        self.model.modelReset.connect(self._restore_state)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._expanded: set[int] = set()
        self._seen: set[int] = set()
        self._current: tuple[int | None, int] = (None, 0)

    def _rescore_menu(self) -> None:
        menu = QMenu(self)
        self.rescore_rows = menu.addAction(texts.RESCORE_ROWS, lambda: self.rescore(whole=False))
        self.rescore_table = menu.addAction(texts.RESCORE_TABLE, lambda: self.rescore(whole=True))
        button = QToolButton(text=texts.RESCORE, popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolTip(texts.RESCORE_TIP)
        button.setMenu(menu)
        self.toolbar.addWidget(button)
        self.rescore_button = button

    def _template_menu(self) -> None:
        menu = QMenu(self)
        for template in templates.templates():
            action = menu.addAction(template.name)
            action.setToolTip("\n".join(x for x in (template.source, template.note) if x))
            action.triggered.connect(lambda _c=False, t=template: self.insert_template(t))
        menu.setToolTipsVisible(True)
        button = QToolButton(text="从模板插入", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(menu)
        self.toolbar.addWidget(button)
        self.template_menu = menu
        self.template_button = button

    def _context_menu(self, point) -> None:
        menu = QMenu(self)
        menu.addAction(texts.COPY, self.view.copy_cells, QKeySequence.StandardKey.Copy)
        menu.addAction(texts.PASTE_CELLS, self.paste, QKeySequence.StandardKey.Paste)
        menu.addAction(self.actions_by_name["paste_rows"])
        menu.addAction(texts.CLEAR_CELLS, self.view.clear_cells, QKeySequence(Qt.Key.Key_Delete))
        menu.addSeparator()
        for name in ("sibling", "child", "delete", "score"):
            menu.addAction(self.actions_by_name[name])
        menu.addAction(self.rescore_rows)
        menu.exec(self.view.viewport().mapToGlobal(point))

    def set_writable(self, writable: bool) -> None:
        """A workspace open read-only: the editing actions are off, not just refused."""
        for action in self.actions_by_name.values():
            action.setEnabled(writable)
        self.template_button.setEnabled(writable)
        self.rescore_button.setEnabled(writable)

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
        self.view.commit_open_editor()
        index = self.view.currentIndex().siblingAtColumn(0)
        return index, self.model.indicator(index)

    def _parent_id(self, index: QModelIndex) -> int | None:
        return self.model.indicator(index.parent()).id if index.parent().isValid() else None

    def _execute(self, command, label=None) -> bool:
        """Run a structural edit; on a locked table say why instead (the command would fail)."""
        if self.model.locked():
            self.view.refuse(self.view.currentIndex() if self.view.currentIndex().isValid()
                             else self.model.index(0, 0))
            return False
        return self.document.execute(command, label)

    def _select_first_inserted(self, nodes) -> None:
        if nodes:
            self.view.go_to(self.model.index_of(nodes[0].id))

    def _insert(self, parent_id, position, nodes, label) -> None:
        ev = self.model.evaluation
        command = InsertIndicators(ev.id, parent_id, position, nodes) if ev is not None else None
        if command is not None and self._execute(command, label):
            self._select_first_inserted(command.inserted)

    def add_sibling(self) -> None:
        index, current = self._current_indicator()
        level = current.level if current else 1
        position = index.row() + 1 if current else self.model.rowCount()
        self._insert(self._parent_id(index) if current else None, position,
                     (Indicator(name=texts.NEW_INDICATOR, level=level),), "添加同级指标")

    def add_child(self) -> None:
        index, current = self._current_indicator()
        if current is None:
            return self.add_sibling()
        self._insert(current.id, len(current.children), (Indicator(name=texts.NEW_INDICATOR, level=current.level + 1),),
                     "添加下级指标")

    def delete(self) -> None:
        _index, current = self._current_indicator()
        if current is not None:
            self._execute(DeleteIndicator(current.id))

    def move_by(self, delta: int) -> None:
        index, current = self._current_indicator()
        if current is None:
            return
        position = index.row() + delta
        if 0 <= position < self.model.rowCount(index.parent()):
            self._execute(MoveIndicator(current.id, self._parent_id(index), position),
                          "上移指标" if delta < 0 else "下移指标")

    def outdent(self) -> None:
        index, current = self._current_indicator()
        if current is None or not index.parent().isValid():
            return
        parent = index.parent()
        self._execute(MoveIndicator(current.id, self._parent_id(parent), parent.row() + 1), "指标升级")

    def indent(self) -> None:
        index, current = self._current_indicator()
        if current is None or index.row() == 0:
            return
        above = self.model.indicator(index.sibling(index.row() - 1, 0))
        self._execute(MoveIndicator(current.id, above.id, len(above.children)), "指标降级")

    def _merge(self, nodes, label: str) -> None:
        ev = self.model.evaluation
        if ev is None:
            return
        command = MergeIndicators(ev.id, tuple(nodes), label)
        if self._execute(command, label):
            self._select_first_inserted([n for n in _leaves(command.inserted())] or command.inserted())

    def insert_template(self, template) -> None:
        """The template's groups, merged into the ones the table already has."""
        self.view.commit_open_editor()
        ev = self.model.evaluation
        if ev is not None:
            self._merge(template.nodes(ev.scored), f"插入模板：{template.name}")

    def paste(self) -> None:
        """Ctrl+V. Rows with 一级/二级 columns merge into the groups by name; rows pasted on a group
        row become its 三级; on 三级 cells the block fills the cells (grid_keys)."""
        text, html = _clipboard()
        _index, current = self._current_indicator()
        block = read_block(text)
        single = len(block) == 1 and len(block[0]) == 1
        if current is not None and (self.model.is_indicator_row(current) or single) \
                and not _has_groups(text, html):
            return self.view.paste_block(text)
        self.paste_rows()

    def paste_rows(self) -> None:
        """粘贴为新行: the copied rows inserted as indicators (after a 三级, or under a group)."""
        from perfdesk.io import paste  # the reader (with openpyxl): only when something is pasted
        index, current = self._current_indicator()
        try:
            whole_tree, nodes = paste.parse(*_clipboard())
        except paste.PasteError as exc:
            self.document.failed.emit(str(exc))
            return
        if whole_tree:
            self._merge(nodes, "粘贴指标")
        elif current is None:
            self._insert(None, self.model.rowCount(), nodes, "粘贴指标")
        elif self.model.is_indicator_row(current):
            self._insert(self._parent_id(index), index.row() + 1, nodes, "粘贴指标")
        else:
            self._insert(current.id, len(current.children), nodes, "粘贴指标")

    def rescore(self, whole: bool) -> None:
        """按规则重新计分: printed scores of the chosen rows (or the whole table) set aside, one step."""
        self.view.commit_open_editor()
        ev = self.model.evaluation
        if ev is None:
            return
        if whole:
            leaves = list(ev.leaves())
        else:
            chosen = {self.model.indicator(i.siblingAtColumn(0)) for i in self.view.selected_cells()}
            leaves = [leaf for node in chosen if node is not None for leaf in node.leaves()]
        printed = [leaf for leaf in dict.fromkeys(leaves) if leaf.score_printed is not None]
        commands = [SetField("indicator", leaf.id, "score_printed", None) for leaf in printed]
        if whole:
            commands += [SetField("evaluation", ev.id, key, None)
                         for key in ("total_score_printed", "grade_printed") if getattr(ev, key) is not None]
            if ev.funds and ev.funds[0].score_printed is not None:
                commands.append(SetField("fund_line", ev.funds[0].id, "score_printed", None))
        if not commands:
            return self.document.failed.emit(texts.RESCORE_NOTHING)
        if self.model.locked():
            return self.view.refuse(self.view.currentIndex())
        if self.document.execute_all(commands, texts.RESCORE):
            self.document.notice.emit(texts.RESCORED.format(count=len(printed)))

    def ask_manual_score(self, index: QModelIndex, typed: str = "") -> None:
        self.view.commit_open_editor()
        indicator = self.model.indicator(index.siblingAtColumn(0))
        result = self.model.results.get(indicator.id) if indicator else None
        if indicator is not None and self.model.locked():
            return self.view.refuse(index)
        if result is None or result.weight is None:
            return
        current = typed or (show(result.recorded) if result.recorded is not None else "")
        dialog = ManualScoreDialog(indicator.name, show(result.weight), result.explanation, current,
                                   indicator.manual_reason or "",
                                   lambda score, reason: self.model.manual_score_problem(indicator.id, score, reason),
                                   self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.set_manual_score(indicator.id, *dialog.values())


def _clipboard() -> tuple[str, str | None]:
    """The copied text and, when the source offered it, its HTML."""
    return QGuiApplication.clipboard().text(), _clipboard_html()


def _clipboard_html() -> str | None:
    """The HTML Excel, WPS and Word put beside the text: it keeps merged 一级/二级 cells."""
    mime = QGuiApplication.clipboard().mimeData()
    return mime.html() if mime is not None and mime.hasHtml() else None


def _has_groups(text: str, html: str | None) -> bool:
    """Copied rows that carry 一级/二级 columns (they merge into the tree, wherever pasted)."""
    from perfdesk.io import paste
    try:
        whole_tree, _nodes = paste.parse(text, html)
    except paste.PasteError:
        return False
    return whole_tree


def _leaves(nodes):
    for node in nodes:
        yield from node.leaves()
