"""Parameters read from a department-form row's own 评分标准 text.

Only the deduction-per-point kinds are read ("每低1%扣除权重分的5%", "每低1个百分点扣0.5分",
"每超出1%扣除权重分的5%"); ratio rules ("按实际值/目标值×权重") are the default rules anyway, and
rows whose standard cannot be read keep their typed score.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from perfdesk.scoring.targets import normalize

_STEP = r"每(?:低|少|降低|超出|超过|超)\s*(?P<step>[0-9]+(?:\.[0-9]+)?)\s*(?:%|个百分点|个点)"
_OF_WEIGHT = re.compile(_STEP + r"\s*扣(?:除|减)?\s*(?:权重分?|分值)的?\s*(?P<amount>[0-9]+(?:\.[0-9]+)?)\s*%")
_POINTS = re.compile(_STEP + r"\s*扣(?:除|减)?\s*(?P<amount>[0-9]+(?:\.[0-9]+)?)\s*分")


@dataclass(frozen=True)
class Deduction:
    """Deduct `amount` per `step` points of shortfall: % of the weight, or points."""

    step: Decimal
    amount: Decimal
    of_weight: bool


@lru_cache(maxsize=1024)
def read_deduction(standard: str | None) -> Deduction | None:
    text = normalize(standard or "")
    for pattern, of_weight in ((_OF_WEIGHT, True), (_POINTS, False)):
        match = pattern.search(text)
        if match and Decimal(match["step"]) > 0:
            return Deduction(Decimal(match["step"]), Decimal(match["amount"]), of_weight)
    return None
