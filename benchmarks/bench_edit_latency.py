"""Time from an edited 实际完成值 to the updated total label, on a 60-indicator evaluation.

Run by hand:  .venv/bin/python benchmarks/bench_edit_latency.py [edits]
The evaluation is bench_scoring's: 004_01's header and funds with the leaves of every scored
fixture table, cycled to 60, with the printed scores cleared so that the rule scores every leaf. It is loaded in a shown MainWindow (QT_QPA_PLATFORM=offscreen);
each edit is `model.setData` on a leaf's 实际完成值 cell, and the clock stops when the call
returns, by which time the whole synchronous path has run and the total label has its new text.
Target: median < 16 ms (one frame). A breakdown shows where the time goes.
"""
from __future__ import annotations

import functools
import os
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

EDITS = 200
WARMUP = 10

# PySide6 6.12.0 on Python 3.11: SignalInstance.emit() returns True, and void methods (setText,
# endResetModel, ...) return None, without taking a reference, so each such call drops one reference
# to True or None and the interpreter aborts ("bool_dealloc" / "none_dealloc") after a few thousand
# (see tests/ui/test_flows.py::test_edits_do_not_drop_references_to_true_or_none). The benchmark
# measures latency, not that bug: it holds spare references so it can run to the end, and reports
# how many each edit loses.
_SPARE_REFERENCES = [True, None] * 2_000_000


class Clock:
    """Accumulates the time spent inside wrapped callables, per edit."""

    def __init__(self):
        self.spent = defaultdict(float)
        self.depth = 0

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            if self.depth:  # count only the outermost wrapped call
                return original(*args, **kwargs)
            self.depth += 1
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[label] += time.perf_counter() - start
                self.depth -= 1
        setattr(owner, name, timed)


def unprinted(ev):
    """Without the imported tables' printed scores, which would win over the rule (engine.recorded_score),
    so that an edited actual changes the total as it does on a table typed in by the user."""
    from dataclasses import replace

    def clear(node):
        return replace(node, score_printed=None, children=tuple(clear(c) for c in node.children))
    return replace(ev, indicators=tuple(clear(n) for n in ev.indicators))


def main() -> None:
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else EDITS
    tmp = tempfile.TemporaryDirectory()
    os.environ["PERFDESK_DATA_DIR"] = tmp.name
    from PySide6.QtCore import QModelIndex
    from bench_scoring import fixture_evaluations, sixty_indicator_evaluation
    from perfdesk.models import Workspace
    from perfdesk.ui.app import make_application
    from perfdesk.ui.indicator_model import COLUMNS
    from perfdesk.ui.main_window import MainWindow

    app = make_application()
    big = unprinted(sixty_indicator_evaluation(fixture_evaluations()))
    ws = Workspace.create(Path(tmp.name) / "bench.perfdesk")
    ws.import_evaluations([big])
    window = MainWindow(ws)
    window.resize(1400, 860)
    window.show()
    for _ in range(20):
        app.processEvents()
    model = window.editor.indicators.model
    actual_column = [key for key, _label in COLUMNS].index("actual")

    leaves, percent = [], []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            node = model.indicator(index)
            if model.rowCount(index) == 0 and node.level == 3:
                leaves.append(node.id)
                if re.fullmatch(r"[≥>=]*\s*\d+(\.\d+)?%", (node.target or "").strip()):
                    percent.append(node.id)  # "≥90%" and the like: 40% vs 100% changes the score
            walk(index)
    walk(QModelIndex())
    assert len(leaves) == 60, len(leaves)
    assert len(percent) >= 5, percent

    clock = Clock()
    document = window.document
    clock.wrap(ws, "apply_all", "apply + commit (workspace.apply_all)")
    clock.wrap(ws, "evaluation_ids", "list evaluation ids")
    clock.wrap(ws, "evaluation", "reload snapshot (workspace.evaluation)")
    clock.wrap(document, "scored", "score (document.scored, twice: panel + navigator)")
    clock.wrap(window.editor, "show_evaluation", "refresh editor (tree, forms, fund tables)")
    clock.wrap(window.score_panel, "show_result", "refresh score panel (labels, chart, findings)")
    clock.wrap(window.navigator, "update_evaluation", "refresh navigator row")
    clock.wrap(document.undo_stack, "push", "undo stack push")

    totals, breakdowns, checks = [], [], 0
    true_refs, none_refs = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(WARMUP + edits):
        leaf_id = percent[n % len(percent)]
        index = model.index_of(leaf_id, actual_column)
        new = "40%" if model.data(index) != "40%" else "100%"
        label_before = window.score_panel.total.text()
        clock.spent.clear()
        start = time.perf_counter()
        changed = model.setData(index, new)
        elapsed = time.perf_counter() - start
        assert changed, (leaf_id, new)
        assert model.data(model.index_of(leaf_id, actual_column)) == new
        checks += window.score_panel.total.text() != label_before
        if n >= WARMUP:
            totals.append(elapsed)
            breakdowns.append(dict(clock.spent))
        app.processEvents()  # let the views repaint between edits, as they would between keystrokes

    lost = (true_refs - sys.getrefcount(True)) / (WARMUP + edits)
    lost_none = (none_refs - sys.getrefcount(None)) / (WARMUP + edits)
    median = statistics.median(totals) * 1000
    print(f"60-indicator evaluation, {edits} edits of 实际完成值 on {len(percent)} percentage indicators "
          f"(the total label changed on {checks} of {WARMUP + edits})")
    print(f"setData -> total label updated: median {median:.2f} ms, "
          f"p90 {statistics.quantiles(totals, n=10)[-1] * 1000:.2f} ms, max {max(totals) * 1000:.2f} ms "
          f"(target < 16 ms)")
    print("breakdown (median per edit):")
    labels = sorted({k for b in breakdowns for k in b}, key=lambda k: -statistics.median(b.get(k, 0) for b in breakdowns))
    accounted = 0.0
    for label in labels:
        value = statistics.median(b.get(label, 0.0) for b in breakdowns) * 1000
        accounted += value
        print(f"  {value:7.2f} ms  {label}")
    print(f"  {max(median - accounted, 0):7.2f} ms  other (model/command set-up, signal dispatch)")
    if lost > 0 or lost_none > 0:
        print(f"references lost per edit: True {lost:.1f}, None {lost_none:.1f} "
              f"(PySide6 {__import__('PySide6').__version__} reference bug; unpadded, this process had "
              f"{true_refs} references to True and {none_refs} to None to lose)")
    window.close()
    tmp.cleanup()
    sys.stdout.flush()
    os._exit(0)  # no interpreter teardown: with PySide6 6.12.0 it would free True/None (see above)


if __name__ == "__main__":
    main()
