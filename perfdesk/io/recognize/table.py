"""One table of a grid read into an `Evaluation`, with what was read, what was skipped and why."""
from __future__ import annotations

from dataclasses import dataclass, field

from perfdesk.io import texts
from perfdesk.io import xlsx_notes
from perfdesk.io.exchange import group_leaves
from perfdesk.io.grid.model import Grid
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize import vocabulary as V
from perfdesk.io.recognize.closing import grade_part, remarks_part, report_part, signature_part, total_part
from perfdesk.io.recognize.funds import funds_part, with_label_weight
from perfdesk.io.recognize.goals import goals_part, management_part
from perfdesk.io.recognize.header import header_part, title_part
from perfdesk.io.recognize.indicators import indicators_part
from perfdesk.io.recognize.layout import Region
from perfdesk.io.recognize.part import ColumnUse, Part
from perfdesk.io.recognize.rows import Row
from perfdesk.scoring.evaluation import Evaluation, Signatories
from perfdesk.scoring.messages import FORM_NAMES

Overrides = dict[tuple[str, int], str | None]  # (block, column) -> field chosen by the user


@dataclass(frozen=True)
class TableReading:
    """One table found in a file: the evaluation as read and the report lines that explain it."""

    evaluation: Evaluation
    place: str  # 工作表“…”, Word 文档
    first_row: int
    last_row: int
    found: tuple[str, ...]
    skipped: tuple[str, ...]
    columns: tuple[ColumnUse, ...] = ()
    year_source: str | None = None  # where the year came from; None: not found, a default was used
    overrides: Overrides = field(default_factory=dict)

    @property
    def form(self) -> str:
        return self.evaluation.form

    @property
    def heading(self) -> str:
        return texts.REPORT_TABLE.format(place=self.place, first=self.first_row, last=self.last_row,
                                         form=FORM_NAMES[self.evaluation.form])

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.heading, *self.found, *self.skipped)


def read_table(grid: Grid, rows: dict[int, Row], region: Region, origin: str, default_year: int,
               overrides: Overrides | None = None) -> TableReading | str:
    """The table of one region, or a report line saying why the region holds none."""
    overrides = overrides or {}
    part = title_part([rows[r] for r in region.title_rows])
    indicators = {id(b): indicators_part(grid, [rows[r] for r in b.rows], _for("indicators", overrides))
                  for b in region.of_kind("indicators")}  # first: the 总分 row aligns with their columns
    columns = next((p.fields["indicator_columns"] for p in indicators.values()), None)
    for block in region.blocks:
        read = indicators.get(id(block)) or _block(grid, block.kind, [rows[r] for r in block.rows], columns, overrides)
        if "leaves" in read.fields and "leaves" in part.fields:  # the table goes on after a repeated header
            read.fields["leaves"] = part.fields["leaves"] + read.fields["leaves"]
        part.merge(read)
    part.merge(signature_part([rows[r] for b in region.of_kind("signature") for r in b.rows],
                              part.fields.pop("header_signatories", None), _noted_signatories(grid, region)))
    where = {"place": place_of(grid), "first": region.first, "last": region.last}
    if not part.fields.get("funds") and not part.fields.get("leaves"):
        reason = texts.REGION_NO_DATA if region.blocks else texts.REGION_NO_BLOCKS
        return texts.REGION_SKIPPED.format(**where, reason=reason)
    if region.above:  # a report or notes before the first table: one line, not one per paragraph
        part.skipped.append(texts.SKIPPED_ABOVE.format(first=region.above[0], last=region.above[-1],
                                                       count=len(region.above)))
    part.skipped += [texts.SKIPPED_HIDDEN_ROW.format(row=r) for r in region.hidden]
    part.skipped += _hidden_columns(grid, region)
    part.skipped += [texts.SKIPPED_ROW.format(row=r, text=rows[r].text()) for r in region.unread]
    for r in sorted(r for r in grid.notes if region.first <= r <= region.last):
        part.skipped += grid.notes[r]
    year, source = _year(part, grid.name, origin, default_year)
    form = _form(part.fields)
    if form != "transfer_payment_self_eval" and part.fields.get("remarks"):  # kept by the transfer form only
        part.found.remove(texts.FOUND_REMARKS)
        part.skipped.append(texts.SKIPPED_REMARKS.format(text=part.fields["remarks"]))
    found = [texts.FOUND_YEAR.format(year=year, source=source) if source else texts.NO_YEAR.format(year=year)]
    evaluation = _evaluation(form, year, part)
    return TableReading(evaluation, place_of(grid), region.first, region.last, tuple(found + part.found),
                        tuple(part.skipped), tuple(part.uses), source, dict(overrides))


def _hidden_columns(grid: Grid, region: Region, limit: int = 40) -> list[str]:
    """One line per hidden column holding text within the region (rows_of leaves them out)."""
    if not grid.hidden_columns:
        return []
    from openpyxl.utils.cell import get_column_letter  # only here: pasting must not load openpyxl
    held: dict[int, list[str]] = {}
    for (r, c), cell in sorted(grid.cells.items(), key=lambda item: (item[0][1], item[0][0])):
        if c in grid.hidden_columns and region.first <= r <= region.last:
            held.setdefault(c, []).append(cell.text.replace("\n", " "))
    lines = []
    for c, values in held.items():
        shown = " | ".join(values)
        name = get_column_letter(c) if grid.kind == "sheet" else f"第 {c}"
        lines.append(texts.SKIPPED_HIDDEN_COLUMN.format(column=name, count=len(values),
                                                        text=shown if len(shown) <= limit else shown[:limit] + "…"))
    return lines


def _noted_signatories(grid: Grid, region: Region) -> str | None:
    """The names perfdesk's export kept in the note of a signature row that hides or relabels some."""
    for (row, _), note in grid.cell_notes.items():
        if region.first <= row <= region.last and texts.SIGNATURE_NOTE in note:
            return xlsx_notes.parse(note).signatories
    return None


def place_of(grid: Grid) -> str:
    return texts.PLACES[grid.kind].format(name=grid.name)


def _for(block: str, overrides: Overrides) -> dict[int, str | None]:
    return {col: f for (b, col), f in overrides.items() if b == block}


def _block(grid: Grid, kind: str, rows: list[Row], columns, overrides: Overrides) -> Part:
    if kind == "header":
        return header_part(rows)
    if kind == "funds":
        return funds_part(grid, rows, _for("funds", overrides))
    if kind == "goals":
        return goals_part(grid, rows)
    if kind == "management":
        return management_part(grid, rows)
    if kind == "total":
        return total_part(grid, rows[0], columns)
    if kind == "grade":
        return grade_part(rows[0])
    if kind == "remarks":
        return remarks_part(rows[0])
    if kind == "report":
        return report_part(rows)
    if kind in ("other", "indicator_title"):
        return Part(skipped=[texts.SKIPPED_ROW.format(row=row.number, text=row.text()) for row in rows])
    return Part()  # indicators (read above) and signature rows (read with the whole region)


def _year(part: Part, sheet: str, origin: str, default_year: int) -> tuple[int, str | None]:
    for year, source in part.fields.get("year_candidates", []):
        return year, source
    for text, source in ((sheet, texts.YEAR_FROM_SHEET), (part.fields.get("project") or "", texts.YEAR_FROM_PROJECT),
                         (origin, texts.YEAR_FROM_FILE)):
        match = L.YEAR.search(L.fold(text)) or L.BARE_YEAR.search(L.fold(text))
        if match:
            return int(match.group(1)), source
    return default_year, None


def _form(fields: dict) -> str:
    title = fields.get("title") or ""
    columns = fields.get("indicator_columns")
    kinds = set(columns.fields.values()) if columns else set()
    if V.TRANSFER_TITLE in title or "central_department" in fields or "fund_management" in fields:
        return "transfer_payment_self_eval"
    total_label = fields["funds"][0].label if fields.get("funds") else ""
    if V.DEPARTMENT_TITLE in title or V.DEPARTMENT_TITLE in total_label or "scoring_rule" in kinds:
        return "department_overall_eval"
    scored = "score" in kinds or any(line.score_printed is not None or line.weight is not None
                                     for line in fields.get("funds", ())[:1])
    return "project_self_eval" if scored else "project_goal_completion"


def _evaluation(form: str, year: int, part: Part) -> Evaluation:
    f = part.fields
    transfer = form == "transfer_payment_self_eval"
    funds = with_label_weight(f.get("funds", ()), f.get("fund_weight_label"))
    leaves = [(l1, l2, leaf) for l1, l2, leaf, _ in f.get("leaves", [])]
    total_score = f.get("total_score_printed")
    if total_score is None:
        total_score = f.get("header_total_score")
    return Evaluation(
        form=form, year=year, title=f.get("title"), project=f.get("project"), department=f.get("department"),
        implementer=f.get("implementer"), money_unit=f.get("money_unit"),
        goal_target=f.get("goal_target"), goal_actual=f.get("goal_actual"),
        funds=funds, indicators=group_leaves(leaves),
        total_weight_printed=f.get("total_weight_printed"), total_score_printed=total_score,
        grade_printed=f.get("grade_printed"),
        central_department=f.get("central_department") if transfer else None,
        fund_management=f.get("fund_management", ()) if transfer else (),
        remarks=f.get("remarks") if transfer else None,
        report_sections=tuple(f.get("report_sections", ())),
        signatories=f.get("signatories", Signatories()),
        columns=frozenset(part.columns | ({"transfer"} if transfer else set())),
    )
