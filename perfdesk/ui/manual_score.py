"""The dialog that asks for a manual score and its reason; a problem is shown in it, not after it."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

PROBLEM_STYLE = "color: #a40000;"


class ManualScoreDialog(QDialog):
    def __init__(self, name: str, weight: str, explanation: str, score: str, reason: str,
                 check=None, parent=None):
        """`check(score, reason)` returns what is wrong (Chinese) or None; the dialog stays open
        with the typed score and reason until it is right or cancelled."""
        super().__init__(parent)
        self.setWindowTitle("手工评分")
        self.check = check or (lambda score, reason: None)
        layout = QFormLayout(self)
        layout.addRow("指标", QLabel(name, wordWrap=True))
        layout.addRow("分值", QLabel(weight))
        layout.addRow("按规则", QLabel(explanation, wordWrap=True))
        self.score = QLineEdit(score, placeholderText="留空则按规则计分（原表印的得分也不再采用）")
        self.reason = QPlainTextEdit(reason)
        self.reason.setPlaceholderText("手工评分必须写明理由，例如评审扣分依据")
        self.problem = QLabel(wordWrap=True, styleSheet=PROBLEM_STYLE, visible=False)
        layout.addRow("得分", self.score)
        layout.addRow("理由", self.reason)
        layout.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.score.textEdited.connect(lambda _t: self.problem.hide())
        self.reason.textChanged.connect(self.problem.hide)
        if score:  # typed on the cell: carry on typing after it
            self.score.setFocus()
            self.score.end(False)

    def accept(self) -> None:
        problem = self.check(*self.values())
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            (self.reason if "理由" in problem else self.score).setFocus()
            return
        super().accept()

    def values(self) -> tuple[str, str]:
        return self.score.text().strip(), self.reason.toPlainText().strip()
