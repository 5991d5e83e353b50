"""Cells copied from Excel, WPS or Word as indicators to insert into the tree.

The clipboard becomes a grid (HTML when offered, which keeps merged cells; else tab-separated
text) and goes through the same recognizer as an imported file, so a pasted header row is read
with the whole vocabulary (参考分值, 全年实际值(B), 指标值(A) …). Without a header row the columns
follow the official order: with 一级/二级 (8 or more columns) the 自评表's indicator block,
else 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因.

    whole_tree, nodes = parse(text, html)   # nodes are scoring `Indicator` trees
"""
from __future__ import annotations

from dataclasses import replace

from perfdesk.io import texts
from perfdesk.io.exchange import group_leaves
from perfdesk.io.grid.clipboard import grid_from_clipboard
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import GridCell
from perfdesk.io.recognize.indicators import IndicatorColumns, header_rows, read_columns, read_leaves
from perfdesk.io.recognize.layout import is_indicator_header
from perfdesk.io.recognize.rows import rows_of
from perfdesk.io.recognize.values import is_blank_mark
from perfdesk.io.richtext import plain_evaluation
from perfdesk.scoring.evaluation import Evaluation, Indicator

LEAF_COLUMNS = ("name", "target", "actual", "weight", "score", "reason")
OFFICIAL_COLUMNS = ("l1", "l2", "name", "target", "actual", "weight", "score", "reason")
MAX_ROWS = 2000


class PasteError(ValueError):
    pass


def parse(text: str | None, html: str | None = None) -> tuple[bool, tuple[Indicator, ...]]:
    """(whole tree?, nodes): with 一级/二级 columns the rows form 一级 subtrees, else 三级 rows."""
    try:
        grid = grid_from_clipboard(text, html)
    except Refusal as exc:
        raise PasteError(str(exc)) from None
    rows = list(rows_of(grid).values())
    rows = [row for row in rows if row.number not in grid.hidden_rows]
    if not rows:
        raise PasteError(texts.PASTE_EMPTY)
    if len(rows) > MAX_ROWS:
        raise PasteError(texts.PASTE_TOO_MANY.format(limit=MAX_ROWS))
    if any(is_indicator_header(row) for row in rows):
        header, data = header_rows(rows)
        columns = read_columns(header, {})
        if not data:
            raise PasteError(texts.PASTE_HEADER_ONLY)
    else:
        width = max(grid.width, max(c for row in rows for c, _ in row.cells))
        order = OFFICIAL_COLUMNS if width >= len(OFFICIAL_COLUMNS) else LEAF_COLUMNS
        columns, data = IndicatorColumns({i: f for i, f in enumerate(order, 1)}), rows
    leaves = read_leaves(grid, data, columns).fields["leaves"]
    if not leaves:
        raise PasteError(texts.PASTE_NO_INDICATOR)
    for _, _, leaf, row in leaves:
        _check_numbers(leaf, row)
    whole_tree = leaves[0][0] is not None
    nodes = group_leaves([(l1, l2, leaf) for l1, l2, leaf, _ in leaves])
    if not whole_tree:
        nodes = tuple(n for root in nodes for n in _leaves_of(root))
    return whole_tree, plain_evaluation(Evaluation(form="project_self_eval", year=2000, indicators=nodes)).indicators


def _leaves_of(node: Indicator) -> tuple[Indicator, ...]:
    if not node.children:
        return (replace(node, level=3),)
    return tuple(leaf for child in node.children for leaf in _leaves_of(child))


def _check_numbers(leaf: Indicator, row: int) -> None:
    """分值 and 得分 must be numbers ("—" and the like stand for none)."""
    for value, what in ((leaf.weight, "分值"), (leaf.score_printed, "得分")):
        if isinstance(value, str) and not is_blank_mark(GridCell(value)):
            raise PasteError(texts.PASTE_NOT_A_NUMBER.format(row=row, what=what, value=value))
