"""Before 导出PDF / 导出Word: paper orientation, the 自评报告's sections, and (PDF) on Windows the
installed 宋体/仿宋/黑体 instead of the bundled font."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from perfdesk.reports import installed_choices
from perfdesk.scoring.messages import REPORT_SECTIONS

BUNDLED = "随软件提供的宋体（AR PL UMing）"


class PdfOptionsDialog(QDialog):
    def __init__(self, title: str, parent=None, report: bool = False, fonts: bool = True):
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
        if fonts:  # a Word document names its fonts; Word and WPS pick the installed faces
            layout.addRow("打印字体", self.font)
        else:
            self.font.hide()
        self.sections: dict[str, QCheckBox] = {}
        if report:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            for key, heading in REPORT_SECTIONS:
                self.sections[key] = QCheckBox(heading.split("、", 1)[1], checked=True)
                self.sections[key].toggled.connect(self._allow_ok)
                column.addWidget(self.sections[key])
            layout.addRow("报告章节", box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)

    def _allow_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(any(b.isChecked() for b in self.sections.values()))

    def values(self) -> tuple[bool, str | None]:
        return self.orientation.currentData(), self.font.currentData()

    def chosen_sections(self) -> tuple[str, ...] | None:
        """The report sections left on; None when the dialog offers none (not a report)."""
        if not self.sections:
            return None
        return tuple(key for key, box in self.sections.items() if box.isChecked())
