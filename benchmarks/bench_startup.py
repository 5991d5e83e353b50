"""Cold start to a shown main window on the demo workspace, as a ratio to a bare PySide6 window.

Run by hand:  .venv/bin/python benchmarks/bench_startup.py [runs]
Each run is a fresh interpreter (QT_QPA_PLATFORM=offscreen) that starts perfdesk the way
`perfdesk` does (perfdesk.ui.app.start: the application, the window shown, the default workspace
in a temporary PERFDESK_DATA_DIR opened once the window is on screen), processes events until the
window is exposed, then until the workspace is open and shown in it. The bare run shows an empty
QMainWindow. Target: perfdesk shown / bare shown <= 1.5. The time until the demo table is on
screen is printed too.
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
from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 860)
    window.show()
else:
    from perfdesk.ui.app import start
    window = start(None)
    app = QApplication.instance()
before_events = time.time() - launched
exposed = []


class Exposure(QObject):
    # The moment the window system shows the window (it is painted right then), whatever the
    # event loop does after it in the same pass.
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and obj.isExposed() and not exposed:
            exposed.append(time.time() - launched)
        return False


watch = Exposure()
window.windowHandle().installEventFilter(watch)
while not exposed:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
while sys.argv[1] != "bare" and (window.evaluation is None or not window.editor.isVisible()):
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
loaded = time.time() - launched
print(f"{exposed[0]:.4f} {loaded:.4f} {before_events:.4f}")
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
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program runs from compiled bytecode
        first = run("perfdesk", env)  # first launch also writes the demo workspace
        results = {"bare": [], "perfdesk": []}
        for _ in range(runs):
            for kind in results:  # interleaved, so both see the same machine load
                results[kind].append(run(kind, env))
    bare = statistics.median(r[0] for r in results["bare"])
    app = statistics.median(r[0] for r in results["perfdesk"])
    app_settled = statistics.median(r[1] for r in results["perfdesk"])  # the table on screen
    print(f"first launch (writes the bytecode caches; the demo workspace is created once the window shows): "
          f"{first[0]:.3f} s")
    print(f"bare PySide6 QMainWindow shown:   median {bare:.3f} s over {runs} runs")
    print(f"perfdesk main window shown:       median {app:.3f} s over {runs} runs")
    print(f"ratio: {app / bare:.2f}x (target <= 1.5x)")
    constructed = statistics.median(r[2] for r in results["perfdesk"])
    print(f"  of which: window built and show() called at {constructed:.3f} s")
    print(f"perfdesk with the demo table on screen (workspace opened, scored): median {app_settled:.3f} s "
          f"({app_settled / bare:.2f}x bare)")


if __name__ == "__main__":
    main()
