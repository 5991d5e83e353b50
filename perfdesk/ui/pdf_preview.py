"""Showing a generated PDF inside the application, a page at a time (rendered with pdfium),
or in the system viewer when the preview cannot load it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

TITLE = "PDF预览 — {name}"
OPEN_EXTERNALLY = "用系统查看器打开"
CLOSE = "关闭"
PAGE_OF = "共 {count} 页"
SCALE = 1.4  # about 100 dpi: an A4 page is legible without zooming


class PreviewUnavailable(Exception):
    """The PDF cannot be shown inside the application."""


def render_page(document, index: int, scale: float = SCALE) -> QImage:
    """One page as an opaque QImage (pdfium fills the page white)."""
    bitmap = document[index].render(scale=scale, rev_byteorder=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: pdfium frees its buffer


class PdfPreview(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        try:
            import pypdfium2
            self.document = pypdfium2.PdfDocument(str(self.path))
        except Exception as exc:  # noqa: BLE001 - any failure means: use the system viewer
            raise PreviewUnavailable(str(exc)) from None
        self.page = QLabel(alignment=Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setWidget(self.page)
        self.scroll.setStyleSheet("background: #808080")  # grey desk around white pages
        self.number = QSpinBox(minimum=1, maximum=max(len(self.document), 1), prefix="第 ", suffix=" 页")
        self.number.valueChanged.connect(lambda n: self.show_page(n - 1))
        self.setWindowTitle(TITLE.format(name=self.path.name))
        self.resize(900, 1000)
        self._layout()
        self.show_page(0)

    def _layout(self) -> None:
        previous, following = QPushButton("上一页"), QPushButton("下一页")
        previous.clicked.connect(lambda: self.number.setValue(self.number.value() - 1))
        following.clicked.connect(lambda: self.number.setValue(self.number.value() + 1))
        navigation = QHBoxLayout()
        for widget in (previous, self.number, QLabel(PAGE_OF.format(count=self.page_count)), following):
            navigation.addWidget(widget)
        navigation.addStretch()
        buttons = QDialogButtonBox(self)
        buttons.addButton(OPEN_EXTERNALLY, QDialogButtonBox.ButtonRole.ActionRole).clicked.connect(self.open_externally)
        buttons.addButton(CLOSE, QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addWidget(self.scroll)
        layout.addWidget(buttons)

    def show_page(self, index: int) -> None:
        self.image = render_page(self.document, index)
        self.page.setPixmap(QPixmap.fromImage(self.image))

    def open_externally(self) -> None:
        open_in_system_viewer(self.path)

    @property
    def page_count(self) -> int:
        return len(self.document)

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)


def open_in_system_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def preview_pdf(parent: QWidget | None, path: Path) -> None:
    """Show `path` in the preview dialog; fall back to the system viewer."""
    try:
        dialog = PdfPreview(path, parent)
    except PreviewUnavailable:
        open_in_system_viewer(path)
        return
    dialog.exec()
