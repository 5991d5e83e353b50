"""Decimal helpers shared by the scoring modules: rounding, tolerance, display."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from perfdesk.scoring.evaluation import Cell, cell_number

CENT = Decimal("0.01")
TOLERANCE = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)
ONE = Decimal(1)

# How many 万元 one unit of each money unit tables use is worth (汇总表 adds tables of mixed units).
WAN_PER_UNIT = {"元": Decimal("0.0001"), "千元": Decimal("0.1"), "万元": ONE, "亿元": Decimal(10000)}


def in_wan(value: Decimal | None, unit: str | None) -> Decimal | None:
    """An amount in 万元, whatever unit its table printed (an unknown unit is taken as 万元)."""
    return None if value is None else value * WAN_PER_UNIT.get(unit, ONE)


_PRINTED_NUMBER = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*%?\s*")


def round2(value: Decimal) -> Decimal:
    """Round ROUND_HALF_UP to 2 places, as the official forms do. Exact for a value of any
    size: the working precision grows with it (a rate of 10^26 % must not raise)."""
    digits = max(value.adjusted(), 0) + 3 if value.is_finite() else 0
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=Context(prec=max(28, digits)))


def differs(a: Decimal, b: Decimal) -> bool:
    """Printed and computed figures disagree beyond the 0.01 tolerance."""
    return abs(a - b) > TOLERANCE


def show(value: Decimal | None) -> str:
    """A Decimal as plain text without exponent or trailing zeros ("12", "4.74", "0.5")."""
    if value is None:
        return "—"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def number(value: Cell) -> Decimal | None:
    """The number in a cell; printed text such as "99.87%" or "72.26" counts too."""
    found = cell_number(value)
    if found is not None or not isinstance(value, str):
        return found
    return printed_number(value)


def printed_number(text: str | None) -> Decimal | None:
    """A printed percentage or plain number cell ("99.87%", "0.00") as a Decimal."""
    match = _PRINTED_NUMBER.fullmatch(text or "")
    if not match:
        return None
    try:
        return Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None
