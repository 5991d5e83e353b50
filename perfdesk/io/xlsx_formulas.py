"""The live Excel formulas of an exported sheet, mirroring the scoring scheme's rules.

Arguments are cell references ("D7") or ranges; every formula tolerates blank and text cells.
"""
from __future__ import annotations

from perfdesk.io.grid.numfmt import plain
from perfdesk.scoring.scheme import ScoringScheme

_NO_CAP = "1E+99"


def rate(annual: str, executed: str) -> str:
    """执行率 in percent, 2 places; blank without a budget."""
    return f'=IF(N({annual})=0,"",ROUND(N({executed})/N({annual})*100,2))'


def fund_score(annual: str, executed: str, weight: str, scheme: ScoringScheme) -> str:
    ratio = f"N({executed})/N({annual})"
    if scheme.fund_rule == "steps":
        score = "0"
        for bound, earned in reversed(scheme.fund_steps):
            score = f"IF({ratio}*100>={plain(bound)},ROUND({weight}*{plain(earned)}/100,2),{score})"
    else:
        score = f"ROUND({weight}*MIN({ratio},1),2)"
    return f'=IF(N({annual})=0,"",{score})'


def total_score(fund: str | None, scores: str, rate_cell: str | None, scheme: ScoringScheme) -> str:
    total = f"ROUND({f'N({fund})+' if fund else ''}SUM({scores}),2)"
    if not scheme.total_cap or rate_cell is None:
        return f"={total}"
    caps = ",".join(
        f'IF({rate_cell}="",{_NO_CAP},IF({rate_cell}<{plain(bound)},{plain(cap)},{_NO_CAP}))'
        for bound, cap in scheme.total_cap
    )
    return f"=MIN({total},{caps})"


def total_weight(weights: str, fund_weight: str | None) -> str:
    return f"=SUM({weights}){f'+{fund_weight}' if fund_weight else ''}"


def grade(total: str, scheme: ScoringScheme) -> str:
    bands = scheme.grade_bands
    choice = f'"{bands[-1][1]}"'
    for bound, name in reversed(bands[:-1]):
        choice = f'IF({total}>={plain(bound)},"{name}",{choice})'
    return f'=IF({total}="","",{choice})'

