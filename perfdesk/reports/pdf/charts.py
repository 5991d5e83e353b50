"""Bar charts for print (reportlab.graphics): execution rate and score per evaluation."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from perfdesk.reports.content import Chart
from perfdesk.reports.pdf.fonts import FontSet

BAR = colors.HexColor("#4a6fa5")
HEIGHT = 190
BAR_SLOT = 36  # most width one bar takes, so a few bars do not fill the page


def bar_chart(fonts: FontSet, chart: Chart, width: float) -> Drawing:
    """Bars numbered 1…n (the 序号 of the 汇总表) on a value axis from 0 to `chart.top`."""
    drawing = Drawing(width, HEIGHT)
    drawing.initialFontName = fonts.body.name  # else the renderer starts in Helvetica (not embedded)
    bars = VerticalBarChart()
    bars.x, bars.y, bars.height = 36, 30, HEIGHT - 62
    bars.width = min(width - 50, 40 + BAR_SLOT * len(chart.values))
    bars.x = max(36, (width - bars.width) / 2)
    bars.data = [list(chart.values) or [0]]
    bars.categoryAxis.categoryNames = [str(i + 1) for i in range(len(chart.values))]
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, chart.top
    bars.valueAxis.valueStep = chart.top / 5
    bars.valueAxis.labels.dx = -8  # clear of the tick marks
    bars.bars[0].fillColor = BAR
    bars.bars.strokeColor = None
    for labels in (bars.categoryAxis.labels, bars.valueAxis.labels, bars.barLabels):
        labels.fontName, labels.fontSize = fonts.body.name, 8
    if len(chart.values) <= 20:
        bars.barLabelFormat = "%.2f"
        bars.barLabels.nudge = 6
    drawing.add(bars)
    drawing.add(String(width / 2, HEIGHT - 16, chart.title, fontName=fonts.heading.name, fontSize=11,
                       textAnchor="middle"))
    return drawing
