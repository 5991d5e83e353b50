"""SIGKILL at random moments of a long run of edits never loses a reported commit or corrupts the file."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from helpers import read_fixture_tables
from perfdesk.models import Workspace

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL test: Linux only")

ITERATIONS = 25
PREFIX = "崩溃测试-"

# The child edits until it is killed. After each ws.apply returns it prints the edit's number.
# Odd numbers set the leaf's actual value to "v<N>"; even numbers insert a leaf named PREFIX<N>
# at the top of a group (shifting its siblings); every fifth also moves a leaf (a delete + insert).
CHILD = textwrap.dedent("""
    import sys
    from perfdesk.models import Workspace
    from perfdesk.models.commands import InsertIndicators, MoveIndicator, SetField
    from perfdesk.scoring.evaluation import Indicator

    path, leaf_id, group_id, mover_id, other_group_id, start = sys.argv[1:7]
    leaf_id, group_id, mover_id, other_group_id, start = map(int, (leaf_id, group_id, mover_id, other_group_id, start))
    ws = Workspace.open(path)
    evaluation_id = ws.evaluations()[0].id
    print("ready", flush=True)
    n = start
    while True:
        n += 1
        if n % 2:
            ws.apply(SetField("indicator", leaf_id, "actual", f"v{n}"))
        else:
            ws.apply(InsertIndicators(evaluation_id, group_id, 0, (Indicator(name=f"PREFIX{n}", level=3, target=str(n)),)))
        if n % 5 == 0:
            target = other_group_id if (n // 5) % 2 else group_id
            ws.apply(MoveIndicator(mover_id, target, 0))
        sys.stdout.write(f"{n}\\n")
        sys.stdout.flush()
""").replace("PREFIX", PREFIX)


def _check(path, last_reported: int, total_reported: set[int]):
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {row[0] for row in connection.execute("SELECT name FROM indicator WHERE name LIKE ?", (PREFIX + "%",))}
        inserted = {int(name[len(PREFIX):]) for name in names}
        return inserted, connection
    except BaseException:
        connection.close()
        raise


def test_sigkill_during_edits_keeps_every_reported_commit(tmp_path):
    path = tmp_path / "crash.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_01"))
        ev = ws.evaluations()[0]
    group = ev.indicators[0].children[0]
    other_group = ev.indicators[1].children[0]
    leaf = group.children[0]
    mover = ev.indicators[2].children[0].children[0]
    assert len({leaf.id, mover.id}) == 2

    rng = random.Random(int(os.environ.get("PERFDESK_CRASH_SEED", "0")) or None)
    reported: set[int] = set()
    last = 0
    deadline = time.monotonic() + 60
    for iteration in range(ITERATIONS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(leaf.id), str(group.id), str(mover.id),
             str(other_group.id), str(last)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, bufsize=0)
        try:
            first = child.stdout.readline()
            assert first == b"ready\n", (first, child.stderr.read() if child.poll() is not None else b"")
            time.sleep(rng.uniform(0.0, 0.35))
            os.kill(child.pid, signal.SIGKILL)
            out, err = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL, err.decode("utf-8", "replace")
        numbers = [int(line) for line in out.decode().split("\n")[:-1]]  # only complete lines
        assert numbers == list(range(last + 1, last + 1 + len(numbers)))
        reported.update(numbers)
        last = max(reported | {last})  # never back: the previous run may have committed past its reports

        inserted, connection = _check(path, last, reported)
        try:
            # every reported insert is there; nothing beyond the one edit that may have committed unreported
            assert {n for n in reported if n % 2 == 0} <= inserted, iteration
            assert all(n <= last + 1 for n in inserted), (iteration, last, sorted(inserted - reported), numbers)
            actual = connection.execute("SELECT actual FROM indicator WHERE id = ?", (leaf.id,)).fetchone()[0]
            last_odd = max((n for n in reported if n % 2), default=None)
            if last_odd is None:
                assert actual == leaf.actual
            else:
                assert actual.startswith("v") and last_odd <= int(actual[1:]) <= last + 1, (actual, last)
            # positions under the group stay a permutation 0..n-1 (a half-done shift would break it)
            for parent in (group.id, other_group.id):
                positions = sorted(r[0] for r in connection.execute(
                    "SELECT position FROM indicator WHERE parent_id = ?", (parent,)))
                assert positions == list(range(len(positions))), (iteration, parent)
            # a move is a delete and an insert in one transaction: the leaf is always somewhere
            assert connection.execute("SELECT count(*) FROM indicator WHERE id = ?", (mover.id,)).fetchone()[0] == 1
            # one audit event per committed edit (the import's first), each move its own edit
            events = connection.execute("SELECT count(*) FROM audit_event").fetchone()[0]
            assert events >= 1 + len(reported) + sum(1 for n in reported if n % 5 == 0)
            assert events <= 1 + (last + 1) + (last + 1) // 5
        finally:
            connection.close()
        # the next edit run starts where the last committed one ended (the unreported one included)
        last = max(inserted | ({int(actual[1:])} if actual and actual.startswith("v") else set()) | {last})
        assert time.monotonic() < deadline, f"too slow: {iteration + 1} iterations"

    print(f"{len(reported)} edits reported over {ITERATIONS} kills; last={last}")
    assert len(reported) > ITERATIONS, "the children hardly edited anything"
    # the workspace opens normally (the killed editors left no lock behind) and loads
    with Workspace.open(path) as ws:
        (ev_after,) = ws.evaluations()
        assert sum(1 for x in ev_after.leaves() if x.name.startswith(PREFIX)) == len(inserted)
