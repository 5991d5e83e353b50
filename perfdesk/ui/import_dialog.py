"""导入自评表: preview every table a file holds before anything is stored.

    plan = ImportDialog.ask(path, existing, parent)   # ImportRefused propagates; [] on cancel
    for item in plan: item.evaluation, item.replaces   # replaces: id of the table it takes the place of

Per table the user sees how each column was read and can read a column as another field (the
table is read again at once), sets the year (asked for when the file gave none), and, when the
workspace already holds a table of that year and project, chooses 替换 / 保留两份 / 跳过.
Every report line is shown in full (wrapped), never cut at a column's width.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from perfdesk.io.duplicates import BOTH, REPLACE, SKIP, duplicate_of
from perfdesk.io.reader import FileReading, read_file
from perfdesk.io.recognize import TableReading
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.ui import texts

ACTIONS = ((REPLACE, texts.DUPLICATE_REPLACE), (BOTH, texts.DUPLICATE_BOTH), (SKIP, texts.DUPLICATE_SKIP))
_FLAGGED = QColor("#fff3cd")


@dataclass(frozen=True)
class Planned:
    evaluation: Evaluation
    replaces: int | None = None  # the id of the existing table this one replaces


@dataclass
class _Choice:
    checked: bool = True
    year: int = 0
    action: str = SKIP


class ImportDialog(QDialog):
    def __init__(self, found: FileReading, existing: list[Evaluation] = (), parent=None):
        super().__init__(parent)
        self.found = found
        self.existing = list(existing)
        self.choices = [_Choice(year=t.evaluation.year) for t in found.tables]
        self.overrides: list[dict] = [dict(t.overrides) for t in found.tables]
        self.setWindowTitle(texts.IMPORT_TITLE.format(name=found.path.name))
        self.list = QTableWidget(0, len(texts.IMPORT_COLUMNS))
        self.list.setHorizontalHeaderLabels(texts.IMPORT_COLUMNS)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.year = QSpinBox(minimum=1900, maximum=2200)  # every year a workspace accepts (models.validate)
        self.year_note = QLabel(wordWrap=True)
        self.duplicate = QComboBox()
        for _, label in ACTIONS:
            self.duplicate.addItem(label)
        self.duplicate_note = QLabel(wordWrap=True)
        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels(texts.COLUMN_HEADINGS)
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().hide()
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        for i in range(len(found.tables)):
            self.choices[i].action = SKIP if self.duplicate_of(i) else BOTH
        self._fill_list()
        self.list.itemChanged.connect(self._checked)
        self.list.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.year.valueChanged.connect(self._year_changed)
        self.duplicate.currentIndexChanged.connect(self._action_changed)
        self.list.setCurrentCell(0, 1)
        self.resize(1000, 680)

    # -- layout --------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        table = QGroupBox(texts.TABLE_BOX)
        form = QFormLayout(table)
        form.addRow(texts.YEAR_LABEL, self.year)
        form.addRow("", self.year_note)
        form.addRow(texts.DUPLICATE_LABEL, self.duplicate)
        form.addRow("", self.duplicate_note)
        form.addRow(QLabel(texts.COLUMNS_INTRO, wordWrap=True))
        form.addRow(self.columns)
        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(table, 3)
        side.addWidget(QLabel(texts.DETAILS_LABEL))
        side.addWidget(self.details, 2)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([460, 540])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(texts.IMPORT_INTRO.format(count=len(self.found.tables)), wordWrap=True))
        layout.addWidget(split, 1)
        if self.found.notes:
            notes = QPlainTextEdit("\n".join(self.found.notes), readOnly=True)
            notes.setMaximumHeight(90)
            layout.addWidget(QLabel(texts.NOTES_LABEL))
            layout.addWidget(notes)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)

    # -- the list of tables --------------------------------------------------------------------
    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.found.tables))
        for i, table in enumerate(self.found.tables):
            self._fill_row(i, table)
        self.list.resizeColumnsToContents()
        self.list.blockSignals(False)

    def _fill_row(self, i: int, table: TableReading) -> None:
        ev, choice = table.evaluation, self.choices[i]
        duplicate = self.duplicate_of(i)
        values = ("", texts.FORM_NAMES[ev.form], str(choice.year), ev.project or texts.NO_PROJECT,
                  str(len(ev.funds)), str(sum(1 for _ in ev.leaves())),
                  dict(ACTIONS)[choice.action] if duplicate else "")
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 0:
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Checked if choice.checked else Qt.CheckState.Unchecked)
            if duplicate or table.year_source is None:
                item.setBackground(_FLAGGED)
            self.list.setItem(i, col, item)

    def duplicate_of(self, i: int) -> Evaluation | None:
        """The workspace's table of the same year and project, if any."""
        return duplicate_of(self.choices[i].year, self.found.tables[i].evaluation.project, self.existing)

    def _checked(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.choices[item.row()].checked = item.checkState() == Qt.CheckState.Checked
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.plan()))

    # -- the chosen table ----------------------------------------------------------------------
    def current(self) -> int:
        return max(self.list.currentRow(), 0)

    def _show(self, i: int) -> None:
        if not 0 <= i < len(self.found.tables):
            return
        table, choice = self.found.tables[i], self.choices[i]
        self.year.blockSignals(True)
        self.year.setValue(choice.year)
        self.year.blockSignals(False)
        self.year_note.setText(texts.YEAR_FOUND.format(source=table.year_source) if table.year_source
                               else texts.YEAR_MISSING)
        self._show_duplicate(i)
        self._show_columns(table)
        self.details.setPlainText("\n".join(table.lines))

    def _show_duplicate(self, i: int) -> None:
        duplicate = self.duplicate_of(i)
        self.duplicate.blockSignals(True)
        self.duplicate.setCurrentIndex([a for a, _ in ACTIONS].index(self.choices[i].action) if duplicate else 1)
        self.duplicate.blockSignals(False)
        self.duplicate.setEnabled(duplicate is not None)
        self.duplicate_note.setText(texts.DUPLICATE_FOUND.format(year=duplicate.year, project=duplicate.project)
                                    if duplicate else texts.NO_DUPLICATE)

    def _show_columns(self, table: TableReading) -> None:
        self.columns.setRowCount(len(table.columns))
        for row, use in enumerate(table.columns):
            heading = QTableWidgetItem(f"{texts.BLOCK_NAMES[use.block]}：{use.label or texts.NO_HEADING}")
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.columns.setItem(row, 0, heading)
            choices = texts.FIELD_NAMES[use.block]
            combo = QComboBox()
            for name, label in choices:
                combo.addItem(label, name)
            combo.setCurrentIndex(next(k for k, (name, _) in enumerate(choices) if name == use.field))
            combo.currentIndexChanged.connect(lambda _i, u=use, c=combo: self._remap(u, c.currentData()))
            self.columns.setCellWidget(row, 1, combo)
        self.columns.resizeColumnToContents(1)

    def _remap(self, use, field: str | None) -> None:
        i = self.current()
        overrides = dict(self.overrides[i])
        overrides[(use.block, use.column)] = field
        read = self.found.remap(i, overrides)
        if isinstance(read, str):  # the column choice leaves no table: say so, keep the previous reading
            self.details.setPlainText(f"{read}\n\n" + "\n".join(self.found.tables[i].lines))
            return
        self.overrides[i] = overrides
        self.list.blockSignals(True)
        self._fill_row(i, read)
        self.list.blockSignals(False)
        self.details.setPlainText("\n".join(read.lines))

    def _year_changed(self, year: int) -> None:
        i = self.current()
        self.choices[i].year = year
        if self.duplicate_of(i) is not None and self.choices[i].action == BOTH:
            self.choices[i].action = SKIP
        self.list.blockSignals(True)
        self._fill_row(i, self.found.tables[i])
        self.list.blockSignals(False)
        self._show_duplicate(i)

    def _action_changed(self, index: int) -> None:
        i = self.current()
        self.choices[i].action = ACTIONS[index][0]
        self.list.blockSignals(True)
        self._fill_row(i, self.found.tables[i])
        self.list.blockSignals(False)

    # -- the result ----------------------------------------------------------------------------
    def plan(self) -> list[Planned]:
        chosen = []
        for i, (table, choice) in enumerate(zip(self.found.tables, self.choices)):
            duplicate = self.duplicate_of(i)
            if not choice.checked or (duplicate is not None and choice.action == SKIP):
                continue
            evaluation = replace(table.evaluation, year=choice.year)
            chosen.append(Planned(evaluation, duplicate.id if duplicate is not None and choice.action == REPLACE else None))
        return chosen

    @classmethod
    def ask(cls, path: Path, existing: list[Evaluation] = (), parent=None) -> list[Planned]:
        dialog = cls(read_file(Path(path)), existing, parent)
        return dialog.plan() if dialog.exec() == QDialog.DialogCode.Accepted else []
