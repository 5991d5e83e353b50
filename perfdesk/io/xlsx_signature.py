"""The signature row under a table: 填报人：… 联系电话：… 审核人：… 单位负责人：… 填报日期：…

Labels and values may share a cell ("填报人：张三") or sit in neighbouring cells.
"""
from __future__ import annotations

import re

from perfdesk.io import texts
from perfdesk.io import xlsx_labels as L
from perfdesk.io.xlsx_cells import Grid, text_of
from perfdesk.io.xlsx_tables import Part
from perfdesk.scoring.evaluation import Signatories

LABELS = L.SIGNATURE
# Labels printed on the row that hold no value perfdesk keeps (the seal is stamped by hand).
_OTHER = ("财务负责人", "单位（盖章）", "单位(盖章)")
_SPLIT = re.compile("(" + "|".join(map(re.escape, sorted((*LABELS, *_OTHER), key=len, reverse=True))) + r")\s*[:：]?")
# How the exported row prints them, in order.
EXPORT_ORDER = (("填报人", "preparer"), ("联系电话", "phone"), ("审核人", "reviewer"),
                ("单位负责人", "head"), ("填报日期", "date"))


def read_signatories(text: str) -> dict[str, str]:
    """Label -> value pairs from one row's text; blank values are left out."""
    pieces = _SPLIT.split(text)
    found = {}
    for label, value in zip(pieces[1::2], pieces[2::2]):
        value = value.strip(" \u3000:：|")
        if label in LABELS and value:
            found[LABELS[label]] = value
    return found


def signature_part(grid: Grid, rows: list[int]) -> Part:
    values: dict[str, str] = {}
    for row in rows:
        values.update(read_signatories(" | ".join(text_of(raw) or "" for _, raw in grid.row(row))))
    if not rows:
        return Part()
    return Part(fields={"signatories": Signatories(**values)},
                found=[texts.FOUND_SIGNATURE.format(row=rows[0], names="、".join(
                    label for label, key in EXPORT_ORDER if key in values) or texts.BLANK_SIGNATURE)])


def signature_text(signatories: Signatories) -> str:
    """The row perfdesk writes under an exported table."""
    cells = [f"{label}：{getattr(signatories, key) or ''}" for label, key in EXPORT_ORDER]
    return "    ".join(cells + ["单位（盖章）"])
