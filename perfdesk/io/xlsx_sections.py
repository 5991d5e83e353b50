"""Reading the title lines, header, fund block, goals and 资金管理情况 of one table."""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.io import xlsx_labels as L
from perfdesk.io.xlsx_cells import Grid, Raw, cell_of, coordinate, decimal_of, percent_places, percent_text, text_of
from perfdesk.io.xlsx_tables import Part, Section, is_label_row, label_columns, skipped_rows
from perfdesk.scoring.evaluation import FundLine, FundManagementRow, cell_number


def title_part(grid: Grid, section: Section) -> Part:
    lines = [text_of(raw) for r in section.rows for _, raw in grid.row(r)]
    part = Part()
    for line in filter(None, lines):
        if L.YEAR_LINE.search(line) or L.UNIT_LINE.search(line):
            _year_and_unit(part, line)
        elif "title" not in part.fields:
            part.fields["title"] = line
    title = part.fields.get("title") or ""
    if "year" not in part.fields and L.YEAR_ANY.search(title):
        part.fields["year"] = int(L.YEAR_ANY.search(title).group(1))
    return part


def _year_and_unit(part: Part, line: str) -> None:
    year, unit = L.YEAR_LINE.search(line), L.UNIT_LINE.search(line)
    if year and "year" not in part.fields:
        part.fields["year"] = int(year.group(1))
    if unit:
        part.fields["money_unit"] = unit.group(1)


def header_part(grid: Grid, section: Section) -> Part:
    part = Part()
    for r in section.rows:
        cells = grid.row(r)
        for i, (_, raw) in enumerate(cells):
            key = L.label_key(raw.value) if isinstance(raw.value, str) else ""
            if key not in L.HEADER_FIELDS:
                continue
            following = cells[i + 1][1] if i + 1 < len(cells) else None
            is_label = following is not None and isinstance(following.value, str) and L.label_key(following.value) in L.HEADER_FIELDS
            value = None if is_label else text_of(following)
            target = L.HEADER_FIELDS[key]
            for name in ("department", "implementer") if target == "both" else (target,):
                part.fields[name] = value
            part.found.append(str(raw.value).replace("\n", ""))
    part.found = [texts.FOUND_HEADER.format(labels="、".join(part.found))] if part.found else []
    return part


def goals_part(grid: Grid, section: Section) -> Part:
    columns = label_columns(grid.row(section.rows[0]), L.GOAL_COLUMNS)
    part = Part()
    for col, name in columns.items():
        values = [text_of(grid.get(r, col)) for r in section.rows[1:]]
        part.fields[name] = "\n".join(v for v in values if v) or None
    labels = [str(grid.get(section.rows[0], c).value) for c in columns]
    part.found.append(texts.FOUND_GOALS.format(labels="、".join(labels) or texts.NONE))
    return part


def funds_part(grid: Grid, section: Section) -> Part:
    first = grid.row(section.rows[0])
    unit = L.UNIT.search(str(first[0][1].value))
    part = Part(fields={"money_unit": unit.group(1)} if unit else {})
    labels = [L.label_key(raw.value) for _, raw in first[1:] if isinstance(raw.value, str)]
    reader = _inline_funds if L.INLINE_BUDGET in labels else _column_funds
    part.merge(reader(grid, section))
    return part


_OPTIONAL_FUND_COLUMNS = {"declared": "initial_declared", "balance": "balance"}


def _column_funds(grid: Grid, section: Section) -> Part:
    columns = label_columns(grid.row(section.rows[0])[1:], L.FUND_COLUMNS)
    header, data = list(section.rows[:1]), list(section.rows[1:])
    if data and is_label_row(grid.row(data[0]), L.FUND_COLUMNS):
        header.append(data.pop(0))
        columns.update(label_columns(grid.row(header[-1]), L.FUND_COLUMNS))
    part = Part()
    if not columns:
        part.skipped += skipped_rows(grid, section.rows)
        return part
    lines = [line for r in data if (line := _fund_row(grid, r, columns, part)) is not None]
    part.fields["funds"] = tuple(lines)
    part.columns |= {_OPTIONAL_FUND_COLUMNS[f] for f in columns.values() if f in _OPTIONAL_FUND_COLUMNS}
    part.found.append(texts.FOUND_FUNDS.format(count=len(lines), columns="、".join(_labels(grid, header, columns))))
    return part


def _labels(grid: Grid, header: list[int], columns: dict[int, str]) -> list[str]:
    found = []
    for c in sorted(columns):
        raws = [grid.get(r, c) for r in header]
        labels = [str(raw.value).replace("\n", "") for raw in raws if raw is not None and isinstance(raw.value, str)]
        found.append(labels[-1] if labels else "")
    return found


def _fund_row(grid: Grid, row: int, columns: dict[int, str], part: Part) -> FundLine | None:
    first_value = min(columns)
    label = next((text_of(raw) for c, raw in grid.row(row) if c < first_value and isinstance(raw.value, str)), None)
    values = {name: grid.get(row, col) for col, name in columns.items()}
    if label is None and not any(values.values()):
        return None
    cells = {name: cell_of(raw) for name, raw in values.items() if name not in ("rate", "score")}
    rate_col = next((c for c, n in columns.items() if n == "rate"), None)
    rate = _rate_text(values.get("rate"), cells.get("annual"), cells.get("executed"))
    if rate is not None and rate != text_of(values.get("rate")):
        part.skipped.append(texts.RATE_AS_PERCENT.format(cell=coordinate(row, rate_col), value=text_of(values["rate"]), percent=rate))
    return FundLine(label=label or "", rate_printed=rate, score_printed=cell_of(values.get("score")), **cells)


def _rate_text(raw: Raw | None, annual, executed) -> str | None:
    """The printed rate; a bare fraction (0.9987 where B÷A is 0.9987) is read as a percentage."""
    text = text_of(raw)
    if raw is None or isinstance(raw.value, str) or percent_places(raw.number_format) is not None:
        return text
    a, b, value = cell_number(annual), cell_number(executed), decimal_of(raw.value)
    if not a or b is None:
        return text
    ratio = b / a
    return percent_text(value, 2) if abs(value - ratio) < abs(value - ratio * 100) else text


def _inline_funds(grid: Grid, section: Section) -> Part:
    """The 预算数: x | 执行数: y layout, one fund row per line; the first line is the total."""
    first = grid.row(section.rows[0])
    budget = next(c for c, raw in first if isinstance(raw.value, str) and L.label_key(raw.value) == L.INLINE_BUDGET)
    executed = next((c for c, raw in first if isinstance(raw.value, str) and L.label_key(raw.value) == L.INLINE_EXECUTED), None)
    lines = []
    for r in section.rows:
        label = text_of(grid.get(r, budget))
        if label is not None and L.label_key(label) == L.INLINE_BUDGET:
            label = texts.FUND_TOTAL_LABEL
        annual, spent = cell_of(grid.get(r, budget + 1)), cell_of(grid.get(r, executed + 1) if executed else None)
        if label is not None or annual is not None or spent is not None:
            lines.append(FundLine(label=label or "", annual=annual, executed=spent))
    return Part(fields={"funds": tuple(lines)}, found=[texts.FOUND_FUNDS_INLINE.format(count=len(lines))])


def management_part(grid: Grid, section: Section) -> Part:
    columns = label_columns(grid.row(section.rows[0]), L.MANAGEMENT_COLUMNS)
    if not columns:
        return Part(skipped=skipped_rows(grid, section.rows))
    first_value = min(columns)
    rows = []
    for r in section.rows[1:]:
        item = next((text_of(raw) for c, raw in grid.row(r) if c < first_value), None)
        values = {name: text_of(grid.get(r, c)) for c, name in columns.items()}
        if item is not None or any(values.values()):
            rows.append(FundManagementRow(item=item or "", **values))
    found = [texts.FOUND_MANAGEMENT.format(count=len(rows))]
    return Part(fields={"fund_management": tuple(rows)}, found=found)
