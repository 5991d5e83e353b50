"""pyqtgraph charts, imported only when first drawn (the import costs most of a second)."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

GRAY = (190, 190, 190)
BLUE = (52, 101, 164)
GREEN = (78, 154, 6)


def _pg():
    import pyqtgraph as pg
    pg.setConfigOptions(background="w", foreground="k", antialias=True)
    return pg


class BarChart(QWidget):
    """Horizontal category bars; created empty and filled once pyqtgraph is loaded."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title = title
        self.plot = None
        self._pending = None
        self._bars = []
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
        if self.plot is None:
            return
        if previous is not None and self._bars and _same_shape(previous, self._pending):
            for item, (values, _colour) in zip(self._bars, series):
                item.setOpts(height=values)  # an edit changed a height: no need to rebuild the plot
            return
        pg = _pg()
        self.plot.clear()
        self._bars = []
        count = max(len(series), 1)
        width = 0.8 / count
        for n, (values, colour) in enumerate(series):
            xs = [i - 0.4 + width * (n + 0.5) for i in range(len(values))]
            self._bars.append(pg.BarGraphItem(x=xs, height=values, width=width * 0.95, brush=colour, pen=None))
            self.plot.addItem(self._bars[-1])
        axis = self.plot.getAxis("bottom")
        axis.setTicks([list(enumerate(labels))])
        self.plot.setXRange(-0.6, max(len(labels) - 0.4, 0.4), padding=0)
        top = y_max if y_max is not None else max([max(v, default=0) for v, _ in series] + [1])
        self.plot.setYRange(0, top * 1.05, padding=0)

    def heights(self) -> list[list[float]]:
        """What the bars on screen show, per series (for tests)."""
        return [list(item.opts["height"]) for item in self._bars]

    def image(self):
        """The chart as a QImage (for tests and print previews)."""
        from pyqtgraph.exporters import ImageExporter
        return ImageExporter(self.plot.plotItem).export(toBytes=True)


def _same_shape(old, new) -> bool:
    """Same labels, series colours and scale: only heights may differ."""
    (old_labels, old_series, old_max), (labels, series, y_max) = old, new
    return old_labels == labels and old_max == y_max and y_max is not None \
        and [c for _v, c in old_series] == [c for _v, c in series]
