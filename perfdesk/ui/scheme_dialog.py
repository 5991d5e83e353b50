"""评分规则: edit the workspace's scoring scheme, previewing its effect on the open evaluation."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
)

from perfdesk.models.commands import SetSetting
from perfdesk.models.workspace import SCHEME_KEY
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.numbers import show
from perfdesk.scoring.scheme import RATE_CAP, ScoringScheme

FUND_RULE_NAMES = {"proportional": "按执行率比例：分值 × min(执行率, 100%)", "steps": "按执行率分档"}
KEPT = "{count} 张已定稿的评价表保留定稿时的评分规则，修改规则不影响它们的得分和等级；解除定稿后才按新规则计算。"
NONE_KEPT = "没有已定稿的评价表；新规则对所有评价表生效。"
FINAL_PREVIEW = "“{name}”已定稿，按定稿时的规则计分（{total} 分，{grade}），新规则不影响它。"
LOWER_NAMES = {"ratio": "比值：分值 × 目标 ÷ 实际", "linear": "线性：分值 × (1 − 超出比例)，超出一倍得 0"}


def _pairs_text(pairs) -> str:
    return "\n".join(f"{show(a)} {b if isinstance(b, str) else show(b)}" for a, b in pairs)


def _pairs(text: str, label: str) -> list[list[str]]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.replace("，", " ").replace(",", " ").split()
        if not parts:
            continue
        if len(parts) != 2:
            raise ValueError(f"{label}第 {n} 行应为两个值，用空格分开")
        rows.append(parts)
    return rows


def _numbers(text: str, count: int, label: str) -> list[str]:
    parts = text.replace("，", " ").replace(",", " ").replace("/", " ").split()
    if len(parts) != count:
        raise ValueError(f"{label}应填写 {count} 个数，用空格分开")
    return parts


class SchemeDialog(QDialog):
    def __init__(self, document, evaluation, parent=None):
        super().__init__(parent)
        self.setWindowTitle("评分规则")
        self.document = document
        self.evaluation = evaluation
        self.current = document.scheme()
        c = self.current
        self.fund_rule = QComboBox()
        for code, name in FUND_RULE_NAMES.items():
            self.fund_rule.addItem(name, code)
        self.fund_rule.setCurrentIndex(self.fund_rule.findData(c.fund_rule))
        self.fund_steps = QPlainTextEdit(_pairs_text(c.fund_steps), placeholderText="每行：最低执行率% 得分比例%\n例如 95 100")
        self.fund_steps.setMaximumHeight(90)
        self.fund_weight = QLineEdit(show(c.default_fund_weight))
        self.lower = QComboBox()
        for code, name in LOWER_NAMES.items():
            self.lower.addItem(name, code)
        self.lower.setCurrentIndex(self.lower.findData(c.lower_formula))
        self.tier_bands = QLineEdit(" ".join(show(v) for v in c.tier_bands))
        self.tier_defaults = QLineEdit(" ".join(show(v) for v in c.tier_defaults))
        self.grades = QPlainTextEdit(_pairs_text(c.grade_bands))
        self.grades.setMaximumHeight(100)
        self.cap = QCheckBox("按执行率封顶总分（执行率低于80%最高89分，70%以下79分，60%以下69分，50%以下59分）")
        self.cap.setChecked(bool(c.total_cap))
        self.preview = QLabel(wordWrap=True)
        self.kept = QLabel(wordWrap=True)
        finalised = [ev for ev in document.ws.evaluations() if ev.status == "final"]
        self.kept.setText(KEPT.format(count=len(finalised)) if finalised else NONE_KEPT)
        self.problem = QLabel(wordWrap=True, styleSheet="color: #a40000;")
        layout = QFormLayout(self)
        layout.addRow("资金得分", self.fund_rule)
        layout.addRow("资金分档表", self.fund_steps)
        layout.addRow("资金默认分值", self.fund_weight)
        layout.addRow("越低越好指标", self.lower)
        layout.addRow("定性档次下限%（达成 部分达成）", self.tier_bands)
        layout.addRow("定性默认得分%（达成 部分 未达成）", self.tier_defaults)
        layout.addRow("等级（每行：最低分 等级）", self.grades)
        layout.addRow("", self.cap)
        layout.addRow("效果预览", self.preview)
        layout.addRow("已定稿的表", self.kept)
        layout.addRow("", self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        for widget in (self.fund_weight, self.tier_bands, self.tier_defaults):
            widget.textChanged.connect(self.update_preview)
        for widget in (self.fund_steps, self.grades):
            widget.textChanged.connect(self.update_preview)
        for widget in (self.fund_rule, self.lower):
            widget.currentIndexChanged.connect(self.update_preview)
        self.cap.toggled.connect(self.update_preview)
        self.update_preview()

    def proposed(self) -> ScoringScheme:
        """The scheme the form describes; ValueError (Chinese) when it is not valid."""
        data = {
            "version": self.current.version,
            "fund_rule": self.fund_rule.currentData(),
            "fund_steps": _pairs(self.fund_steps.toPlainText(), "资金分档表"),
            "default_fund_weight": self.fund_weight.text().strip(),
            "lower_formula": self.lower.currentData(),
            "tier_bands": _numbers(self.tier_bands.text(), 2, "定性档次下限"),
            "tier_defaults": _numbers(self.tier_defaults.text(), 3, "定性默认得分"),
            "grade_bands": _pairs(self.grades.toPlainText(), "等级"),
            "total_cap": [[str(a), str(b)] for a, b in RATE_CAP] if self.cap.isChecked() else [],
        }
        return ScoringScheme.from_dict(data)

    def update_preview(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            scheme = self.proposed()
        except ValueError as exc:
            self.problem.setText(str(exc))
            ok.setEnabled(False)
            return
        self.problem.clear()
        ok.setEnabled(True)
        ev = self.evaluation
        if ev is None or not ev.scored:
            self.preview.setText("当前评价表不评分，无预览。" if ev else "未选择评价表。")
            return
        if ev.final_scheme is not None:
            kept = score_evaluation(ev, scheme)
            self.preview.setText(FINAL_PREVIEW.format(name=ev.project or ev.title, total=show(kept.total),
                                                      grade=kept.grade))
            return
        before, after = score_evaluation(ev, self.current), score_evaluation(ev, scheme)
        self.preview.setText(
            f"“{ev.project or ev.title}”：现在 {show(before.total)} 分（{before.grade}），"
            f"按新规则 {show(after.total)} 分（{after.grade}）")

    def apply(self) -> None:
        try:
            scheme = self.proposed()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        if scheme != self.current:
            scheme = replace(scheme, version=self.current.version + 1)
            self.document.execute(SetSetting(SCHEME_KEY, scheme.to_dict()), "修改评分规则")
        self.accept()
