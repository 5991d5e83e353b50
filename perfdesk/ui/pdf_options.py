"""Before 导出PDF: paper orientation and, on Windows, the installed 宋体/仿宋/黑体 instead of the bundled font."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout

from perfdesk.reports import installed_choices

BUNDLED = "随软件提供的宋体（AR PL UMing）"


class PdfOptionsDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QFormLayout(self)
        self.orientation = QComboBox()
        self.orientation.addItem("纵向（A4）", False)
        self.orientation.addItem("横向（A4）", True)
        self.font = QComboBox()
        self.font.addItem(BUNDLED, None)
        for key, name in installed_choices().items():
            self.font.addItem(f"系统字体：{name}", key)
        layout.addRow("纸张方向", self.orientation)
        layout.addRow("打印字体", self.font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> tuple[bool, str | None]:
        return self.orientation.currentData(), self.font.currentData()
