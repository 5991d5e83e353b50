"""One evaluation as a sheet in the official layout, with live formulas for the computed cells.

Printed values the formulas would overwrite (执行率, 得分, 总分, 等级 as printed in the original
table) are kept in a cell note ("原表填报值：…"), which the importer reads back; a score the
exporter computed itself is noted as such and reads back as not printed.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter

from perfdesk.io import texts
from perfdesk.io import xlsx_formulas as fx
from perfdesk.io import xlsx_labels as L
from perfdesk.io import xlsx_style as style
from perfdesk.io.grid.numfmt import plain
from perfdesk.io.xlsx_layout import column_widths, fund_columns, indicator_columns, sheet_width
from perfdesk.io.xlsx_signature import signature_text
from perfdesk.scoring.engine import ScoredEvaluation, leaf_paths
from perfdesk.scoring.evaluation import Evaluation, cell_number
from perfdesk.scoring.scheme import ScoringScheme


@dataclass
class SheetRefs:
    """Cells of a written sheet that the 汇总表 links to."""

    sheet: str
    annual: str | None = None
    executed: str | None = None
    total: str | None = None
    grade: str | None = None


def ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


class SheetWriter:
    def __init__(self, ws, ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme):
        self.ws, self.ev, self.scored, self.scheme = ws, ev, scored, scheme
        self.width = sheet_width(ev)
        self.widths = column_widths(ev)
        self.row = 1
        self.merges: list[tuple[int, int, int, int]] = []
        self.refs = SheetRefs(ws.title)
        self.fund = {}  # field -> cell of the total fund row

    def write(self) -> SheetRefs:
        self._title()
        self._header()
        if self.ev.funds:
            self._funds()
        if self.ev.form != "department_overall_eval" or self.ev.goal_target or self.ev.goal_actual:
            self._goals()
        if self.ev.form == "transfer_payment_self_eval":
            self._management()
        header_row = self._indicators()
        if self.ev.form == "transfer_payment_self_eval":
            self._pair(L.REMARKS_ROW, self.ev.remarks)
        self._finish(header_row)
        return self.refs

    # cells ---------------------------------------------------------------------------------
    def put(self, row: int, col: int, value, bold: bool = False, note: str | None = None):
        cell = self.ws.cell(row, col)
        cell.value = value
        if isinstance(value, str) and value.startswith("="):  # a target such as "=100%", not a formula
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold:
            cell.font = style.LABEL_FONT
        if note:
            cell.comment = Comment(note, texts.NOTE_AUTHOR)
        return cell

    def formula(self, row: int, col: int, formula: str, printed) -> str:
        cell = self.ws.cell(row, col, formula)
        note = texts.COMPUTED_NOTE if printed is None else f"{texts.PRINTED_NOTE}{printed}"
        cell.comment = Comment(note, texts.NOTE_AUTHOR)  # the importer reads the note, not the formula
        return cell.coordinate

    def span(self, row: int, first: int, last: int, value, bold: bool = False, bottom: int | None = None):
        self.put(row, first, value, bold)
        if last > first or (bottom or row) > row:
            self.merges.append((row, first, bottom or row, last))

    # blocks --------------------------------------------------------------------------------
    def _title(self) -> None:
        self.span(1, 1, self.width, self.ev.title)
        self.ws.cell(1, 1).font = style.TITLE_FONT
        line = texts.YEAR_LINE.format(year=self.ev.year)
        if self.ev.money_unit and not self.ev.funds:
            line += "  " + texts.UNIT_LINE.format(unit=self.ev.money_unit)
        self.span(2, 1, self.width, line)
        self.row = 3

    def _pair(self, label: str, value) -> None:
        self.put(self.row, 1, label, bold=True)
        self.span(self.row, 2, self.width, value)
        style.fit_height(self.ws, self.row, value, sum(self.widths[1:]))
        self.row += 1

    def _header(self) -> None:
        self._pair(L.HEADER["project"][0], self.ev.project)
        if self.ev.form == "transfer_payment_self_eval":
            self._pair(L.HEADER["central_department"][0], self.ev.central_department)
        middle = self.width // 2 + 1
        self.put(self.row, 1, L.HEADER["department"][0], bold=True)
        self.span(self.row, 2, middle - 1, self.ev.department)
        self.put(self.row, middle, L.HEADER["implementer"][0], bold=True)
        self.span(self.row, middle + 1, self.width, self.ev.implementer)
        self.row += 1

    def _funds(self) -> None:
        columns = fund_columns(self.ev)
        split = "initial_declared" in self.ev.columns
        top, data = self.row, self.row + 1 + split
        unit = f"（{self.ev.money_unit}）" if self.ev.money_unit else ""
        self.span(top, 1, 2, L.EXPORT_FUND_SECTION + unit, bold=True, bottom=data - 1)
        for i, (name, label) in enumerate(columns):
            col = 3 + i
            if split and name == "declared":
                self.span(top, col, col + 1, L.EXPORT_INITIAL_GROUP, bold=True)
            if split and name in ("declared", "initial"):
                self.put(top + 1, col, label, bold=True)
            else:
                self.span(top, col, col, label, bold=True, bottom=data - 1)
        for index, line in enumerate(self.ev.funds):
            self._fund_row(data + index, index, line, {name: 3 + i for i, (name, _) in enumerate(columns)})
        self.row = data + len(self.ev.funds)

    def _fund_row(self, row: int, index: int, line, cols: dict[str, int]) -> None:
        self.span(row, 1, 2, line.label)
        for name, col in cols.items():
            if name not in ("rate", "score"):
                self.put(row, col, getattr(line, name))
        annual, executed = ref(row, cols["annual"]), ref(row, cols["executed"])
        rate = self.formula(row, cols["rate"], fx.rate(annual, executed), line.rate_printed)
        self.ws[rate].number_format = "0.00"
        if index == 0:
            self.refs.annual, self.refs.executed = annual, executed
            self.fund = {"rate": rate, "weight": ref(row, cols["weight"]) if "weight" in cols else None}
        if "score" not in cols:
            return
        if index == 0 and self.ev.scored:
            weight = self.fund["weight"] if cell_number(line.weight) is not None else plain(self.scheme.default_fund_weight)
            self.fund["score"] = self.formula(row, cols["score"], fx.fund_score(annual, executed, weight, self.scheme), _note(line.score_printed))
            self.fund["weight_term"] = weight
        else:
            self.put(row, cols["score"], line.score_printed)

    def _goals(self) -> None:
        middle = self.width // 2 + 1
        top = self.row
        self.span(top, 1, 1, L.EXPORT_GOAL_SECTION, bold=True, bottom=top + 1)
        self.span(top, 2, middle - 1, L.GOAL["goal_target"][0], bold=True)
        self.span(top, middle, self.width, L.GOAL["goal_actual"][0], bold=True)
        self.span(top + 1, 2, middle - 1, self.ev.goal_target)
        self.span(top + 1, middle, self.width, self.ev.goal_actual)
        for text, cols in ((self.ev.goal_target, self.widths[1:middle - 1]), (self.ev.goal_actual, self.widths[middle - 1:])):
            style.fit_height(self.ws, top + 1, text, sum(cols))
        self.row = top + 2

    def _management(self) -> None:
        top, rows = self.row, self.ev.fund_management
        status = 4
        issues = max(status + 1, (status + self.width) // 2 + 1)
        self.span(top, 1, 1, L.MANAGEMENT_SECTION, bold=True, bottom=top + len(rows))
        self.span(top, 2, status - 1, L.EXPORT_MANAGEMENT_ITEM, bold=True)
        self.span(top, status, issues - 1, L.MANAGEMENT["status"][0], bold=True)
        self.span(top, issues, self.width, L.MANAGEMENT["issues"][0], bold=True)
        for i, item in enumerate(rows, 1):
            self.span(top + i, 2, status - 1, item.item)
            self.span(top + i, status, issues - 1, item.status)
            self.span(top + i, issues, self.width, item.issues)
        self.row = top + len(rows) + 1

    def _indicators(self) -> int:
        columns = indicator_columns(self.ev)
        cols = {name: 2 + i for i, (name, _) in enumerate(columns)}
        header = self.row
        for name, label in columns:
            self.put(header, cols[name], label, bold=True)
        paths = [(path[:-1], leaf) for path, leaf in leaf_paths(self.ev)]
        effective = [r.score for r in self.scored.indicators] if self.ev.scored else [None] * len(paths)
        for i, ((path, leaf), score) in enumerate(zip(paths, effective), 1):
            self._leaf(header + i, cols, list(path) + [None, None], leaf, score)
        last = header + len(paths)
        self.span(header, 1, 1, L.EXPORT_INDICATOR_SECTION, bold=True, bottom=last)
        self._merge_groups(header + 1, cols, [list(p) + [None, None] for p, _ in paths])
        self.row = last + 1
        if self.ev.scored:
            self._total(header + 1, last, cols)
        return header

    def _leaf(self, row: int, cols: dict[str, int], labels: list, leaf, score) -> None:
        values = {"l1": labels[0], "l2": labels[1], "name": leaf.name, "target": leaf.target,
                  "target_adjusted": leaf.target_adjusted, "actual": leaf.actual, "weight": leaf.weight,
                  "reason": leaf.reason, "scoring_rule": leaf.scoring_rule}
        for name, col in cols.items():
            if name != "score":
                self.put(row, col, values[name])
        if "score" in cols:
            self._score_cell(row, cols["score"], leaf, score)
        style.fit_height(self.ws, row, leaf.name, self.widths[cols["name"] - 1])

    def _score_cell(self, row: int, col: int, leaf, effective) -> None:
        printed = leaf.score_printed
        if leaf.manual_score is not None:  # a manual score reads back as a printed one, which also overrides
            self.put(row, col, effective, note=texts.MANUAL_NOTE.format(reason=leaf.manual_reason or ""))
        elif effective is None or (printed is not None and cell_number(printed) == effective):
            self.put(row, col, printed)
        elif printed is None:
            self.put(row, col, effective, note=texts.COMPUTED_NOTE)
        else:
            self.put(row, col, effective, note=f"{texts.PRINTED_NOTE}{_note(printed)}")

    def _merge_groups(self, first: int, cols: dict[str, int], labels: list[list]) -> None:
        for depth, name in ((1, "l1"), (2, "l2")):
            start = 0
            for i in range(1, len(labels) + 1):
                if i == len(labels) or labels[i][:depth] != labels[start][:depth]:
                    if i - 1 > start:
                        self.merges.append((first + start, cols[name], first + i - 1, cols[name]))
                    start = i

    def _total(self, first: int, last: int, cols: dict[str, int]) -> None:
        row, weight, score = self.row, cols["weight"], cols["score"]
        self.span(row, 1, weight - 1, L.EXPORT_TOTAL, bold=True)
        weights = f"{ref(first, weight)}:{ref(last, weight)}"
        scores = f"{ref(first, score)}:{ref(last, score)}"
        self.formula(row, weight, fx.total_weight(weights, self.fund.get("weight_term")), _note(self.ev.total_weight_printed))
        total = self.formula(row, score, fx.total_score(self.fund.get("score"), scores, self.fund.get("rate"), self.scheme), _note(self.ev.total_score_printed))
        self.refs.total = total
        if score < self.width:
            self.refs.grade = self.formula(row, score + 1, fx.grade(total, self.scheme), self.ev.grade_printed)
        self.row += 1

    def _finish(self, header_row: int) -> None:
        last = self.row - 1
        style.frame(self.ws, 3, last, self.width)
        for row, first, bottom, end in self.merges:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=bottom, end_column=end)
        self.ws.cell(2, 1).alignment = style.WRAP
        signature = last + 2  # under the frame, printed on the same page
        self.ws.cell(signature, 1, signature_text(self.ev.signatories))
        self.ws.merge_cells(start_row=signature, start_column=1, end_row=signature, end_column=self.width)
        style.widths(self.ws, self.widths)
        style.a4(self.ws, self.width, signature, f"{header_row}:{header_row}")


def _note(value) -> str | None:
    if value is None:
        return None
    return str(value) if isinstance(value, (Decimal, str)) else plain(Decimal(value))
