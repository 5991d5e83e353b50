"""pyqtgraph charts, imported only when first drawn (the import costs most of a second).

Vertical bars for a few categories (the score panel's 一级指标); horizontal bars, one row per
project with its name at the left, for lists of projects (统计图): long Chinese names stay
readable however many projects a year has. Each bar can carry its value.
"""
from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

GRAY = (190, 190, 190)
BLUE = (52, 101, 164)
GREEN = (78, 154, 6)
ROW_HEIGHT = 24  # pixels per project in a horizontal chart
CHROME = 70  # title and axis of a horizontal chart
MAX_LABEL = 18  # characters of a project name shown at its bar


def _pg():
    import pyqtgraph as pg
    pg.setConfigOptions(background="w", foreground="k", antialias=True)
    return pg


def short_label(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[:MAX_LABEL - 1] + "…"


def value_text(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class BarChart(QWidget):
    """Category bars; created empty and filled once pyqtgraph is loaded."""

    def __init__(self, title: str, parent=None, horizontal: bool = False, values: bool = False):
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.show_values = values
        self.plot = None
        self._pending = None
        self._bars = []
        self._texts = []
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(160)

    def ensure_loaded(self) -> None:
        if self.plot is not None:
            return
        pg = _pg()
        self.plot = pg.PlotWidget(title=self.title)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.layout().addWidget(self.plot)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.set_bars(*pending)

    def set_bars(self, labels: list[str], series: list[tuple[list[float], tuple[int, int, int]]],
                 y_max: float | None = None) -> None:
        """Each series is drawn as bars side by side per label."""
        previous, self._pending = self._pending, (labels, series, y_max)
        if self.horizontal:
            self.setMinimumHeight(CHROME + ROW_HEIGHT * max(len(labels), 2))
        if self.plot is None:
            return
        if previous is not None and self._bars and _same_shape(previous, self._pending):
            for item, (values, _colour) in zip(self._bars, series):
                item.setOpts(**{"width" if self.horizontal else "height": values})
            self._place_values(series)
            return
        pg = _pg()
        self.plot.clear()
        self._bars, self._texts = [], []
        count = max(len(series), 1)
        band = 0.8 / count
        for n, (values, colour) in enumerate(series):
            offsets = [i - 0.4 + band * (n + 0.5) for i in range(len(values))]
            if self.horizontal:  # the first project at the top
                bars = pg.BarGraphItem(x0=0, y=[-o for o in offsets], height=band * 0.9, width=values,
                                       brush=colour, pen=None)
            else:
                bars = pg.BarGraphItem(x=offsets, height=values, width=band * 0.95, brush=colour, pen=None)
            self._bars.append(bars)
            self.plot.addItem(bars)
            if self.show_values:
                texts = [pg.TextItem(color=(40, 40, 40), anchor=(0, 0.5) if self.horizontal else (0.5, 1))
                         for _ in values]
                for text in texts:
                    self.plot.addItem(text)
                self._texts.append((offsets, texts))
        self._place_values(series)
        top = y_max if y_max is not None else max([max(v, default=0) for v, _ in series] + [1])
        self._axes(labels, top)

    def _axes(self, labels: list[str], top: float) -> None:
        room = 1.15 if self.show_values else 1.05  # space for the numbers past the longest bar
        if self.horizontal:
            axis = self.plot.getAxis("left")
            shown = [short_label(label) for label in labels]
            axis.setTicks([[(-i, text) for i, text in enumerate(shown)]])
            metrics = QFontMetrics(axis.font() if hasattr(axis, "font") else self.font())
            axis.setWidth(max([metrics.horizontalAdvance(t) for t in shown] + [20]) + 12)
            self.plot.getAxis("bottom").setTicks(None)
            self.plot.setYRange(-max(len(labels) - 1, 0) - 0.6, 0.6, padding=0)
            self.plot.setXRange(0, top * room, padding=0)
        else:
            self.plot.getAxis("bottom").setTicks([list(enumerate(labels))])
            self.plot.setXRange(-0.6, max(len(labels) - 0.4, 0.4), padding=0)
            self.plot.setYRange(0, top * room, padding=0)

    def _place_values(self, series) -> None:
        for (offsets, texts), (values, _colour) in zip(self._texts, series):
            for text, offset, value in zip(texts, offsets, values):
                text.setText(value_text(value))
                text.setPos(value, -offset) if self.horizontal else text.setPos(offset, value)

    def heights(self) -> list[list[float]]:
        """What the bars on screen show, per series (for tests)."""
        return [list(item.opts["width" if self.horizontal else "height"]) for item in self._bars]

    def value_labels(self) -> list[list[str]]:
        """The numbers printed at the bars, per series (for tests)."""
        return [[t.textItem.toPlainText() for t in texts] for _offsets, texts in self._texts]

    def tick_labels(self) -> list[str]:
        """The category names on the axis, in order (for tests)."""
        axis = self.plot.getAxis("left" if self.horizontal else "bottom")
        return [text for _pos, text in axis._tickLevels[0]] if axis._tickLevels else []

    def image(self):
        """The chart as a QImage (for tests and print previews)."""
        from pyqtgraph.exporters import ImageExporter
        return ImageExporter(self.plot.plotItem).export(toBytes=True)


def _same_shape(old, new) -> bool:
    """Same labels, series colours and scale: only heights may differ."""
    (old_labels, old_series, old_max), (labels, series, y_max) = old, new
    return old_labels == labels and old_max == y_max and y_max is not None \
        and [c for _v, c in old_series] == [c for _v, c in series]
