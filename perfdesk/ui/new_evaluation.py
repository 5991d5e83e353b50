"""The 新建评价表 dialog: form, year, project and the indicator framework to start from."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox

from perfdesk.io import templates
from perfdesk.ui.texts import FORM_NAMES, NO_TEMPLATE

# The framework a new table of each form starts from (the user may choose another or none).
DEFAULT_TEMPLATE = {"department_overall_eval": "department_overall"}
FALLBACK_TEMPLATE = "mof_2020"


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
        self.framework = QComboBox()
        for template in templates.templates():
            self.framework.addItem(template.name, template.key)
            self.framework.setItemData(self.framework.count() - 1, template.note, 3)  # tooltip role
        self.framework.addItem(NO_TEMPLATE, None)
        layout.addRow("表格类型", self.form_kind)
        layout.addRow("年度", self.year)
        layout.addRow("项目名称", self.project)
        layout.addRow("指标框架", self.framework)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.form_kind.currentIndexChanged.connect(self._default_framework)
        self._default_framework()

    def _default_framework(self) -> None:
        key = DEFAULT_TEMPLATE.get(self.form_kind.currentData(), FALLBACK_TEMPLATE)
        self.framework.setCurrentIndex(max(0, self.framework.findData(key)))

    def values(self) -> tuple[str, int, str | None]:
        return self.form_kind.currentData(), self.year.value(), self.project.text().strip() or None

    def template(self):
        """The chosen framework (io.templates.Template), or None for an empty tree."""
        return templates.template(self.framework.currentData()) if self.framework.currentData() else None
