"""Bar charts for print (reportlab.graphics): execution rate and score per evaluation."""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from perfdesk.reports import texts
from perfdesk.reports.content import Chart
from perfdesk.reports.pdf.fonts import FontSet

BAR = colors.HexColor("#4a6fa5")
HEIGHT = 190
BAR_SLOT = 36  # most width one bar takes, so a few bars do not fill the page
TITLE_SIZE, LABEL_SIZE = 11, 8
TITLE_BASELINE = HEIGHT - 14
NUDGE = 3  # between a bar's top and its value label
# the plot's top leaves a value label over the tallest bar (it reaches the axis top at most)
# clear of the title's descenders
PLOT_TOP = TITLE_BASELINE - 0.25 * TITLE_SIZE - 4 - LABEL_SIZE - NUDGE
PLOT_BOTTOM = 30  # room for the 序号 under the axis


def bar_chart(fonts: FontSet, chart: Chart, width: float) -> Drawing:
    """Bars numbered 1…n (the 序号 of the 汇总表) on a value axis from 0 to `chart.top`; a value
    that could not be computed (None) has no bar and the label "—"."""
    drawing = Drawing(width, HEIGHT)
    drawing.initialFontName = fonts.body.name  # else the renderer starts in Helvetica (not embedded)
    bars = VerticalBarChart()
    bars.y, bars.height = PLOT_BOTTOM, PLOT_TOP - PLOT_BOTTOM
    bars.width = min(width - 50, 40 + BAR_SLOT * len(chart.values))
    bars.x = max(36, (width - bars.width) / 2)
    bars.data = [list(chart.values) or [0]]
    bars.categoryAxis.categoryNames = [str(i + 1) for i in range(len(chart.values))]
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, chart.top
    bars.valueAxis.valueStep = chart.step
    bars.valueAxis.labelTextFormat = _tick
    bars.valueAxis.labels.dx = -8  # clear of the tick marks
    bars.bars[0].fillColor = BAR
    bars.bars.strokeColor = None
    bars.naLabel = NA_Label()
    bars.naLabel.text = texts.DASH
    for labels in (bars.categoryAxis.labels, bars.valueAxis.labels, bars.barLabels, bars.naLabel):
        labels.fontName, labels.fontSize = fonts.body.name, LABEL_SIZE
    for labels in (bars.barLabels, bars.naLabel):
        labels.boxAnchor, labels.nudge = "s", NUDGE  # the label sits on the bar, whatever its height
    if len(chart.values) <= 20:
        bars.barLabelFormat = "%.2f"
    else:
        bars.naLabel.text = ""  # too many bars for labels: a missing bar says it
    drawing.add(bars)
    drawing.add(String(width / 2, TITLE_BASELINE, chart.title, fontName=fonts.heading.name, fontSize=TITLE_SIZE,
                       textAnchor="middle"))
    return drawing


def _tick(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:g}"
