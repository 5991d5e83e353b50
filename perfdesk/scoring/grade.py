"""Grade bands (优/良/中/差 by default)."""
from __future__ import annotations

from decimal import Decimal

from perfdesk.scoring.scheme import ScoringScheme


def grade_for(total: Decimal, scheme: ScoringScheme) -> str:
    """The first band whose lower bound the total reaches; the lowest band otherwise."""
    for bound, grade in scheme.grade_bands:
        if total >= bound:
            return grade
    return scheme.grade_bands[-1][1]


def same_grade(printed: str, computed: str) -> bool:
    """A printed grade matches its band also when written out ("优秀" for 优, "良好" for 良)."""
    printed = printed.strip()
    return bool(printed) and (computed in printed or printed in computed)
