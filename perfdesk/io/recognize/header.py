"""The title lines above a table and its key-value header rows (项目名称, 主管部门, 实施单位 …)."""
from __future__ import annotations

from decimal import Decimal

from perfdesk.io import texts
from perfdesk.io.grid.model import TEXT, GridCell
from perfdesk.io.recognize import labels as L
from perfdesk.io.recognize import vocabulary as V
from perfdesk.io.recognize.part import Part
from perfdesk.io.recognize.rows import Row
from perfdesk.io.recognize.values import points_of


def title_part(rows: list[Row]) -> Part:
    """Title, year and money unit from the lines above a table; 附件/部门/公开NN表 lines are never the title."""
    part = Part()
    lines = [cell.text.strip() for row in rows for _, cell in row.cells]
    for line in lines:
        unit = L.unit_in(line)
        if unit and "money_unit" not in part.fields:
            part.fields["money_unit"] = unit
    candidates = [line for line in lines if not _not_a_title(line)]
    tables = [line for line in candidates if "表" in line]
    title = next((line for line in tables if any(word in line for word in V.TITLE_WORDS)),
                 tables[0] if tables else (candidates[0] if candidates else None))
    if title is not None:
        part.fields["title"] = title
    part.fields["year_candidates"] = _years(title, lines)
    part.skipped += [texts.SKIPPED_TITLE_LINE.format(text=line) for line in lines if line != title and not _year_only(line)]
    return part


def _not_a_title(line: str) -> bool:
    folded = L.fold(line).strip()
    return any(p.search(folded) for p in L.NOT_A_TITLE) or _year_only(line) or bool(L.UNIT_LINE.fullmatch(folded))


def _year_only(line: str) -> bool:
    """A （2022年度） line, possibly with the money unit beside it."""
    folded = L.fold(line).strip()
    match = L.YEAR_LINE.match(folded)
    return match is not None and not L.UNIT_LINE.sub("", folded[match.end():]).strip(" )）")


def _years(title: str | None, lines: list[str]) -> list[tuple[int, str]]:
    """Years in the order they are trusted: the title, a （2022年度） line, any other line above."""
    found = []
    if title and (match := L.YEAR.search(L.fold(title))):
        found.append((int(match.group(1)), texts.YEAR_FROM_TITLE))
    for line in lines:
        match = L.YEAR_LINE.match(L.fold(line).strip())
        if match:
            found.append((int(match.group(1)), texts.YEAR_FROM_TITLE))
    for line in lines:
        folded = L.fold(line)
        if "填报" not in folded and (match := L.YEAR.search(folded)):
            found.append((int(match.group(1)), texts.YEAR_FROM_TITLE))
    return found


def header_part(rows: list[Row]) -> Part:
    """Label -> value pairs: the value is the next cell to the right that is not itself a label."""
    part = Part()
    seen = []
    for row in rows:
        cells = row.cells
        used: set[int] = set()
        for i, (col, cell) in enumerate(cells):
            label = row.labels.get(col)
            written = L.inline(cell.text) if label is None and cell.kind == TEXT else None  # "项目名称：…"
            if written is not None:
                label, value = written[0], GridCell(written[1])
            if label is None or (label not in L.HEADER_FIELDS and label not in L.HEADER_IGNORED):
                continue
            if written is None:
                following = cells[i + 1] if i + 1 < len(cells) else None
                value = None if following is None or following[0] in row.labels else following[1]
                used |= {following[0]} if value is not None else set()
            used.add(col)
            if label in L.HEADER_IGNORED:
                shown = L.one_line(cell.text.partition("：")[0].partition(":")[0])
                part.skipped.append(texts.SKIPPED_HEADER_FIELD.format(label=shown) if value is None
                                    else texts.SKIPPED_HEADER_VALUE.format(label=shown, value=value.text))
                continue
            seen.append(L.one_line(cell.text.partition("：")[0].partition(":")[0]))
            _put(part, L.HEADER_FIELDS[label], value)
        rest = [L.one_line(cell.text) for col, cell in cells if col not in used]
        if rest:  # a label perfdesk does not know, with its value: said, never dropped quietly
            part.skipped.append(texts.SKIPPED_HEADER_CELLS.format(row=row.number, text=" | ".join(rest)))
    if seen:
        part.found.append(texts.FOUND_HEADER.format(labels="、".join(seen)))
    return part


def _put(part: Part, field: str, value) -> None:
    text = value.text if value is not None else None
    if field == "both":
        part.fields.setdefault("department", text)
        part.fields.setdefault("implementer", text)
    elif field == "total_score":
        score = points_of(value)
        part.fields["header_total_score"] = score if isinstance(score, Decimal) else text
    elif field in ("preparer", "phone"):
        if text:
            part.fields.setdefault("header_signatories", {})[field] = text
    elif field not in part.fields or part.fields[field] is None:
        part.fields[field] = text
