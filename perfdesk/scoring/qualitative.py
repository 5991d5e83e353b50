"""The three tiers of a qualitative indicator, inferred from the words of its actual value."""
from __future__ import annotations

import re
from functools import lru_cache

from perfdesk.scoring.targets import normalize, strip_operator

ACHIEVED, PARTIAL, MISSED = "achieved", "partial", "missed"

# Checked in this order: the first table whose pattern occurs in the actual decides.
# "未发现违规" / "没有出现" report a good outcome, so they are not negative words.
_WORD_TIERS = (
    (MISSED, re.compile(r"未(?!发现|出现|发生)|没有(?!发现|出现|发生)|无法|不达标|滞后")),
    (PARTIAL, re.compile(r"部分|基本")),
    (ACHIEVED, re.compile(r"完成|达成|达到|及时|相符|确保")),
)


@lru_cache(maxsize=4096)
def infer_tier(target_text: str, actual_text: str) -> tuple[str, str]:
    """(tier, how): how is "same" (actual repeats the target), "words" or "default"."""
    actual = normalize(actual_text)
    if actual and actual == strip_operator(target_text):
        return ACHIEVED, "same"
    for tier, pattern in _WORD_TIERS:
        if pattern.search(actual):
            return tier, "words"
    return ACHIEVED, "default"
