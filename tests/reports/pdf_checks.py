"""Page rules checked on a PDF as printed: words (glyph boxes) and ruling lines read back."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

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
TABLE_HEADS = ((texts.LEVEL1, texts.LEVEL2, texts.LEVEL3), (texts.GOAL_TARGET, texts.GOAL_ACTUAL),
               (texts.TRANSFER_TARGET, texts.TRANSFER_ACTUAL), (texts.GOAL_TARGET, texts.GOAL_FORM_ACTUAL),
               (texts.STATUS, texts.ISSUES), (texts.SUMMARY_HEADERS[1], texts.SUMMARY_HEADERS[2]))


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Page:
    number: int
    text: str  # the characters in drawing order, whitespace removed
    words: list[dict]  # text, x0, x1, top, bottom (PDF points, y up), size: tight boxes of abutting characters
    verticals: list[tuple[float, float, float]]  # x, bottom, top of vertical rules
    horizontals: list[tuple[float, float, float]]  # y, x0, x1 of horizontal rules


def read(path: Path) -> list[Page]:
    """Every page's words and rules (pdfium: fast enough to read a hundred pages per test)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [_page(number, page) for number, page in enumerate(pdf, 1)]
    finally:
        pdf.close()


def _page(number: int, page) -> Page:
    textpage = page.get_textpage()
    chars = []
    for i in range(textpage.count_chars()):
        if raw.FPDFText_IsGenerated(textpage, i):
            continue
        ch = textpage.get_text_range(i, 1)
        if not ch or ch.isspace():
            chars.append(None)
            continue
        chars.append((ch, textpage.get_charbox(i, loose=True), textpage.get_charbox(i),
                      raw.FPDFText_GetFontSize(textpage, i)))
    verticals, horizontals = [], []
    for obj in page.get_objects():
        if obj.type == raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if right - left < 2.5 and top - bottom > 2.5:  # bounds include the stroke width
                verticals.append(((left + right) / 2, bottom, top))
            elif top - bottom < 2.5 and right - left > 2.5:
                horizontals.append(((top + bottom) / 2, left, right))
    text = "".join(c[0] for c in chars if c)
    return Page(number, text, _words(chars), verticals, horizontals)


def _words(chars: list) -> list[dict]:
    """Characters joined while they abut on one baseline (a justified line is spaced by less
    than half a character; neighbouring cells are their paddings, 6 pt, apart)."""
    words, current, last = [], None, None
    for c in chars:
        if c is None:
            current = None
            continue
        ch, loose, tight, size = c
        if current is not None and abs(loose[1] - last[1]) < 1 and -1 < loose[0] - last[2] < 0.45 * size:
            current["text"] += ch
            current["x0"], current["x1"] = min(current["x0"], tight[0]), max(current["x1"], tight[2])
            current["bottom"], current["top"] = min(current["bottom"], tight[1]), max(current["top"], tight[3])
            current["size"] = min(current["size"], size)
        else:
            current = {"text": ch, "x0": tight[0], "x1": tight[2], "bottom": tight[1], "top": tight[3], "size": size}
            words.append(current)
        last = loose
    return words


def crossing_words(page: Page) -> list[str]:
    """Words that a rule runs through: text outside its cell."""
    found = []
    for w in page.words:
        for x, bottom, top in page.verticals:
            if w["x0"] + 0.3 < x < w["x1"] - 0.3 and bottom < w["top"] - 0.3 and top > w["bottom"] + 0.3:
                found.append(w["text"])
        for y, x0, x1 in page.horizontals:
            if w["bottom"] + 0.3 < y < w["top"] - 0.3 and x0 < w["x1"] - 0.3 and x1 > w["x0"] + 0.3:
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
