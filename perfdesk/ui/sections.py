"""The simple sections of the evaluation editor: forms of bound fields."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox, QMessageBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from perfdesk.models.commands import SetFinal, SetReportSection
from perfdesk.ui import texts
from perfdesk.ui.binding import FieldBinding
from perfdesk.ui.texts import FORM_NAMES, MONEY_UNITS, REPORT_SECTIONS, STATUS_NAMES


class BoundForm(QWidget):
    """A section whose widgets are each bound to one field of the evaluation row."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.bindings: dict[str, FieldBinding] = {}

    def bind(self, widget, field: str, label: str, make_command=None) -> FieldBinding:
        binding = FieldBinding(self.document, widget, "evaluation", field, label, make_command)
        self.bindings[field] = binding
        return binding

    def show_evaluation(self, ev, scored=None) -> None:
        editable = self.document.locked_reason(ev) is None and not self.document.ws.readonly
        for field, binding in self.bindings.items():
            binding.show(ev.id, self.value_of(ev, field), editable)

    def value_of(self, ev, field):
        return getattr(ev, field)


class HeaderForm(BoundForm):
    """基本信息: what the table's header rows print."""

    FIELDS = (
        ("title", "表名"), ("project", "项目名称"), ("department", "主管部门"),
        ("department_code", "主管部门编码"), ("central_department", "中央主管部门"),
        ("implementer", "实施单位/预算单位"),
    )

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        layout = QFormLayout(self)
        self.form_kind = QComboBox()
        for code, name in FORM_NAMES.items():
            self.form_kind.addItem(name, code)
        layout.addRow("表格类型", self.form_kind)
        self.bind(self.form_kind, "form", "表格类型")
        self.year = QLineEdit()
        layout.addRow("年度", self.year)
        self.bind(self.year, "year", "年度")
        self.rows = {}
        for field, label in self.FIELDS:
            edit = QLineEdit()
            layout.addRow(label, edit)
            self.bind(edit, field, label)
            self.rows[field] = edit
        self.money_unit = QComboBox()
        for unit in MONEY_UNITS:
            self.money_unit.addItem(unit, unit)
        layout.addRow("金额单位", self.money_unit)
        self.bind(self.money_unit, "money_unit", "金额单位")

    def show_evaluation(self, ev, scored=None) -> None:
        super().show_evaluation(ev, scored)
        transfer = ev.form == "transfer_payment_self_eval"
        label = self.layout().labelForField(self.rows["central_department"])
        for widget in (self.rows["central_department"], label):
            widget.setVisible(transfer)


class GoalsForm(BoundForm):
    """年度总体目标: 预期目标 and 实际完成情况 side by side."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        layout = QGridLayout(self)
        for column, (field, label) in enumerate((("goal_target", "预期目标"), ("goal_actual", "实际完成情况"))):
            edit = QPlainTextEdit()
            layout.addWidget(QLabel(label), 0, column)
            layout.addWidget(edit, 1, column)
            self.bind(edit, field, label)


class ReportForm(BoundForm):
    """报告文字: the user's own paragraphs for each section of the 自评报告."""

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        inner = QWidget()
        column = QVBoxLayout(inner)
        for key, heading in REPORT_SECTIONS:
            box = QGroupBox(heading)
            edit = QPlainTextEdit()
            edit.setMinimumHeight(90)
            QVBoxLayout(box).addWidget(edit)
            column.addWidget(box)
            self.bind(edit, key, heading, lambda row_id, value, key=key: SetReportSection(row_id, key, value))
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)

    def value_of(self, ev, field):
        return dict(ev.report_sections).get(field)


class SigningForm(BoundForm):
    """签章: signatories, date, and the final (locked) status."""

    FIELDS = (("preparer", "填报人"), ("phone", "联系电话"), ("reviewer", "审核人"),
              ("head", "单位负责人"), ("finance_head", "财务负责人"), ("fill_date", "填报日期"))

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        layout = QFormLayout(self)
        for field, label in self.FIELDS:
            edit = QLineEdit()
            if field == "fill_date":
                edit.setPlaceholderText("例如 2026-03-25")
            layout.addRow(label, edit)
            self.bind(edit, field, label)
        self.status_label = QLabel()
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self._toggle_final)
        row = QHBoxLayout()
        row.addWidget(self.status_label)
        row.addWidget(self.lock_button)
        row.addStretch()
        layout.addRow("状态", row)
        self.evaluation = None

    def value_of(self, ev, field):
        return getattr(ev.signatories, "date" if field == "fill_date" else field)

    def show_evaluation(self, ev, scored=None) -> None:
        super().show_evaluation(ev, scored)
        self.evaluation = ev
        final = ev.status == "final"
        text = STATUS_NAMES[ev.status] + ("（已锁定，不能修改）" if final else "")
        if final and ev.finalised_by:
            text += "\n" + texts.FINALISED_BY.format(who=ev.finalised_by, when=texts.when(ev.finalised_at))
        if ev.status == "returned" and ev.review_comment:  # what the reviewer asks the unit to change
            text += "\n" + texts.RETURNED_WITH.format(comment=ev.review_comment)
        self.status_label.setText(text)
        self.lock_button.setText("解除定稿…" if final else "定稿（锁定）…")
        self.lock_button.setEnabled(not self.document.ws.readonly)

    def _toggle_final(self) -> None:
        toggle_final(self, self.document, self.evaluation)


def toggle_final(parent, document, ev) -> bool:
    """定稿 / 解除定稿 after the user confirms; the workspace's scheme of the moment is kept."""
    final = ev.status != "final"
    name = ev.project or ev.title or f"评价表 {ev.id}"
    question = (texts.CONFIRM_FINAL if final else texts.CONFIRM_UNFINAL).format(name=name)
    answer = QMessageBox.question(parent, "定稿" if final else "解除定稿", question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    scheme = document.scheme() if final else None
    actor = document.ws.actor if final else None
    at = datetime.now().isoformat(timespec="seconds") if final else None
    return document.execute(SetFinal(ev.id, final, scheme, actor, at))
