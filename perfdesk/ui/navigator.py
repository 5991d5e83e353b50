"""The navigator: the workspace's evaluations grouped by year, filterable."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from perfdesk.ui.texts import FORM_NAMES, STATUS_NAMES

EVALUATION_ID = Qt.ItemDataRole.UserRole + 1


class Navigator(QWidget):
    evaluation_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter_box = QLineEdit(placeholderText="筛选：项目名称、单位、年度")
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["评价表", "类型", "状态"])
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

    def show_evaluations(self, evaluations) -> None:
        self.model.removeRows(0, self.model.rowCount())
        years: dict[int, QStandardItem] = {}
        for ev in evaluations:
            if ev.year not in years:
                years[ev.year] = QStandardItem(f"{ev.year} 年度")
                self.model.appendRow([years[ev.year], QStandardItem(), QStandardItem()])
            name = QStandardItem(ev.project or ev.title or f"评价表 {ev.id}")
            name.setData(ev.id, EVALUATION_ID)
            name.setToolTip(" / ".join(x for x in (ev.department, ev.implementer) if x))
            years[ev.year].appendRow([name, QStandardItem(FORM_NAMES.get(ev.form, ev.form)),
                                      QStandardItem(STATUS_NAMES.get(ev.status, ev.status))])
        self.view.expandAll()
        self.view.resizeColumnToContents(0)

    def _current_changed(self, current, _previous) -> None:
        evaluation_id = current.siblingAtColumn(0).data(EVALUATION_ID)
        if evaluation_id is not None:
            self.evaluation_selected.emit(evaluation_id)
