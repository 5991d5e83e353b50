"""The 自评报告 sheet: each evaluation's report texts, one section a row (read back by xlsx_exported).

    工作表 | 项目 | 章节 | 报告文字
    2022年表1 | 城乡医疗救助 | 一、基本情况 | …

The 工作表 column names the evaluation's sheet (a generated name), which is how the importer
gives each text back to its table. Section headings are those of the 自评报告 outline; a key
without a heading is written as it is.
"""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.io import xlsx_style as style
from perfdesk.io.xlsx_book import Sheet
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.messages import REPORT_SECTIONS

WIDTHS = {1: 12, 2: 24, 3: 22, 4: 90}
_HEADING = dict(REPORT_SECTIONS)


def write_report_texts(sheet: Sheet, tables: list[tuple[str, Evaluation]]) -> None:
    """`tables`: (sheet name, evaluation) of every evaluation that has report texts."""
    sheet.text(1, 1, texts.REPORT_TITLE, **style.TITLE)
    sheet.merge(1, 1, 1, len(texts.REPORT_HEADER))
    sheet.heights[1] = 24
    for col, label in enumerate(texts.REPORT_HEADER, 1):
        sheet.text(2, col, label, **style.LABEL)
    row = 3
    for name, ev in tables:
        for key, text in ev.report_sections:
            sheet.text(row, 1, name)
            sheet.text(row, 2, ev.project, **style.LEFT)
            sheet.text(row, 3, _HEADING.get(key, key), **style.LEFT)
            sheet.text(row, 4, text, **style.LEFT)
            sheet.fit_height(row, text, WIDTHS[4])
            row += 1
    sheet.frame(2, row - 1, 1, len(texts.REPORT_HEADER))
    sheet.widths = dict(WIDTHS)
    sheet.setup = {"width": len(texts.REPORT_HEADER), "last_row": row - 1, "title_rows": (2, 2)}
