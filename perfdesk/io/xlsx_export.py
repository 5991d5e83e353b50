"""Evaluations -> an Excel workbook: one sheet per evaluation in the official layout, plus 汇总表.

    write_workbook(path, evaluations, scheme)

执行率, the fund 得分, 总分 and 等级 are live formulas, so the workbook keeps computing when edited
in Excel/WPS; `read_workbook` on the result gives back the same evaluations.
"""
from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

from perfdesk.io import texts
from perfdesk.io.files import write_bytes_atomically
from perfdesk.io.xlsx_sheet import SheetWriter
from perfdesk.io.xlsx_summary import write_summary
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme

_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")
MAX_SHEET_NAME = 31


def write_workbook(path: Path, evaluations: list[Evaluation], scheme: ScoringScheme = DEFAULT_SCHEME) -> None:
    book = Workbook()
    book.remove(book.active)
    taken = {texts.SUMMARY_SHEET}
    refs = []
    for number, ev in enumerate(evaluations, 1):
        sheet = book.create_sheet(_sheet_name(ev, number, taken))
        refs.append(SheetWriter(sheet, ev, score_evaluation(ev, scheme), scheme).write())
    write_summary(book.create_sheet(texts.SUMMARY_SHEET), list(evaluations), refs)
    buffer = BytesIO()
    book.save(buffer)
    write_bytes_atomically(Path(path), buffer.getvalue())


def _sheet_name(ev: Evaluation, number: int, taken: set[str]) -> str:
    base = _FORBIDDEN.sub("_", ev.project or ev.title or "").strip() or f"表{number}"
    name, suffix = base[:MAX_SHEET_NAME], 1
    while name in taken:
        suffix += 1
        tail = f"({suffix})"
        name = base[:MAX_SHEET_NAME - len(tail)] + tail
    taken.add(name)
    return name
