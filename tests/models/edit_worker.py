"""An editor in its own process, for the concurrency and crash tests (run as a script).

    edit_worker.py URL count EVALUATION_ID SECONDS   set a leaf's actual to 1, 2, 3, … and insert an
                                                     indicator every 5th edit, for SECONDS (after a
                                                     lost connection: until 10 more edits)
    edit_worker.py URL increment EVALUATION_ID N AT  add 1 to a counter N times, read-modify-write,
                                                     reloading after every refused edit, starting at
                                                     the time AT (time.time()), so editors overlap
    edit_worker.py URL serve                         read commands from stdin: "load ID" (remembers
                                                     the evaluation's first leaf), "set VALUE" (sets it)

Every edit the workspace acknowledged is printed (and flushed) as one JSON line *after* apply
returned, so the parent knows exactly which edits were acknowledged when it kills this process.
"""
from __future__ import annotations

import json
import sys
import time

from perfdesk.models import Workspace
from perfdesk.models.commands import InsertIndicators, SetField
from perfdesk.models.errors import EditConflict, ServerUnavailable
from perfdesk.scoring.evaluation import Indicator


def say(**values) -> None:
    print(json.dumps(values, ensure_ascii=False), flush=True)


def leaf_of(ws, evaluation_id):
    return next(ws.evaluation(evaluation_id).leaves())


AFTER_LOSS = 10  # edits acknowledged after a lost connection before a worker stops
LOSS_PATIENCE = 120  # seconds after the loss to make them in, however slow the machine


def count(ws, evaluation_id: int, seconds: float, tag: str) -> None:
    """Edits for `seconds`; once a connection was lost, until AFTER_LOSS more were acknowledged
    instead (counted from the loss, not from the start, so a slow restart of the server cannot
    end the run before editing carried on after the reconnection)."""
    leaf = leaf_of(ws, evaluation_id)
    parent = ws.evaluation(evaluation_id).indicators[0].children[0].id
    deadline = time.monotonic() + seconds
    n = since_loss = 0
    lost = False
    while (since_loss < AFTER_LOSS if lost else True) and time.monotonic() < deadline:
        n += 1
        try:
            if n % 5 == 0:
                ws.apply(InsertIndicators(evaluation_id, parent, 0, (Indicator(name=f"{tag}-{n}", level=3),)))
            else:
                ws.apply(SetField("indicator", leaf.id, "actual", str(n)))
        except ServerUnavailable as exc:  # the server went away: this edit is not acknowledged
            say(lost=n, error=str(exc))
            lost, since_loss = True, 0
            reload(ws, evaluation_id)
            deadline = time.monotonic() + LOSS_PATIENCE
            continue
        since_loss += 1
        say(ack=n)


def increment(ws, evaluation_id: int, times: int, start_at: float) -> None:
    time.sleep(max(0.0, start_at - time.time()))
    done = refused = 0
    while done < times:
        leaf = leaf_of(ws, evaluation_id)  # read ...
        try:
            ws.apply(SetField("indicator", leaf.id, "actual", str(int(leaf.actual) + 1)))  # ... modify, write
        except EditConflict as exc:
            refused += 1
            if refused == 1:
                say(message=str(exc))
            continue
        done += 1
        say(ack=done)
    say(done=done, refused=refused)


def reload(ws, evaluation_id: int) -> None:
    """Read the evaluation again once the server answers (its outcome decides what we saw)."""
    while True:
        try:
            ws.evaluation(evaluation_id)
            return
        except ServerUnavailable:
            time.sleep(0.2)


def serve(ws) -> None:
    leaf = None
    for line in sys.stdin:
        verb, *args = line.split()
        try:
            if verb == "load":
                ev = ws.evaluation(int(args[0]))
                leaf = next(ev.leaves())
                say(actual=leaf.actual, version=ev.version)
            elif verb == "set":
                ws.apply(SetField("indicator", leaf.id, "actual", args[0]))
                say(ack=args[0])
        except EditConflict as exc:
            say(refused=str(exc))


def main() -> None:
    url, mode, *rest = sys.argv[1:]
    while True:
        try:
            ws = Workspace.open(url)
            break
        except ServerUnavailable:
            time.sleep(0.2)
    with ws:
        if mode == "count":
            count(ws, int(rest[0]), float(rest[1]), rest[2] if len(rest) > 2 else "w")
        elif mode == "increment":
            increment(ws, int(rest[0]), int(rest[1]), float(rest[2]))
        else:
            serve(ws)


if __name__ == "__main__":
    main()
