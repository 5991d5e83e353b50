"""统计图: per year, execution rate and total score per evaluation, and the grade distribution.

Projects are horizontal bars with their names at the left and their values at the bar ends, the
charts as tall as the year has projects (the dialog scrolls); it opens on the selected table's year.
"""
from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from perfdesk.ui.charts import BLUE, GREEN, GRAY, BarChart


class Dashboard(QDialog):
    _open: "Dashboard | None" = None

    @classmethod
    def show_for(cls, window) -> "Dashboard":
        if cls._open is None or cls._open.window is not window:
            cls._open = Dashboard(window)
        cls._open.refresh(year=window.evaluation.year if window.evaluation else None)
        cls._open.show()
        cls._open.raise_()
        return cls._open

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setWindowTitle("统计图")
        self.resize(900, 720)
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda _i: self.refresh(keep_year=True))
        self.rates = BarChart("预算执行率（%），从高到低", horizontal=True, values=True)
        self.totals = BarChart("自评总分，从高到低", horizontal=True, values=True)
        self.grades = BarChart("等级分布（个）", values=True)
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addStretch()
        charts = QWidget()
        column = QVBoxLayout(charts)
        for chart in (self.rates, self.totals, self.grades):
            chart.ensure_loaded()
            column.addWidget(chart)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(charts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self._follow(window.document)
        window.document_replaced.connect(self._follow)

    def _follow(self, document) -> None:
        document.changed.connect(lambda _id: self.isVisible() and self.refresh(keep_year=True))
        if self.isVisible():
            self.refresh()

    def refresh(self, keep_year: bool = False, year: int | None = None) -> None:
        """`year` to show (else the one shown, with keep_year, else the latest)."""
        document = self.window.document
        pairs = [(ev, document.scored(ev)) for ev in document.ws.evaluations()]
        years = sorted({ev.year for ev, _ in pairs}, reverse=True)
        chosen = year if year is not None else (self.year.currentData() if keep_year else None)
        blocked = self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(f"{y} 年度", y)
        if chosen in years:
            self.year.setCurrentIndex(years.index(chosen))
        self.year.blockSignals(blocked)
        year = self.year.currentData()
        self.show_year([(ev, s) for ev, s in pairs if ev.year == year])

    def show_year(self, pairs) -> None:
        names = lambda rows: [ev.project or ev.title or str(ev.id) for ev, _s in rows]  # noqa: E731
        with_rate = sorted((p for p in pairs if p[1].fund and p[1].fund.rate is not None),
                           key=lambda p: p[1].fund.rate, reverse=True)
        self.rates.set_bars(names(with_rate), [([float(s.fund.rate) for _e, s in with_rate], GREEN)], 100)
        scored = sorted((p for p in pairs if p[1].total is not None), key=lambda p: p[1].total, reverse=True)
        self.totals.set_bars(names(scored), [([float(s.total) for _e, s in scored], BLUE)], 100)
        bands = [g for _b, g in self.window.document.scheme().grade_bands]
        counts = Counter(s.grade for _e, s in scored)
        self.grades.set_bars(bands, [([float(counts.get(g, 0)) for g in bands], GRAY)])
        self.counts = counts
