"""The 汇总表 sheet: one row per evaluation linked to its sheet, totals with the overall rate."""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.io import xlsx_formulas as fx
from perfdesk.io import xlsx_labels as L
from perfdesk.io import xlsx_style as style
from perfdesk.io.xlsx_sheet import SheetRefs, ref
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.numbers import ONE, WAN_PER_UNIT

WIDTHS = [36, 16, 16, 10, 10, 8]
# Money is summed in 万元 whatever unit each table prints.
def _to_wan(unit: str | None) -> str:
    """The formula suffix that turns an amount in `unit` into 万元 (see scoring.numbers)."""
    factor = WAN_PER_UNIT.get(unit, ONE)
    return "" if factor == ONE else f"*{factor}"


def _link(sheet: str, cell: str | None, scale: str = "") -> str | None:
    if cell is None:
        return None
    quoted = sheet.replace("'", "''")
    return f"='{quoted}'!{cell}{scale}"


def write_summary(ws, evaluations: list[Evaluation], refs: list[SheetRefs]) -> None:
    width = len(L.EXPORT_SUMMARY_HEADER)
    ws.cell(1, 1, texts.SUMMARY_TITLE).font = style.TITLE_FONT
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for col, label in enumerate(L.EXPORT_SUMMARY_HEADER, 1):
        ws.cell(2, col, label).font = style.LABEL_FONT
    for row, (ev, cells) in enumerate(zip(evaluations, refs), 3):
        ws.cell(row, 1, ev.project or ev.title or cells.sheet)
        scale = _to_wan(ev.money_unit)
        ws.cell(row, 2, _link(cells.sheet, cells.annual, scale))
        ws.cell(row, 3, _link(cells.sheet, cells.executed, scale))
        ws.cell(row, 4, fx.rate(ref(row, 2), ref(row, 3))).number_format = "0.00"
        ws.cell(row, 5, _link(cells.sheet, cells.total))
        ws.cell(row, 6, _link(cells.sheet, cells.grade))
    total = len(evaluations) + 3
    ws.cell(total, 1, texts.SUMMARY_TOTAL).font = style.LABEL_FONT
    for col in (2, 3):
        ws.cell(total, col, f"=SUM({ref(3, col)}:{ref(total - 1, col)})")
    ws.cell(total, 4, fx.rate(ref(total, 2), ref(total, 3))).number_format = "0.00"
    style.frame(ws, 2, total, width)
    style.widths(ws, WIDTHS)
    style.a4(ws, width, total, "2:2")
