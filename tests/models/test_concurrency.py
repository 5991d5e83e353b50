"""Several editors of one server workspace, each in its own process: refusals, never a lost
update; no lost or duplicated edit; a killed client and a restarted server lose no
acknowledged edit."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import has_chinese, read_fixture_tables
from perfdesk.models import Workspace
from perfdesk.models.commands import DeleteEvaluation, SetField

WORKER = Path(__file__).with_name("edit_worker.py")


def _worker(url, *args, stdin=False):
    return subprocess.Popen([sys.executable, str(WORKER), url, *map(str, args)], stdout=subprocess.PIPE,
                            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")


def _ask(process, line: str) -> dict:
    process.stdin.write(line + "\n")
    process.stdin.flush()
    return json.loads(process.stdout.readline())


def _lines(process) -> list[dict]:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return [json.loads(line) for line in out.splitlines()]


def _server_workspace(url, forms=("004_02",)) -> list[int]:
    with Workspace.create(url) as ws:
        ids = ws.import_evaluations(read_fixture_tables(*forms))
        for evaluation_id in ids:
            ws.apply(SetField("indicator", next(ws.evaluation(evaluation_id).leaves()).id, "actual", "0"))
        ws.set_setting("user_name", "部门")
    return ids


def test_second_editor_of_the_same_evaluation_is_refused_and_told_who_changed_what(empty_database):
    url = empty_database()
    [evaluation_id] = _server_workspace(url)
    first, second = _worker(url, "serve", stdin=True), _worker(url, "serve", stdin=True)
    try:
        assert _ask(first, f"load {evaluation_id}")["actual"] == "0"
        assert _ask(second, f"load {evaluation_id}")["actual"] == "0"
        assert _ask(first, "set 10") == {"ack": "10"}
        refused = _ask(second, "set 20")["refused"]  # made against the version before first's edit
        assert has_chinese(refused) and "postgres" in refused and "实际完成值" in refused and "0 → 10" in refused
        assert _ask(second, f"load {evaluation_id}")["actual"] == "10"  # the editor reloads ...
        assert _ask(second, "set 20") == {"ack": "20"}  # ... and may then edit
        assert "refused" in _ask(first, "set 30")
    finally:
        for process in (first, second):
            process.stdin.close()
            process.wait(timeout=30)
    with Workspace.open(url, readonly=True) as ws:
        assert next(ws.evaluation(evaluation_id).leaves()).actual == "20"
        assert [e.new for e in ws.audit_trail(evaluation_id)][-2:] == ["10", "20"]


def test_changes_tell_others_edits_and_not_the_workspaces_own(empty_database):
    """An open window polls changes(): its own edit was shown when made, so only others' edits
    (and deletions, even of what it edited itself) make it reload."""
    url = empty_database()
    first_id, second_id = _server_workspace(url, ("004_02", "004_05"))
    with Workspace.open(url) as mine, Workspace.open(url) as other:
        assert mine.changes() is None  # the baseline
        leaf = next(mine.evaluation(first_id).leaves())
        mine.apply(SetField("indicator", leaf.id, "actual", "1"))
        assert mine.changes() == set()
        other.evaluation(first_id)
        other.apply(SetField("indicator", leaf.id, "actual", "2"))
        mine.apply(SetField("evaluation", second_id, "project", "本人修改"))
        assert mine.changes() == {first_id}
        mine.evaluation(first_id)
        mine.apply(SetField("indicator", leaf.id, "actual", "3"))
        other.apply(DeleteEvaluation(second_id))
        assert mine.changes() == {second_id}


def test_two_processes_incrementing_one_counter_never_lose_an_update(empty_database):
    url = empty_database()
    [evaluation_id] = _server_workspace(url)
    times = 60
    start_at = time.time() + 3  # both started and connected by then, however slow the machine
    workers = [_worker(url, "increment", evaluation_id, times, start_at) for _ in range(2)]
    results = [_lines(w) for w in workers]
    refused = sum(r[-1]["refused"] for r in results)
    assert all(r[-1]["done"] == times for r in results)
    with Workspace.open(url, readonly=True) as ws:
        # every acknowledged read-modify-write counted: a lost update would leave fewer
        assert next(ws.evaluation(evaluation_id).leaves()).actual == str(2 * times)
    assert refused > 0, "the two editors never met: the test proved nothing"
    assert any("已被postgres" in line.get("message", "") for r in results for line in r)


def _check_counts(ws, evaluation_id: int, acked: list[int], tag: str) -> None:
    """Acknowledged edits are all there, in order, once each; nothing unacknowledged besides
    at most the edit in flight when the client died."""
    events = [e for e in ws.audit_trail(evaluation_id) if e.action in ("修改", "插入指标")]
    values = [int(e.new) if e.action == "修改" else int(e.new.rsplit("-", 1)[1]) for e in events][1:]  # after the 0
    assert values == sorted(values) and len(values) == len(set(values))  # in order, no duplicate
    assert set(acked) <= set(values)  # no acknowledged edit lost
    assert len(set(values) - set(acked)) <= 1
    names = [n.name for n in ws.evaluation(evaluation_id).leaves() if n.name.startswith(f"{tag}-")]
    assert sorted(int(n.rsplit("-", 1)[1]) for n in names) == [v for v in values if v % 5 == 0]


@pytest.mark.slow
def test_twenty_processes_editing_different_evaluations_lose_and_duplicate_nothing(empty_database):
    url = empty_database()
    ids = _server_workspace(url, forms=("004_02",) * 20)
    workers = [_worker(url, "count", evaluation_id, 30, f"p{i}") for i, evaluation_id in enumerate(ids)]
    results = [_lines(w) for w in workers]
    with Workspace.open(url, readonly=True) as ws:
        for i, (evaluation_id, lines) in enumerate(zip(ids, results)):
            acked = [line["ack"] for line in lines]
            assert len(acked) > 10, "each editor should have made many edits"
            assert not any("lost" in line for line in lines)
            _check_counts(ws, evaluation_id, acked, f"p{i}")
            last = max(a for a in acked if a % 5)
            assert next(n for n in ws.evaluation(evaluation_id).leaves() if not n.name.startswith("p")).actual \
                == str(last)
        ids_seen = [n.id for ev in ws.evaluations() for n in ev.leaves()]
        assert len(ids_seen) == len(set(ids_seen))


def _acks_until(process, count: int) -> list[int]:
    acked = []
    while len(acked) < count:
        text = process.stdout.readline()
        assert text, f"the editor stopped after {len(acked)} edits: {process.stderr.read()}"
        line = json.loads(text)
        if "ack" in line:
            acked.append(line["ack"])
    return acked


def test_a_killed_client_loses_no_acknowledged_edit(empty_database):
    url = empty_database()
    [evaluation_id] = _server_workspace(url)
    for _ in range(3):
        with Workspace.open(url) as ws:  # the tag continues after what earlier rounds wrote
            start = len(ws.audit_trail(evaluation_id))
        process = _worker(url, "count", evaluation_id, 60, f"k{start}")
        acked = _acks_until(process, 15 + start % 7)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        acked += [json.loads(line)["ack"] for line in process.stdout.read().splitlines() if "ack" in line]
        with Workspace.open(url) as ws:
            events = [e for e in ws.audit_trail(evaluation_id)][start:]
            done = [int(e.new) if e.action == "修改" else int(e.new.rsplit("-", 1)[1]) for e in events]
            assert set(acked) <= set(done) and len(done) - len(acked) <= 1


def test_a_server_restart_mid_edit_loses_no_acknowledged_edit(empty_database, pg_cluster):
    url = empty_database()
    [evaluation_id] = _server_workspace(url)
    # it edits until the restart has cut it off and it made 10 edits after reconnecting: how long
    # the machine takes for either decides nothing (the 300 s are a bound, not a pace)
    process = _worker(url, "count", evaluation_id, 300, "r")
    acked = _acks_until(process, 20)
    pg_cluster.restart("immediate")  # as a crash of the server would
    lines = _lines(process)
    acked += [line["ack"] for line in lines if "ack" in line]
    lost = [line for line in lines if "lost" in line]
    assert lost and all(has_chinese(line["error"]) for line in lost)
    assert max(acked) > max(line["lost"] for line in lost), "the client went on editing after reconnecting"
    with Workspace.open(url, readonly=True) as ws:
        _check_counts(ws, evaluation_id, acked, "r")
