"""Table models over the evaluation's flat rows: fund lines and 资金管理情况."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from perfdesk.models import WorkspaceError
from perfdesk.models.commands import InsertRow, SetField
from perfdesk.scoring.funds import line_rate
from perfdesk.scoring.numbers import round2, show
from perfdesk.ui import texts

ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _RowModel(QAbstractTableModel):
    table = ""
    columns: tuple[tuple[str, str], ...] = ()

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.evaluation = None
        self.scored = None
        self.rows = ()
        self.visible = self.columns

    def rows_of(self, ev):
        raise NotImplementedError

    def columns_for(self, ev):
        return self.columns

    def set_evaluation(self, ev, scored=None) -> None:
        """Refreshed in place when the rows and columns are the same ones (the view keeps its
        current cell and open editor), else reset."""
        rows = self.rows_of(ev) if ev else ()
        visible = self.columns_for(ev) if ev else self.columns
        same = self.evaluation is not None and ev is not None and self.evaluation.id == ev.id \
            and visible == self.visible and [r.id for r in rows] == [r.id for r in self.rows]
        if same:
            self.evaluation, self.scored, self.rows = ev, scored, rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(visible) - 1))
            if visible:  # a heading may name a field of the table (the 金额单位)
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(visible) - 1)
            return
        self.beginResetModel()
        self.evaluation, self.scored = ev, scored
        self.rows, self.visible = rows, visible
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.visible)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.header_label(*self.visible[section])
        return str(section + 1)

    def header_label(self, key: str, label: str) -> str:
        return label

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.visible[index.column()][0]
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.computed(index.row(), key) if key in self.computed_keys else getattr(row, key)
            if isinstance(value, Decimal) and role == Qt.ItemDataRole.DisplayRole and key in self.money_keys:
                return format(value, ",f")  # 2,087,392.16 as finance staff read it
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in self.text_keys:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(index.row(), key)
        return None

    computed_keys: tuple[str, ...] = ()
    money_keys: tuple[str, ...] = ()
    text_keys: tuple[str, ...] = ()

    def computed(self, row: int, key: str):
        return None

    def tooltip(self, row: int, key: str):
        return None

    def locked(self) -> bool:
        return self.evaluation is None or self.document.locked_reason(self.evaluation) is not None \
            or self.document.ws.readonly

    def flags(self, index):
        flags = super().flags(index)
        key = self.visible[index.column()][0]
        if key not in self.computed_keys and not self.locked():
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def refusal(self, index) -> str | None:
        if self.document.ws.readonly:
            return self.document.ws.readonly_reason or texts.READ_ONLY
        if self.document.locked_reason(self.evaluation):
            return self.document.locked_reason(self.evaluation)
        if self.visible[index.column()][0] in self.computed_keys:
            return texts.COMPUTED_CELL.format(label=self.visible[index.column()][1])
        return None

    def column_key(self, column: int) -> str:
        return self.visible[column][0]

    def cell_command(self, index, value):
        """The command storing a typed value; None when unchanged; WorkspaceError when refused."""
        key, label = self.visible[index.column()]
        row = self.rows[index.row()]
        text = value.strip() if isinstance(value, str) else value
        current = getattr(row, key)
        if ("" if current is None else str(current)) == (text or ""):
            return None
        return SetField(self.table, row.id, key, text or None, label=f"修改{label}")

    def append_commands(self, last, rows: list[dict]) -> list:
        """New rows after `last` for a pasted block longer than the table."""
        position = last.row() + 1
        key = self.visible[0][0]
        commands = []
        for n, values in enumerate(rows):
            values = {k: v for k, v in values.items() if k not in self.computed_keys and v}
            values.setdefault(key, self.new_label)
            commands.append(InsertRow(self.table, self.evaluation.id, position + n, values, texts.PASTE_CELLS))
        return commands

    new_label = ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            command = self.cell_command(index, value)
        except WorkspaceError as exc:
            self.document.failed.emit(str(exc))
            return False
        return command is not None and self.document.execute(command, command.label)


class FundLinesModel(_RowModel):
    table = "fund_line"
    columns = (
        ("label", "资金来源"), ("declared", "目标申报数"), ("initial", "年初预算数"), ("annual", "全年预算数"),
        ("executed", "全年执行数"), ("balance", "资金结（转）余"), ("weight", "分值"),
        ("rate", "执行率"), ("score", "得分"),
    )
    computed_keys = ("rate", "score")
    new_label = "其他资金"
    money_keys = ("declared", "initial", "annual", "executed", "balance")
    text_keys = ("label",)

    def rows_of(self, ev):
        return ev.funds

    def columns_for(self, ev):
        hidden = {"declared", "balance"} - set(ev.columns)
        if not ev.scored:
            hidden |= {"weight", "score"}
        return tuple(c for c in self.columns if c[0] not in hidden)

    def header_label(self, key: str, label: str) -> str:
        """Amounts are headed with the table's 金额单位 (元 unless set): 全年执行数（元）."""
        if key not in self.money_keys or self.evaluation is None:
            return label
        return f"{label}（{self.evaluation.money_unit or texts.MONEY_UNITS[0]}）"

    def computed(self, row: int, key: str):
        if key == "rate":
            rate = line_rate(self.rows[row])
            return None if rate is None else f"{round2(rate)}%"
        fund = self.scored.fund if self.scored else None
        if row == 0 and fund is not None and fund.score is not None:
            return show(fund.score)
        return None

    def tooltip(self, row: int, key: str):
        line = self.rows[row]
        if key == "rate":
            return f"执行率 = 全年执行数 ÷ 全年预算数；原表印：{line.rate_printed or '无'}"
        if key == "score" and row == 0 and self.scored and self.scored.fund:
            printed = line.score_printed
            return self.scored.fund.explanation + (f"；原表印：{printed}" if printed is not None else "")
        if key == "score":
            return "资金得分只按“年度资金总额”一行计算"
        return None


class FundManagementModel(_RowModel):
    table = "fund_management"
    columns = (("item", "项目"), ("status", "情况说明"), ("issues", "存在问题和改进措施"))
    text_keys = ("item", "status", "issues")
    new_label = "新事项"

    def rows_of(self, ev):
        return ev.fund_management
