"""The one item model of the indicator tree: a Qt adapter over an evaluation snapshot.

Edits become workspace commands through the document; the model is then refreshed from the
new snapshot (in place when the tree's shape is unchanged, so the view keeps its state).
"""
from __future__ import annotations

import json
from dataclasses import fields
from operator import attrgetter
from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from perfdesk.models import WorkspaceError
from perfdesk.models.commands import InsertIndicators, MoveIndicator, SetField
from perfdesk.models.validate import check
from perfdesk.scoring.audit import where_of
from perfdesk.scoring.evaluation import Evaluation, Indicator
from perfdesk.scoring.numbers import show
from perfdesk.ui import texts

COLUMNS = (
    ("name", "指标"),
    ("target", "年度指标值"),
    ("target_adjusted", "调整后指标值"),
    ("actual", "实际完成值"),
    ("weight", "分值"),
    ("score", "得分"),
    ("reason", "偏差原因分析及改进措施"),
    ("scoring_rule", "评分标准"),
)
# Column headings each form prints differently.
FORM_LABELS = {
    "department_overall_eval": {"target": "全年指标值", "actual": "完成情况", "weight": "权重", "score": "自评得分"},
    "transfer_payment_self_eval": {"score": "完成情况", "reason": "未完成原因和改进措施"},
    "project_goal_completion": {"target": "预期指标值", "actual": "实际完成指标值", "score": "完成情况"},
}
ADJUSTED_COLUMN = 2
SCORE_COLUMN = 5
WEIGHT_COLUMN = 4
RULE_COLUMN = 7
MIME_TYPE = "application/x-perfdesk-indicator"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NEEDS_REASON = QColor("#fde2e1")
GROUP_TOTAL = QColor("#4a4a4a")
WEIGHT_MISMATCH = QColor("#a40000")
LEVEL_NAMES = {1: "一级指标", 2: "二级指标", 3: "三级指标"}
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NUMBER_KEYS = ("weight", "score")


class _Node:
    __slots__ = ("indicator", "parent", "row", "children")

    def __init__(self, indicator: Indicator | None, parent: "_Node | None", row: int):
        self.indicator = indicator
        self.parent = parent
        self.row = row
        self.children = [_Node(c, self, i) for i, c in enumerate(indicator.children)] if indicator else []


# An indicator's own cells, without its subtree (comparing whole subtrees made edits slow).
_own = attrgetter(*(f.name for f in fields(Indicator) if f.name != "children"))


def _shape(node: _Node):
    return tuple((c.indicator.id, _shape(c)) for c in node.children)


class IndicatorTreeModel(QAbstractItemModel):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.evaluation: Evaluation | None = None
        self.results = {}
        self.groups = {}  # group row id -> its GroupTotal (Σ分值, Σ得分) from the scoring result
        self.missing_reason: set[int] = set()
        self._root = _Node(None, None, 0)
        self._by_id: dict[int, _Node] = {}

    # -- loading -------------------------------------------------------------------------
    def set_evaluation(self, evaluation: Evaluation | None, scored=None) -> None:
        root = _Node(None, None, 0)
        root.children = [_Node(c, root, i) for i, c in enumerate(evaluation.indicators)] if evaluation else []
        old_results, old_groups = self.results, self.groups
        self.results = {r.indicator.id: r for r in scored.indicators} if scored else {}
        self.groups = {g.indicator_id: g for g in scored.groups} if scored else {}
        self.missing_reason = _flagged(scored, "MISSING_REASON")
        same_shape = self.evaluation is not None and evaluation is not None \
            and self.evaluation.id == evaluation.id and self.evaluation.form == evaluation.form \
            and _shape(root) == _shape(self._root)
        self.evaluation = evaluation
        if same_shape:
            self._refresh_in_place(root, {**old_results, **{("group", k): g for k, g in old_groups.items()}})
        else:
            self.beginResetModel()
            self._root = root
            self._index_nodes()
            self.endResetModel()

    def _refresh_in_place(self, new_root: _Node, old_results: dict) -> None:
        """Swap in the new snapshot; repaint only the rows whose indicator or score changed.

        A word-wrapped view re-measures every row it is told about, so telling it about
        unchanged rows is what makes an edit slow. Compared bottom-up: a parent is repainted
        when its own cells or anything below it changed.
        """
        def refresh(old: _Node, new: _Node) -> bool:
            below = False
            for a, b in zip(old.children, new.children):
                below |= refresh(a, b)
            if old is self._root:
                return below
            key = old.indicator.id
            changed = below or _own(old.indicator) != _own(new.indicator) \
                or old_results.get(key) != self.results.get(key) \
                or old_results.get(("group", key)) != self.groups.get(key)
            old.indicator = new.indicator
            if changed:
                self.dataChanged.emit(self.createIndex(old.row, 0, old), self.createIndex(old.row, len(COLUMNS) - 1, old))
            return changed
        refresh(self._root, new_root)

    def _index_nodes(self) -> None:
        self._by_id = {}
        stack = list(self._root.children)
        while stack:
            node = stack.pop()
            self._by_id[node.indicator.id] = node
            stack.extend(node.children)

    # -- structure -----------------------------------------------------------------------
    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def index_of(self, indicator_id: int, column: int = 0) -> QModelIndex:
        node = self._by_id.get(indicator_id)
        return self.createIndex(node.row, column, node) if node else QModelIndex()

    def indicator(self, index: QModelIndex) -> Indicator | None:
        return self._node(index).indicator if index.isValid() else None

    # -- data ----------------------------------------------------------------------------
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            key, label = COLUMNS[section]
            form = self.evaluation.form if self.evaluation else None
            return FORM_LABELS.get(form, {}).get(key, label)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        ind = self._node(index).indicator
        key = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(ind, key, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ind, key)
        if role == Qt.ItemDataRole.BackgroundRole and self._needs_reason(ind):
            return QBrush(NEEDS_REASON)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMBER_KEYS:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not ind.is_leaf and key in NUMBER_KEYS:
            return QBrush(WEIGHT_MISMATCH if self._declared_differs(ind) else GROUP_TOTAL)
        if role == Qt.ItemDataRole.FontRole and not ind.is_leaf:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return ind.id
        return None

    def _text(self, ind: Indicator, key: str, role) -> str:
        if not ind.is_leaf and key in NUMBER_KEYS:  # a group row: Σ of the rows below
            group = self.groups.get(ind.id)
            return "" if group is None else show(group.weight if key == "weight" else group.score)
        if key == "score":
            result = self.results.get(ind.id)
            if result is None:
                return ""
            if not self.evaluation.scored:  # unscored forms: 完成 / 部分完成 / 未完成
                return result.status
            return "" if result.score is None else show(result.score)
        value = getattr(ind, key)
        return "" if value is None else str(value)

    def _declared_differs(self, ind: Indicator) -> bool:
        group = self.groups.get(ind.id)
        return group is not None and group.declared is not None and group.declared != group.weight

    def _tooltip(self, ind: Indicator, key: str) -> str | None:
        result = self.results.get(ind.id)
        if not ind.is_leaf and key in NUMBER_KEYS:
            group = self.groups.get(ind.id)
            if group is None:
                return texts.GROUP_EMPTY
            tip = texts.GROUP_TOTAL.format(weight=show(group.weight), score=show(group.score))
            if self._declared_differs(ind):
                tip += texts.GROUP_DECLARED.format(declared=show(group.declared))
            return tip
        if key == "score" and result is not None:
            extra = f"\n手工评分理由：{ind.manual_reason}" if ind.manual_reason else ""
            if result.recorded_source == "printed":
                extra += texts.PRINTED_SCORE_HINT
            return result.explanation + extra
        if key == "name":
            return f"{LEVEL_NAMES.get(ind.level, '指标')}：{ind.name}"
        if self._needs_reason(ind) and key == "reason":
            return "得分低于分值，请填写偏差原因分析及改进措施"
        value = getattr(ind, key, None)
        return value if isinstance(value, str) and value else None  # long texts are cut in the cell

    def _needs_reason(self, ind: Indicator) -> bool:
        """The audit's MISSING_REASON finding decides, so the tree and the findings list agree."""
        return ind.id in self.missing_reason

    @staticmethod
    def is_indicator_row(ind: Indicator) -> bool:
        """A row that carries a target and a score: a leaf that is not an empty template group."""
        return ind.is_leaf and not ind.is_placeholder

    def locked(self) -> bool:
        """Final, or the workspace is open read-only: nothing can be typed."""
        return self.evaluation is None or self.document.locked_reason(self.evaluation) is not None \
            or self.document.ws.readonly

    def flags(self, index):
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        ind = self._node(index).indicator
        base |= Qt.ItemFlag.ItemIsDragEnabled
        key = COLUMNS[index.column()][0]
        # groups (and empty template groups) take a name only; scores go through 手工评分
        editable = key == "name" or (self.is_indicator_row(ind) and key != "score")
        if editable and not self.locked():
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def refusal(self, index) -> str | None:
        """Why this cell cannot be typed in, in words for the user."""
        ind = self._node(index).indicator
        key, label = COLUMNS[index.column()][0], self.headerData(index.column(), Qt.Orientation.Horizontal)
        if self.document.ws.readonly:
            return self.document.ws.readonly_reason or texts.READ_ONLY
        if self.document.locked_reason(self.evaluation):
            return self.document.locked_reason(self.evaluation)
        if not self.is_indicator_row(ind):
            return (texts.GROUP_SUM if key in NUMBER_KEYS else texts.GROUP_NO_VALUE).format(label=label)
        if key == "score":
            return texts.SCORE_BY_RULE
        return None

    def column_key(self, column: int) -> str:
        return COLUMNS[column][0]

    def cell_command(self, index, value):
        """The command that stores `value` typed in a cell; None when nothing changes.
        Raises WorkspaceError (in Chinese) for a value the field cannot hold."""
        ind = self._node(index).indicator
        key = COLUMNS[index.column()][0]
        text = value.strip() if isinstance(value, str) else value
        current = getattr(ind, key)
        if ("" if current is None else str(current)) == (text or ""):
            return None
        label = "指标名称" if key == "name" else COLUMNS[index.column()][1]
        return SetField("indicator", ind.id, key, text or None, label=f"修改{label}")

    def append_commands(self, last, rows: list[dict]) -> list:
        """New indicators after row `last`, at its level, for a pasted block longer than the tree."""
        anchor = self._node(last.siblingAtColumn(0))
        parent = anchor.parent.indicator.id if anchor.parent is not self._root else None
        nodes = []
        for values in rows:
            fields = {k: check("indicator", k, v or None) for k, v in values.items()
                      if k not in ("name", "score") and k in _EDITABLE_KEYS}
            name = check("indicator", "name", values.get("name") or texts.NEW_INDICATOR)
            nodes.append(Indicator(name=name, level=anchor.indicator.level, **fields))
        return [InsertIndicators(self.evaluation.id, parent, anchor.row + 1, tuple(nodes), texts.PASTE_CELLS)]

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            command = self.cell_command(index, value)
        except WorkspaceError as exc:
            self.document.failed.emit(str(exc))
            return False
        if command is None:
            return False
        return self.document.execute(command, command.label)

    def set_manual_score(self, indicator_id: int, score, reason: str | None) -> bool:
        """A manual score with its reason overrides the rule; an empty score returns to the rule.

        Returning to the rule also sets aside a score printed in an imported table (it counts as a
        manual score); undo brings it back.
        """
        score = score.strip() if isinstance(score, str) else score
        problem = self.manual_score_problem(indicator_id, score, reason)
        if problem:
            self.document.failed.emit(problem)
            return False
        try:
            commands = [SetField("indicator", indicator_id, "manual_score", score or None),
                        SetField("indicator", indicator_id, "manual_reason", (reason or None) if score else None)]
        except WorkspaceError as exc:
            self.document.failed.emit(str(exc))
            return False
        node = self._by_id.get(indicator_id)
        if not score and node is not None and node.indicator.score_printed is not None:
            commands.append(SetField("indicator", indicator_id, "score_printed", None))
        return self.document.execute_all(commands, "手工评分" if score else "按规则计分")

    def manual_score_problem(self, indicator_id, score, reason) -> str | None:
        """What is wrong with a manual score and its reason, or None (the dialog shows it inline)."""
        if not score:
            return None
        if not (reason or "").strip():
            return "手工评分需要填写理由"
        try:
            value = Decimal(str(score))
        except ArithmeticError:
            return f"得分应为数字：{score}"
        result = self.results.get(indicator_id)
        weight = result.weight if result else None
        if not value.is_finite() or value < 0 or (weight is not None and value > weight):
            return f"得分应在 0 到分值 {show(weight) if weight is not None else ''} 之间：{score}"
        return None

    # -- drag and drop -------------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME_TYPE]

    def mimeData(self, indexes):
        ids = sorted({self._node(i).indicator.id for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME_TYPE, json.dumps(ids).encode())
        return mime

    def dropMimeData(self, data, action, row, column, parent):
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        ids = json.loads(bytes(data.data(MIME_TYPE)).decode())
        if len(ids) != 1:
            return False
        target = self._node(parent)
        parent_id = target.indicator.id if target.indicator else None
        node = self._by_id.get(ids[0])
        if node is None:
            return False
        position = len(target.children) if row < 0 else row
        if node.parent is target and node.row < position:
            position -= 1  # the node leaves its old place first
        self.document.execute(MoveIndicator(node.indicator.id, parent_id, position))
        return False  # the refresh from the new snapshot moves the row, not Qt's removeRows


_EDITABLE_KEYS = ("target", "target_adjusted", "actual", "weight", "reason", "scoring_rule")


def _flagged(scored, code: str) -> set[int]:
    """Ids of the indicators a finding of `code` is about."""
    if scored is None:
        return set()
    wheres = {f.where for f in scored.findings if f.code == code}
    return {r.indicator.id for r in scored.indicators if where_of(r) in wheres}
