"""The dialog that asks for a manual score and its reason."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit


class ManualScoreDialog(QDialog):
    def __init__(self, name: str, weight: str, explanation: str, score: str, reason: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("手工评分")
        layout = QFormLayout(self)
        layout.addRow("指标", QLabel(name, wordWrap=True))
        layout.addRow("分值", QLabel(weight))
        layout.addRow("按规则", QLabel(explanation, wordWrap=True))
        self.score = QLineEdit(score, placeholderText="留空则按规则计分（原表印的得分也不再采用）")
        self.reason = QPlainTextEdit(reason)
        self.reason.setPlaceholderText("手工评分必须写明理由，例如评审扣分依据")
        layout.addRow("得分", self.score)
        layout.addRow("理由", self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.score.text().strip(), self.reason.toPlainText().strip()
