"""The rows that close a table: 总分 (with the grade printed after it), a separate 等级 row, the
说明 row of the transfer form, and the signature row (填报人 … 填报日期)."""
from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.io import texts
from perfdesk.io.grid.model import Grid, GridCell
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize import vocabulary as V
from perfdesk.io.recognize.indicators import IndicatorColumns
from perfdesk.io.recognize.part import Part
from perfdesk.io.recognize.rows import Row
from perfdesk.io.recognize.values import points_of
from perfdesk.scoring.evaluation import Signatories
from perfdesk.scoring.signature import SIGNATURE_ITEMS

_SPLIT = re.compile("(" + "|".join(map(re.escape, sorted((*V.SIGNATURE, *V.SIGNATURE_OTHER), key=len, reverse=True)))
                    + r")\s*[:：]?")


def total_part(grid: Grid, row: Row, columns: IndicatorColumns | None) -> Part:
    weight_col = columns.of("weight") if columns else None
    score_col = columns.of("score") if columns else None
    weight = points_of(grid.get(row.number, weight_col))
    score = points_of(_at(grid, row.number, score_col))
    if score is None and row.first_inline is not None:  # "总分：99分" in one cell
        score = points_of(GridCell(row.first_inline[1]))
        score = score if isinstance(score, Decimal) else None
    if columns is None:  # no indicator header to align with: the numbers in order
        numbers = [points_of(cell) for _, cell in row.cells if isinstance(points_of(cell), Decimal)]
        weight, score = (numbers + [None, None])[:2] if len(numbers) > 1 else (None, (numbers or [None])[0])
    last = max((c for c in (weight_col, score_col) if c is not None), default=0)
    grade = _grade_after(row, last)
    part = Part(fields={"total_weight_printed": weight, "total_score_printed": score})
    if grade is not None:
        part.fields["grade_printed"] = grade
    shown = [texts.NONE if v is None else str(v) for v in (weight, score, grade)]
    part.found.append(texts.FOUND_TOTAL.format(weight=shown[0], score=shown[1], grade=shown[2]))
    return part


def _at(grid: Grid, row: int, col: int | None):
    """The cell of a column in the total row, or the merged cell across it ("总分 | 100分" written
    over the whole row, 得分 column included)."""
    cell = grid.get(row, col)
    if cell is None and col is not None and (origin := grid.origin(row, col)) is not None and origin[0] == row:
        cell = grid.get(*origin)
    return cell


def _grade_after(row: Row, col: int) -> str | None:
    """The grade printed right of the total's numbers (never the 总分 label itself)."""
    col = max(col, row.cells[0][0])
    after = [cell.text for c, cell in row.cells if c > col and not isinstance(points_of(cell), Decimal)]
    while after and L.key(after[0]) in L.GRADE_ROW:
        after.pop(0)
    return after[0].strip() if after else None


def grade_part(row: Row) -> Part:
    cells = [cell.text for _, cell in row.cells]
    _, _, inline = L.fold(cells[0]).partition(":")
    grade = inline.strip() or (cells[1].strip() if len(cells) > 1 else None)
    return Part(fields={"grade_printed": grade})


def _label_and_rest(row: Row) -> tuple[str, list[str]]:
    """The row's opening label as printed and the texts after it: "评价结论 | text" or "评价结论：text"."""
    first = row.cells[0][1].text
    rest = [cell.text for _, cell in row.cells[1:]]
    if row.first_key not in L.ALL_LABELS and row.first_inline is not None:
        label, _, value = L.fold(first).partition(":")
        return L.one_line(label), [value.strip(), *rest]
    return L.one_line(first), rest


def remarks_part(row: Row) -> Part:
    _, rest = _label_and_rest(row)
    return Part(fields={"remarks": rest[0] if rest else None}, found=[texts.FOUND_REMARKS])


def report_part(rows: list[Row]) -> Part:
    """评价结论 / 存在问题 / 改进措施 rows: their text becomes that section of the 自评报告."""
    part = Part()
    sections, printed = [], []
    for row in rows:
        label, rest = _label_and_rest(row)
        text = "\n".join(value.strip() for value in rest).strip()
        if not text:
            continue
        if L.is_prompt(text):
            part.skipped.append(texts.SKIPPED_PROMPT.format(row=row.number, label=label, text=text))
            continue
        sections.append((L.REPORT_ROWS[row.opening], text))
        printed.append(label)
    if sections:
        part.fields["report_sections"] = sections
        part.found.append(texts.FOUND_REPORT.format(labels="、".join(printed)))
    return part


def read_signatories(text: str) -> dict[str, str]:
    """Label -> value pairs from one row's text; blank values are left out."""
    return {V.SIGNATURE[label]: value for label, value in _pairs(text) if label in V.SIGNATURE}


def _pairs(text: str) -> list[tuple[str, str]]:
    """(label, value) of every signature label in a row's text that has a value."""
    pieces = _SPLIT.split(text)
    pairs = [(label, value.strip(" \u3000:：|")) for label, value in zip(pieces[1::2], pieces[2::2])]
    return [(label, value) for label, value in pairs if value]


def signature_part(rows: list[Row], header: dict | None = None, noted: str | None = None) -> Part:
    """`noted`: every name of the row under the standard labels, from perfdesk's export note
    (written when the printed row hides or relabels some), read in preference to the row."""
    values: dict[str, str] = dict(header or {})
    others = []
    for row in rows:
        line = " | ".join(cell.text for _, cell in row.cells)
        values.update(read_signatories(line))
        others += [(label, value) for label, value in _pairs(line) if label not in V.SIGNATURE]
    if noted is not None:
        values.update(read_signatories(noted))
    if not rows and not values:
        return Part()
    names = "、".join(label for key, label in SIGNATURE_ITEMS if key in values) or texts.BLANK_SIGNATURE
    found = [texts.FOUND_SIGNATURE.format(row=rows[0].number, names=names)] if rows else []
    skipped = [texts.SKIPPED_HEADER_VALUE.format(label=label, value=value) for label, value in others]
    return Part(fields={"signatories": Signatories(**values)}, found=found, skipped=skipped)
