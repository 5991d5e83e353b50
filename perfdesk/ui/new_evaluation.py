"""The 新建评价表 dialog."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox

from perfdesk.ui.texts import FORM_NAMES


class NewEvaluationDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("新建评价表")
        layout = QFormLayout(self)
        self.form_kind = QComboBox()
        for code, name in FORM_NAMES.items():
            self.form_kind.addItem(name, code)
        self.year = QSpinBox(minimum=1900, maximum=2200, value=date.today().year - 1)
        self.project = QLineEdit(placeholderText="例如：城乡医疗救助")
        layout.addRow("表格类型", self.form_kind)
        layout.addRow("年度", self.year)
        layout.addRow("项目名称", self.project)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> tuple[str, int, str | None]:
        return self.form_kind.currentData(), self.year.value(), self.project.text().strip() or None
