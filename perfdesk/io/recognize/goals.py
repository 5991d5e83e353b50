"""年度总体目标 (labels as column headers above the texts, or as row labels left of them) and the
资金管理情况 block of the transfer-payment form."""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.io.grid.model import TEXT, Grid
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize.part import Part
from perfdesk.io.recognize.rows import Row
from perfdesk.scoring.evaluation import FundManagementRow


def goals_part(grid: Grid, rows: list[Row]) -> Part:
    header = next((row for row in rows[:2] if len(set(_goal_labels(row).values())) >= 2), None)
    found: dict[str, list[tuple[int, str, str]]] = {}  # field -> (row, text, the label printed for it)
    part = Part()
    if header is not None:
        _by_columns(header, rows[rows.index(header) + 1:], found, part)
        printed = [header.cells[i][1].text for i, (c, _) in enumerate(header.cells) if c in _goal_labels(header)]
    else:
        printed = _by_rows(rows, found)
    names = {"goal_target": "", "goal_adjusted": "", "goal_actual": ""}
    for name in names:
        kept = []
        for row, text, label in found.get(name, []):
            if L.is_prompt(text):  # "对照年度目标，说明……（100字以内）" is the template speaking
                part.skipped.append(texts.SKIPPED_PROMPT.format(row=row, label=label, text=text))
            elif text:
                kept.append(text)
        names[name] = "\n".join(kept) or None
    adjusted = names.pop("goal_adjusted")
    if adjusted and not is_blank_mark_text(adjusted):
        if names["goal_target"] and not is_blank_mark_text(names["goal_target"]):
            part.skipped.append(texts.SKIPPED_INITIAL_GOAL.format(text=names["goal_target"]))
        names["goal_target"] = adjusted
    part.fields.update(names)
    part.found.append(texts.FOUND_GOALS.format(labels="、".join(p.replace("\n", "") for p in printed) or texts.NONE))
    return part


def is_blank_mark_text(text: str) -> bool:
    return text.strip() in ("无", "—", "-", "/", "")


def _goal_labels(row: Row) -> dict[int, str]:
    """Column -> goal field of a row's goal labels, without a leading block label that others follow."""
    labels = row.fields(L.GOAL_FIELDS)
    first = row.cells[0][0]
    if first in labels and len(labels) > 1:
        del labels[first]
    return labels


def _by_columns(header: Row, data: list[Row], found: dict[str, list[tuple[int, str, str]]], part: Part) -> None:
    columns = sorted(_goal_labels(header).items())
    printed = {c: L.one_line(cell.text) for c, cell in header.cells}
    block_label = header.first_key
    for row in data:
        left = [cell for c, cell in row.cells if c < columns[0][0]
                and L.key(cell.text) not in L.GOAL_FIELDS and L.key(cell.text) != block_label]
        if left:  # a row with its own label (2.项目实施内容及过程概述 | …) is another item, not the goals
            part.skipped.append(texts.SKIPPED_GOAL_ROW.format(row=row.number, text=row.text()))
            continue
        for i, (col, name) in enumerate(columns):
            end = columns[i + 1][0] if i + 1 < len(columns) else 10 ** 6
            found.setdefault(name, []).extend((row.number, cell.text, printed[col])
                                              for c, cell in row.cells if col <= c < end)


def _by_rows(rows: list[Row], found: dict[str, list[tuple[int, str, str]]]) -> list[str]:
    """Labels left of their texts, row by row; a label may share its cell with the text ("预期目标：…")."""
    printed, current = [], None
    for row in rows:
        for c, cell in row.cells:
            label = row.labels.get(c)
            written = L.inline(cell.text) if label is None and cell.kind == TEXT else None
            if label in L.GOAL_FIELDS or (written is not None and written[0] in L.GOAL_FIELDS):
                current = L.GOAL_FIELDS[label if written is None else written[0]]
                printed.append(L.one_line(L.fold(cell.text).partition(":")[0]))
                if written is None:
                    continue
            if current is not None:
                found.setdefault(current, []).append((row.number, written[1] if written else cell.text, printed[-1]))
    return printed


def management_part(grid: Grid, rows: list[Row]) -> Part:
    columns = rows[0].fields(L.MANAGEMENT_COLUMNS)
    if not columns:
        return Part(skipped=[texts.SKIPPED_ROW.format(row=r.number, text=r.text()) for r in rows])
    first_value = min(columns)
    found = []
    for row in rows[1:]:
        item = next((cell.text for c, cell in row.cells if c < first_value), None)
        values = {name: _text_at(grid, row.number, c) for c, name in columns.items()}
        if item is not None or any(values.values()):
            found.append(FundManagementRow(item=item or "", **values))
    return Part(fields={"fund_management": tuple(found)}, found=[texts.FOUND_MANAGEMENT.format(count=len(found))])


def _text_at(grid: Grid, row: int, col: int) -> str | None:
    cell = grid.get(row, col)
    return None if cell is None else cell.text
