"""Roll-up: 二级 and 一级 sums, the total, and the optional cap of the total by execution rate."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from perfdesk.scoring.numbers import ZERO
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.targets import normalize

# "产出指标 (50)", "产出指标（50）", "产出指标(50分)" declare the 一级 weight.
_DECLARED = re.compile(r"\(\s*([0-9]+(?:\.[0-9]+)?)\s*分?\s*\)\s*$")


@dataclass(frozen=True)
class GroupTotal:
    path: tuple[str, ...]  # (一级,) or (一级, 二级)
    weight: Decimal  # Σ 分值 of the leaves below
    score: Decimal  # Σ effective scores of the leaves below
    declared: Decimal | None = None  # the weight written in a 一级 label


def declared_weight(label: str) -> Decimal | None:
    match = _DECLARED.search(normalize(label))
    return Decimal(match.group(1)) if match else None


def group_totals(results) -> tuple[GroupTotal, ...]:
    """Sums per 一级 and per 二级 path prefix, in the order the groups first appear."""
    sums: dict[tuple[str, ...], list[Decimal]] = {}
    for r in results:
        for depth in (1, 2):
            if len(r.path) > depth:
                acc = sums.setdefault(r.path[:depth], [ZERO, ZERO])
                acc[0] += r.weight or ZERO
                acc[1] += r.score or ZERO
    return tuple(
        GroupTotal(path, w, s, declared_weight(path[0]) if len(path) == 1 else None)
        for path, (w, s) in sums.items()
    )


def indicator_sum(results) -> Decimal:
    return sum((r.score or ZERO for r in results), ZERO)


def rate_cap(rate: Decimal | None, scheme: ScoringScheme) -> Decimal | None:
    """The lowest cap whose rate bound the execution rate falls below; None when no cap applies."""
    if rate is None:
        return None
    caps = [cap for bound, cap in scheme.total_cap if rate < bound]
    return min(caps) if caps else None
