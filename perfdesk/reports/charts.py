"""Bar charts for print (reportlab.graphics): execution rate and score per evaluation."""
from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from perfdesk.reports import texts
from perfdesk.reports.fonts import FontSet

BAR = colors.HexColor("#4a6fa5")
HEIGHT = 190
BAR_SLOT = 36  # most width one bar takes, so a few bars do not fill the page


def bar_chart(fonts: FontSet, title: str, values: list[float], width: float, top: float) -> Drawing:
    """Bars numbered 1…n (the 序号 of the 汇总表) on a value axis from 0 to `top`."""
    drawing = Drawing(width, HEIGHT)
    drawing.initialFontName = fonts.body.name  # else the renderer starts in Helvetica (not embedded)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.height = 36, 30, HEIGHT - 62
    chart.width = min(width - 50, 40 + BAR_SLOT * len(values))
    chart.x = max(36, (width - chart.width) / 2)
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = [str(i + 1) for i in range(len(values))]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.valueAxis.valueStep = top / 5
    chart.bars[0].fillColor = BAR
    chart.bars.strokeColor = None
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName, labels.fontSize = fonts.body.name, 8
    if len(values) <= 20:
        chart.barLabelFormat = "%.2f"
        chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(width / 2, HEIGHT - 16, title, fontName=fonts.heading.name, fontSize=11, textAnchor="middle"))
    return drawing


def report_charts(fonts: FontSet, rates: list[float], scores: list[float], width: float) -> list[Drawing]:
    top_rate = math.ceil(max([100.0, *rates]) / 20) * 20
    return [bar_chart(fonts, texts.CHART_RATE, rates, width, top_rate),
            bar_chart(fonts, texts.CHART_SCORE, scores, width, 100.0)]
