"""SIGKILL at random moments while a program edits, takes backups and restores them.

After every kill: the workspace and every backup pass the full checks, the workspace holds the
state of the last acknowledged operation (or of the one that was under way), the newest
acknowledged backup holds what it was taken from, and once the workspace has been opened again
(the next start) no temporary file is left anywhere.
"""
from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from helpers import read_fixture_tables
from perfdesk.models import Workspace, backups, integrity
from perfdesk.models.atomic import TEMP_SUFFIX
from perfdesk.models.commands import InsertIndicators, SetField
from perfdesk.scoring.evaluation import Indicator

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and SIGKILL: Linux")


def _child(path: Path, leaf_id: int, group_id: int, start: int, seed: int, out: int) -> None:
    """Runs in the forked process until killed: announce an operation, do it, acknowledge it."""
    rng = random.Random(seed)

    def say(line: str) -> None:
        os.write(out, (line + "\n").encode())

    ws = Workspace.open(path)
    evaluation_id = ws.evaluations()[0].id
    say("ready")
    n = start
    while True:
        n += 1
        roll = rng.random()
        if roll < 0.55:
            say(f"doing edit e{n}")
            ws.apply(SetField("indicator", leaf_id, "actual", f"e{n}"))
            if n % 7 == 0:  # the file grows, so backups and restores take longer
                ws.apply(InsertIndicators(evaluation_id, group_id, 0, (Indicator(name=f"行{n}", target="1" * 200),)))
            say(f"done edit e{n}")
        elif roll < 0.8 or not ws.backups():
            say("doing backup")
            taken = ws.take_backup()
            say(f"done backup {taken.name}")
        else:
            chosen = rng.choice(ws.backups()[:5]).path
            say("doing backup")  # as the window does: the state before a restore is kept first
            say(f"done backup {ws.take_backup().name}")
            say(f"doing restore {chosen.name}")
            ws.restore_backup(chosen)
            say(f"done restore {chosen.name}")


def _run_until_killed(path, leaf_id, group_id, start, seed, delay) -> list[str]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(read_end)
        try:
            _child(path, leaf_id, group_id, start, seed, write_end)
        finally:
            os._exit(3)
    os.close(write_end)
    received = b""
    try:
        deadline = time.monotonic() + 30
        while b"ready\n" not in received and time.monotonic() < deadline:
            if select.select([read_end], [], [], 0.5)[0]:
                chunk = os.read(read_end, 65536)
                if not chunk:
                    break
                received += chunk
        assert b"ready\n" in received, received
        time.sleep(delay)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        received += chunk
    os.close(read_end)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the child ended by itself: {received}"
    return [line for line in received.decode().split("\n")[:-1] if line != "ready"]  # complete lines only


def _actual(path: Path, leaf_id: int) -> str:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)  # through its log
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        integrity.check(connection, thorough=True)
        return connection.execute("SELECT actual FROM indicator WHERE id = ?", (leaf_id,)).fetchone()[0]
    finally:
        connection.close()


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((TEMP_SUFFIX, ".part", "-journal"))]


def _crash_loop(tmp_path, kills: int, seed: int) -> dict:
    path = tmp_path / "崩溃" / "w.perfdesk"
    path.parent.mkdir()
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_01", "001_05", "004_02"))
        ev = ws.evaluations()[0]
    group = ev.indicators[0].children[0]
    leaf = group.children[0]
    rng = random.Random(seed)
    state = leaf.actual  # what the last acknowledged operation left
    backup_states: dict[str, str] = {}  # backup name -> the actual it holds
    counter, stats = 0, {"edit": 0, "backup": 0, "restore": 0, "killed during": {}, "temporaries left by the kill": 0}
    for kill in range(kills):
        lines = _run_until_killed(path, leaf.id, group.id, counter, rng.randrange(1 << 30), rng.uniform(0.0, 0.25))
        in_flight = None
        for line in lines:
            stage, kind, *rest = line.split(" ", 2)
            name = rest[0] if rest else None
            if stage == "doing":
                in_flight = (kind, name)
                continue
            in_flight = None
            stats[kind] += 1
            if kind == "edit":
                state = name
                counter = max(counter, int(name[1:]))
            elif kind == "backup":
                backup_states[name] = state
            else:
                state = backup_states[name]
        if in_flight:
            stats["killed during"][in_flight[0]] = stats["killed during"].get(in_flight[0], 0) + 1
        possible = {state}
        if in_flight and in_flight[0] == "edit":
            possible.add(in_flight[1])
            counter = max(counter, int(in_flight[1][1:]))
        if in_flight and in_flight[0] == "restore":
            possible.add(backup_states[in_flight[1]])
        found = _actual(path, leaf.id)
        assert found in possible, (kill, found, possible, lines, backup_states)
        state = found
        # every backup under a real name is whole; the newest acknowledged one holds its state
        for backup in backups.backups(path):
            held = _actual(backup.path, leaf.id)
            if backup.path.name in backup_states:
                assert held == backup_states[backup.path.name], backup.path.name
            else:
                backup_states[backup.path.name] = held  # taken by the operation under way
        # the next start: opening for editing cleans what the killed program left
        stats["temporaries left by the kill"] += len(_temporaries(path.parent))
        Workspace.open(path).close()
        assert _temporaries(path.parent) == [], (kill, _temporaries(path.parent))
    return stats


def test_kills_during_edits_backups_and_restores_lose_nothing_acknowledged(tmp_path):
    stats = _crash_loop(tmp_path, kills=20, seed=int(os.environ.get("PERFDESK_CRASH_SEED", "7")))
    assert stats["edit"] and stats["backup"] and stats["restore"], stats


@pytest.mark.slow
def test_two_hundred_and_fifty_kills_during_edits_backups_and_restores(tmp_path):
    stats = _crash_loop(tmp_path, kills=250, seed=int(os.environ.get("PERFDESK_CRASH_SEED", "11")))
    print(stats)
    assert sum(stats["killed during"].values()) >= 150, stats  # most kills landed inside an operation
    assert all(stats["killed during"].get(k, 0) >= 10 for k in ("edit", "backup", "restore")), stats
    assert stats["temporaries left by the kill"] >= 1, stats  # kills inside a write, cleaned at the next start
