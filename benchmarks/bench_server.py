"""A shared workspace on PostgreSQL: many officers editing at once, and loading a big workspace.

Run by hand:  .venv/bin/python benchmarks/bench_server.py [--officers 50] [--seconds 60]
              [--think 5 2 0.5 0] [--evaluations 2000] [--loads 5] [--admin]

Starts a throwaway PostgreSQL cluster on this machine (tests/pgcluster.py, fsync on, as a
server would run), fills a workspace with `--evaluations` evaluations (the published fixture
tables, cycled) spread over as many units as there are officers, then:
- times opening it and loading every evaluation (`Workspace.open` + `evaluations()`) in a fresh
  process as the administrator, the median of `--loads` runs; target < 1 s for 2,000;
- for each pace in `--think`, starts `--officers` processes. Each logs in as its own 填报 role
  (row-level security on, as in an office; `--admin`: all as the owner, security bypassed) and
  behaves as the window does (ui/main_window.py, ui/live_updates.py): it edits an indicator's
  实际完成值 in one evaluation of its unit, pausing a random time averaging `think` seconds
  between edits (0: as fast as it can), re-reads the edited evaluation after each edit, and
  polls `changes()` every second, reloading its unit's evaluations when others changed them.
  Prints the throughput and the p50/p95 of an edit's latency as the officer's program sees it
  (`Workspace.apply`, from call to return: the version check, the audit event and the commit
  included; target p95 < 50 ms), of the edit with the re-read that shows it, and the machine's
  load average. The 50 officer programs run here too, on the server's CPUs: on an office
  network each runs on its own PC.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
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
from perfdesk.models.server_admin import grant  # noqa: E402
from tests.pgcluster import Cluster  # noqa: E402

FIXTURES = sorted((ROOT / "tests" / "data" / "fixtures").glob("*.json"))
POLL = 1.0  # seconds, as ui/live_updates.INTERVAL_MS
PASSWORD = "bench-password"


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


def officer(url: str, password: str | None, evaluation_id: int, seconds: float, think: float, seed: int,
            results) -> None:
    rng = random.Random(seed)
    edits, shown = [], []
    polls = reloads = 0
    with Workspace.open(url, password=password) as ws:
        ws.evaluations()  # the navigator, as the window opens
        ws.changes()  # the baseline of the live updates
        leaf = next(ws.evaluation(evaluation_id).leaves())
        now = time.monotonic()
        end, next_edit, next_poll = now + seconds, now + rng.uniform(0, 2 * think), now + rng.uniform(0, POLL)
        n = 0
        while (now := time.monotonic()) < end:
            if next_poll <= next_edit:
                time.sleep(max(0.0, next_poll - now))
                polls += 1
                if ws.changes() != set():  # others' edits: the window reloads its list
                    reloads += 1
                    ws.evaluations()
                    ws.evaluation(evaluation_id)
                next_poll += POLL
                continue
            time.sleep(max(0.0, next_edit - now))
            n += 1
            started = time.perf_counter()
            ws.apply(SetField("indicator", leaf.id, "actual", f"{n}次"))
            edits.append(time.perf_counter() - started)
            ws.evaluation_ids()  # the window shows the edit: MainWindow._changed
            ws.evaluation(evaluation_id)
            shown.append(time.perf_counter() - started)
            next_edit = time.monotonic() + rng.uniform(0, 2 * think)
    results.put((edits, shown, polls, reloads))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def ms(values, fraction):
    return f"{percentile(values, fraction) * 1000:.1f}"


def officers(cluster: Cluster, database: str, evaluations, args) -> None:
    """One evaluation per officer, in the officer's own unit (its role logs in, unless --admin)."""
    units = {ev.unit for ev in evaluations}
    chosen = [next(ev for ev in evaluations if ev.unit == unit) for unit in sorted(units)][:args.officers]
    admin_url = cluster.url(database)
    for think in args.think:
        results = multiprocessing.Queue()
        workers = []
        for n, ev in enumerate(chosen):
            role = f"officer{n:02d}"
            url, password = (admin_url, None) if args.admin else (cluster.url(database, role), PASSWORD)
            workers.append(multiprocessing.Process(target=officer, args=(url, password, ev.id, args.seconds, think, n,
                                                                         results)))
        load_before = os.getloadavg()[0]
        cpu_before = os.times()
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        edits, shown, polls, reloads = [], [], 0, 0
        for _ in workers:
            e, s, p, r = results.get()
            edits += e
            shown += s
            polls += p
            reloads += r
        elapsed = time.perf_counter() - started
        for worker in workers:
            worker.join()
        cpu = os.times()
        children = (cpu.children_user + cpu.children_system) - (cpu_before.children_user + cpu_before.children_system)
        print(f"{len(workers)} officers{' (as owner)' if args.admin else ''}, {args.seconds:.0f} s, think {think} s: "
              f"{len(edits)} edits, {len(edits) / args.seconds:.1f} edits/s, {polls / args.seconds:.0f} polls/s, "
              f"{reloads} reloads\n"
              f"  edit    p50 {ms(edits, 0.5)} ms, p95 {ms(edits, 0.95)} ms, max {ms(edits, 1)} ms (target p95 < 50 ms)\n"
              f"  shown   p50 {ms(shown, 0.5)} ms, p95 {ms(shown, 0.95)} ms (edit + re-read of the evaluation)\n"
              f"  machine load {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; officer programs' CPU "
              f"{children / elapsed * 100:.0f}% of one core (wall {elapsed:.0f} s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--officers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, nargs="+", default=[5.0, 2.0, 0.5, 0.0],
                        help="average pauses between an officer's edits, in seconds, one run each")
    parser.add_argument("--evaluations", type=int, default=2000)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--admin", action="store_true", help="officers log in as the owner (no row-level security)")
    args = parser.parse_args()

    cluster = Cluster(fsync=True).start()
    try:
        url = cluster.create_database("bench")
        started = time.perf_counter()
        fill(url, args.evaluations)
        units = max(1, args.officers)
        cluster.sql(f"UPDATE evaluation SET unit = 'unit' || lpad((id % {units})::text, 2, '0')", database="bench")
        for n in range(units):
            grant(url, f"officer{n:02d}", units=[f"unit{n:02d}"], new_password=PASSWORD)
        print(f"filled {args.evaluations} evaluations in {units} units in {time.perf_counter() - started:.1f} s",
              flush=True)
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
              f"(min {min(loads) * 1000:.0f}, max {max(loads) * 1000:.0f}; target < 1000 ms)", flush=True)
        officers(cluster, "bench", evaluations, args)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
