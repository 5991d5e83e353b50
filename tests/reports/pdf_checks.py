"""Page rules checked on a PDF as printed: words and ruling lines read back with pdfplumber."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from perfdesk.reports import texts
from perfdesk.scoring.signature import SIGNATURE_ITEMS

# GB/T 15834 usage: what may not start or end a line (issue 13)
NO_START = set("。，、；：？！）」』")
NO_END = set("（「『")
FOOTER = re.compile(r"第\d+页共\d+页|校验码[0-9A-F]{8}|—\d+—")
HEADS = (texts.LEVEL1, texts.LEVEL2, texts.LEVEL3, texts.TARGET, texts.ACTUAL, texts.WEIGHT, texts.SCORE,
         texts.REASON, texts.TARGET_INITIAL, texts.TARGET_ADJUSTED, texts.TRANSFER_TARGET_VALUE,
         texts.TRANSFER_ACTUAL_VALUE, texts.TRANSFER_REASON, texts.GOAL_TARGET_VALUE, texts.GOAL_ACTUAL_VALUE,
         texts.DEPT_TARGET, texts.DEPT_WEIGHT, texts.DEPT_RULE, texts.DEPT_ACTUAL, texts.DEPT_SCORE,
         texts.INDICATORS, texts.GOAL_INDICATORS, texts.GOAL_TARGET, texts.GOAL_ACTUAL, texts.YEAR_GOAL,
         texts.TRANSFER_GOAL, texts.TRANSFER_TARGET, texts.TRANSFER_ACTUAL, texts.GOAL_FORM_GOAL,
         texts.GOAL_FORM_ACTUAL, texts.STATUS, texts.ISSUES, texts.FUND_MANAGEMENT, *texts.SUMMARY_HEADERS)
SIGNATURE = tuple(label for _, label in SIGNATURE_ITEMS)
# the head rows that say which table a continuation page continues
TABLE_HEADS = ((texts.LEVEL3,), (texts.GOAL_TARGET, texts.GOAL_ACTUAL),
               (texts.TRANSFER_TARGET, texts.TRANSFER_ACTUAL), (texts.GOAL_TARGET, texts.GOAL_FORM_ACTUAL),
               (texts.STATUS, texts.ISSUES), (texts.SUMMARY_HEADERS[1], texts.SUMMARY_HEADERS[2]))


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Page:
    number: int
    text: str  # whitespace removed
    words: list[dict]
    verticals: list[tuple[float, float, float]]  # x, top, bottom of vertical rules
    horizontals: list[tuple[float, float, float]]  # y, x0, x1 of horizontal rules


def read(path: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            # characters of one line abut (justified lines: spaced by less than half a character);
            # cells are at least their paddings (6 pt) apart
            words = page.extract_words(x_tolerance_ratio=0.45, y_tolerance=2, use_text_flow=True)
            verticals, horizontals = [], []
            for edge in page.edges:
                if abs(edge["x0"] - edge["x1"]) < 0.5:
                    verticals.append((edge["x0"], edge["top"], edge["bottom"]))
                elif abs(edge["top"] - edge["bottom"]) < 0.5:
                    horizontals.append((edge["top"], edge["x0"], edge["x1"]))
            text = flat(page.extract_text() or "")
            pages.append(Page(number, text, words, verticals, horizontals))
    return pages


def crossing_words(page: Page) -> list[str]:
    """Words that a cell border runs through (text outside its cell)."""
    found = []
    for w in page.words:
        for x, top, bottom in page.verticals:
            if w["x0"] + 0.5 < x < w["x1"] - 0.5 and top < w["bottom"] - 1 and bottom > w["top"] + 1:
                found.append(w["text"])
        for y, x0, x1 in page.horizontals:
            if w["top"] + 1 < y < w["bottom"] - 1 and x0 < w["x1"] - 0.5 and x1 > w["x0"] + 0.5:
                found.append(w["text"])
    return found


def forbidden_line_ends(page: Page) -> list[str]:
    """Words (lines of a cell, since Chinese has no spaces) that start or end against the 禁则."""
    return [w["text"] for w in page.words if w["text"][0] in NO_START or w["text"][-1] in NO_END]


def furniture_only(page: Page, extra: tuple[str, ...] = ()) -> bool:
    """True when the page holds nothing but footers, the （续） line, column headers, signature
    lines and notes — nothing of the table itself."""
    rest = FOOTER.sub("", page.text)
    rest = re.sub(r"[^（]*（续）", "", rest, count=1)
    rest = re.sub(r"注：.*", "", rest)
    for label in sorted((*HEADS, *SIGNATURE, texts.TOTAL, *extra), key=len, reverse=True):
        rest = rest.replace(flat(label), "")
    rest = re.sub(r"[：:\-—\s]", "", rest)
    return not rest


def continues_table(page: Page) -> bool:
    return any(all(flat(h) in page.text for h in heads) for heads in TABLE_HEADS)
