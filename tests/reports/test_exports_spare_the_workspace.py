"""An export whose chosen file is a workspace (the open one, a hard link to it, another one, one
another program edits, or a side file of one) is refused and writes nothing: replacing the file
would lose the workspace or orphan its editor's connection (perfdesk/models/ownership.py)."""
from __future__ import annotations

import os
import subprocess
import sys

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


def _run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "perfdesk", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("option", ["--pdf", "--xlsx", "--json", "--docx"])
def test_the_command_line_never_exports_over_a_workspace(tmp_path, option):
    """`perfdesk export w.perfdesk --pdf w.perfdesk` replaced the workspace by a PDF (exit 0)."""
    for name in ("w.perfdesk", "other.perfdesk"):
        with Workspace.create(tmp_path / name) as ws:
            ws.import_evaluations(exchange.loads(path_of("002_01").read_text(encoding="utf-8")))
    before = {name: (tmp_path / name).read_bytes() for name in ("w.perfdesk", "other.perfdesk")}
    for target in ("w.perfdesk", "./w.perfdesk", str(tmp_path / "w.perfdesk"), "other.perfdesk", "w.perfdesk-wal"):
        run = _run("export", "w.perfdesk", option, target, cwd=tmp_path)
        assert run.returncode == 1, (target, run.stdout)
        assert "是 perfdesk 工作区文件" in run.stderr and "导出不能覆盖它" in run.stderr, run.stderr
        assert len(run.stderr.strip().splitlines()) == 1
    assert {name: (tmp_path / name).read_bytes() for name in before} == before
    assert not (tmp_path / "w.perfdesk-wal").exists()
    assert _run("check", "w.perfdesk", cwd=tmp_path).returncode == 0


def test_an_export_over_a_workspace_another_program_edits_is_refused(tmp_path):
    """The window of another process holds the workspace open for editing: its file stays."""
    path = tmp_path / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(exchange.loads(path_of("002_01").read_text(encoding="utf-8")))
    editor = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom perfdesk.models import Workspace\n"
                               "ws = Workspace.open(sys.argv[1]); print('open', flush=True); time.sleep(60)", str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert editor.stdout.readline().strip() == "open"
        inode = os.stat(path).st_ino
        run = _run("export", "w.perfdesk", "--json", "w.perfdesk", cwd=tmp_path)
        assert run.returncode == 1 and "导出不能覆盖它" in run.stderr
        assert os.stat(path).st_ino == inode  # not replaced under the editor
    finally:
        editor.kill()
        editor.wait()


def test_an_export_into_a_folder_says_so(tmp_path):
    with Workspace.create(tmp_path / "w.perfdesk") as ws:
        ws.import_evaluations(exchange.loads(path_of("002_01").read_text(encoding="utf-8")))
    (tmp_path / "导出").mkdir()
    run = _run("export", "w.perfdesk", "--pdf", "导出", cwd=tmp_path)
    assert run.returncode == 1 and run.stderr.strip() == "导出 是文件夹，不是文件：请选择（或输入）一个文件名"


def test_an_export_over_a_workspace_lock_note_or_into_a_missing_folder_is_refused(tmp_path):
    with Workspace.create(tmp_path / "w.perfdesk") as ws:
        ws.import_evaluations(exchange.loads(path_of("002_01").read_text(encoding="utf-8")))
    with Workspace.open(tmp_path / "w.perfdesk"):  # the window: its note of who edits is beside the file
        note = tmp_path / "w.perfdesk.lock"
        assert note.exists()
        before = note.read_bytes()
        run = _run("export", "w.perfdesk", "--pdf", "w.perfdesk.lock", cwd=tmp_path)
        assert run.returncode == 1 and "导出不能覆盖它" in run.stderr
        assert note.read_bytes() == before
    run = _run("export", "w.perfdesk", "--pdf", "没有的文件夹/x.pdf", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.strip() == "无法保存 没有的文件夹/x.pdf：文件夹 没有的文件夹 不存在（请先建立文件夹，或检查路径是否写错）"
    assert not list(tmp_path.glob("**/*.tmp"))
