"""Rows copied from Excel/WPS (tab-separated text) as indicators to insert into the tree."""
from __future__ import annotations

import csv
import io

from perfdesk.io import xlsx_labels as L
from perfdesk.io.exchange import group_leaves
from perfdesk.scoring.evaluation import Indicator, to_cell

# Rows copied without a header and without 一级/二级: 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因.
LEAF_COLUMNS = ("name", "target", "actual", "weight", "score_printed", "reason")
# The official 自评表 indicator block: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因.
OFFICIAL_COLUMNS = ("l1", "l2", "name", "target", "actual", "weight", "score_printed", "reason")
# A copied header row reads like the workbook's: the importer's label vocabulary, with 得分 as printed.
HEADER_NAMES = {**{key: ("score_printed" if field == "score" else field) for key, field in L.INDICATOR_COLUMNS.items()},
                L.label_key("指标"): "name"}
MAX_ROWS = 2000


class PasteError(ValueError):
    pass


def read_rows(text: str) -> list[list[str]]:
    """Excel puts quotes around cells holding line breaks; csv undoes that."""
    rows = list(csv.reader(io.StringIO(text.strip("\r\n")), delimiter="\t"))
    rows = [[c.strip().strip("\u3000") for c in r] for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise PasteError("剪贴板中没有可粘贴的表格内容")
    if len(rows) > MAX_ROWS:
        raise PasteError(f"一次最多粘贴 {MAX_ROWS} 行")
    return rows


def _columns(rows: list[list[str]]) -> tuple[tuple[str, ...], list[list[str]]]:
    header = [HEADER_NAMES.get(L.label_key(c)) for c in rows[0]]
    if sum(1 for h in header if h) >= 2:
        return tuple(h or "" for h in header), rows[1:]
    width = max(len(r) for r in rows)
    return (OFFICIAL_COLUMNS if width >= len(OFFICIAL_COLUMNS) else LEAF_COLUMNS), rows


def _leaf(values: dict[str, str], line: int) -> Indicator:
    def cell(key):
        value = to_cell(values[key].replace(",", "")) if values.get(key) else None
        if isinstance(value, str):
            raise PasteError(f"第 {line} 行的{'分值' if key == 'weight' else '得分'}不是数字：{value}")
        return value
    return Indicator(
        name=values.get("name", ""), level=3, weight=cell("weight"), score_printed=cell("score_printed"),
        **{k: values.get(k) or None for k in ("target", "target_adjusted", "actual", "reason", "scoring_rule")},
    )


def parse(text: str) -> tuple[bool, tuple[Indicator, ...]]:
    """(whole tree?, nodes): with 一级/二级 columns the rows form 一级 subtrees, else 三级 rows."""
    all_rows = read_rows(text)
    columns, rows = _columns(all_rows)
    first_line = 1 + len(all_rows) - len(rows)
    records = [({k: v for k, v in zip(columns, r) if k}, first_line + i) for i, r in enumerate(rows)]
    if not records:
        raise PasteError("剪贴板中只有表头，没有指标行")
    if "l1" not in columns:
        return False, tuple(_leaf(r, line) for r, line in records)
    last = {"l1": "", "l2": ""}
    leaves = []
    for r, line in records:  # merged 一级/二级 cells arrive blank below their first row
        for key in ("l1", "l2"):
            last[key] = r.get(key) or last[key]
        leaves.append((last["l1"], last["l2"], _leaf(r, line)))
    return True, group_leaves(leaves)
