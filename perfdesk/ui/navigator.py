"""The navigator: the workspace's evaluations grouped by year, filterable.

Long project names are elided (full name in the tooltip) so 总分 and 等级 always stay in sight;
finalised tables carry a lock; a total with error-level findings is red, the errors in its
tooltip; the years a user collapsed stay collapsed across refreshes and filtering, and while a
filter is typed every match is shown.
"""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from perfdesk.scoring.audit import ERROR
from perfdesk.scoring.numbers import show
from perfdesk.ui.icons import lock_icon
from perfdesk.ui.texts import FORM_NAMES, STATUS_NAMES

EVALUATION_ID = Qt.ItemDataRole.UserRole + 1
YEAR = Qt.ItemDataRole.UserRole + 2
LOCKED_TIP = "已定稿（锁定）"
ERRORS_TIP = "审核发现 {count} 项错误，总分不可直接使用：\n{messages}"
ERROR_COLOUR = "#a40000"  # as the score panel's error findings


class Navigator(QWidget):
    evaluation_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter_box = QLineEdit(placeholderText="筛选：项目名称、单位、年度", clearButtonEnabled=True)
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
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        self._collapsed: set[int] = set()  # years the user folded away
        self._applying = False
        self.filter_box.textChanged.connect(self._filter)
        self.view.expanded.connect(lambda index: self._folded(index, False))
        self.view.collapsed.connect(lambda index: self._folded(index, True))
        self.view.selectionModel().currentChanged.connect(self._current_changed)

    def show_evaluations(self, scored_evaluations, current_id: int | None = None) -> None:
        """(evaluation, scored) pairs, grouped by year; keeps `current_id` selected."""
        self.model.removeRows(0, self.model.rowCount())
        years: dict[int, QStandardItem] = {}
        for ev, scored in scored_evaluations:
            if ev.year not in years:
                years[ev.year] = QStandardItem(f"{ev.year} 年度")
                years[ev.year].setData(ev.year, YEAR)
                self.model.appendRow([years[ev.year]] + [QStandardItem() for _ in range(3)])
            years[ev.year].appendRow(self._row(ev, scored))
        self._apply_expansion()
        if current_id is not None:
            self.select(current_id)

    def _row(self, ev, scored) -> list[QStandardItem]:
        name = QStandardItem(ev.project or ev.title or f"评价表 {ev.id}")
        name.setData(ev.id, EVALUATION_ID)
        self._decorate(name, ev)
        blank = scored.total is None or scored.nothing_scored
        total = "—" if blank else show(scored.total)
        cells = [QStandardItem(total), QStandardItem("—" if blank else scored.grade or "—"),
                 QStandardItem(STATUS_NAMES.get(ev.status, ev.status))]
        for cell in cells[:2]:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        errors = [f.message for f in scored.findings if f.severity == ERROR]
        if errors:  # a total the table's own arithmetic contradicts (分值合计 110 …) is marked where it is read
            for cell in cells[:2]:
                cell.setForeground(QBrush(QColor(ERROR_COLOUR)))
                cell.setToolTip(ERRORS_TIP.format(count=len(errors), messages="\n".join(errors[:5])))
        return [name] + cells

    @staticmethod
    def _decorate(item: QStandardItem, ev) -> None:
        final = ev.status == "final"
        item.setIcon(lock_icon() if final else QIcon())
        lines = [ev.project or ev.title or "", FORM_NAMES.get(ev.form), ev.department, ev.implementer,
                 LOCKED_TIP if final else None]
        item.setToolTip("\n".join(x for x in lines if x))

    def update_evaluation(self, ev, scored) -> bool:
        """Refresh one row in place; False when the row is not there (a full refresh is needed)."""
        item = self._find(ev.id)
        if item is None or item.parent().data(YEAR) != ev.year:
            return False
        parent, row = item.parent(), item.row()
        new = self._row(ev, scored)
        item.setText(new[0].text())
        self._decorate(item, ev)
        for column, cell in enumerate(new[1:], start=1):
            shown = parent.child(row, column)
            shown.setText(cell.text())
            for role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
                # copied as stored: no colour set means the palette's text colour, not a black brush
                shown.setData(cell.data(role), role)
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

    # -- folding and filtering -----------------------------------------------------------
    def _folded(self, index, collapsed: bool) -> None:
        year = index.data(YEAR)
        if self._applying or year is None or self.filter_box.text():
            return  # only the user's own folding, on the unfiltered list, is remembered
        (self._collapsed.add if collapsed else self._collapsed.discard)(year)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._apply_expansion()

    def _apply_expansion(self) -> None:
        filtering = bool(self.filter_box.text())
        self._applying = True
        try:
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                self.view.setExpanded(index, filtering or index.data(YEAR) not in self._collapsed)
        finally:
            self._applying = False

    def _current_changed(self, current, _previous) -> None:
        evaluation_id = current.siblingAtColumn(0).data(EVALUATION_ID)
        if evaluation_id is not None:
            self.evaluation_selected.emit(evaluation_id)
