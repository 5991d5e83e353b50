"""A shared workspace on PostgreSQL: many officers editing at once, and loading a big workspace.

Run by hand:  .venv/bin/python benchmarks/bench_server.py [--officers 50] [--seconds 60]
              [--think 0.5] [--evaluations 2000] [--loads 5]

Starts a throwaway PostgreSQL cluster on this machine (tests/pgcluster.py, fsync on, as a
server would run), fills a workspace with `--evaluations` evaluations (the published fixture
tables, cycled), then:
- times opening it and loading every evaluation (`Workspace.open` + `evaluations()`) in a fresh
  process, the median of `--loads` runs; target < 1 s for 2,000 evaluations;
- starts `--officers` processes, each with its own connection and its own evaluation, each
  editing an indicator's 实际完成值 for `--seconds` with a random pause averaging `--think`
  seconds between edits (0: as fast as it can), and prints the throughput and the p50/p95 of an
  edit's latency as the officer's program sees it (`Workspace.apply`, from call to return, the
  version check, the audit event and the commit included); target p95 < 50 ms.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfdesk.io.files import read_tables  # noqa: E402
from perfdesk.models import Workspace  # noqa: E402
from perfdesk.models.commands import CreateEvaluation, SetField  # noqa: E402
from tests.pgcluster import Cluster  # noqa: E402

FIXTURES = sorted((ROOT / "tests" / "data" / "fixtures").glob("*.json"))


def fill(url: str, count: int) -> None:
    tables = [t for path in FIXTURES for t in read_tables(path)]
    with Workspace.create(url) as ws:
        for start in range(0, count, 100):
            batch = [tables[i % len(tables)] for i in range(start, min(count, start + 100))]
            ws.apply_all([CreateEvaluation(t) for t in batch], "导入评价表")


def load(url: str, results) -> None:
    started = time.perf_counter()
    with Workspace.open(url) as ws:
        ws.evaluations()
    results.put(time.perf_counter() - started)


def officer(url: str, evaluation_id: int, seconds: float, think: float, seed: int, results) -> None:
    rng = random.Random(seed)
    latencies = []
    with Workspace.open(url) as ws:
        leaf = next(ws.evaluation(evaluation_id).leaves())
        end = time.monotonic() + seconds
        n = 0
        while time.monotonic() < end:
            n += 1
            started = time.perf_counter()
            ws.apply(SetField("indicator", leaf.id, "actual", f"{n}次"))
            latencies.append(time.perf_counter() - started)
            if think:
                time.sleep(rng.uniform(0, 2 * think))
    results.put(latencies)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--officers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=0.5)
    parser.add_argument("--evaluations", type=int, default=2000)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()

    cluster = Cluster(fsync=True).start()
    try:
        url = cluster.create_database("bench")
        started = time.perf_counter()
        fill(url, args.evaluations)
        print(f"filled {args.evaluations} evaluations in {time.perf_counter() - started:.1f} s")
        cluster.sql("VACUUM ANALYZE", database="bench")  # as autovacuum would have, on a server in use
        cluster.sql("CHECKPOINT")
        queue = multiprocessing.Queue()  # each load in a fresh process, as an officer's program starts
        loads = []
        for _ in range(args.loads):
            loader = multiprocessing.Process(target=load, args=(url, queue))
            loader.start()
            loads.append(queue.get())
            loader.join()
        with Workspace.open(url) as ws:
            evaluations = ws.evaluations()
        leaves = sum(1 for e in evaluations for _ in e.leaves())
        print(f"load {len(evaluations)} evaluations ({leaves} indicators): median {statistics.median(loads) * 1000:.0f} ms "
              f"(min {min(loads) * 1000:.0f}, max {max(loads) * 1000:.0f}; target < 1000 ms)")

        ids = [e.id for e in evaluations[:args.officers]]
        results = multiprocessing.Queue()
        workers = [multiprocessing.Process(target=officer, args=(url, i, args.seconds, args.think, n, results))
                   for n, i in enumerate(ids)]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        latencies = [x for _ in workers for x in results.get()]
        elapsed = time.perf_counter() - started
        for worker in workers:
            worker.join()
        print(f"{len(workers)} officers, {args.seconds:.0f} s, think {args.think} s: {len(latencies)} edits, "
              f"{len(latencies) / args.seconds:.1f} edits/s; latency p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
              f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms "
              f"(target p95 < 50 ms; wall {elapsed:.0f} s)")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
