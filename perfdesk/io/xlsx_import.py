"""Excel workbooks -> evaluations, with a per-table report of what was read and what was skipped.

    result = read_workbook(path)       # raises ImportRefused; nothing is stored here
    result.evaluations, result.report  # report[i] describes evaluations[i]

Every table in every sheet is read (one per sheet or several stacked); values are kept as
printed, exactly as the JSON import keeps them.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from perfdesk.io import texts
from perfdesk.io import xlsx_labels as L
from perfdesk.io.exchange import group_leaves
from perfdesk.io.refusal import ImportRefused
from perfdesk.io.xlsx_cells import Grid, read_grid
from perfdesk.io.xlsx_guard import MAX_COLUMNS, MAX_ROWS, Refusal, check_file
from perfdesk.io.xlsx_indicators import grade_part, indicators_part, remarks_part, total_part
from perfdesk.io.xlsx_sections import funds_part, goals_part, header_part, management_part, title_part
from perfdesk.io.xlsx_signature import signature_part
from perfdesk.io.xlsx_tables import Part, Region, find_regions, row_kind, skipped_rows
from perfdesk.scoring.evaluation import Evaluation, Signatories
from perfdesk.scoring.messages import FORM_NAMES


@dataclass(frozen=True)
class TableReport:
    sheet: str
    first_row: int
    last_row: int
    form: str
    found: tuple[str, ...]
    skipped: tuple[str, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        heading = texts.REPORT_TABLE.format(
            sheet=self.sheet, first=self.first_row, last=self.last_row, form=FORM_NAMES[self.form])
        return (heading, *self.found, *self.skipped)


@dataclass(frozen=True)
class WorkbookImport:
    evaluations: tuple[Evaluation, ...]
    report: tuple[TableReport, ...]  # one per evaluation, same order
    notes: tuple[str, ...] = ()  # sheets and blocks that held no table


def read_workbook(path: Path) -> WorkbookImport:
    path = Path(path)
    try:
        return _read(path)
    except Refusal as exc:
        raise ImportRefused(f"{path.name}：{exc}") from None
    except FileNotFoundError:
        raise ImportRefused(texts.FILE_MISSING.format(path=path)) from None
    except OSError as exc:
        raise ImportRefused(texts.FILE_UNREADABLE.format(path=path, reason=exc.strerror)) from None


def _read(path: Path) -> WorkbookImport:
    check_file(path)
    grids = _grids(path)
    if not any(grid.cells for grid in grids):
        raise Refusal(texts.EMPTY_WORKBOOK)
    evaluations, reports, notes = [], [], []
    for grid in filter(lambda g: g.cells, grids):
        regions = find_regions(grid)
        if not regions:
            notes.append(texts.SHEET_SKIPPED.format(sheet=grid.sheet))
        for region in regions:
            built = _table(grid, region)
            if isinstance(built, str):
                notes.append(built)
            else:
                evaluations.append(built[0])
                reports.append(built[1])
    if not evaluations:
        raise Refusal(texts.NO_TABLE)
    return WorkbookImport(tuple(evaluations), tuple(reports), tuple(notes))


def _grids(path: Path) -> list[Grid]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
            book = openpyxl.load_workbook(path)
            cached = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on malformed parts
        raise Refusal(texts.UNREADABLE_WORKBOOK.format(reason=type(exc).__name__)) from None
    for sheet in book.worksheets:
        if sheet.max_row > MAX_ROWS:
            raise Refusal(texts.TOO_MANY_ROWS.format(sheet=sheet.title, limit=MAX_ROWS))
        if sheet.max_column > MAX_COLUMNS:
            raise Refusal(texts.TOO_MANY_COLUMNS.format(sheet=sheet.title, limit=MAX_COLUMNS))
    return [read_grid(sheet, cached[sheet.title]) for sheet in book.worksheets]


_PARSERS = {
    "title": lambda grid, s, _: title_part(grid, s),
    "header": lambda grid, s, _: header_part(grid, s),
    "funds": lambda grid, s, _: funds_part(grid, s),
    "goals": lambda grid, s, _: goals_part(grid, s),
    "management": lambda grid, s, _: management_part(grid, s),
    "total": total_part,
    "grade": lambda grid, s, _: grade_part(grid, s),
    "remarks": lambda grid, s, _: remarks_part(grid, s),
    "signature": lambda grid, s, _: Part(),  # read with the signature rows of the whole region
    "section_title": lambda grid, s, _: Part(skipped=skipped_rows(grid, s.rows[1:])),
}


def _table(grid: Grid, region: Region) -> tuple[Evaluation, TableReport] | str:
    part, columns = Part(), {}
    if region.of_kind("indicators"):
        indicators = indicators_part(grid, region.of_kind("indicators"))
        columns = indicators.fields.pop("indicator_columns")
        part.merge(indicators)
    for section in region.sections:
        if section.kind != "indicators":
            part.merge(_PARSERS[section.kind](grid, section, columns))
    part.merge(signature_part(grid, [r for r in range(region.first, region.last + 1)
                                     if row_kind(grid.row(r)) == "signature"]))
    where = {"sheet": grid.sheet, "first": region.first, "last": region.last}
    if not part.fields.get("funds") and not part.fields.get("leaves"):
        return texts.REGION_SKIPPED.format(**where)
    year = part.fields.get("year") or _year_from(part.fields.get("project"))
    if year is None:
        return f"{texts.REPORT_TABLE.format(**where, form='')}{texts.NO_YEAR}"
    form = _form(part.fields, columns)
    for row in range(region.first, region.last + 1):
        part.skipped += grid.notes.get(row, [])
    report = TableReport(grid.sheet, region.first, region.last, form, (texts.FOUND_YEAR.format(year=year), *part.found), tuple(part.skipped))
    return _evaluation(form, year, part), report


def _year_from(text: str | None) -> int | None:
    match = L.YEAR_ANY.search(text or "")
    return int(match.group(1)) if match else None


def _form(fields: dict, columns: dict[int, str]) -> str:
    title, kinds = fields.get("title") or "", set(columns.values())
    if L.TRANSFER_TITLE in title or "central_department" in fields or "fund_management" in fields:
        return "transfer_payment_self_eval"
    if L.DEPARTMENT_TITLE in title or "scoring_rule" in kinds:
        return "department_overall_eval"
    return "project_self_eval" if "score" in kinds else "project_goal_completion"


def _evaluation(form: str, year: int, part: Part) -> Evaluation:
    f = part.fields
    transfer = form == "transfer_payment_self_eval"
    return Evaluation(
        form=form, year=year, title=f.get("title"), project=f.get("project"), department=f.get("department"),
        implementer=f.get("implementer"), money_unit=f.get("money_unit"),
        goal_target=f.get("goal_target"), goal_actual=f.get("goal_actual"),
        funds=f.get("funds", ()), indicators=group_leaves(f.get("leaves", [])),
        total_weight_printed=f.get("total_weight_printed"), total_score_printed=f.get("total_score_printed"),
        grade_printed=f.get("grade_printed"),
        central_department=f.get("central_department") if transfer else None,
        fund_management=f.get("fund_management", ()) if transfer else (),
        remarks=f.get("remarks") if transfer else None,
        signatories=f.get("signatories", Signatories()),
        columns=frozenset(part.columns | ({"transfer"} if transfer else set())),
    )
