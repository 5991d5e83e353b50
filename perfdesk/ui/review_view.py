"""视图 → 审核: every unit's evaluations with status, total, grade and error-level findings;
the reviewer's 复核得分 beside the 自评得分 per indicator; 退回 (with a comment) and 通过;
the 汇总表 and the 复核差异表 marking where the two differ by more than a chosen number of points.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from perfdesk.models import WorkspaceError, review
from perfdesk.scoring.audit import ERROR
from perfdesk.scoring.numbers import show
from perfdesk.scoring.review import difference, differences, review_total, total_difference

LIST_COLUMNS = ("单位", "年度", "项目", "状态", "自评总分", "复核总分", "等级", "错误发现")
INDICATOR_COLUMNS = ("指标", "分值", "自评得分", "复核得分", "差异")
SUMMARY_COLUMNS = ("单位", "年度", "项目", "状态", "自评总分", "复核总分", "差异")
DIFFERENCE_COLUMNS = ("单位", "年度", "项目", "指标", "分值", "自评得分", "复核得分", "差异")
REVIEW_COLUMN = 3
OVER = QBrush(QColor("#fde2e1"))
ID = Qt.ItemDataRole.UserRole + 1


def _cell(text, row_id=None, editable=False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
    if row_id is not None:
        item.setData(ID, row_id)
    return item


def _table(columns) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows) -> None:
    blocked = table.blockSignals(True)
    table.setRowCount(0)
    for values, marked in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, item in enumerate(values):
            item = item if isinstance(item, QTableWidgetItem) else _cell(item)
            if marked:
                item.setBackground(OVER)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    table.blockSignals(blocked)


class ReviewWindow(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setWindowTitle("审核")
        self.setObjectName("review-window")
        self.resize(1100, 700)
        self.threshold = QDoubleSpinBox(decimals=2, minimum=0, maximum=100, value=1.0, suffix=" 分",
                                        objectName="review-threshold")
        self.list = _table(LIST_COLUMNS)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.indicators = _table(INDICATOR_COLUMNS)
        self.indicators.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.notes = QLabel(wordWrap=True)
        self.return_button = QPushButton("退回…")
        self.approve_button = QPushButton("通过")
        self.summary = _table(SUMMARY_COLUMNS)
        self.differences = _table(DIFFERENCE_COLUMNS)
        for table in (self.summary, self.differences):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._evaluations = []

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.notes)
        detail_layout.addWidget(self.indicators)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        detail_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(detail)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, "审核列表")
        self.tabs.addTab(self.summary, "汇总表")
        self.tabs.addTab(self.differences, "复核差异表")
        top = QHBoxLayout()
        top.addWidget(QLabel("标出复核得分与自评得分相差超过"))
        top.addWidget(self.threshold)
        top.addWidget(QLabel("的表和指标"))
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)

        self.list.itemSelectionChanged.connect(self._show_selected)
        self.indicators.itemChanged.connect(self._review_score_typed)
        self.threshold.valueChanged.connect(lambda _v: self.refresh())
        self.return_button.clicked.connect(self._return)
        self.approve_button.clicked.connect(self._approve)
        window.document.changed.connect(lambda _id: self.refresh())
        window.remote_changes_shown.connect(self.refresh)
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    @property
    def document(self):
        return self.window.document

    def _limit(self) -> Decimal:
        return Decimal(str(self.threshold.value())).quantize(Decimal("0.01"))

    def refresh(self) -> None:
        selected = self.selected_id()
        scheme = self.document.scheme()
        self._evaluations = []
        for ev in self.window.ws.evaluations():
            scored = self.document.scored(ev)
            self._evaluations.append((ev, scored, review_total(ev, scheme)))
        rows = []
        for ev, scored, reviewed in self._evaluations:
            errors = [f for f in scored.findings if f.severity == ERROR]
            status = review.STATUS_NAMES.get(ev.status, ev.status)
            first = _cell(ev.unit or "（未指定）", ev.id)
            count = _cell(len(errors) or "")
            count.setToolTip("\n".join(f.message for f in errors))
            rows.append(((first, ev.year, ev.project or ev.title, status, show(scored.total),
                          show(reviewed.total) if reviewed else "", scored.grade or "", count), False))
        _fill(self.list, rows)
        self._fill_summary()
        self._fill_differences()
        if selected is not None:
            self.select(selected)

    def _fill_summary(self) -> None:
        limit, rows = self._limit(), []
        for ev, scored, reviewed in self._evaluations:
            gap = total_difference(scored, reviewed)
            rows.append(((ev.unit or "", ev.year, ev.project or ev.title, review.STATUS_NAMES.get(ev.status, ev.status),
                          show(scored.total), show(reviewed.total) if reviewed else "", show(gap)),
                         gap is not None and abs(gap) > limit))
        _fill(self.summary, rows)

    def _fill_differences(self) -> None:
        limit, rows = self._limit(), []
        for ev, scored, _ in self._evaluations:
            for found in differences(ev, scored, limit):
                rows.append(((ev.unit or "", ev.year, ev.project or ev.title, " / ".join(found.path),
                              show(found.weight), show(found.self_score), show(found.review_score),
                              show(found.difference)), True))
        _fill(self.differences, rows)

    # -- selection -------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        return self.list.item(rows[0].row(), 0).data(ID) if rows else None

    def select(self, evaluation_id: int) -> None:
        for row in range(self.list.rowCount()):
            if self.list.item(row, 0).data(ID) == evaluation_id:
                self.list.selectRow(row)
                return

    def _current(self):
        evaluation_id = self.selected_id()
        return next(((ev, scored) for ev, scored, _ in self._evaluations if ev.id == evaluation_id), (None, None))

    def _show_selected(self) -> None:
        ev, scored = self._current()
        ws = self.window.ws
        reviewer = ev is not None and not ws.readonly and (not ws.is_server or ws.is_reviewer or ws.is_admin)
        submitted = ev is not None and ev.status == "submitted"
        self.return_button.setEnabled(reviewer and submitted)
        self.approve_button.setEnabled(reviewer and submitted)
        notes = []
        if ev is not None and ev.submit_note:
            notes.append(f"提交说明：{ev.submit_note}")
        if ev is not None and ev.review_comment:
            notes.append(f"退回意见：{ev.review_comment}")
        self.notes.setText("\n".join(notes))
        limit, rows = self._limit(), []
        for result in scored.indicators if scored else ():
            leaf = result.indicator
            gap = difference(result)
            rows.append(((_cell(" / ".join(result.path), leaf.id), show(result.weight), show(result.score),
                          _cell("" if leaf.review_score is None else show(leaf.review_score), leaf.id,
                                editable=reviewer and submitted), show(gap)),
                         gap is not None and abs(gap) > limit))
        _fill(self.indicators, rows)

    # -- actions ----------------------------------------------------------------------------
    def _review_score_typed(self, item: QTableWidgetItem) -> None:
        if item.column() != REVIEW_COLUMN:
            return
        text = item.text().strip() or None
        try:
            command = review.SetReviewScore(item.data(ID), text)
        except WorkspaceError as exc:  # a refused value: say why, show the stored one
            self.document.failed.emit(str(exc))
            self._show_selected()
            return
        if not self.document.execute(command):
            self._show_selected()

    def _return(self) -> None:
        ev, _ = self._current()
        comment, ok = QInputDialog.getMultiLineText(self, "退回", f"退回“{ev.project or ev.title}”的意见：")
        if not ok:
            return
        try:
            command = review.return_for_revision(ev.id, comment)
        except WorkspaceError as exc:  # e.g. no comment written
            QMessageBox.warning(self, "退回", str(exc))
            return
        self.document.execute(command)

    def _approve(self) -> None:
        ev, _ = self._current()
        answer = QMessageBox.question(self, "通过", f"通过“{ev.project or ev.title}”？通过后评价表定稿，不能再修改。")
        if answer == QMessageBox.StandardButton.Yes:
            self.document.execute(review.approve(ev.id, self.document.scheme(), self.window.ws.actor))

    @classmethod
    def show_for(cls, window) -> "ReviewWindow":
        view = window.findChild(cls)
        if view is None:
            view = cls(window)
        view.show()
        view.raise_()
        return view
