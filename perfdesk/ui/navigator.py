"""The navigator: the workspace's evaluations grouped by year, filterable."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from perfdesk.scoring.numbers import show
from perfdesk.ui.texts import FORM_NAMES, STATUS_NAMES

EVALUATION_ID = Qt.ItemDataRole.UserRole + 1


class Navigator(QWidget):
    evaluation_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter_box = QLineEdit(placeholderText="筛选：项目名称、单位、年度")
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["评价表", "总分", "等级", "状态"])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

    def show_evaluations(self, scored_evaluations, current_id: int | None = None) -> None:
        """(evaluation, scored) pairs, grouped by year; keeps `current_id` selected."""
        self.model.removeRows(0, self.model.rowCount())
        years: dict[int, QStandardItem] = {}
        for ev, scored in scored_evaluations:
            if ev.year not in years:
                years[ev.year] = QStandardItem(f"{ev.year} 年度")
                self.model.appendRow([years[ev.year]] + [QStandardItem() for _ in range(3)])
            years[ev.year].appendRow(self._row(ev, scored))
        self.view.expandAll()
        self.view.resizeColumnToContents(0)
        if current_id is not None:
            self.select(current_id)

    def _row(self, ev, scored) -> list[QStandardItem]:
        name = QStandardItem(ev.project or ev.title or f"评价表 {ev.id}")
        name.setData(ev.id, EVALUATION_ID)
        name.setToolTip("\n".join(x for x in (FORM_NAMES.get(ev.form), ev.department, ev.implementer) if x))
        total = "—" if scored.total is None else show(scored.total)
        return [name, QStandardItem(total), QStandardItem(scored.grade or "—"),
                QStandardItem(STATUS_NAMES.get(ev.status, ev.status))]

    def update_evaluation(self, ev, scored) -> bool:
        """Refresh one row in place; False when the row is not there (a full refresh is needed)."""
        item = self._find(ev.id)
        if item is None or item.parent().text() != f"{ev.year} 年度":
            return False
        parent, row = item.parent(), item.row()
        for column, new in enumerate(self._row(ev, scored)):
            old = parent.child(row, column)
            old.setText(new.text())
            old.setToolTip(new.toolTip())
        return True

    def select(self, evaluation_id: int) -> None:
        item = self._find(evaluation_id)
        if item is not None:
            self.view.setCurrentIndex(self.proxy.mapFromSource(item.index()))

    def _find(self, evaluation_id: int):
        for year in range(self.model.rowCount()):
            parent = self.model.item(year)
            for row in range(parent.rowCount()):
                if parent.child(row).data(EVALUATION_ID) == evaluation_id:
                    return parent.child(row)
        return None

    def _current_changed(self, current, _previous) -> None:
        evaluation_id = current.siblingAtColumn(0).data(EVALUATION_ID)
        if evaluation_id is not None:
            self.evaluation_selected.emit(evaluation_id)
