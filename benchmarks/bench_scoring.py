"""Median time to rescore one 60-indicator evaluation and a 200-evaluation workspace.

Run by hand:  .venv/bin/python benchmarks/bench_scoring.py
Targets: < 2 ms and < 100 ms. The evaluations are built from the published fixture tables.
"""
from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfdesk.io import exchange  # noqa: E402
from perfdesk.scoring import criteria, qualitative, targets  # noqa: E402
from perfdesk.scoring.engine import leaf_paths, score_evaluation, score_leaf  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "fixtures"
RUNS = 51


def fixture_evaluations():
    return [exchange.loads(p.read_text(encoding="utf-8"))[0] for p in sorted(FIXTURES.glob("*.json"))]


def sixty_indicator_evaluation(evaluations):
    """004_01's header and fund block with the leaves of every scored table, cycled to 60."""
    scored = [ev for ev in evaluations if ev.scored]
    rows = [(path[0], path[1], leaf) for ev in scored for path, leaf in leaf_paths(ev)]
    base = next(ev for ev in scored if ev.project == "医疗保障管理事务")
    chosen = list(islice(cycle(rows), 60))
    return replace(base, indicators=exchange.group_leaves([(l1, l2, leaf) for l1, l2, leaf in chosen]))


def clear_caches():
    caches = (score_leaf, targets.parse_target, targets.read_actual, criteria.read_deduction, qualitative.infer_tier)
    for function in caches:
        function.cache_clear()


def median_ms(action, cold: bool) -> float:
    times = []
    for _ in range(RUNS):
        if cold:
            clear_caches()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    evaluations = fixture_evaluations()
    big = sixty_indicator_evaluation(evaluations)
    workspace = list(islice(cycle(evaluations + [big]), 200))
    assert sum(1 for _ in big.leaves()) == 60

    def one():
        score_evaluation(big)

    def every():
        for ev in workspace:
            score_evaluation(ev)

    for label, action, target in (("one 60-indicator evaluation", one, 2), ("200-evaluation workspace", every, 100)):
        warm, cold = median_ms(action, cold=False), median_ms(action, cold=True)
        print(f"{label}: median {warm:.2f} ms (caches warm, as after an edit), {cold:.2f} ms (caches cleared); "
              f"target < {target} ms")


if __name__ == "__main__":
    main()
