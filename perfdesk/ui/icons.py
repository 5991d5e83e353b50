"""Small icons drawn at run time (no image files to bundle)."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

LOCK_COLOUR = QColor("#8f5902")


@lru_cache(maxsize=1)
def lock_icon() -> QIcon:
    """A padlock: marks finalised (定稿) tables."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(LOCK_COLOUR, 3.5))
    shackle = QPainterPath()
    shackle.moveTo(10, 15)
    shackle.lineTo(10, 10)
    shackle.arcTo(QRectF(10, 3, 12, 14), 180, -180)
    shackle.lineTo(22, 15)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(LOCK_COLOUR)
    painter.drawRoundedRect(QRectF(6, 14, 20, 16), 3, 3)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QRectF(14, 19, 4, 4))
    painter.end()
    return QIcon(pixmap)
