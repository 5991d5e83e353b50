"""Cold start to a shown main window on the demo workspace, as a ratio to a bare PySide6 window.

Run by hand:  /work/venv/bin/python benchmarks/bench_startup.py [runs]
Each run is a fresh interpreter (QT_QPA_PLATFORM=offscreen) that creates the application, opens
the default workspace in a temporary PERFDESK_DATA_DIR, shows the window and processes events
until it is exposed, then prints the seconds since the process was launched. The bare run does
the same with an empty QMainWindow. Target: perfdesk / bare <= 1.5.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7

CHILD = r'''
import sys, time
launched = float(sys.argv[2])
from PySide6.QtCore import QEventLoop
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 860)
else:
    from perfdesk.ui.app import make_application, open_workspace
    from perfdesk.io.demo import default_workspace
    app = make_application(sys.argv[:1])
    ws = open_workspace(default_workspace())
    from perfdesk.ui.main_window import MainWindow
    window = MainWindow(ws)
window.show()
before_events = time.time() - launched
while window.windowHandle() is None or not window.windowHandle().isExposed():
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
shown = time.time() - launched
app.processEvents()  # what is queued behind the first exposure (the chart's pyqtgraph import)
settled = time.time() - launched
print(f"{shown:.4f} {settled:.4f} {before_events:.4f}")
'''


def run(kind: str, env: dict) -> tuple[float, float, float]:
    launched = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, kind, repr(launched)], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_DATA_DIR=data)
        first = run("perfdesk", env)  # first launch also writes the demo workspace
        results = {"bare": [], "perfdesk": []}
        for _ in range(runs):
            for kind in results:  # interleaved, so both see the same machine load
                results[kind].append(run(kind, env))
    bare = statistics.median(r[0] for r in results["bare"])
    app = statistics.median(r[0] for r in results["perfdesk"])
    app_settled = statistics.median(r[1] for r in results["perfdesk"])
    print(f"first launch (creates the demo workspace): {first[0]:.3f} s")
    print(f"bare PySide6 QMainWindow shown:   median {bare:.3f} s over {runs} runs")
    print(f"perfdesk main window shown:       median {app:.3f} s over {runs} runs")
    print(f"ratio: {app / bare:.2f}x (target <= 1.5x)")
    constructed = statistics.median(r[2] for r in results["perfdesk"])
    print(f"  of which: window built and show() called at {constructed:.3f} s; the rest is the first "
          f"event processing before the window is exposed (queued 0 ms timers run first)")
    print(f"perfdesk with queued events done (pyqtgraph loaded): median {app_settled:.3f} s "
          f"({app_settled / bare:.2f}x bare)")


if __name__ == "__main__":
    main()
