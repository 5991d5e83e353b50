"""How figures print: money with thousands separators, rates with two decimals, scores as scored."""
from __future__ import annotations

from decimal import Decimal

from perfdesk.scoring.evaluation import Cell
from perfdesk.scoring.numbers import round2, show


def money(value: Cell) -> str:
    """4,878,000 / 389,545,477.10 / 8.65; text cells ("—") as printed; blank as blank."""
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        return value
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,.2f}" if value.as_tuple().exponent >= -2 else f"{value:,f}"


def wan(value: Decimal | None) -> str:
    """An amount in 万元 as the 汇总表 and the report print it: 2 places, 四舍五入, separators."""
    return "" if value is None else f"{round2(value):,.2f}"


def rate(value: Decimal | None) -> str:
    return "" if value is None else f"{round2(value):.2f}%"


def score(value: Decimal | None) -> str:
    return "" if value is None else show(round2(value))


