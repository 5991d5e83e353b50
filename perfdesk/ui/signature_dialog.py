"""设置 > 签字栏: which lines the signature block under every printed and exported table holds,
and the label each prints — in the official order (填报人 … 单位（盖章）). One undo step."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from perfdesk.models.commands import SetSetting
from perfdesk.scoring.signature import MAX_LABEL, SIGNATURE_ITEMS, SIGNATURE_KEY, SignatureBlock

TITLE = "签字栏"
INTRO = "打印和导出的每张表下方的签字栏，按官方表样的顺序排列。可以不显示某一项，或改写它的名称。"
SHOWN = "显示"
LABEL = "名称"
CHANGED = "修改签字栏"


class SignatureDialog(QDialog):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(TITLE)
        current = document.ws.signature_block()
        layout = QVBoxLayout(self)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.addWidget(QLabel(SHOWN), 0, 0)
        grid.addWidget(QLabel(LABEL), 0, 1)
        self.shown: dict[str, QCheckBox] = {}
        self.labels: dict[str, QLineEdit] = {}
        standard = dict(SIGNATURE_ITEMS)
        for row, item in enumerate(current.items, 1):
            box = QCheckBox(standard[item.key], checked=item.shown)
            edit = QLineEdit(item.label)
            edit.setMaxLength(MAX_LABEL)
            edit.setPlaceholderText(standard[item.key])
            grid.addWidget(box, row, 0)
            grid.addWidget(edit, row, 1)
            self.shown[item.key], self.labels[item.key] = box, edit
        layout.addLayout(grid)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> SignatureBlock:
        block = self.document.ws.signature_block()
        for key in self.shown:
            block = block.with_item(key, label=self.labels[key].text(), shown=self.shown[key].isChecked())
        return block

    def accept(self) -> None:
        block = self.chosen()
        if block != self.document.ws.signature_block():
            if not self.document.execute(SetSetting(SIGNATURE_KEY, block.to_dict()), CHANGED):
                return
        super().accept()
