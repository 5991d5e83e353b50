"""Reading what perfdesk's own Excel export adds to its tables (see xlsx_export).

- the export mark (a custom document property): in such a workbook a formula is perfdesk's
  computation, never a value printed in a table;
- its auxiliary sheets (汇总表 per year, 评分规则, 长文本), which hold no table;
- texts longer than a cell holds, written in full, in parts, on the 长文本 sheet;
- the report texts on the 自评报告 sheet, keyed by the evaluation's sheet name.
"""
from __future__ import annotations

import re

from perfdesk.io import texts
from perfdesk.io.grid.model import Grid
from perfdesk.scoring.messages import REPORT_SECTIONS

CUSTOM_PROPERTIES = "docProps/custom.xml"
_SUMMARY = re.compile(re.escape(texts.SUMMARY_SHEET).replace(r"\{year\}", r"\d{4}"))
_AUXILIARY = {texts.RULES_SHEET, texts.LONG_TEXT_SHEET}
_TAILS = [re.compile(re.escape(tail).replace(r"\{length\}", r"\d+").replace(r"\{sheet\}", re.escape(texts.LONG_TEXT_SHEET))
                     .replace(r"\{number\}", r"(\d+)") + r"$") for tail in (texts.LONG_CELL_TAIL, texts.LONG_NOTE_TAIL)]
_KEY = {heading: key for key, heading in REPORT_SECTIONS}


def is_export(package) -> bool:
    """Whether a workbook package carries perfdesk's export mark."""
    if CUSTOM_PROPERTIES not in package.names:
        return False
    return any(element.get("name") == texts.EXPORT_MARK for element in package.elements(CUSTOM_PROPERTIES, ("property",)))


def auxiliary(sheet_name: str) -> bool:
    return sheet_name in _AUXILIARY or bool(_SUMMARY.fullmatch(sheet_name))


def long_texts(grid: Grid) -> dict[int, str]:
    """Item number -> full text, from the 长文本 sheet's rows (number, cell, part number, part)."""
    parts: dict[int, list[tuple[int, str]]] = {}
    for row in grid.rows():
        number, index, part = grid.get(row, 1), grid.get(row, 3), grid.get(row, 4)
        if number and index and part and number.number is not None and index.number is not None:
            parts.setdefault(int(number.number), []).append((int(index.number), part.text))
    return {number: "".join(p for _, p in sorted(items)) for number, items in parts.items()}


def full_text(text: str, found: dict[int, str]) -> str:
    """A cell or note text with its 长文本 pointer replaced by the full text it stands for."""
    if not found or "……" not in text:
        return text
    for tail in _TAILS:
        match = tail.search(text)
        if match and int(match.group(1)) in found:
            return found[int(match.group(1))]
    return text


def report_sections(grid: Grid) -> dict[str, tuple[tuple[str, str], ...]]:
    """Sheet name of an evaluation -> its (section key, text) pairs, from the 自评报告 sheet."""
    rows = [[(grid.get(r, c).text if grid.get(r, c) else None) for c in range(1, 5)] for r in grid.rows()]
    header = next((i for i, row in enumerate(rows) if tuple(row) == texts.REPORT_HEADER), None)
    if header is None:
        return {}
    found: dict[str, list[tuple[str, str]]] = {}
    for sheet, _, heading, text in rows[header + 1:]:
        if sheet and heading:
            found.setdefault(sheet, []).append((_KEY.get(heading, heading), text or ""))
    return {sheet: tuple(pairs) for sheet, pairs in found.items()}
