"""Edit commands: every change to a workspace is one of these, applied in one transaction.

A command captures what it needs to undo itself the first time it is applied; revert restores
rows with their original ids, so commands further up an undo stack stay valid.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from perfdesk.models import messages as msg
from perfdesk.models import schema as s
from perfdesk.models import snapshots
from perfdesk.models.errors import WorkspaceError
from perfdesk.models import validate, values
from perfdesk.models.validate import check, text
from perfdesk.scoring import evaluation as v
from perfdesk.scoring.totals import group_name

TABLES = {
    "evaluation": s.Evaluation,
    "fund_line": s.FundLine,
    "indicator": s.Indicator,
    "fund_management": s.FundManagement,
}
TABLE_NAMES = {"evaluation": "评价表", "fund_line": "资金行", "indicator": "指标", "fund_management": "资金管理情况行"}
# Ordered flat rows of an evaluation, and the snapshot type each holds.
FLAT_ROWS = {"fund_line": (s.FundLine, v.FundLine), "fund_management": (s.FundManagement, v.FundManagementRow)}


def _get(table: str, row_id: int):
    """One row as a model instance, by plain SQL: peewee's query building costs more than the query."""
    model = TABLES[table]
    db = model._meta.database
    cursor = db.execute_sql(f'SELECT * FROM "{table}" WHERE id = {db.param}', (row_id,))
    found = cursor.fetchone()
    if found is None:
        raise WorkspaceError(msg.NO_ROW.format(table=TABLE_NAMES[table], id=row_id))
    columns = model._meta.columns
    values = {columns[d[0]].name: columns[d[0]].python_value(v) for d, v in zip(cursor.description, found)}
    return model(__no_default__=1, **values)


def _shown(value) -> str | None:
    return None if value is None else str(value)


def _shift(model, where, start: int, delta: int) -> None:
    model.update(position=model.position + delta).where(where & (model.position >= start)).execute()


def _siblings(model, row):
    if model is s.Indicator:
        parent = s.Indicator.parent.is_null() if row.parent_id is None else s.Indicator.parent == row.parent_id
        return (s.Indicator.evaluation == row.evaluation_id) & parent
    return model.evaluation == row.evaluation_id


@dataclass
class SetField:
    table: str
    row_id: int
    field: str
    value: object
    old: object = None
    label: str = "修改"

    def __post_init__(self):
        self.value = check(self.table, self.field, self.value)

    @property
    def unlocks(self) -> bool:
        return self.table == "evaluation" and self.field == "status"

    def evaluation_id(self) -> int:
        row = _get(self.table, self.row_id)
        return row.id if self.table == "evaluation" else row.evaluation_id

    def apply(self) -> None:
        row = _get(self.table, self.row_id)
        self.old = getattr(row, self.field)
        self._write(self.value)

    def revert(self) -> None:
        self._write(self.old)

    def merge_key(self):
        return (self.table, self.row_id, self.field)

    def _write(self, value) -> None:
        model = TABLES[self.table]
        model.update({self.field: value}).where(model.id == self.row_id).execute()

    def audit(self):
        return f"{self.table}:{self.row_id}.{self.field}", _shown(self.old), _shown(self.value)


@dataclass
class SetFinal:
    """定稿 (final=True) or 解除定稿: the status together with the scoring scheme the table keeps
    while final, and who finalised it when. `scheme` is the workspace's scheme of the moment."""

    evaluation: int
    final: bool
    scheme: object = None  # a scoring.scheme.ScoringScheme when finalising
    actor: str | None = None
    at: str | None = None
    label: str = ""
    old: tuple | None = None
    unlocks = True  # the one command a final evaluation accepts

    def __post_init__(self):
        self.label = self.label or ("定稿" if self.final else "解除定稿")

    def evaluation_id(self) -> int:
        return self.evaluation

    def apply(self) -> None:
        row = _get("evaluation", self.evaluation)
        self.old = (row.status, row.final_scheme, row.finalised_by, row.finalised_at)
        if self.final:
            self._write(("final", snapshots.scheme_text(self.scheme), self.actor, self.at))
        else:
            self._write(("draft", None, None, None))

    def revert(self) -> None:
        self._write(self.old)

    def _write(self, values) -> None:
        status, scheme, actor, at = values
        s.Evaluation.update(status=status, final_scheme=scheme, finalised_by=actor, finalised_at=at).where(
            s.Evaluation.id == self.evaluation).execute()

    def audit(self):
        return f"evaluation:{self.evaluation}.status", self.old[0] if self.old else None, \
            "final" if self.final else "draft"


@dataclass
class SetReportSection:
    """The user's text of one section of the 自评报告."""

    evaluation: int
    key: str
    value: str | None
    label: str = "修改报告文字"
    old: str | None = None

    def __post_init__(self):
        self.value = text("报告文字", self.value)

    def evaluation_id(self) -> int:
        return self.evaluation

    def merge_key(self):
        return ("report", self.evaluation, self.key)

    def apply(self) -> None:
        self.old = self._sections().get(self.key)
        self._write(self.value)

    def revert(self) -> None:
        self._write(self.old)

    def _sections(self) -> dict:
        return dict(json.loads(_get("evaluation", self.evaluation).report_sections))

    def _write(self, text) -> None:
        sections = self._sections()
        if text:
            sections[self.key] = text
        else:
            sections.pop(self.key, None)
        stored = json.dumps([[k, t] for k, t in sections.items()], ensure_ascii=False)
        s.Evaluation.update(report_sections=stored).where(s.Evaluation.id == self.evaluation).execute()

    def audit(self):
        return f"evaluation:{self.evaluation}.report.{self.key}", self.old, self.value


@dataclass
class InsertIndicators:
    """Insert indicator subtrees (a new row, a paste, a template) under parent at position."""

    evaluation: int
    parent_id: int | None
    position: int
    nodes: tuple[v.Indicator, ...]
    label: str = "插入指标"
    inserted: tuple[v.Indicator, ...] = ()

    def evaluation_id(self) -> int:
        return self.evaluation

    def apply(self) -> None:
        if not self.inserted:
            validate.indicators(self.nodes)
        level = 1 if self.parent_id is None else _get("indicator", self.parent_id).level + 1
        if level + max((_depth(n) for n in self.nodes), default=1) - 1 > 3:
            raise WorkspaceError(msg.BAD_LEVEL)
        parent = s.Indicator.parent.is_null() if self.parent_id is None else s.Indicator.parent == self.parent_id
        where = (s.Indicator.evaluation == self.evaluation) & parent
        count = s.Indicator.select().where(where).count()
        position = max(0, min(self.position, count))
        _shift(s.Indicator, where, position, len(self.nodes))
        nodes = self.inserted or self.nodes
        ids = snapshots.insert_indicators(self.evaluation, self.parent_id, nodes, bool(self.inserted), position, level)
        self.inserted = tuple(snapshots.load_indicator(i) for i in ids)
        self.position = position

    def revert(self) -> None:
        for node in self.inserted:
            s.Indicator.delete().where(s.Indicator.id == node.id).execute()
        parent = s.Indicator.parent.is_null() if self.parent_id is None else s.Indicator.parent == self.parent_id
        _shift(s.Indicator, (s.Indicator.evaluation == self.evaluation) & parent,
               self.position + len(self.nodes), -len(self.nodes))

    def audit(self):
        names = "、".join(n.name for n in self.inserted)
        return f"indicator:{','.join(str(n.id) for n in self.inserted)}", None, names


@dataclass
class MergeIndicators:
    """Insert 一级 subtrees (pasted rows with 一级/二级 columns, a template) merging into the groups
    already there: a 一级 or 二级 of the same name (declared weights and blanks aside) receives the
    new rows below it instead of appearing a second time."""

    evaluation: int
    nodes: tuple[v.Indicator, ...]
    label: str = "粘贴指标"
    parts: list = field(default_factory=list)  # the InsertIndicators it made, kept for redo

    def evaluation_id(self) -> int:
        return self.evaluation

    def apply(self) -> None:
        if self.parts:
            for part in self.parts:
                part.apply()
            return
        roots = list(snapshots.load([self.evaluation])[0].indicators)
        for node in self.nodes:
            self._merge(node, roots)
        if not self.parts:
            raise WorkspaceError(msg.NOTHING_NEW)

    def _merge(self, node: v.Indicator, roots: list) -> None:
        at = _same_group(node, roots) if node.children else None
        if at is None:
            roots.append(self._insert(None, len(roots), (node,)).inserted[0])
            return
        root = roots[at]
        children = list(root.children)
        for child in node.children:
            place = _same_group(child, children) if child.children or child.is_placeholder else None
            if place is None:
                children.append(self._insert(root.id, len(children), (child,)).inserted[0])
            elif child.children:
                group = children[place]
                added = self._insert(group.id, len(group.children), child.children).inserted
                children[place] = replace(group, children=group.children + added)
        roots[at] = replace(root, children=tuple(children))

    def _insert(self, parent_id, position, nodes) -> InsertIndicators:
        part = InsertIndicators(self.evaluation, parent_id, position, tuple(nodes), self.label)
        part.apply()
        self.parts.append(part)
        return part

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()

    def inserted(self) -> tuple[v.Indicator, ...]:
        return tuple(n for part in self.parts for n in part.inserted)

    def audit(self):
        nodes = self.inserted()
        return f"indicator:{','.join(str(n.id) for n in nodes)}", None, "、".join(n.name for n in nodes)


def _same_group(node: v.Indicator, candidates) -> int | None:
    """Where among `candidates` the group `node` names is (a group with rows below it, or an
    empty placeholder from a template), if it is there."""
    key = group_name(node.name)
    return next((n for n, c in enumerate(candidates)
                 if (c.children or c.is_placeholder) and group_name(c.name) == key), None)


def _depth(node: v.Indicator) -> int:
    return 1 + max((_depth(c) for c in node.children), default=0)


@dataclass
class DeleteIndicator:
    indicator_id: int
    label: str = "删除指标"
    removed: v.Indicator | None = None
    parent_id: int | None = None
    position: int = 0
    evaluation: int = 0

    def evaluation_id(self) -> int:
        return self.evaluation if self.removed else _get("indicator", self.indicator_id).evaluation_id

    def apply(self) -> None:
        row = _get("indicator", self.indicator_id)
        self.removed = snapshots.load_indicator(row.id)
        self.parent_id, self.position, self.evaluation = row.parent_id, row.position, row.evaluation_id
        where = _siblings(s.Indicator, row)
        row.delete_instance()
        _shift(s.Indicator, where, self.position + 1, -1)

    def revert(self) -> None:
        InsertIndicators(self.evaluation, self.parent_id, self.position, (self.removed,),
                         inserted=(self.removed,)).apply()

    def audit(self):
        return f"indicator:{self.indicator_id}", self.removed.name if self.removed else None, None


@dataclass
class MoveIndicator:
    """Move an indicator (with its subtree) under new_parent_id at new_position."""

    indicator_id: int
    new_parent_id: int | None
    new_position: int
    label: str = "移动指标"
    old_parent_id: int | None = None
    old_position: int = 0

    def evaluation_id(self) -> int:
        return _get("indicator", self.indicator_id).evaluation_id

    def apply(self) -> None:
        row = _get("indicator", self.indicator_id)
        self.old_parent_id, self.old_position = row.parent_id, row.position
        self._move(self.new_parent_id, self.new_position)

    def revert(self) -> None:
        self._move(self.old_parent_id, self.old_position)

    def _move(self, parent_id, position) -> None:
        delete = DeleteIndicator(self.indicator_id)
        delete.apply()
        node = delete.removed
        if parent_id is not None and _is_within(parent_id, node):
            # The workspace rolls the transaction back, the delete above included.
            raise WorkspaceError("不能把指标移到它自己的下级")
        InsertIndicators(delete.evaluation, parent_id, position, (node,), inserted=(node,)).apply()

    def audit(self):
        return (f"indicator:{self.indicator_id}",
                f"{self.old_parent_id}#{self.old_position}", f"{self.new_parent_id}#{self.new_position}")


def _is_within(indicator_id: int, node: v.Indicator) -> bool:
    return node.id == indicator_id or any(_is_within(indicator_id, c) for c in node.children)


@dataclass
class InsertRow:
    """Insert a fund line or a 资金管理情况 row at position."""

    table: str
    evaluation: int
    position: int
    values: dict = field(default_factory=dict)
    label: str = "插入行"
    row_id: int | None = None

    def __post_init__(self):
        self.values = {k: check(self.table, k, val) for k, val in self.values.items()}

    def evaluation_id(self) -> int:
        return self.evaluation

    def apply(self) -> None:
        model = FLAT_ROWS[self.table][0]
        where = model.evaluation == self.evaluation
        self.position = max(0, min(self.position, model.select().where(where).count()))
        _shift(model, where, self.position, 1)
        extra = {"id": self.row_id} if self.row_id else {}
        self.row_id = model.insert(evaluation=self.evaluation, position=self.position,
                                   **self.values, **extra).execute()

    def revert(self) -> None:
        model = FLAT_ROWS[self.table][0]
        model.delete().where(model.id == self.row_id).execute()
        _shift(model, model.evaluation == self.evaluation, self.position + 1, -1)

    def audit(self):
        return f"{self.table}:{self.row_id}", None, json.dumps({k: _shown(x) for k, x in self.values.items()}, ensure_ascii=False)


@dataclass
class DeleteRow:
    table: str
    row_id: int
    label: str = "删除行"
    inverse: InsertRow | None = None

    def evaluation_id(self) -> int:
        return self.inverse.evaluation if self.inverse else _get(self.table, self.row_id).evaluation_id

    def apply(self) -> None:
        model = FLAT_ROWS[self.table][0]
        row = _get(self.table, self.row_id)
        values = {k: getattr(row, k) for k in model._meta.fields if k not in ("id", "evaluation", "position")}
        self.inverse = InsertRow(self.table, row.evaluation_id, row.position, values, row_id=row.id)
        row.delete_instance()
        _shift(model, model.evaluation == row.evaluation_id, self.inverse.position + 1, -1)

    def revert(self) -> None:
        self.inverse.apply()

    def audit(self):
        return f"{self.table}:{self.row_id}", self.inverse.audit()[2] if self.inverse else None, None


@dataclass
class CreateEvaluation:
    snapshot: v.Evaluation
    label: str = "新建评价表"
    created: v.Evaluation | None = None

    def evaluation_id(self) -> int | None:
        return self.created.id if self.created else None

    def apply(self) -> None:
        if self.created is None:
            validate.whole_evaluation(self.snapshot)  # every importer's one check
            new_id = snapshots.insert(self.snapshot)
            self.created = snapshots.load([new_id])[0]
        else:
            snapshots.insert(self.created, keep_ids=True)

    def revert(self) -> None:
        s.Evaluation.delete().where(s.Evaluation.id == self.created.id).execute()

    def audit(self):
        return f"evaluation:{self.created.id}", None, f"{self.created.year} {self.created.project or self.created.title or ''}"


@dataclass
class DeleteEvaluation:
    evaluation: int
    label: str = "删除评价表"
    removed: v.Evaluation | None = None

    def evaluation_id(self) -> int:
        return self.evaluation

    def apply(self) -> None:
        found = snapshots.load([self.evaluation])
        if not found:
            raise WorkspaceError(msg.NO_EVALUATION.format(id=self.evaluation))
        self.removed = found[0]
        s.Evaluation.delete().where(s.Evaluation.id == self.evaluation).execute()

    def revert(self) -> None:
        snapshots.insert(self.removed, keep_ids=True)

    def audit(self):
        return f"evaluation:{self.evaluation}", f"{self.removed.year} {self.removed.project or ''}", None


@dataclass
class SetSetting:
    key: str
    value: object  # JSON-serialisable
    label: str = "修改设置"
    old: str | None = None

    def evaluation_id(self) -> None:
        return None

    def apply(self) -> None:
        values.check("", msg.FIELD_SETTING, self.value)
        row = s.Setting.get_or_none(s.Setting.key == self.key)
        self.old = row.value if row else None
        self._write(json.dumps(self.value, ensure_ascii=False, sort_keys=True))

    def revert(self) -> None:
        self._write(self.old)

    def _write(self, text: str | None) -> None:
        if text is None:
            s.Setting.delete().where(s.Setting.key == self.key).execute()
        else:
            s.Setting.insert(key=self.key, value=text).on_conflict(
                conflict_target=[s.Setting.key], preserve=[s.Setting.value]).execute()

    def audit(self):
        return f"setting:{self.key}", self.old, json.dumps(self.value, ensure_ascii=False, sort_keys=True)
