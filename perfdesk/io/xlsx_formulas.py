"""The Excel formulas of an exported workbook, mirroring the scoring engine's rules (GUIDE.md §3).

Arguments are cell references ("D7"), ranges, or numbers formatted here; fixed words come from
this package's constants. Nothing here takes user text: a formula never carries it. Every
formula tolerates blank and text cells as the engine does (no number -> no score).
"""
from __future__ import annotations

from decimal import Decimal

from perfdesk.io.grid.numfmt import plain
from perfdesk.scoring.scheme import ScoringScheme

_NO_CAP = "1E+99"
# The score of a row as a fraction of its weight, per rule, from A (actual) and T (target) as
# the engine reads them (see scoring.rules).
_FRACTIONS = {
    "higher_is_better": "IF({a}>={t},1,IF({t}>0,MAX(0,{a}/{t}),0))",
    "lower_is_better": "IF({a}<={t},1,IF({t}>0,{t}/{a},0))",
    "lower_is_better_linear": "IF({a}<={t},1,IF({t}>0,MAX(0,1-({a}-{t})/{t}),0))",
    "zero_target": "IF({a}<=0,1,0)",
}
LIVE_RULES = frozenset(_FRACTIONS)


def number(value: Decimal) -> str:
    """A number as a formula literal (plain digits, at most 17 significant)."""
    if value == value.to_integral_value():
        return plain(value.quantize(Decimal(1)))
    return plain(Decimal(format(value, ".17g")))


def _scaled(cell: str, factor: Decimal) -> str:
    return f"N({cell})" if factor == 1 else f"(N({cell})*{number(factor)})"


def _no_rate(annual: str, executed: str) -> str:
    return f"OR(N({annual})=0,NOT(ISNUMBER({executed})))"


def rate(annual: str, executed: str) -> str:
    """执行率 in percent, 2 places; blank without a budget or an executed amount."""
    return f'=IF({_no_rate(annual, executed)},"",ROUND({executed}/{annual}*100,2))'


def fund_score(annual: str, executed: str, weight: str, scheme: ScoringScheme) -> str:
    ratio = f"{executed}/{annual}"
    if scheme.fund_rule == "steps":
        score = "0"
        for bound, earned in reversed(scheme.fund_steps):
            score = f"IF({ratio}*100>={number(bound)},ROUND(N({weight})*{number(earned)}/100,2),{score})"
    else:
        score = f"ROUND(N({weight})*MIN({ratio},1),2)"
    return f'=IF({_no_rate(annual, executed)},"",{score})'


def ratio_score(rule: str, actual: str, target: str, weight: str, actual_factor: Decimal,
                target_factor: Decimal) -> str:
    """A ratio rule on number cells: the weight when met, in proportion when not, 0 without an actual."""
    fraction = _FRACTIONS[rule].format(a=_scaled(actual, actual_factor), t=_scaled(target, target_factor))
    return f"=IF(ISNUMBER({actual}),ROUND(N({weight})*{fraction},2),0)"


def fixed_score(weight: str, fraction: Decimal) -> str:
    """A score whose fraction of the weight perfdesk decided (a qualitative tier, a range…)."""
    return f"=ROUND(N({weight})*{number(fraction)},2)"


def subtotal(cells: str) -> str:
    return f"=SUM({cells})"


def total_score(fund: str | None, scores: str, rate_cell: str | None, scheme: ScoringScheme) -> str:
    total = f"ROUND({f'N({fund})+' if fund else ''}SUM({scores}),2)"
    if not scheme.total_cap or rate_cell is None:
        return f"={total}"
    caps = ",".join(
        f'IF({rate_cell}="",{_NO_CAP},IF({rate_cell}<{number(bound)},{number(cap)},{_NO_CAP}))'
        for bound, cap in scheme.total_cap
    )
    return f"=MIN({total},{caps})"


def total_weight(weights: str, fund_weight: str | None) -> str:
    return f"=SUM({weights}){f'+{fund_weight}' if fund_weight else ''}"


def grade(total: str, bounds: str, names: str, lowest: str) -> str:
    """The band of the total from the grade table on the rules sheet (bounds ascending)."""
    return f'=IF({total}="","",IFERROR(LOOKUP({total},{bounds},{names}),{lowest}))'


def link(cell: str, factor: Decimal | None = None) -> str:
    """A cell of another sheet (already qualified), optionally scaled (元 -> 万元)."""
    return f"={cell}" if factor is None or factor == 1 else f"={cell}*{number(factor)}"


def average(cells: str) -> str:
    return f'=IF(COUNT({cells})=0,"",ROUND(AVERAGE({cells}),2))'


def grade_counts(grades: str, names: list[str], unit: str, join: str) -> str:
    """"优3个、良1个…" from the grade cells and the band names (cells on the rules sheet)."""
    parts = [f'{name}&COUNTIF({grades},{name})&"{unit}"' for name in names]
    return "=" + f'&"{join}"&'.join(parts)
