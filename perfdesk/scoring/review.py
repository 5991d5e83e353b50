"""The reviewer's 复核得分 beside the 自评得分: the reviewed total and where the two differ.

A reviewer records a 复核得分 (points) per indicator. The reviewed evaluation scores every
indicator the reviewer scored at that figure and every other one as the unit scored it; its
total goes through the same rules (fund score, cap, rounding, grade) as the self-evaluation.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from perfdesk.scoring.engine import IndicatorResult, ScoredEvaluation, score_evaluation
from perfdesk.scoring.evaluation import Evaluation, Indicator
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme


@dataclass(frozen=True)
class ReviewDifference:
    path: tuple[str, ...]  # 一级 / 二级 / 三级 names
    weight: Decimal | None  # 分值, points
    self_score: Decimal | None  # 自评得分, points
    review_score: Decimal  # 复核得分, points
    difference: Decimal  # 复核 − 自评, points


def _reviewed_node(node: Indicator) -> Indicator:
    if node.children:
        return replace(node, children=tuple(_reviewed_node(c) for c in node.children))
    if node.review_score is None:
        return node
    return replace(node, manual_score=node.review_score, manual_reason="复核得分")


def reviewed(ev: Evaluation) -> Evaluation:
    """The evaluation as the reviewer scored it (indicators without a 复核得分 keep the unit's score)."""
    return replace(ev, indicators=tuple(_reviewed_node(n) for n in ev.indicators))


def has_review(ev: Evaluation) -> bool:
    return any(leaf.review_score is not None for leaf in ev.leaves())


def review_total(ev: Evaluation, scheme: ScoringScheme = DEFAULT_SCHEME) -> ScoredEvaluation | None:
    """The reviewed scoring, or None when the reviewer scored nothing yet."""
    return score_evaluation(reviewed(ev), scheme) if has_review(ev) else None


def total_difference(scored: ScoredEvaluation, reviewed: ScoredEvaluation | None) -> Decimal | None:
    """复核总分 − 自评总分 (points); None unless the reviewer scored and both totals exist."""
    if reviewed is None or reviewed.total is None or scored.total is None:
        return None
    return reviewed.total - scored.total


def difference(result: IndicatorResult) -> Decimal | None:
    """复核得分 − 自评得分 of one indicator (points; no 自评得分 counts as 0); None without a 复核得分."""
    review = result.indicator.review_score
    return None if review is None else review - (result.score or Decimal(0))


def differences(ev: Evaluation, scored: ScoredEvaluation, threshold: Decimal = Decimal(0)) -> list[ReviewDifference]:
    """Indicators whose 复核得分 differs from the 自评得分 by more than `threshold` points."""
    found = []
    for result in scored.indicators:
        gap = difference(result)
        if gap is not None and abs(gap) > threshold:
            found.append(ReviewDifference(result.path, result.weight, result.score, result.indicator.review_score, gap))
    return found
