"""A typed quantity ("≥95%", "34次", "4,878,000") as a number cell whose format shows the words.

The exporter writes a target or actual that is exactly one number with words around it as that
number plus a number format that prints the words ('"≥"0%', '0"次"'), so a formula can compute
with it and Excel/WPS still shows the text as typed. The reader shows such a cell as the same
text (grid.numfmt); a cell is offered only when it does. A percent is stored as a fraction (0.95),
so that typing "96%" in Excel keeps working.

    q = quantity_of("≥95%", read)   # Quantity(value=Decimal("0.95"), num_format='"≥"0%', factor=100)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from perfdesk.io.grid.numfmt import number_cell
from perfdesk.scoring.targets import Target

HUNDRED = Decimal(100)
GENERAL = "General"
# One number with words (no digits) on either side; words that a number format cannot quote
# safely, or that are long, keep the cell as text.
_SHAPE = re.compile(r"(?P<pre>[^0-9]*?)(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?P<post>[^0-9]*)")
_UNQUOTABLE = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029\ud800-\udfff\ufffe\uffff]')
MAX_WORDS = 40
MAX_DIGITS = 15  # a float holds this many significant digits exactly


@dataclass(frozen=True)
class Quantity:
    value: Decimal  # what the cell stores
    num_format: str
    factor: Decimal  # cell value × factor = the value the scoring engine reads from the text


def quantity_of(text: str | None, read: Target | None) -> Quantity | None:
    """The cell for `text`, or None when it must stay text (prose, ranges, several numbers…).

    `read` is the scoring engine's reading of the same text; the cell is offered only when
    the engine read exactly this number, so a formula on the cell computes what perfdesk does.
    """
    if not text or read is None or not read.quantitative or read.upper is not None:
        return None
    match = _SHAPE.fullmatch(text)
    if not match or any(len(match[k]) > MAX_WORDS or _UNQUOTABLE.search(match[k]) for k in ("pre", "post")):
        return None
    digits = match["num"].replace(",", "")
    number = Decimal(digits)
    if len(digits.replace(".", "").lstrip("0")) > MAX_DIGITS or number != read.number:
        return None
    post = match["post"]
    percent = post.startswith("%")
    value, factor = (number / HUNDRED, HUNDRED) if percent else (number, read.scale)
    if value * factor != read.value:
        return None
    places = len(digits.partition(".")[2])
    body = ("#,##0" if "," in match["num"] else "0") + ("." + "0" * places if places else "") + ("%" if percent else "")
    num_format = _quoted(match["pre"]) + body + _quoted(post[1:] if percent else post)
    if num_format in ("0", "0." + "0" * places):
        num_format = GENERAL  # a bare number: General shows it as typed ("0.50" would not: it stays text)
    found = Quantity(value, num_format, factor)
    return found if number_cell(value, num_format).text == text else None  # e.g. "007" would show as "7"


def _quoted(words: str) -> str:
    return f'"{words}"' if words else ""
