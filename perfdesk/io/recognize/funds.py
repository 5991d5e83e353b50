"""The fund block (项目资金): columns found by their labels, one FundLine per data row.

The first data row is the total (年度资金总额); its 分值 comes from its cell, else from the block
label ("预算执行情况（万元）（20分）"). The 项目资金 label may sit in the header row, alone above
it, or in the first data row.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfdesk.io import texts
from perfdesk.io.grid.model import NUMBER, TEXT, Grid, GridCell
from perfdesk.io.grid.numfmt import percent_text
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize import vocabulary as V
from perfdesk.io.recognize.layout import is_fund_header, is_inline_funds
from perfdesk.io.recognize.part import ColumnUse, Part, unread_column_line
from perfdesk.io.recognize.rows import Row
from perfdesk.io.recognize.values import amount_of, is_numeric, number_of, points_of, text_of
from perfdesk.scoring.evaluation import FundLine, cell_number

_OPTIONAL = {"declared": "initial_declared", "balance": "balance"}  # Evaluation.columns markers


def funds_part(grid: Grid, rows: list[Row], overrides: dict[int, str | None]) -> Part:
    part = Part()
    for row in rows:
        for col, cell in row.cells:
            if row.labels.get(col) in L.FUND_SECTION or L.key(cell.text) in L.FUND_SECTION:
                _section_label(part, cell.text)
    if any(is_inline_funds(row) for row in rows):
        part.merge(_inline(grid, rows))
        return part
    header = [row for row in rows if is_fund_header(row)][:1]
    if not header:
        part.skipped += [texts.SKIPPED_ROW.format(row=row.number, text=row.text()) for row in rows]
        return part
    position = rows.index(header[0])
    below = rows[position + 1] if position + 1 < len(rows) else None
    if below is not None and below.cells and all(c in below.labels for c, _ in below.cells):
        header.append(below)
    for row in rows[:rows.index(header[-1]) + 1]:  # a unit in any heading ("年度预算数（万元）")
        for _, cell in row.cells:
            if (unit := L.unit_in(cell.text)) and "money_unit" not in part.fields:
                part.fields["money_unit"] = unit
    columns, part.uses = _columns(header, overrides)
    part.skipped += [unread_column_line(use, L.FUND_IGNORED, texts.BLOCK_FUNDS)
                     for use in part.uses if use.field is None]
    part.merge(_rows(grid, rows[rows.index(header[-1]) + 1:], header, columns, part.fields.get("money_unit")))
    part.columns |= {_OPTIONAL[f] for f in columns.values() if f in _OPTIONAL}
    return part


def _section_label(part: Part, text: str) -> None:
    unit, weight = L.unit_in(text), L.weight_in(text)
    if unit:
        part.fields["money_unit"] = unit
    if weight is not None:
        part.fields["fund_weight_label"] = weight


def _columns(header: list[Row], overrides: dict[int, str | None]) -> tuple[dict[int, str], list[ColumnUse]]:
    fields: dict[int, str | None] = {}
    printed: dict[int, list[str]] = {}
    for row in header:
        for col, cell in row.cells:
            label = row.labels.get(col)
            if label in L.FUND_SECTION or (label is None and (cell.kind != TEXT or is_numeric(cell))):
                continue
            printed.setdefault(col, []).append(L.one_line(cell.text))
            if label is not None or col not in fields:  # a heading perfdesk does not know is shown, unread
                fields[col] = L.FUND_COLUMNS.get(label) if label is not None else None
    if "annual" not in fields.values():  # 年初预算数(A) | 全年执行数(B): the (A) column is the rate's budget
        marked = [c for c in fields if fields[c] == "initial" and V.BUDGET_MARK in L.fold("".join(printed[c]))]
        for col in marked[:1]:
            fields[col] = "annual"
    first = min((c for c, f in fields.items() if f), default=0)
    for col in list(printed):
        if col < first and fields.get(col) is None:
            del printed[col]  # the label column (年度资金总额 above an empty label cell)
    fields.update(overrides)
    uses = [ColumnUse("funds", c, "/".join(printed.get(c, [""])), fields.get(c)) for c in sorted(set(printed) | set(overrides))]
    return {c: f for c, f in fields.items() if f}, uses


def _rows(grid: Grid, data: list[Row], header: list[Row], columns: dict[int, str], unit: str | None) -> Part:
    part = Part()
    if not columns:
        return part
    first_value = min(columns)
    default_label = next((cell.text for row in header for c, cell in row.cells
                          if c < first_value and L.key(cell.text) in L.FUND_TOTAL_ROW), None)
    lines = []
    for row in data:
        line = _line(grid, row, columns, first_value, part, default_label if not lines else None, unit)
        if line is not None:
            lines.append(line)
    part.fields["funds"] = tuple(lines)
    labels = [next((cell.text.replace("\n", "") for r in reversed(header) for c, cell in r.cells if c == col), "")
              for col in sorted(columns)]
    part.found.append(texts.FOUND_FUNDS.format(count=len(lines), columns="、".join(labels)))
    return part


def _line(grid: Grid, row: Row, columns: dict[int, str], first_value: int, part: Part,
          default_label: str | None, unit: str | None) -> FundLine | None:
    label = next((L.one_line(cell.text) for c, cell in reversed(row.cells)
                  if c < first_value and L.key(cell.text) not in L.FUND_SECTION), None) or default_label
    values = {name: _spanned(grid, row.number, col) for col, name in columns.items()}
    if label is None and not any(values.values()):
        return None
    cells = {name: amount_of(cell, unit) for name, cell in values.items() if name not in ("rate", "score", "weight")}
    if "weight" in values:
        cells["weight"] = points_of(values["weight"])
    rate = _rate_text(values.get("rate"), cells.get("annual"), cells.get("executed"))
    rate_cell = values.get("rate")
    if rate is not None and rate_cell is not None and rate != rate_cell.text:
        part.skipped.append(texts.RATE_AS_PERCENT.format(row=row.number, value=rate_cell.text, percent=rate))
    return FundLine(label=label or "", rate_printed=rate, score_printed=points_of(values.get("score")), **cells)


def _spanned(grid: Grid, row: int, col: int) -> GridCell | None:
    """A fund cell, or the one merged across it in the same row: "864.2" printed once over
    预算数 and 执行数 is the figure of both."""
    cell = grid.get(row, col)
    if cell is None and (origin := grid.origin(row, col)) is not None and origin[0] == row:
        cell = grid.get(*origin)
    return cell


def _rate_text(cell: GridCell | None, annual, executed) -> str | None:
    """The printed rate; a bare fraction (0.9987 where B÷A is 0.9987) is read as a percentage."""
    if cell is None or cell.kind != NUMBER:  # a percentage, text or an unknown formula: as printed
        return text_of(cell)
    a, b, value = cell_number(annual), cell_number(executed), cell.number
    if not a or b is None:
        return cell.text
    ratio = b / a
    return percent_text(value, 2) if abs(value - ratio) < abs(value - ratio * 100) else cell.text


def _inline(grid: Grid, rows: list[Row]) -> Part:
    """The 预算数: x | 执行数: y layout, one fund row per line; the first line is the total."""
    first = next(row for row in rows if is_inline_funds(row))
    budget = next(c for c, k in first.labels.items() if k == L.INLINE_BUDGET)
    executed = next((c for c, k in first.labels.items() if k == L.INLINE_EXECUTED), None)
    lines = []
    for row in rows[rows.index(first):]:
        cell = grid.get(row.number, budget)
        label = text_of(cell)
        if label is not None and L.key(label) == L.INLINE_BUDGET:
            label = texts.FUND_TOTAL_LABEL
        annual = number_of(grid.get(row.number, budget + 1))
        spent = number_of(grid.get(row.number, executed + 1)) if executed else None
        if label is not None or annual is not None or spent is not None:
            lines.append(FundLine(label=label or "", annual=annual, executed=spent))
    return Part(fields={"funds": tuple(lines)}, found=[texts.FOUND_FUNDS_INLINE.format(count=len(lines))])


def with_label_weight(funds: tuple[FundLine, ...], weight: Decimal | None) -> tuple[FundLine, ...]:
    """Give the total row the 分值 printed in the block label when its own cell is empty."""
    if not funds or weight is None or cell_number(funds[0].weight) is not None:
        return funds
    return (replace(funds[0], weight=weight),) + funds[1:]
