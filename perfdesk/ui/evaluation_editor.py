"""The evaluation editor: one tab per section of the form."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from perfdesk.models.commands import DeleteRow, InsertRow
from perfdesk.ui.grid_keys import SpreadsheetKeys
from perfdesk.ui.indicator_pane import IndicatorPane
from perfdesk.ui.row_models import FundLinesModel, FundManagementModel
from perfdesk.ui import texts
from perfdesk.ui.icons import lock_icon
from perfdesk.ui.sections import GoalsForm, HeaderForm, ReportForm, SigningForm, toggle_final

LOCKED_BASE = QColor("#efefef")  # grids and fields of a locked table look read-only
LOCKED_STYLE = "QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"] { background: #efefef; }"


def show_locked(view, locked: bool) -> None:
    """Grey cells for a locked table (the viewport too: the style sheet stops it inheriting)."""
    default = view.style().standardPalette()
    for widget in (view, view.viewport()):
        palette = widget.palette()
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
            palette.setColor(role, LOCKED_BASE if locked else default.color(role))
        widget.setPalette(palette)


class GridTable(SpreadsheetKeys, QTableView):
    """A flat table that types like a spreadsheet."""

    def __init__(self):
        super().__init__()
        self.setup_spreadsheet()


class RowTable(QWidget):
    """A table of flat rows with add/delete buttons (fund lines, 资金管理情况)."""

    def __init__(self, document, model, new_label: str, note: str = "", parent=None):
        super().__init__(parent)
        self.document = document
        self.model = model
        self.view = GridTable()
        self.view.setModel(model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(False)  # 得分 is as wide as its numbers
        self.view.setWordWrap(True)
        self.new_label = new_label
        add, delete = QPushButton("添加行"), QPushButton("删除行")
        add.clicked.connect(self.add_row)
        delete.clicked.connect(self.delete_row)
        self.buttons = (add, delete)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(delete)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        if note:
            layout.addWidget(QLabel(note, wordWrap=True))

    def add_row(self) -> None:
        ev = self.model.evaluation
        if ev is None:
            return
        self.view.commit_open_editor()
        current = self.view.currentIndex()
        position = current.row() + 1 if current.isValid() else self.model.rowCount()
        key = "label" if self.model.table == "fund_line" else "item"
        self.document.execute(InsertRow(self.model.table, ev.id, position, {key: self.new_label}), "添加行")

    def delete_row(self) -> None:
        self.view.commit_open_editor()
        current = self.view.currentIndex()
        if current.isValid():
            self.document.execute(DeleteRow(self.model.table, self.model.rows[current.row()].id), "删除行")


class EvaluationEditor(QTabWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.header = HeaderForm(document)
        self.funds = RowTable(document, FundLinesModel(document), "其他资金",
                              "第一行是“年度资金总额”，资金得分只按这一行计算；执行率 = 全年执行数 ÷ 全年预算数。")
        self.goals = GoalsForm(document)
        self.indicators = IndicatorPane(document)
        self.fund_management = RowTable(document, FundManagementModel(document), "新事项")
        header = self.fund_management.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.report = ReportForm(document)
        self.signing = SigningForm(document)
        self.sections = [
            (self.header, "基本信息"), (self.funds, "资金"), (self.goals, "目标"),
            (self.indicators, "指标"), (self.fund_management, "资金管理情况"),
            (self.report, "报告文字"), (self.signing, "签章"),
        ]
        for widget, title in self.sections:
            self.addTab(widget, title)
        self.shown = None
        self.setCurrentWidget(self.indicators)
        self.setStyleSheet(LOCKED_STYLE)
        self.lock_note = self._lock_note()
        self.setCornerWidget(self.lock_note)
        self.currentChanged.connect(self._focus_section)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):  # as between sheets in Excel/WPS
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.turn_section(step))

    def _lock_note(self) -> QWidget:
        """Shown at the right of the tabs while the table is final: a lock, and how to unlock."""
        note = QWidget()
        row = QHBoxLayout(note)
        row.setContentsMargins(6, 0, 6, 0)
        icon = QLabel()
        icon.setPixmap(lock_icon().pixmap(16, 16))
        self.unlock_button = QPushButton("解除定稿…")
        self.unlock_button.clicked.connect(lambda: toggle_final(self, self.document, self.shown))
        row.addWidget(icon)
        row.addWidget(QLabel(texts.LOCKED_NOTE))
        row.addWidget(self.unlock_button)
        note.setVisible(False)
        return note

    def turn_section(self, step: int) -> None:
        """The next (previous) section shown for this form, wrapping around."""
        count = self.count()
        index = self.currentIndex()
        for _ in range(count):
            index = (index + step) % count
            if self.isTabVisible(index):
                self.setCurrentIndex(index)
                return

    def _focus_section(self, _index: int) -> None:
        """Switching sections from the keyboard (Ctrl+PgDn) lands in the section's grid."""
        widget = self.currentWidget()
        view = getattr(widget, "view", None)
        if view is not None and self.isVisible():
            view.setFocus()

    def show_evaluation(self, ev, scored) -> None:
        switched = self.shown is None or self.shown.id != ev.id
        for part in (self.header, self.goals, self.report, self.signing, self.indicators):
            part.show_evaluation(ev, scored)
        fund_changed = switched or self.shown.funds != ev.funds or self.shown.status != ev.status \
            or self.shown.money_unit != ev.money_unit \
            or self.funds.model.scored is None or self.funds.model.scored.fund != scored.fund  # e.g. a new scheme
        if fund_changed:
            self.funds.model.set_evaluation(ev, scored)
        if switched or self.shown.fund_management != ev.fund_management or self.shown.status != ev.status:
            self.fund_management.model.set_evaluation(ev, scored)
            self.fund_management.view.resizeRowsToContents()
        self.setTabVisible(self.indexOf(self.fund_management), ev.form == "transfer_payment_self_eval")
        self.setTabVisible(self.indexOf(self.funds), ev.form != "department_overall_eval" or bool(ev.funds))
        if switched or fund_changed:
            self.funds.view.resizeColumnsToContents()  # money columns always fit their numbers
        locked = self.document.locked_reason(ev) is not None
        for view in (self.indicators.view, self.funds.view, self.fund_management.view):
            show_locked(view, locked)
        self.lock_note.setVisible(ev.status == "final")
        self.unlock_button.setEnabled(not self.document.ws.readonly)
        self.shown = ev

    def set_writable(self, writable: bool) -> None:
        """A read-only workspace: editing buttons are off (fields and grids refuse on their own)."""
        self.indicators.set_writable(writable)
        for table in (self.funds, self.fund_management):
            for button in table.buttons:
                button.setEnabled(writable)

    def start_typing(self) -> None:
        """A new table: the indicator tree, its first row selected, ready for the keyboard."""
        self.setCurrentWidget(self.indicators)
        view = self.indicators.view
        view.setFocus()
        view.go_to(self.indicators.model.index(0, 0))

    def focus(self, target) -> None:
        """Show the section and row a finding is about."""
        kind, target_id = target or (None, None)
        if kind == "indicator":
            self.setCurrentWidget(self.indicators)
            index = self.indicators.model.index_of(target_id)
            self.indicators.view.setCurrentIndex(index)
            self.indicators.view.scrollTo(index)
        elif kind == "funds":
            self.setCurrentWidget(self.funds)
        elif kind == "indicators":
            self.setCurrentWidget(self.indicators)
