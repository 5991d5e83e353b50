"""An export whose chosen file is the open workspace (or a hard link to it) is refused and writes
nothing: replacing the file would orphan the editor's connection (perfdesk/models/ownership.py)."""
from __future__ import annotations

import os

import pytest

from perfdesk.io import exchange
from perfdesk.io.xlsx_export import write_workbook
from perfdesk.models import Workspace, WorkspaceError
from perfdesk.reports import write_docx, write_pdf
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.scoring.scoring_fixtures import path_of

EXPORTS = {
    "pdf": lambda path, evs: write_pdf(path, "table", evs, DEFAULT_SCHEME),
    "docx": lambda path, evs: write_docx(path, "table", evs, DEFAULT_SCHEME),
    "xlsx": lambda path, evs: write_workbook(path, evs, DEFAULT_SCHEME),
}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
@pytest.mark.parametrize("through", ["path", "hard link"])
def test_an_export_over_the_open_workspace_is_refused(tmp_path, kind, through):
    path = tmp_path / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(exchange.loads(path_of("002_01").read_text(encoding="utf-8")))
    with Workspace.open(path) as ws:
        evaluations = ws.evaluations()
        target = path
        if through == "hard link":
            target = tmp_path / f"copy.{kind}"
            os.link(path, target)
        before = os.stat(path)  # not read: closing a descriptor of it would drop the editor's locks
        with pytest.raises(WorkspaceError, match="正在使用的工作区"):
            EXPORTS[kind](target, evaluations)
        after = os.stat(path)
        assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
        assert len(ws.evaluations()) == len(evaluations)
