"""One owner of the file: what the editing window does to its file never costs an acknowledged edit.

A window edits; its own process then lists the folder in Qt's file dialog (or opens and closes
the file); the command line reads the workspace; the window edits again; the window's process
is killed. Every edit the window acknowledged must be in the file. (With POSIX locks, a
descriptor of the file closed in the editing process drops SQLite's locks; a reader then
thought it was alone, checkpointed and deleted the log the window went on writing to.)
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from perfdesk.io import exchange
from perfdesk.models import Workspace

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and POSIX locks: Linux")

CHILD = Path(__file__).with_name("editing_process.py")
FIXTURE = Path(__file__).resolve().parents[1] / "data" / "fixtures" / "004_02_chengxiang_yiliao_jiuzhu.json"


class Window:
    """The editing window's process: send a command, read its one-line answer."""

    def __init__(self, path: Path):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join(sys.path))
        self.process = subprocess.Popen([sys.executable, str(CHILD), str(path)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        encoding="utf-8", env=env, cwd=path.parent)
        assert self._answer() == "ready"

    def _answer(self) -> str:
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"the window's process ended: {self.process.stderr.read()}")
        return line.rstrip("\n")

    def ask(self, command: str) -> str:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self._answer()

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


def _cli(*args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-m", "perfdesk", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def _actual_in_file(path: Path) -> str:
    """The first indicator's 实际完成值 as the file holds it after the editor died."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return connection.execute(
            "SELECT actual FROM indicator WHERE level = 3 ORDER BY evaluation_id, id LIMIT 1").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def workspace(tmp_path) -> Path:
    path = tmp_path / "单位" / "自评.perfdesk"
    path.parent.mkdir()
    with Workspace.create(path) as ws:
        ws.import_evaluations(exchange.loads(FIXTURE.read_text(encoding="utf-8")))
    (path.parent / "说明.txt").write_text("同一文件夹中的其他文件", encoding="utf-8")
    return path


@pytest.mark.parametrize("disturbance", ["dialog", "peek"])
def test_acknowledged_edits_survive_the_window_touching_its_folder_readers_and_a_kill(workspace, disturbance):
    window = Window(workspace)
    try:
        assert window.ask("edit 第一次") == "edited 第一次"
        answer = window.ask(disturbance)
        if disturbance == "dialog":  # the dialog did list the folder with the workspace
            assert answer.split()[1:] == ["自评.perfdesk"], answer
        for args in (("score", workspace, "--json"), ("list", workspace),
                     ("export", workspace, "--json", workspace.with_name("导出.json"))):
            done = _cli(*args)
            assert done.returncode == 0, done.stderr
        scored = json.loads(_cli("score", workspace, "--json").stdout)
        assert scored["evaluations"][0]["indicators"][0]["actual"] == "第一次"
        assert window.ask("edit 第二次") == "edited 第二次"
        assert _cli("list", workspace).returncode == 0
    finally:
        window.kill()
    assert _actual_in_file(workspace) == "第二次"


def test_the_window_keeps_its_locks_while_its_file_dialog_lists_the_folder(qtbot, workspace, monkeypatch):
    """In this process, through the window's own 打开工作区 action and Qt's dialog: the kernel's
    lock table still shows this process's SQLite locks on the workspace afterwards."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

    from perfdesk.ui.main_window import MainWindow

    window = MainWindow(Workspace.open(workspace))
    qtbot.addWidget(window)
    before = _posix_locks(workspace)
    assert {"自评.perfdesk", "自评.perfdesk-shm"} <= before
    listed = []

    def list_then_escape():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            return QTimer.singleShot(20, list_then_escape)
        dialog = dialogs[-1]
        model = dialog.findChild(QFileSystemModel)
        dialog.setDirectory(str(workspace.parent))
        root = model.index(str(workspace.parent))
        qtbot.waitUntil(lambda: model.rowCount(root) >= 1, timeout=20000)
        for row in range(model.rowCount(root)):
            index = model.index(row, 0, root)
            listed.append(model.fileName(index))
            model.data(index, Qt.ItemDataRole.DecorationRole)
            model.type(index)
        qtbot.wait(1500)  # icons and types are fetched on the dialog's own thread
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, list_then_escape)
    window.actions.open_workspace()
    assert listed == ["自评.perfdesk"]
    assert _posix_locks(workspace) == before
    window.close()


def _posix_locks(workspace: Path) -> set[str]:
    """Names of the workspace's files on which this process holds POSIX (fcntl) locks."""
    inodes = {os.stat(p).st_ino: p.name for p in workspace.parent.iterdir()}
    held = set()
    with open("/proc/locks", encoding="ascii") as table:
        for line in table:
            fields = line.split()
            if "->" in fields:
                continue
            kind, pid, where = fields[1], fields[4], fields[5]
            inode = int(where.split(":")[-1])
            if kind == "POSIX" and pid == str(os.getpid()) and inode in inodes:
                held.add(inodes[inode])
    return held


@pytest.mark.parametrize("export", ["export_json", "export_xlsx"])
def test_an_export_aimed_at_the_open_workspace_is_refused_in_words(qtbot, workspace, monkeypatch, export):
    """A save dialog lets a user type any name, the open workspace's (or a hard link's) too."""
    from perfdesk.ui import file_dialogs
    from perfdesk.ui.main_window import MainWindow

    window = MainWindow(Workspace.open(workspace))
    qtbot.addWidget(window)
    link = workspace.with_name("链接.xlsx")
    os.link(workspace, link)
    before = _posix_locks(workspace)
    for target in (workspace, link):
        monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
        getattr(window.actions, export)()
        assert "本程序正在使用的工作区" in window.banner.text()
        window.banner.clear()
    assert _posix_locks(workspace) == before
    assert len(window.ws.evaluations()) == 1
    window.close()
