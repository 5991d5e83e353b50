"""Reading the indicator block, the 总分 row, a separate 等级 row and the 说明 row of one table."""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.io import xlsx_labels as L
from perfdesk.io.xlsx_cells import Grid, cell_of, text_of
from perfdesk.io.xlsx_tables import Part, Section, is_label_row, row_kind, skipped_rows
from perfdesk.scoring.evaluation import Indicator

_TEXT_FIELDS = ("l1", "l2", "name", "target", "target_adjusted", "actual", "reason", "scoring_rule")
_OPTIONAL = {"target_adjusted": "target_adjusted", "scoring_rule": "scoring_rule"}


def indicator_columns(grid: Grid, header: list[int]) -> dict[int, str]:
    """Column -> field; target-like labels in column order: target first, then the adjusted target."""
    columns: dict[int, str] = {}
    for row in header:
        for col, raw in grid.row(row):
            name = L.INDICATOR_COLUMNS.get(L.label_key(raw.value)) if isinstance(raw.value, str) else None
            if name == "target" and any(f == "target" for c, f in columns.items() if c != col):
                name = "target_adjusted"
            if name is not None:
                columns[col] = name
    return columns


def indicators_part(grid: Grid, sections: list[Section]) -> Part:
    header = [sections[0].rows[0]]
    rest = list(sections[0].rows[1:])
    if rest and is_label_row(grid.row(rest[0]), L.INDICATOR_COLUMNS):
        header.append(rest.pop(0))
    columns = indicator_columns(grid, header)
    part = Part(columns={_OPTIONAL[f] for f in columns.values() if f in _OPTIONAL})
    part.fields["indicator_columns"] = columns
    for later in sections[1:]:
        part.skipped.append(texts.SKIPPED_REPEATED_HEADER.format(row=later.rows[0]))
        rest += later.rows[1:]
    leaves, filled = _leaves(grid, rest, columns, part)
    part.fields["leaves"] = leaves
    labels = [str(raw.value).replace("\n", "") for r in header for _, raw in grid.row(r) if isinstance(raw.value, str)]
    groups = len({l1 for l1, _, _ in leaves})
    part.found.append(texts.FOUND_INDICATORS.format(count=len(leaves), groups=groups, columns="、".join(labels)))
    if filled:
        part.found.append(texts.FILLED_DOWN.format(count=filled))
    return part


def _leaves(grid: Grid, rows: list[int], columns: dict[int, str], part: Part):
    leaves, above, filled = [], {"l1": None, "l2": None}, 0
    for r in rows:
        values = {name: grid.get(r, col) for col, name in columns.items()}
        row = {name: text_of(values.get(name)) for name in _TEXT_FIELDS}
        if not any(values.values()):
            continue
        if row["name"] is None and row["target"] is None and row["actual"] is None:
            part.skipped.append(texts.SKIPPED_EMPTY_INDICATOR.format(row=r))
            continue
        for level in ("l1", "l2"):
            if row[level] is None and above[level] is not None:
                row[level], filled = above[level], filled + 1
            above[level] = row[level]
        leaf = Indicator(
            name=row["name"] or "", level=3, weight=cell_of(values.get("weight")), target=row["target"],
            target_adjusted=row["target_adjusted"], actual=row["actual"], score_printed=cell_of(values.get("score")),
            reason=row["reason"], scoring_rule=row["scoring_rule"],
        )
        leaves.append((row["l1"], row["l2"], leaf))
    return leaves, filled


def total_part(grid: Grid, section: Section, columns: dict[int, str]) -> Part:
    row = section.rows[0]
    by_field = {name: col for col, name in columns.items()}
    weight, score = cell_of(grid.get(row, by_field.get("weight"))), cell_of(grid.get(row, by_field.get("score")))
    grade = _grade_after(grid, row, by_field.get("score"))
    part = Part(fields={"total_weight_printed": weight, "total_score_printed": score})
    if grade is not None:
        part.fields["grade_printed"] = grade
    shown = [texts.NONE if v is None else str(v) for v in (weight, score, grade)]
    part.found.append(texts.FOUND_TOTAL.format(weight=shown[0], score=shown[1], grade=shown[2]))
    part.skipped += _extra_rows(grid, section)
    return part


def _grade_after(grid: Grid, row: int, score_col: int | None) -> str | None:
    after = [text_of(raw) for c, raw in grid.row(row) if score_col is not None and c > score_col]
    while after and L.label_key(after[0]) in L.GRADE_ROW:
        after.pop(0)
    return after[0] if after else None


def grade_part(grid: Grid, section: Section) -> Part:
    cells = [text_of(raw) for _, raw in grid.row(section.rows[0])]
    _, _, inline = cells[0].replace("：", ":").partition(":")
    grade = inline.strip() or (cells[1] if len(cells) > 1 else None)
    return Part(fields={"grade_printed": grade}, skipped=_extra_rows(grid, section))


def remarks_part(grid: Grid, section: Section) -> Part:
    cells = [text_of(raw) for _, raw in grid.row(section.rows[0])]
    part = Part(fields={"remarks": cells[1] if len(cells) > 1 else None}, found=[texts.FOUND_REMARKS])
    part.skipped += _extra_rows(grid, section)
    return part


def _extra_rows(grid: Grid, section: Section) -> list[str]:
    """Note rows under a table (注：…) are reported, not imported; signature rows are read by the caller."""
    return skipped_rows(grid, [r for r in section.rows[1:] if row_kind(grid.row(r)) != "signature"])
