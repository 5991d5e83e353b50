"""Finding evaluation tables in a sheet and cutting each into sections by their labels.

A table starts at a 项目名称/评价单位 row (or, without one, at the indicator header), together
with the title lines right above it, and runs to the next table's start. Inside a table every
row whose label opens a block (资金, 目标, 资金管理, 指标, 总分, 说明 …) starts a section; other
rows belong to the section above them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from perfdesk.io import texts
from perfdesk.io import xlsx_labels as L
from perfdesk.io.xlsx_cells import Grid, Raw

MAX_TITLE_LINES = 3


@dataclass(frozen=True)
class Section:
    kind: str  # title, header, funds, goals, management, indicators, total, grade, remarks, signature, section_title
    rows: tuple[int, ...]


@dataclass(frozen=True)
class Region:
    first: int
    last: int
    sections: tuple[Section, ...]

    def of_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]


def keys(cells: list[tuple[int, Raw]]) -> list[str]:
    return [L.label_key(raw.value) for _, raw in cells if isinstance(raw.value, str)]


def row_kind(cells: list[tuple[int, Raw]]) -> str | None:
    found = keys(cells)
    if not found:
        return None
    first, labels = found[0], set(found)
    fields = {L.INDICATOR_COLUMNS.get(k) for k in labels}
    if "name" in fields and {"l1", "l2"} & fields:
        return "indicators"
    if labels & set(L.HEADER_FIELDS):
        return "header"
    for kind, vocabulary in _FIRST_LABEL_KINDS:
        if first in vocabulary:
            return kind
    if L.SIGNATURE_ROW.match(first):
        return "signature"
    return None


_FIRST_LABEL_KINDS = (
    ("funds", L.FUND_SECTION),
    ("goals", L.GOAL_SECTION),
    ("management", {L.MANAGEMENT_SECTION}),
    ("total", L.TOTAL_ROW),
    ("grade", L.GRADE_ROW),
    ("remarks", {L.REMARKS_ROW}),
    ("section_title", L.INDICATOR_SECTION_TITLES),
)


def find_regions(grid: Grid) -> list[Region]:
    rows = grid.rows()
    kinds = {r: row_kind(grid.row(r)) for r in rows}
    starts = [r for r in rows if kinds[r] == "header" and set(keys(grid.row(r))) & L.TABLE_ANCHORS]
    if not starts:
        starts = [r for r in rows if kinds[r] == "indicators"][:1]
    starts = [_title_top(grid, kinds, r, floor) for r, floor in zip(starts, [0] + starts)]
    ends = [s - 1 for s in starts[1:]] + [rows[-1] if rows else 0]
    return [Region(a, b, _sections([r for r in rows if a <= r <= b], kinds)) for a, b in zip(starts, ends)]


def _title_top(grid: Grid, kinds: dict, start: int, floor: int) -> int:
    """Move a table's start up over the single-cell title lines right above it."""
    top = start
    while top - 1 > floor and top - 1 in kinds and kinds[top - 1] is None and len(grid.row(top - 1)) == 1:
        if start - top >= MAX_TITLE_LINES:
            break
        top -= 1
    return top


def _sections(rows: list[int], kinds: dict) -> tuple[Section, ...]:
    sections: list[tuple[str, list[int]]] = []
    for r in rows:
        kind = kinds[r]
        if kind is not None and not (kind == "header" and sections and sections[-1][0] == "header"):
            sections.append((kind, [r]))
        elif sections:
            sections[-1][1].append(r)
        else:
            sections.append(("title", [r]))
    return tuple(Section(kind, tuple(rs)) for kind, rs in sections)


@dataclass
class Part:
    """What one section gave: Evaluation fields, optional columns seen, and report lines."""

    fields: dict = field(default_factory=dict)
    columns: set[str] = field(default_factory=set)
    found: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def merge(self, other: "Part") -> None:
        self.fields.update(other.fields)
        self.columns |= other.columns
        self.found += other.found
        self.skipped += other.skipped


def label_columns(cells: list[tuple[int, Raw]], vocabulary: dict[str, str]) -> dict[int, str]:
    """Column -> field for the cells of a row whose labels are in the vocabulary."""
    found = {}
    for col, raw in cells:
        if isinstance(raw.value, str) and L.label_key(raw.value) in vocabulary:
            found[col] = vocabulary[L.label_key(raw.value)]
    return found


def is_label_row(cells: list[tuple[int, Raw]], vocabulary: dict[str, str]) -> bool:
    return bool(cells) and all(isinstance(raw.value, str) and L.label_key(raw.value) in vocabulary for _, raw in cells)


def skipped_rows(grid: Grid, rows) -> list[str]:
    return [texts.SKIPPED_ROW.format(row=r, text=_row_text(grid, r)) for r in rows]


def _row_text(grid: Grid, row: int) -> str:
    text = " | ".join(str(raw.value) for _, raw in grid.row(row))
    return text if len(text) <= 40 else text[:40] + "…"
