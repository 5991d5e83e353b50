"""The indicator block: columns found by their labels (one or two header rows, any order), one
leaf per data row, 一级/二级 groups from merged ranges and labels.

A target split over 指标性质 | 指标值 | 度量单位 columns is joined into one ("≧" "735" "人次" ->
"≧735人次"). Hidden rows never get here; template placeholders (指标2：, ……) and rows naming only
a group are skipped and listed, and a group keeps its label when its first row is such a row.
Without 一级/二级 columns the indicators form a one-level list.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from perfdesk.io import texts
from perfdesk.io import xlsx_notes
from perfdesk.io.grid.model import Grid, GridCell
from perfdesk.io.grid.numfmt import plain
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize.layout import is_indicator_header
from perfdesk.io.recognize.part import ColumnUse, Part, unread_column_line
from perfdesk.io.recognize.rows import Row
from perfdesk.io.recognize.values import decimal_of, is_numeric, number_of, points_of
from perfdesk.scoring.evaluation import Indicator

_TEXT_FIELDS = ("name", "target", "target_adjusted", "actual", "reason", "scoring_rule")
_OPTIONAL = {"target_adjusted": "target_adjusted", "scoring_rule": "scoring_rule"}
_TARGETS = ("target", "target_adjusted")
IGNORED = "ignored"
_LEVEL_NAMES = {"l1": "一级指标", "l2": "二级指标"}


@dataclass
class IndicatorColumns:
    fields: dict[int, str]  # column -> field (only read fields)
    uses: list[ColumnUse] = field(default_factory=list)

    def of(self, name: str) -> int | None:
        return next((c for c, f in self.fields.items() if f == name), None)


def header_rows(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """(header rows, the rest): the first header, a row of labels above it whose cells span both
    (绩效指标 | 年度指标值 | 实际完成值 | 分值 … over 一级指标 | 二级指标 | 三级指标 | 指标性质 …), and a
    second row of sub-labels below it."""
    start = next(i for i, row in enumerate(rows) if is_indicator_header(row))
    first = start - 1 if start > 0 and _upper_labels(rows[start - 1]) else start
    end = start + 2 if start + 1 < len(rows) and _sub_labels(rows[start + 1]) else start + 1
    return rows[first:end], rows[end:]


def _upper_labels(row: Row) -> bool:
    """An upper header row: labels only, at least two indicator concepts among them."""
    fields = set(row.fields(L.INDICATOR_COLUMNS).values())
    return all(c in row.labels for c, _ in row.cells) and len(fields) >= 2


def _sub_labels(row: Row) -> bool:
    return bool(row.cells) and all(c in row.labels for c, _ in row.cells) and not is_indicator_header(row)


def read_columns(header: list[Row], overrides: dict[int, str | None]) -> IndicatorColumns:
    """Column -> field from the header labels; a lower row's label wins over the label spanning it."""
    fields: dict[int, str | None] = {}
    printed: dict[int, list[str]] = {}
    for row in header:
        for col, cell in row.cells:
            label = row.labels.get(col)
            if label in L.INDICATOR_SECTION:
                continue
            printed.setdefault(col, []).append(L.one_line(cell.text))
            if label in L.INDICATOR_COLUMNS:
                fields[col] = L.INDICATOR_COLUMNS[label]
            elif col not in fields:
                fields[col] = None
    _second_target_is_adjusted(fields)
    _group_weights(fields)
    fields.update(overrides)
    uses = [ColumnUse("indicators", c, "/".join(printed.get(c, [""])), fields.get(c))
            for c in sorted(set(printed) | set(overrides))]
    return IndicatorColumns({c: f for c, f in fields.items() if f}, uses)


def _group_weights(fields: dict[int, str | None]) -> None:
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值: a 分值 column right of a group column is that
    group's weight; the indicator's own is the one right of the 三级 name."""
    weights = [c for c in sorted(fields) if fields[c] == "weight"]
    if len(weights) < 2:
        return
    for col in weights:
        left = next((fields[c] for c in sorted(fields, reverse=True)
                     if c < col and fields[c] not in (None, "weight")), None)
        if left in ("l1", "l2"):
            fields[col] = f"{left}_weight"


def _second_target_is_adjusted(fields: dict[int, str | None]) -> None:
    targets = [c for c in sorted(fields) if fields[c] == "target"]
    for col in targets[1:2]:
        fields[col] = "target_adjusted"


@dataclass
class _Labels:
    l1: str | None = None
    l2: str | None = None


def indicators_part(grid: Grid, rows: list[Row], overrides: dict[int, str | None]) -> Part:
    header, data = header_rows(rows)
    columns = read_columns(header, overrides)
    part = read_leaves(grid, data, columns)
    part.columns |= {_OPTIONAL[f] for f in columns.fields.values() if f in _OPTIONAL}
    first = min(columns.fields, default=0)
    titles = [use for use in columns.uses if use.field is None and use.column < first
              and not any(grid.get(row.number, use.column) for row in data)]
    part.uses = [use for use in columns.uses if use not in titles]
    part.skipped += [texts.SKIPPED_BLOCK_TITLE.format(label=use.label) for use in titles]
    part.skipped += [unread_column_line(use, L.INDICATOR_IGNORED, texts.BLOCK_INDICATORS)
                     for use in part.uses if use.field is None and use.label]
    labels = [use.label for use in part.uses if use.field]
    groups = len({l1 for l1, _, _, _ in part.fields["leaves"]})
    part.found.append(texts.FOUND_INDICATORS.format(count=len(part.fields["leaves"]), groups=groups,
                                                    columns="、".join(labels)))
    return part


def _weight_lines(columns: IndicatorColumns, leaves: list, from_names: int) -> list[str]:
    """How the weights were read when the table does not print one per indicator in a 分值 column."""
    has = set(columns.fields.values())
    lines = [texts.GROUP_WEIGHT_COLUMN.format(level=_LEVEL_NAMES[level], example=leaves[0][index] if leaves else "")
             for index, level in enumerate(("l1", "l2")) if f"{level}_weight" in has]
    if from_names:
        lines.append(texts.WEIGHT_FROM_NAME.format(count=from_names))
    elif "score" in has and "weight" not in has:
        lines.append(texts.NO_WEIGHT_COLUMN)
    return lines


def read_leaves(grid: Grid, data: list[Row], columns: IndicatorColumns) -> Part:
    """Leaves as (一级, 二级, leaf, row) — 一级/二级 None when the table has no such column."""
    part = Part()
    part.fields["indicator_columns"] = columns
    leaves, above = [], _Labels()
    for row in data:
        if is_indicator_header(row):
            part.skipped.append(texts.SKIPPED_REPEATED_HEADER.format(row=row.number))
            continue
        found = _leaf(grid, row, columns, above, part)
        if found is not None:
            leaves.append(found)
    has = set(columns.fields.values())
    weight_col = columns.of("weight")
    from_names = sum(1 for _, _, leaf, r in leaves
                     if leaf.weight is not None and number_of(grid.get(r, weight_col)) is None)
    part.skipped += _weight_lines(columns, leaves, from_names)
    levels = ("l1" in has, "l2" in has)
    if levels == (False, True):
        leaves = [(l2, None, leaf, r) for _, l2, leaf, r in leaves]
        levels = (True, False)
    part.fields["leaves"] = [(_level(l1, levels[0]), _level(l2, levels[1]), leaf, r) for l1, l2, leaf, r in leaves]
    return part


def _level(label: str | None, present: bool) -> str | None:
    """A blank 一级/二级 of a table that has the column is "", of one that has not None."""
    return (label or "") if present else None


def _leaf(grid: Grid, row: Row, columns: IndicatorColumns, above: _Labels, part: Part):
    r = row.number
    l1 = _weighed(grid, r, columns, "l1", _group_label(grid, r, columns.of("l1")))
    l2 = _weighed(grid, r, columns, "l2", _group_label(grid, r, columns.of("l2")))
    if l1 is not None and l1 != above.l1:
        above.l1, above.l2 = l1, None
    if l2 is not None:
        above.l2 = l2
    values = {name: _text(grid.get(r, col)) for col, name in columns.fields.items() if name in _TEXT_FIELDS}
    name = _name(values.get("name"))
    for target in _TARGETS:
        if target in columns.fields.values():
            values[target] = _joined_target(grid, r, columns, target)
    weight, score = (points_of(grid.get(r, columns.of(f))) for f in ("weight", "score"))
    if weight is None and name is not None:  # "相关性（5分）" in a table without a 分值 cell for it
        weight = L.weight_in(name)
    if name is None and values.get("target") is None and values.get("actual") is None:
        own_group = any(grid.get(r, columns.of(f)) is not None for f in ("l1", "l2") if columns.of(f) is not None)
        placeholder = any(L.PLACEHOLDER_NAME.match(L.fold(cell.text.strip())) for _, cell in row.cells)
        if values.get("name") is not None or placeholder:
            part.skipped.append(texts.SKIPPED_PLACEHOLDER.format(row=r, text=row.text()))
        elif weight is not None or score is not None:
            part.skipped.append(texts.SKIPPED_NO_NAME.format(row=r, text=row.text()))
        elif own_group:
            part.skipped.append(texts.SKIPPED_GROUP_ONLY.format(row=r, text=row.text()))
        else:
            part.skipped.append(texts.SKIPPED_ROW.format(row=r, text=row.text()))
        return None
    nature = grid.get(r, columns.of("target_op"))  # 指标性质 正向/反向 says which way the indicator counts
    leaf = Indicator(
        name=name or "", level=3, weight=weight, target=values.get("target"),
        target_adjusted=values.get("target_adjusted"), actual=values.get("actual"), score_printed=score,
        reason=values.get("reason"), scoring_rule=values.get("scoring_rule"),
        direction=L.DIRECTION_WORDS.get(L.key(nature.text)) if nature is not None else None,
    )
    return above.l1, above.l2, _noted(grid, r, columns, leaf), r


def _noted(grid: Grid, row: int, columns: IndicatorColumns, leaf: Indicator) -> Indicator:
    """A manual score with its reason and a typed direction, as perfdesk's export notes them: the
    score cell holds the manual score and its note the reason (and any printed score)."""
    changes = {}
    for col, name in columns.fields.items():
        note = grid.cell_notes.get((row, col))
        marks = xlsx_notes.parse(note) if note else None
        if marks is None:
            continue
        if name == "score" and marks.manual and leaf.score_printed is not None:
            printed = GridCell(marks.printed) if marks.printed else None
            changes.update(manual_score=decimal_of(grid.get(row, col)), manual_reason=marks.manual_reason,
                           score_printed=number_of(printed))
        if marks.direction is not None:
            changes["direction"] = marks.direction
    return replace(leaf, **changes) if changes else leaf


def _weighed(grid: Grid, row: int, columns: IndicatorColumns, level: str, label: str | None) -> str | None:
    """A group label with the weight its own 分值 column gives it ("项目决策" + 20 -> "项目决策（20分）"),
    unless the label already names one."""
    cell = grid.above(row, columns.of(f"{level}_weight")) if columns.of(f"{level}_weight") is not None else None
    weight = decimal_of(cell)
    if label is None or weight is None or L.weight_in(label) is not None:
        return label
    return f"{label}（{plain(weight)}分）"


def _group_label(grid: Grid, row: int, col: int | None) -> str | None:
    """A 一级/二级 cell, or the label of the vertical merge it sits in."""
    if col is None:
        return None
    cell = grid.above(row, col)
    return "".join(line.strip() for line in cell.text.splitlines()) if cell is not None else None


def _text(cell: GridCell | None) -> str | None:
    return None if cell is None else cell.text


def _name(text: str | None) -> str | None:
    """The 三级 name without a template's "指标1：" prefix; None for a placeholder (指标2：, ……)."""
    if text is None:
        return None
    stripped = L.one_line(text)
    if L.PLACEHOLDER_NAME.match(L.fold(stripped)):
        return None
    rest = L.NAME_PREFIX.sub("", stripped)
    return rest or None


def _joined_target(grid: Grid, row: int, columns: IndicatorColumns, target: str) -> str | None:
    op_cell = grid.get(row, columns.of("target_op"))
    op = "" if op_cell is None or L.key(op_cell.text) in L.NOT_AN_OPERATOR else op_cell.text.strip()
    text = _with_unit(grid, row, columns, grid.get(row, columns.of(target))) or ""
    joined = f"{op}{text}" if text else ""
    return joined or None


def _with_unit(grid: Grid, row: int, columns: IndicatorColumns, value: GridCell | None) -> str | None:
    """A bare target number with the row's 度量单位/计量单位 ("735" + "人次" -> "735人次"); the actual
    stays as printed (realworld/01: "735")."""
    if value is None:
        return None
    text = value.text.strip()
    unit_cell = grid.get(row, columns.of("unit"))
    unit = unit_cell.text.strip() if unit_cell is not None else ""
    if unit == "百分比":
        unit = "%"
    if text and unit and is_numeric(value) and not text.endswith(unit) and not text.endswith("%"):
        text += unit
    return text
