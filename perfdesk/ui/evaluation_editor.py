"""The evaluation editor: one tab per section of the form."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from perfdesk.models.commands import DeleteRow, InsertRow
from perfdesk.ui.indicator_pane import IndicatorPane
from perfdesk.ui.row_models import FundLinesModel, FundManagementModel
from perfdesk.ui.sections import GoalsForm, HeaderForm, ReportForm, SigningForm


class RowTable(QWidget):
    """A table of flat rows with add/delete buttons (fund lines, 资金管理情况)."""

    def __init__(self, document, model, new_label: str, note: str = "", parent=None):
        super().__init__(parent)
        self.document = document
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(True)
        self.new_label = new_label
        add, delete = QPushButton("添加行"), QPushButton("删除行")
        add.clicked.connect(self.add_row)
        delete.clicked.connect(self.delete_row)
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
        current = self.view.currentIndex()
        position = current.row() + 1 if current.isValid() else self.model.rowCount()
        key = "label" if self.model.table == "fund_line" else "item"
        self.document.execute(InsertRow(self.model.table, ev.id, position, {key: self.new_label}), "添加行")

    def delete_row(self) -> None:
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

    def show_evaluation(self, ev, scored) -> None:
        switched = self.shown is None or self.shown.id != ev.id
        for part in (self.header, self.goals, self.report, self.signing, self.indicators):
            part.show_evaluation(ev, scored)
        fund_changed = switched or self.shown.funds != ev.funds or self.shown.status != ev.status \
            or self.funds.model.scored is None or self.funds.model.scored.fund != scored.fund  # e.g. a new scheme
        if fund_changed:
            self.funds.model.set_evaluation(ev, scored)
        if switched or self.shown.fund_management != ev.fund_management or self.shown.status != ev.status:
            self.fund_management.model.set_evaluation(ev, scored)
            self.fund_management.view.resizeRowsToContents()
        self.setTabVisible(self.indexOf(self.fund_management), ev.form == "transfer_payment_self_eval")
        self.setTabVisible(self.indexOf(self.funds), ev.form != "department_overall_eval" or bool(ev.funds))
        if switched:
            self.funds.view.resizeColumnsToContents()
        self.shown = ev

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
