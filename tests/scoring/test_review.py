"""The reviewer's 复核得分 beside the 自评得分: one place computes each difference."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.review import difference, differences, review_total, total_difference
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.scoring.scoring_fixtures import load


def _reviewed(ev, scores: dict[int, Decimal]):
    """`ev` with 复核得分 given to its leaves by position."""
    leaves = list(ev.leaves())

    def walk(node):
        if node.children:
            return replace(node, children=tuple(walk(c) for c in node.children))
        index = leaves.index(node)
        return replace(node, review_score=scores[index]) if index in scores else node
    return replace(ev, indicators=tuple(walk(n) for n in ev.indicators))


def test_differences_of_indicators_and_of_the_total():
    ev = load("002_01")
    first, second = score_evaluation(ev, DEFAULT_SCHEME).indicators[:2]
    ev = _reviewed(ev, {0: first.score - Decimal("0.5"), 1: second.score - 2})
    scored = score_evaluation(ev, DEFAULT_SCHEME)
    assert [difference(r) for r in scored.indicators[:3]] == [Decimal("-0.5"), Decimal(-2), None]
    assert [d.difference for d in differences(ev, scored, Decimal(1))] == [Decimal(-2)]
    assert total_difference(scored, review_total(ev, DEFAULT_SCHEME)) == Decimal("-2.5")


def test_no_total_difference_without_a_review_or_a_total():
    ev = load("002_01")
    scored = score_evaluation(ev, DEFAULT_SCHEME)
    assert review_total(ev, DEFAULT_SCHEME) is None and total_difference(scored, None) is None
    unscored = replace(scored, total=None)
    assert total_difference(unscored, scored) is None and total_difference(scored, unscored) is None
