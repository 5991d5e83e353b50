"""The live score panel: total and grade, fund score, earned vs 分值 per 一级, the findings."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFormLayout, QLabel, QListView, QVBoxLayout, QWidget

from perfdesk.scoring.audit import where_of
from perfdesk.scoring.numbers import show
from perfdesk.ui.charts import BLUE, GRAY, BarChart

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_COLOURS = {"error": "#a40000", "warning": "#8f5902", "info": "#204a87"}
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
FUND_CODES = ("FUND_RATE_MISMATCH", "FUND_SCORE_MISMATCH", "FUND_PARTS_SUM", "OVER_EXECUTION")


def _short(label: str) -> str:
    return label.split("(")[0].split("（")[0].strip() or label


class ScorePanel(QWidget):
    finding_activated = Signal(object)  # ("indicator", id) / ("funds", None) / ("header", None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.total = QLabel(styleSheet="font-size: 26pt; font-weight: bold;")
        self.grade = QLabel(styleSheet="font-size: 18pt;")
        self.fund = QLabel(wordWrap=True)
        self.indicators = QLabel()
        self.recorded = QLabel(wordWrap=True)
        form = self.form = QFormLayout()
        form.addRow("总分", self.total)
        form.addRow("等级", self.grade)
        form.addRow("资金得分", self.fund)
        form.addRow("指标得分", self.indicators)
        form.addRow("原表", self.recorded)
        self.chart = BarChart("各一级指标 得分（蓝）/ 分值（灰）")
        self.chart.setMaximumHeight(230)
        self.findings_model = QStandardItemModel(self)
        self.findings = QListView()
        self.findings.setModel(self.findings_model)
        self.findings.setWordWrap(True)
        self.findings.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.findings.doubleClicked.connect(lambda i: self.finding_activated.emit(i.data(TARGET_ROLE)))
        self.findings_title = QLabel()
        self._charted = self._listed = None  # what is on screen, to skip redrawing the same
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.chart)
        layout.addWidget(self.findings_title)
        layout.addWidget(self.findings, 1)

    def show_result(self, ev, scored) -> None:
        if ev is None:
            for label in (self.total, self.grade, self.fund, self.indicators, self.recorded):
                label.clear()
            self.findings_model.clear()
            self.findings_title.clear()
            self.chart.set_bars([], [])
            self._charted = self._listed = None
            return
        self._show_scores(ev, scored)
        # unscored forms have no 分值 to chart; a table just begun has no groups to chart yet
        self.chart.setVisible(ev.scored and any(len(g.path) == 1 for g in scored.groups))
        self._show_chart(scored)
        self._show_findings(scored)

    def _show_scores(self, ev, scored) -> None:
        self.form.labelForField(self.grade).setText("等级" if ev.scored else "完成情况")
        if not ev.scored:
            done = sum(1 for r in scored.indicators if r.status == "完成")
            self.total.setText("不评分")
            self.grade.setText(f"完成 {done} / {len(scored.indicators)} 项")
        elif scored.nothing_scored:
            self.total.setText("—")
            self.grade.setText("—")
        else:
            self.total.setText(show(scored.total))
            self.grade.setText(scored.grade or "—")
        fund = scored.fund
        self.fund.setText("—" if fund is None or fund.rate is None else
                          f"{show(fund.score) if fund.score is not None else '—'}（执行率 {show(fund.rate)}%）")
        self.fund.setToolTip(fund.explanation if fund else "")
        self.indicators.setText(show(scored.indicator_total) if ev.scored else "—")
        printed = [f"总分 {show(scored.recorded_total)}" if scored.recorded_total is not None else "",
                   f"等级 {scored.recorded_grade}" if scored.recorded_grade else ""]
        self.recorded.setText("，".join(p for p in printed if p) or "无")

    def _show_chart(self, scored) -> None:
        groups = [g for g in scored.groups if len(g.path) == 1]
        if groups == self._charted:
            return
        self._charted = groups
        weights = [float(g.weight) for g in groups]
        scores = [float(g.score) for g in groups]
        self.chart.set_bars([_short(g.path[0]) for g in groups], [(weights, GRAY), (scores, BLUE)],
                            max(weights + scores + [1.0]))

    def _show_findings(self, scored) -> None:
        shown = (scored.findings, tuple(r.indicator.id for r in scored.indicators))
        if shown == self._listed:
            return
        self._listed = shown
        self.findings_model.clear()
        targets = {where_of(r): ("indicator", r.indicator.id) for r in scored.indicators}
        for f in scored.findings:
            item = QStandardItem(f"【{SEVERITY_NAMES.get(f.severity, f.severity)}】{f.message}\n{f.where}")
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "black"))))
            item.setToolTip(f.code)
            item.setData(targets.get(f.where) or (("funds", None) if f.code in FUND_CODES else ("indicators", None)),
                         TARGET_ROLE)
            self.findings_model.appendRow(item)
        count = len(scored.findings)
        self.findings_title.setText(f"审核发现（{count} 条，双击定位）" if count else "审核发现：无")
