"""审计记录: the audit trail (when, who, what, old → new), filtered by table, dates and user;
exported to Excel or printed (as a PDF shown in the preview)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView,
    QVBoxLayout,
)

from perfdesk.models import WorkspaceError
from perfdesk.models.audit_trail import AuditFilter
from perfdesk.ui import file_dialogs

TITLE = "审计记录"
COLUMNS = ("时间", "用户", "评价表", "操作", "修改对象", "原值", "新值")
ANY = "全部"
ANY_DATE = "不限"
COUNT = "共 {count} 条"
EXPORTED = "已导出 {path}"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
PDF_FILTER = "PDF 文件 (*.pdf)"
SCOPE_ALL = "全部记录"
NO_DAY = QDate(2000, 1, 1)  # the "不限" value of the date boxes


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries = []

    def set_entries(self, entries) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self.entries[index.row()]
        value = (e.at.replace("T", " "), e.actor, e.evaluation, e.action, e.what, e.old, e.new)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole and len(value) > 120:
            return value[:120] + "…"  # the whole text is in the tooltip and the exports
        return value


class AuditView(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setWindowTitle(TITLE)
        self.resize(1100, 640)
        self.evaluation = QComboBox()
        self.since, self.until = self._date_box(), self._date_box()
        self.actor = QComboBox()
        self.count = QLabel()
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column, width in enumerate((140, 80, 170, 120, 240, 150, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton("导出Excel…")
        self.print_button = QPushButton("打印（生成PDF）…")
        close = QPushButton("关闭")
        self.export_button.clicked.connect(self.export_xlsx)
        self.print_button.clicked.connect(self.print_pdf)
        close.clicked.connect(self.close)
        filters = QHBoxLayout()
        for label, widget in (("评价表", self.evaluation), ("从", self.since), ("到", self.until), ("用户", self.actor)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.export_button, self.print_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._fill_choices(window.evaluation.id if window.evaluation else None)
        for box in (self.evaluation, self.actor):
            box.currentIndexChanged.connect(self.refresh)
        for box in (self.since, self.until):
            box.dateChanged.connect(self.refresh)
        window.document.changed.connect(self._document_changed)
        self.refresh()

    @staticmethod
    def _date_box() -> QDateEdit:
        box = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        box.setMinimumDate(NO_DAY)
        box.setSpecialValueText(ANY_DATE)  # shown at the minimum: no limit on this side
        box.setDate(NO_DAY)
        return box

    def _fill_choices(self, evaluation_id: int | None) -> None:
        ws = self.window.ws
        chosen = self.evaluation.currentData() if self.evaluation.count() else evaluation_id
        actor = self.actor.currentData()
        for box in (self.evaluation, self.actor):
            box.blockSignals(True)
            box.clear()
            box.addItem(ANY, None)
        for ev in ws.evaluations():
            self.evaluation.addItem(f"{ev.year} {ev.project or ev.title or ev.id}", ev.id)
        for name in ws.audit_actors():
            self.actor.addItem(name, name)
        self.evaluation.setCurrentIndex(max(0, self.evaluation.findData(chosen)))
        self.actor.setCurrentIndex(max(0, self.actor.findData(actor)))
        for box in (self.evaluation, self.actor):
            box.blockSignals(False)

    def chosen(self) -> AuditFilter:
        return AuditFilter(evaluation_id=self.evaluation.currentData(), since=_day(self.since),
                           until=_day(self.until), actor=self.actor.currentData())

    def scope(self) -> str:
        """The filter in words, printed above the exported records."""
        parts = []
        if self.evaluation.currentData() is not None:
            parts.append(f"评价表：{self.evaluation.currentText()}")
        since, until = _day(self.since), _day(self.until)
        if since or until:
            parts.append(f"日期：{since or ANY_DATE} 至 {until or ANY_DATE}")
        if self.actor.currentData() is not None:
            parts.append(f"用户：{self.actor.currentText()}")
        return "；".join(parts) or SCOPE_ALL

    def refresh(self) -> None:
        self.model.set_entries(self.window.ws.audit_entries(self.chosen()))
        self.count.setText(COUNT.format(count=self.model.rowCount()))
        empty = self.model.rowCount() == 0
        self.export_button.setEnabled(not empty)
        self.print_button.setEnabled(not empty)

    def _document_changed(self, _evaluation_id) -> None:
        if self.isVisible():
            self._fill_choices(None)
            self.refresh()

    def export_xlsx(self) -> None:
        from perfdesk.io.audit_xlsx import write_audit_xlsx
        path = file_dialogs.save_file(self, "导出审计记录", f"{TITLE}.xlsx", XLSX_FILTER)
        if not path:
            return
        try:
            write_audit_xlsx(path, self.model.entries, self.scope())
        except (OSError, WorkspaceError) as exc:
            QMessageBox.critical(self, TITLE, file_dialogs.cannot_write(path, exc))
            return
        self.window.statusBar().showMessage(EXPORTED.format(path=path), 10000)

    def print_pdf(self) -> None:
        from perfdesk.reports.audit_trail import write_audit_pdf
        from perfdesk.ui.pdf_export import offer_preview
        path = file_dialogs.save_file(self, "打印审计记录", f"{TITLE}.pdf", PDF_FILTER)
        if not path:
            return
        try:
            result = write_audit_pdf(path, self.model.entries, self.scope())
        except (OSError, WorkspaceError) as exc:
            QMessageBox.critical(self, TITLE, file_dialogs.cannot_write(path, exc))
            return
        offer_preview(self, result)

    @classmethod
    def show_for(cls, window) -> "AuditView":
        view = cls(window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view


def _day(box: QDateEdit) -> date | None:
    return None if box.date() == NO_DAY else box.date().toPython()
