"""恢复备份: list the workspace's backups with their dates and restore one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    def __init__(self, backups, parent=None):
        super().__init__(parent)
        self.setWindowTitle("恢复备份")
        self.resize(520, 380)
        self.list = QListWidget()
        for backup in backups:
            item = QListWidgetItem(f"{backup.taken:%Y年%m月%d日 %H:%M:%S}    {backup.size / 1024:.0f} KB")
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        note = QLabel("恢复前会先把当前内容再备份一份，恢复后也可以从那份备份回到现在的状态。" if backups
                      else "这个工作区还没有备份。编辑时每 5 分钟、关闭时会自动备份。", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("恢复所选备份")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("选择要恢复的备份："))
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(PATH_ROLE) if item else None
