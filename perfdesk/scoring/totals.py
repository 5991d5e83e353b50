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
    indicator_id: int | None = None  # the group's own row, when the snapshot came from a workspace


def declared_weight(label: str) -> Decimal | None:
    match = _DECLARED.search(normalize(label))
    return Decimal(match.group(1)) if match else None


def group_name(label: str) -> str:
    """A 一级/二级 label without its declared weight and blanks: "效益指标（30分）" -> "效益指标".
    Two labels with the same name are the same group (pasted rows merge into it)."""
    return _DECLARED.sub("", normalize(label)).replace(" ", "")


def group_totals(roots, results) -> tuple[GroupTotal, ...]:
    """Sums per 一级 and per 二级 node that has scored leaves below it, in tree order.

    `results` are the scored leaves in the order `engine.leaf_paths` walks them (placeholders
    skipped); each group row is one total, even when two groups share a name.
    """
    leaves = iter(results)
    found: list[GroupTotal | None] = []  # a slot per group in preorder, filled after its subtree

    def walk(node, path: tuple[str, ...]) -> tuple[Decimal, Decimal, int]:
        if not node.children:
            if node.is_placeholder:
                return ZERO, ZERO, 0
            r = next(leaves)
            return r.weight or ZERO, r.score or ZERO, 1
        slot = len(found)
        found.append(None)
        weight = score = ZERO
        count = 0
        for child in node.children:
            w, s, n = walk(child, path + (child.name,))
            weight, score, count = weight + w, score + s, count + n
        if count and len(path) <= 2:
            declared = declared_weight(path[0]) if len(path) == 1 else None
            found[slot] = GroupTotal(path, weight, score, declared, node.id)
        return weight, score, count

    for root in roots:
        walk(root, (root.name,))
    return tuple(g for g in found if g is not None)


def indicator_sum(results) -> Decimal:
    return sum((r.score or ZERO for r in results), ZERO)


def rate_cap(rate: Decimal | None, scheme: ScoringScheme) -> Decimal | None:
    """The lowest cap whose rate bound the execution rate falls below; None when no cap applies."""
    if rate is None:
        return None
    caps = [cap for bound, cap in scheme.total_cap if rate < bound]
    return min(caps) if caps else None
