"""导入Excel: preview what a workbook holds, table by table, and pick the tables to import.

    evaluations = XlsxImportDialog.ask(path, parent)  # ImportRefused propagates; [] on cancel

Nothing is stored here: the caller imports the returned evaluations after OK.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from perfdesk.scoring.messages import FORM_NAMES
from perfdesk.io.reader import FileReading, read_file
from perfdesk.scoring.evaluation import Evaluation

TITLE = "导入Excel：{name}"
INTRO = "在工作簿中找到 {count} 张评价表。勾选要导入的表，展开可查看识别和跳过的内容；点“确定”后才会保存。"
COLUMNS = ("评价表", "年度", "项目", "资金行", "指标")
NOTES = "未导入：\n{lines}"
NO_PROJECT = "（未填项目名称）"


class XlsxImportDialog(QDialog):
    def __init__(self, result: FileReading, name: str = "", parent=None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(TITLE.format(name=name))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        for table in result.tables:
            self.tree.addTopLevelItem(_table_item(table.evaluation, table.lines))
        self.tree.resizeColumnToContents(0)
        self.tree.itemChanged.connect(self._update_ok)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(INTRO.format(count=len(result.evaluations)), wordWrap=True))
        layout.addWidget(self.tree)
        if result.notes:
            layout.addWidget(QLabel(NOTES.format(lines="\n".join(result.notes)), wordWrap=True))
        layout.addWidget(self.buttons)
        self.resize(820, 520)

    def chosen(self) -> list[Evaluation]:
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [ev for ev, item in zip(self.result.evaluations, items) if item.checkState(0) == Qt.Checked]

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.chosen()))

    @classmethod
    def ask(cls, path: Path, parent=None) -> list[Evaluation]:
        dialog = cls(read_file(Path(path)), Path(path).name, parent)
        return dialog.chosen() if dialog.exec() == QDialog.Accepted else []


def _table_item(evaluation: Evaluation, lines: tuple[str, ...]) -> QTreeWidgetItem:
    values = (
        FORM_NAMES[evaluation.form], str(evaluation.year), evaluation.project or NO_PROJECT,
        str(len(evaluation.funds)), str(sum(1 for _ in evaluation.leaves())),
    )
    item = QTreeWidgetItem(list(values))
    item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
    item.setCheckState(0, Qt.Checked)
    for line in lines:
        item.addChild(QTreeWidgetItem([line]))
        item.child(item.childCount() - 1).setFirstColumnSpanned(True)
    return item
