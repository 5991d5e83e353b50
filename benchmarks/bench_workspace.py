"""Workspace benchmark (run by hand): import 200 evaluations of 40 indicators, then load them all.

    .venv/bin/python benchmarks/bench_workspace.py [--evaluations 200] [--indicators 40] [--repeat 7]

Prints the median of each step. Target: opening the workspace and loading every snapshot < 0.5 s.
"""
from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from perfdesk.io import exchange
from perfdesk.models import Workspace

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "data" / "fixtures" / "004_01_yibao_guanli_shiwu.json"
TARGET_SECONDS = 0.5


def build_tables(count: int, indicators: int) -> list[dict]:
    """`count` copies of 004_01, each with `indicators` leaf indicators (its own, repeated and renamed)."""
    base = json.loads(FIXTURE.read_text(encoding="utf-8"))
    rows = base["indicators"]
    tables = []
    for number in range(count):
        table = copy.deepcopy(base)
        table["project"] = f"{base['project']}（第 {number + 1} 号）"
        table["year"] = 2020 + number % 5
        extended = []
        for i in range(indicators):
            row = dict(rows[i % len(rows)])
            if i >= len(rows):
                row["name"] = f"{row['name']}（{i // len(rows) + 1}）"
            extended.append(row)
        # keep leaves of one group together, so the tree has the same groups as the original
        order = {(r["l1"], r["l2"]): k for k, r in enumerate(rows)}
        extended.sort(key=lambda r: order[(r["l1"], r["l2"])])
        table["indicators"] = extended
        tables.append(table)
    return tables


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=200)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    tables = build_tables(args.evaluations, args.indicators)
    text = json.dumps(tables, ensure_ascii=False)
    import_times, open_times, load_times, total_times, readonly_times = [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="perfdesk-bench-") as folder:
        for round_ in range(args.repeat):
            path = Path(folder) / f"bench{round_}.perfdesk"
            parse_seconds, snapshots = timed(lambda: exchange.loads(text))
            with Workspace.create(path) as ws:
                seconds, ids = timed(lambda: ws.import_evaluations(snapshots))
            import_times.append(parse_seconds + seconds)
            assert len(ids) == args.evaluations

            start = time.perf_counter()
            ws = Workspace.open(path)
            opened = time.perf_counter()
            evaluations = ws.evaluations()
            loaded = time.perf_counter()
            ws.close()
            open_times.append(opened - start)
            load_times.append(loaded - opened)
            total_times.append(loaded - start)

            leaves = sum(1 for e in evaluations for _ in e.leaves())
            assert len(evaluations) == args.evaluations
            assert leaves == args.evaluations * args.indicators, leaves

            seconds, evaluations = timed(lambda: _load_readonly(path))
            readonly_times.append(seconds)

    rows = len(evaluations) * (1 + len(evaluations[0].funds)) + sum(
        _count_nodes(e.indicators) for e in evaluations)
    median = statistics.median
    print(f"{args.evaluations} evaluations x {args.indicators} leaf indicators "
          f"({rows} rows), {args.repeat} rounds, Python {sys.version.split()[0]}")
    print(f"  import (parse + one transaction) median {median(import_times):.3f} s")
    print(f"  open workspace                   median {median(open_times) * 1000:.1f} ms")
    print(f"  load all snapshots               median {median(load_times):.3f} s")
    print(f"  open + load all                  median {median(total_times):.3f} s  (target < {TARGET_SECONDS} s)")
    print(f"  open read-only + load all        median {median(readonly_times):.3f} s")
    ok = median(total_times) < TARGET_SECONDS
    print("  ->", "OK" if ok else "TOO SLOW")
    return 0 if ok else 1


def _load_readonly(path: Path):
    with Workspace.open(path, readonly=True) as ws:
        return ws.evaluations()


def _count_nodes(nodes) -> int:
    return sum(1 + _count_nodes(n.children) for n in nodes)


if __name__ == "__main__":
    sys.exit(main())
