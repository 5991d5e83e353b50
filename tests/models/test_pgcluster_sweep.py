"""The test server harness cleans up after a run that was killed before its teardown."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.pgcluster import OWNER, PREFIX, sweep_orphans


def test_clusters_of_exited_runs_are_removed_and_live_ones_kept(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan, live, unowned = (tmp_path / f"{PREFIX}{name}" for name in ("orphan", "live", "unowned"))
    for folder in (orphan, live, unowned):
        (folder / "data").mkdir(parents=True)
    (orphan / OWNER).write_text(gone.stdout.strip(), encoding="ascii")
    (live / OWNER).write_text(str(os.getpid()), encoding="ascii")
    (orphan / "data" / "postmaster.pid").write_text(f"{os.getpid()}\n", encoding="ascii")  # not a server
    assert sweep_orphans(tmp_path) == [orphan]
    assert not orphan.exists() and live.exists() and unowned.exists()
