"""Finding the tables in a grid and cutting each into blocks by what its rows mean.

A table opens at its 项目名称 row (the department-wide form: its 评价单位/部门名称 row; a bare
indicator list: its header row), together with the title lines right above it, and runs to
the next table. Inside, a row opens a block when it is a header of the indicators (by how many
indicator concepts it holds, in any order), of the funds (by fund concepts, wherever the
项目资金 label sits), of the goals, or starts with a block label (总分, 等级, 说明, 填报人…);
every other row continues the block above it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from perfdesk.io.grid.model import DATE, TEXT, Grid
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize.rows import Row
from perfdesk.io.recognize.values import is_blank_mark, is_numeric

MAX_TITLE_LINES = 6
MAX_GAP = 2  # two blank rows end a block
_NOTE = re.compile(r"^(注|说明|备注)\s*+\d*+\s*+[:：.、]")  # possessive: see vocabulary.NOT_A_TITLE
_FUND_FIELDS = {"initial", "declared", "annual", "executed", "balance", "rate"}
# Header fields that name what a table evaluates: one of them opens a table that has no 项目名称.
_NAMING_FIELDS = ("project", "department", "implementer", "both", "central_department")
# Blocks after which a 项目负责人 row is the signature row, not a header row.
_AFTER_DATA = ("indicators", "total", "grade", "remarks", "report", "other")


@dataclass
class Block:
    kind: str  # header, funds, goals, management, indicators, indicator_title, total, grade, remarks, report,
    # signature, other
    rows: list[int]


@dataclass
class Region:
    first: int
    last: int
    anchor: int
    title_rows: list[int]
    blocks: list[Block] = field(default_factory=list)
    unread: list[int] = field(default_factory=list)  # rows that belong to no block
    above: list[int] = field(default_factory=list)  # rows above the first table of the grid
    hidden: list[int] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]


def is_indicator_header(row: Row) -> bool:
    fields = set(row.fields(L.INDICATOR_COLUMNS).values())
    return ("name" in fields or {"l1", "l2"} <= fields) and len(fields) >= 3


def is_inline_funds(row: Row) -> bool:
    """The 预算数: x | 执行数: y layout: the budget label has its number right beside it."""
    for col, label in row.labels.items():
        if label == L.INLINE_BUDGET:
            right = next((cell for c, cell in row.cells if c > col), None)
            return right is not None and (is_numeric(right) or is_blank_mark(right))
    return False


def is_fund_header(row: Row) -> bool:
    """A row of fund column labels; with 项目名称 among them it heads a list of projects (a 汇总表)."""
    fields = set(row.fields(L.FUND_COLUMNS).values())
    return (len(fields & _FUND_FIELDS) >= 2 and not is_indicator_header(row)
            and not any(k in L.PROJECT_ANCHORS for k in row.labels.values()))


def is_anchor(row: Row) -> bool:
    """A 项目名称 label with its value beside it, or in the same cell ("项目名称：…"); in a 汇总表 it
    heads a column of names instead."""
    if row.first_inline is not None and row.first_inline[0] in L.PROJECT_ANCHORS:
        return True
    for i, (col, _) in enumerate(row.cells):
        if row.labels.get(col) in L.PROJECT_ANCHORS:
            following = row.cells[i + 1][0] if i + 1 < len(row.cells) else None
            return following is None or following not in row.labels
    return False


def _goal_labels(row: Row) -> int:
    return len(set(row.fields(L.GOAL_FIELDS).values()))


def start_kind(row: Row, current: str | None) -> str | None:
    """The block a row opens, or None when it continues the current block."""
    first = row.opening
    if is_indicator_header(row):
        return "indicators"
    if first in L.TOTAL_ROW:
        return "total"
    if first in L.GRADE_ROW:
        return "grade"
    if first in L.REMARKS_ROW:
        return "remarks"
    opening = L.fold(row.first[1].text).strip()
    if L.SIGNATURE_START.match(opening) or (L.SIGNATURE_AFTER_DATA.match(opening) and current in _AFTER_DATA):
        return "signature"
    if first in L.REPORT_ROWS:
        return "report"
    if first in L.OTHER_ROWS or _NOTE.match(row.first[1].text.strip()):
        return "other"
    if first in L.FUND_SECTION or is_fund_header(row) or is_inline_funds(row):
        return "funds"
    if first in L.MANAGEMENT_SECTION:
        return "management"
    if first in L.GOAL_FIELDS or (_goal_labels(row) >= 2 and current != "indicators"):
        return "goals"
    if first in L.INDICATOR_SECTION:
        # inside the indicators, the 绩效指标 label repeated beside data rows is a page split of the
        # same table (its merged first column started again), not a new block
        return None if current == "indicators" and len(row.cells) > 1 else "indicator_title"
    if first in L.HEADER_FIELDS or first in L.HEADER_IGNORED:
        return "header"
    if current != "indicators" and any(k in L.HEADER_FIELDS for k in row.labels.values()):
        return "header"
    return None


def find_regions(grid: Grid, rows: dict[int, Row]) -> list[Region]:
    numbers = sorted(rows)
    anchors = [r for r in numbers if is_anchor(rows[r]) or rows[r].first_key in L.EVALUATED_UNIT]
    if not anchors:
        anchors = [r for r in numbers if rows[r].first_key in L.DEPARTMENT_ANCHORS][:1]
    if not anchors:  # no 项目名称: the first header label with its value (实施单位 | …, 专项资金名称 | …)
        anchors = [r for r in numbers if _labelled_value(rows[r])][:1]
    if not anchors:
        anchors = [r for r in numbers if start_kind(rows[r], None) in ("indicators", "funds")][:1]
    regions = []
    floor = 0
    for i, anchor in enumerate(anchors):
        title = _title_rows(grid, rows, anchor, floor)
        regions.append(Region(title[0] if title else anchor, 0, anchor, title))
        floor = anchor
    merged = _merged_below_top(grid)
    lines = sorted(set(numbers) | grid.hidden_rows | merged)  # the rows a region is cut from (row numbers are sparse)
    for region, following in zip(regions, regions[1:] + [None]):
        region.last = (following.first - 1) if following else (numbers[-1] if numbers else region.first)
        _cut(grid, rows, region, lines[bisect_left(lines, region.anchor):bisect_right(lines, region.last)], merged)
    if regions:
        regions[0].above = [r for r in numbers if r < regions[0].first]
    return regions


def _labelled_value(row: Row) -> bool:
    """A row opening with a header label (项目实施单位, 主管部门 …) that has its value beside it."""
    if L.HEADER_FIELDS.get(row.first_key) not in _NAMING_FIELDS or len(row.cells) < 2:
        return False
    return row.cells[1][0] not in row.labels


def _title_like(row: Row) -> bool:
    if len(row.cells) > 4 or is_indicator_header(row) or is_fund_header(row):
        return False
    if any(cell.kind not in (TEXT, DATE) for _, cell in row.cells):
        return False
    first = row.opening
    return not (first in L.TOTAL_ROW or first in L.GRADE_ROW or first in L.OTHER_ROWS
                or L.SIGNATURE_START.match(L.fold(row.first[1].text).strip()) or _NOTE.match(row.first[1].text.strip()))


def _title_rows(grid: Grid, rows: dict[int, Row], anchor: int, floor: int) -> list[int]:
    """The title lines right above a table's first row (one blank row between them is allowed)."""
    found: list[int] = []
    r, gap = anchor - 1, 0
    while r > floor and len(found) < MAX_TITLE_LINES:
        if r in grid.hidden_rows:
            r -= 1
            continue
        row = rows.get(r)
        if row is None:
            gap += 1
            if gap > 1 or found:
                break
        elif _title_like(row):
            found.append(r)
        else:
            break
        r -= 1
    return sorted(found)


def _cut(grid: Grid, rows: dict[int, Row], region: Region, lines: list[int], merged: set[int]) -> None:
    """Cut the region into blocks; `lines` are its rows that hold cells, are hidden or lie under a
    merge from above, in order; `merged` the rows under a merge from above."""
    current: Block | None = None
    last = region.anchor
    for r in lines:
        row = rows.get(r)
        if row is None and r not in grid.hidden_rows:
            if r in merged:
                last = r  # a row whose cells all belong to merges from above is no gap
            continue
        if r - last > MAX_GAP:
            current = None  # lines well below a table (a note under a Word table) are not its rows
        last = r
        if r in grid.hidden_rows:
            if row is not None:
                region.hidden.append(r)
            continue
        if current is not None and current.kind == "funds" and fund_row_continues(row, current, rows):
            current.rows.append(r)
            continue
        kind = start_kind(row, current.kind if current else None)
        if kind == "indicators" and current is not None and current.kind == "indicator_title":
            current.kind = "indicators"  # a 绩效指标 line above the header belongs to it
            current.rows.append(r)
        elif kind == "funds" and current is not None and current.kind == "funds" and not _has_fund_header(current, rows):
            current.rows.append(r)  # the 项目资金 label alone on the row above the fund header
        elif kind in ("goals", "report") and current is not None and current.kind == kind:
            current.rows.append(r)  # the next label of a block labelled row by row
        elif kind is not None:
            current = Block(kind, [r])
            region.blocks.append(current)
        elif current is not None and current.kind == "funds" and _prose_in_amounts(grid, row, current, rows):
            region.unread.append(r)  # a text written across the amount columns (年度目标1：… | a goal): no fund row
        elif current is not None and current.kind not in ("total", "grade", "signature", "other", "report",
                                                           "indicator_title"):
            current.rows.append(r)
        else:
            region.unread.append(r)


def _merged_below_top(grid: Grid) -> set[int]:
    """Rows covered by a vertical merge that starts above them."""
    return {r for top, _, bottom, _ in grid.merges for r in range(top + 1, bottom + 1)}


def _has_fund_header(block: Block, rows: dict[int, Row]) -> bool:
    return any(is_fund_header(rows[r]) or is_inline_funds(rows[r]) for r in block.rows)


def _prose_in_amounts(grid: Grid, row: Row, block: Block, rows: dict[int, Row]) -> bool:
    """Text merged across several amount columns, or too long for an amount: prose, not a fund row
    (a short text such as "未到位" in one amount cell stays a fund row's value)."""
    header = next((rows[r] for r in block.rows if is_fund_header(rows[r])), None)
    if header is None:
        return False
    columns = set(header.fields(L.FUND_COLUMNS))
    for c, cell in row.cells:
        if c not in columns or cell.kind != TEXT or is_numeric(cell) or is_blank_mark(cell):
            continue
        span = next(((left, right) for top, left, _, right in grid.merges if top == row.number and left == c),
                    (c, c))
        if len(cell.text) > L.MAX_LABEL_CHARS or len(columns & set(range(span[0], span[1] + 1))) > 1:
            return True
    return False


def fund_row_continues(row: Row, block: Block, rows: dict[int, Row]) -> bool:
    """A row under a fund header stays in the fund block when its amount cells hold amounts
    (numbers, percentages, "—", formulas) or nothing; text there (a goal, a note) is no fund row."""
    header = next((rows[r] for r in block.rows if is_fund_header(rows[r])), None)
    if header is None:
        return False
    if header.number == block.rows[-1] and row.cells and all(c in row.labels for c, _ in row.cells):
        return True  # a second header row of sub-labels (目标申报数 | 预算编制数 under 年初预算数)
    value_columns = set(header.fields(L.FUND_COLUMNS))
    first_value = min(value_columns)
    values = [cell for c, cell in row.cells if c in value_columns]  # a note under 原因/备注 is no amount
    if any(not (is_numeric(cell) or is_blank_mark(cell) or cell.kind != TEXT) for cell in values):
        return False
    if values:
        return True
    # a label alone (上年结转资金 with blank amounts) stays, unless it opens another block
    labelled = any(c < first_value for c, _ in row.cells)
    return labelled and not is_indicator_header(row) and start_kind(row, "funds") in (None, "funds", "total")
