"""One evaluation as a sheet in the official layout, with live formulas for what perfdesk computes.

Computed cells are formulas that store perfdesk's own figures (from the scoring result):
执行率, the fund 得分, each indicator 得分 without a recorded score, the group subtotals beside
the table, 总分 (分值 and 得分) and 等级. An indicator scored by a ratio rule gets its target and
actual as number cells (shown as typed, see xlsx_quantity), so editing the actual in Excel/WPS
rescores the row, its groups, the total and the grade.

A recorded score stays a value: a manual score with its reason in the cell note, a score printed
in an imported table as printed. A printed figure that a formula now computes is kept in the
cell's note ("原表填报值：…"), which the importer reads back (see xlsx_notes).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfdesk.io import texts
from perfdesk.io import xlsx_formulas as fx
from perfdesk.io import xlsx_labels as L
from perfdesk.io import xlsx_notes as notes
from perfdesk.io import xlsx_style as style
from perfdesk.io.xlsx_book import Sheet, ref, span
from perfdesk.io.grid.numfmt import plain
from perfdesk.io.xlsx_layout import column_widths, fund_columns, indicator_columns, sheet_width
from perfdesk.io.xlsx_quantity import quantity_of
from perfdesk.io.xlsx_signature import signature_text
from perfdesk.scoring.engine import IndicatorResult, ScoredEvaluation, leaf_paths
from perfdesk.scoring.evaluation import Evaluation, cell_number
from perfdesk.scoring.funds import line_rate
from perfdesk.scoring.numbers import round2
from perfdesk.scoring.rules import choose_rule
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.signature import SignatureBlock

SUBTOTAL_WIDTH = 10


@dataclass(frozen=True)
class GradeTable:
    """Where the grade bands sit on the rules sheet (absolute, sheet-qualified ranges)."""

    bounds: str
    names: str
    lowest: str
    name_cells: tuple[str, ...]  # one per band, highest band first


@dataclass
class SheetRefs:
    """Cells of a written sheet that the year's 汇总表 links to (None where there is none)."""

    sheet: str
    annual: str | None = None
    executed: str | None = None
    fund_score: str | None = None
    scores: str | None = None  # the indicator 得分 range
    total: str | None = None
    grade: str | None = None


class SheetWriter:
    def __init__(self, sheet: Sheet, ev: Evaluation, scored: ScoredEvaluation, scheme: ScoringScheme,
                 grades: GradeTable, signature: SignatureBlock):
        self.sheet, self.ev, self.scored, self.scheme, self.grades = sheet, ev, scored, scheme, grades
        self.signature = signature
        self.width = sheet_width(ev)
        self.widths = column_widths(ev)
        self.row = 1
        self.refs = SheetRefs(sheet.name)
        self.fund: dict[str, str | None] = {}  # cells of the total fund row

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
    def span(self, row: int, first: int, last: int, value, bold: bool = False, bottom: int | None = None,
             **look) -> None:
        self.sheet.text(row, first, value, **{**(style.LABEL if bold else {}), **look})
        if last > first or (bottom or row) > row:
            self.sheet.merge(row, first, bottom or row, last)

    def label(self, row: int, col: int, text: str) -> None:
        self.sheet.text(row, col, text, **style.LABEL)

    # blocks --------------------------------------------------------------------------------
    def _title(self) -> None:
        self.span(1, 1, self.width, self.ev.title, **style.TITLE)
        line = texts.YEAR_LINE.format(year=self.ev.year)
        if self.ev.money_unit and not self.ev.funds:
            line += "  " + texts.UNIT_LINE.format(unit=self.ev.money_unit)
        self.span(2, 1, self.width, line, **style.SUBTITLE)
        self.sheet.heights[1] = 24
        self.row = 3

    def _pair(self, label: str, value) -> None:
        self.label(self.row, 1, label)
        self.span(self.row, 2, self.width, value, **style.LEFT)
        self.sheet.fit_height(self.row, value, sum(self.widths[1:]))
        self.row += 1

    def _header(self) -> None:
        self._pair(L.HEADER["project"][0], self.ev.project)
        if self.ev.form == "transfer_payment_self_eval":
            self._pair(L.HEADER["central_department"][0], self.ev.central_department)
        middle = self.width // 2 + 1
        self.label(self.row, 1, L.HEADER["department"][0])
        self.span(self.row, 2, middle - 1, self.ev.department)
        self.label(self.row, middle, L.HEADER["implementer"][0])
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
                self.label(top + 1, col, label)
            else:
                self.span(top, col, col, label, bold=True, bottom=data - 1)
        cols = {name: 3 + i for i, (name, _) in enumerate(columns)}
        for index, line in enumerate(self.ev.funds):
            self._fund_row(data + index, index, line, cols)
        self.row = data + len(self.ev.funds)

    def _fund_row(self, row: int, index: int, line, cols: dict[str, int]) -> None:
        self.span(row, 1, 2, line.label)
        for name, col in cols.items():
            if name not in ("rate", "score"):
                value = getattr(line, name)
                self.sheet.value(row, col, value, **(style.money(value) if name != "weight" else {}))
        annual, executed = ref(row, cols["annual"]), ref(row, cols["executed"])
        rate = line_rate(line)
        rate_cell = self.sheet.formula(row, cols["rate"], fx.rate(annual, executed),
                                       None if rate is None else round2(rate), **style.RATE)
        self.sheet.note(row, cols["rate"], notes.compose(printed=line.rate_printed))
        if index == 0:
            self.refs.annual, self.refs.executed = annual, executed
            self.fund = {"rate": rate_cell, "weight": ref(row, cols["weight"]) if "weight" in cols else None}
        if "score" not in cols:
            return
        if index == 0 and self.ev.scored:
            weight = self.fund["weight"] if cell_number(line.weight) is not None else fx.number(self.scheme.default_fund_weight)
            fund = self.scored.fund
            self.fund["score"] = self.sheet.formula(row, cols["score"], fx.fund_score(annual, executed, weight, self.scheme),
                                                    fund.score if fund else None, **style.SCORE)
            self.sheet.note(row, cols["score"], notes.compose(printed=_printed(line.score_printed)))
            self.fund["weight_term"] = weight
            self.refs.fund_score = self.fund["score"]
        else:
            self.sheet.value(row, cols["score"], line.score_printed)

    def _goals(self) -> None:
        middle = self.width // 2 + 1
        top = self.row
        self.span(top, 1, 1, L.EXPORT_GOAL_SECTION, bold=True, bottom=top + 1)
        self.span(top, 2, middle - 1, L.GOAL["goal_target"][0], bold=True)
        self.span(top, middle, self.width, L.GOAL["goal_actual"][0], bold=True)
        self.span(top + 1, 2, middle - 1, self.ev.goal_target, **style.LEFT)
        self.span(top + 1, middle, self.width, self.ev.goal_actual, **style.LEFT)
        for text, cols in ((self.ev.goal_target, self.widths[1:middle - 1]), (self.ev.goal_actual, self.widths[middle - 1:])):
            self.sheet.fit_height(top + 1, text, sum(cols))
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
            self.span(top + i, status, issues - 1, item.status, **style.LEFT)
            self.span(top + i, issues, self.width, item.issues, **style.LEFT)
        self.row = top + len(rows) + 1

    def _indicators(self) -> int:
        columns = indicator_columns(self.ev)
        cols = {name: 2 + i for i, (name, _) in enumerate(columns)}
        header = self.row
        for name, label in columns:
            self.label(header, cols[name], label)
        paths = [path[:-1] for path, _ in leaf_paths(self.ev)]
        for i, result in enumerate(self.scored.indicators, 1):
            self._leaf(header + i, cols, list(paths[i - 1]) + [None, None], result)
        last = header + len(paths)
        self.span(header, 1, 1, L.EXPORT_INDICATOR_SECTION, bold=True, bottom=last)
        labels = [list(p) + [None, None] for p in paths]
        self._merge_groups(header + 1, cols, labels)
        self.row = last + 1
        if self.ev.scored and "score" in cols and paths:
            self.refs.scores = span(header + 1, cols["score"], last, cols["score"])
            self._subtotals(header, cols["score"], labels)
        if self.ev.scored and "score" in cols:
            self._total(header + 1, last, cols)
        return header

    def _leaf(self, row: int, cols: dict[str, int], labels: list, result: IndicatorResult) -> None:
        leaf = result.indicator
        texts_ = {"l1": labels[0], "l2": labels[1], "name": leaf.name, "target": leaf.target,
                  "target_adjusted": leaf.target_adjusted, "actual": leaf.actual,
                  "reason": leaf.reason, "scoring_rule": leaf.scoring_rule}
        for name, col in cols.items():
            if name in texts_:
                self.sheet.text(row, col, texts_[name], **(style.LEFT if name in ("reason", "scoring_rule") else {}))
        if "weight" in cols:
            self.sheet.value(row, cols["weight"], leaf.weight)
        target_col = cols.get("target_adjusted") if leaf.target_adjusted else cols.get("target")
        if leaf.direction and target_col:
            self.sheet.note(row, target_col, notes.compose(direction=leaf.direction))
        if "score" in cols:
            self._score(row, cols, target_col, result)
        for name in ("name", "target", "target_adjusted", "actual", "reason", "scoring_rule"):
            if name in cols:
                self.sheet.fit_height(row, texts_[name], self.widths[cols[name] - 1])

    def _score(self, row: int, cols: dict[str, int], target_col: int | None, r: IndicatorResult) -> None:
        leaf, col = r.indicator, cols["score"]
        printed = _printed(leaf.score_printed)
        if leaf.manual_score is not None:
            self.sheet.value(row, col, leaf.manual_score, **style.SCORE)
            self.sheet.note(row, col, notes.compose(printed=printed, manual=True, manual_reason=leaf.manual_reason))
        elif r.recorded is not None or r.computed is None:
            self.sheet.value(row, col, leaf.score_printed, **style.SCORE)
        else:
            formula = self._live(row, cols, target_col, r) or _fixed(ref(row, cols["weight"]), r)
            if formula is None:
                self.sheet.value(row, col, r.computed, **style.SCORE)
                self.sheet.note(row, col, notes.compose(printed=printed, computed=True))
            else:
                self.sheet.formula(row, col, formula, r.computed, **style.SCORE)
                self.sheet.note(row, col, notes.compose(printed=printed))

    def _live(self, row: int, cols: dict[str, int], target_col: int | None, r: IndicatorResult) -> str | None:
        """A ratio rule on number cells: the target and actual are rewritten as numbers."""
        leaf, target = r.indicator, r.target_read
        if target_col is None or not target.quantitative:
            return None
        if r.target != (leaf.target_adjusted or leaf.target):  # a target the engine implied is not the cell's
            return None
        rule = r.rule if r.rule != "no_actual" else choose_rule(leaf, target, target, self.scheme).name
        target_cell = quantity_of(r.target, target)
        actual_cell = quantity_of(leaf.actual, r.actual_read)
        if rule not in fx.LIVE_RULES or target_cell is None or (actual_cell is None and leaf.actual):
            return None
        self.sheet.number(row, target_col, target_cell.value, num_format=target_cell.num_format)
        if actual_cell is not None:
            self.sheet.number(row, cols["actual"], actual_cell.value, num_format=actual_cell.num_format)
        return fx.ratio_score(rule, ref(row, cols["actual"]), ref(row, target_col), ref(row, cols["weight"]),
                              actual_cell.factor if actual_cell else Decimal(1), target_cell.factor)

    def _merge_groups(self, first: int, cols: dict[str, int], labels: list[list]) -> None:
        for depth, name in ((1, "l1"), (2, "l2")):
            for start, end in _runs(labels, depth):
                self.sheet.merge(first + start, cols[name], first + end, cols[name])
                if start == end:  # a one-row group: its label must fit the row
                    self.sheet.fit_height(first + start, labels[start][depth - 1], self.widths[cols[name] - 1])

    def _subtotals(self, header: int, score_col: int, labels: list[list]) -> None:
        """二级 and 一级 subtotals in two columns beside the table (outside the printed form)."""
        first = header + 1
        groups = {g.path: g.score for g in self.scored.groups}
        scores = [r.score for r in self.scored.indicators]
        for offset, depth in ((1, 2), (2, 1)):
            col = self.width + offset
            self.label(header, col, texts.GROUP_SUBTOTALS[offset - 1])
            runs = _runs(labels, depth)
            paths = [tuple(labels[start][:depth]) for start, _ in runs]
            for (start, end), path in zip(runs, paths):
                cached = groups.get(path) if paths.count(path) == 1 else sum(s or 0 for s in scores[start:end + 1])
                self.sheet.formula(first + start, col, fx.subtotal(span(first + start, score_col, first + end, score_col)),
                                   cached, **style.SCORE)
                self.sheet.merge(first + start, col, first + end, col)
            self.sheet.frame(header, first + len(labels) - 1, col, col)
            self.sheet.widths[col] = SUBTOTAL_WIDTH

    def _total(self, first: int, last: int, cols: dict[str, int]) -> None:
        row, weight, score = self.row, cols["weight"], cols["score"]
        self.span(row, 1, weight - 1, L.EXPORT_TOTAL, bold=True)
        scores = f"{ref(first, score)}:{ref(last, score)}"
        self.sheet.formula(row, weight, fx.total_weight(f"{ref(first, weight)}:{ref(last, weight)}", self.fund.get("weight_term")),
                           self.scored.total_weight)
        self.sheet.note(row, weight, notes.compose(printed=_printed(self.ev.total_weight_printed)))
        total = self.sheet.formula(row, score, fx.total_score(self.fund.get("score"), scores, self.fund.get("rate"), self.scheme),
                                   self.scored.total, **style.SCORE)
        self.sheet.note(row, score, notes.compose(printed=_printed(self.ev.total_score_printed)))
        self.refs.total = total
        if score < self.width:
            g = self.grades
            self.refs.grade = self.sheet.formula(row, score + 1, fx.grade(total, g.bounds, g.names, g.lowest), self.scored.grade)
            self.sheet.note(row, score + 1, notes.compose(printed=self.ev.grade_printed))
        self.row += 1

    def _finish(self, header_row: int) -> None:
        last = self.row - 1
        self.sheet.frame(3, last, 1, self.width)
        signature = last + 2  # under the frame, printed on the same page
        row, names = signature_text(self.ev.signatories, self.signature)
        self.sheet.text(signature, 1, row, **style.LEFT)
        self.sheet.note(signature, 1, notes.compose(signatories=names))
        self.sheet.merge(signature, 1, signature, self.width)
        for col, width in enumerate(self.widths, 1):
            self.sheet.widths[col] = width
        self.sheet.setup = {"width": self.width, "last_row": signature, "title_rows": (header_row, header_row)}


def _runs(labels: list[list], depth: int) -> list[tuple[int, int]]:
    """(first, last) index of each run of rows sharing their labels down to `depth`."""
    runs, start = [], 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i][:depth] != labels[start][:depth]:
            runs.append((start, i - 1))
            start = i
    return runs


def _fixed(weight: str, r: IndicatorResult) -> str | None:
    """A formula on the weight with the rule's fraction, when Excel rounds it to perfdesk's score."""
    literal = Decimal(fx.number(r.fraction))
    product = Decimal(repr(float(r.weight) * float(literal)))
    if round2(Decimal(format(product, ".15g"))) != r.computed:
        return None
    return fx.fixed_score(weight, r.fraction)


def _printed(value) -> str | None:
    """A printed figure as the note keeps it (numbers in plain digits, text as is)."""
    if value is None or isinstance(value, str):
        return value
    return plain(value)
