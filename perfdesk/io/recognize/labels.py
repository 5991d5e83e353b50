"""Label normalisation and lookup: which field a printed label means, in which block.

    key("全年（调整）预算数(A)：") == "全年预算数"
    FUND_COLUMNS[key("全年执行数(B)")] == "executed"
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from perfdesk.io.recognize import vocabulary as V

_SPACE = re.compile(r"\s+")
_WIDTH = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")", "[": "(", "]": ")"})
UNIT = re.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?(万元|元|千元|亿元)\s*[)）]")
UNIT_LINE = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元|千元|亿元)")
WEIGHT = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*年")
BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
YEAR_LINE = re.compile(r"^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?")


def fold(text: str) -> str:
    """Full-width letters, digits and signs to ASCII, U+3000/NBSP to spaces (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def key(text: str) -> str:
    folded = _SPACE.sub("", fold(text)).translate(_WIDTH)
    return _without_brackets(folded).rstrip(":").lstrip(":")


def _without_brackets(text: str) -> str:
    """`text` without its bracketed parts, nested ones included ("a(b(c))d" -> "ad"); a bracket
    without its pair stays. One pass: a cell of 16,000 nested brackets costs no more than its length."""
    out: list[str] = []
    opened: list[int] = []  # where each open bracket sits in `out`
    for ch in text:
        if ch == "(":
            opened.append(len(out))
        elif ch == ")" and opened:
            del out[opened.pop():]
            continue
        out.append(ch)
    return "".join(out)


def unit_in(text: str) -> str | None:
    """A money unit inside a label ("项目资金（万元）") or a line ("单位：万元")."""
    match = UNIT.search(text) or UNIT_LINE.search(text)
    return match.group(1) if match else None


def inline(text: str) -> tuple[str, str] | None:
    """(label key, value) of a cell written "自评等级：优" / "项目名称：…" — a known label, a colon and
    its value in one cell; None for anything else."""
    label, colon, value = fold(text).partition(":")
    if not colon or not value.strip() or len(label) > MAX_LABEL_CHARS or (found := key(label)) not in ALL_LABELS:
        return None
    return found, value.strip()


def one_line(text: str) -> str:
    """A short label or name typed over several lines in its cell ("基础信息\n完整性") as one line."""
    return "".join(line.strip() for line in text.splitlines())


def is_prompt(text: str | None) -> bool:
    """A template's instruction left in the cell ("…（200字以内）"), not what the office wrote."""
    return bool(text) and TEMPLATE_PROMPT.search(fold(text).strip()) is not None


def weight_in(text: str) -> Decimal | None:
    """A weight inside a label ("预算执行情况（万元）（20分）" -> 20)."""
    match = WEIGHT.search(fold(text))
    return Decimal(match.group(1)) if match else None


def _table(entries: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {key(label): field for field, labels in entries.items() for label in labels}


def _set(labels) -> frozenset[str]:
    return frozenset(key(label) for label in labels)


HEADER_FIELDS = _table(V.HEADER)
HEADER_IGNORED = _set(V.HEADER_IGNORED)
PROJECT_ANCHORS = _set(V.PROJECT_ANCHORS)
DEPARTMENT_ANCHORS = _set(V.DEPARTMENT_ANCHORS)
EVALUATED_UNIT = _set(V.HEADER["both"])  # opens a department-wide table as 项目名称 opens a project's
FUND_SECTION = _set(V.FUND_SECTION)
MANAGEMENT_SECTION = _set(V.MANAGEMENT_SECTION)
INDICATOR_SECTION = _set(V.INDICATOR_SECTION)
TOTAL_ROW = _set(V.TOTAL_ROW)
GRADE_ROW = _set(V.GRADE_ROW)
REMARKS_ROW = _set(V.REMARKS_ROW)
OTHER_ROWS = _set(V.OTHER_ROWS)
REPORT_ROWS = _table(V.REPORT_ROWS)
FUND_COLUMNS = _table(V.FUND)
FUND_IGNORED = _set(V.FUND_IGNORED)
FUND_TOTAL_ROW = _set(V.FUND_TOTAL_ROW)
GOAL_FIELDS = _table(V.GOAL)
MANAGEMENT_COLUMNS = _table(V.MANAGEMENT)
INDICATOR_COLUMNS = _table(V.INDICATOR)
INDICATOR_IGNORED = _set(V.INDICATOR_IGNORED)
NOT_AN_OPERATOR = _set(V.NOT_AN_OPERATOR)
DIRECTION_WORDS = {key(word): direction for word, direction in V.DIRECTION_WORDS.items()}
INLINE_BUDGET = key(V.INLINE_BUDGET)
INLINE_EXECUTED = key(V.INLINE_EXECUTED)
NOT_A_TITLE = tuple(re.compile(p) for p in V.NOT_A_TITLE)
PLACEHOLDER_NAME = re.compile(V.PLACEHOLDER_NAME)
NAME_PREFIX = re.compile(V.NAME_PREFIX)
SIGNATURE_START = re.compile("^(" + "|".join(map(re.escape, V.SIGNATURE)) + ")")
SIGNATURE_AFTER_DATA = re.compile("^(" + "|".join(map(re.escape, V.SIGNATURE_AFTER_DATA)) + r")\s*([:：]|$)")
TEMPLATE_PROMPT = re.compile(V.TEMPLATE_PROMPT)
MAX_LABEL_CHARS = 40  # longer cells are never labels (units and weights inside included)
# Every label of any block: a cell holding one is a label, not a value.
ALL_LABELS = (frozenset(HEADER_FIELDS) | HEADER_IGNORED | FUND_SECTION | MANAGEMENT_SECTION | INDICATOR_SECTION
              | TOTAL_ROW | GRADE_ROW | OTHER_ROWS | frozenset(REPORT_ROWS) | frozenset(FUND_COLUMNS) | FUND_IGNORED
              | frozenset(GOAL_FIELDS)
              | frozenset(MANAGEMENT_COLUMNS) | frozenset(INDICATOR_COLUMNS) | INDICATOR_IGNORED)

