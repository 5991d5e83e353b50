"""Storage faults in words: a full disk, a vanished file, missing permissions, a failing disk.

Each is one clear Chinese line (never SQLite's or Python's text), changes nothing already
stored, and an intact workspace is never called "not a perfdesk workspace" because of one.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import fill_disk, has_chinese, read_fixture_tables
from perfdesk.cli import main
from perfdesk.io import exchange
from perfdesk.models import Workspace, WorkspaceError, database, faults
from perfdesk.models.commands import SetField

ROOT = os.name != "nt" and os.geteuid() == 0
ENGLISH = ("database", "disk", "error", "Errno", "rollback", "transaction", "sqlite", "Permission", "No such")


def _clear(text: str) -> None:
    assert text and has_chinese(text) and "\n" not in text.strip(), text
    words = re.sub(r"/[^\s：，。；（）]*", "", text)  # file names may hold any word
    assert not any(word in words for word in ENGLISH), text
    assert "内部错误" not in text and "不是 perfdesk 工作区文件" not in text, text


def _first_leaf(ws):
    return next(ws.evaluations()[0].leaves())


def test_a_full_disk_refuses_edits_backups_and_new_workspaces_in_words(tiny_disk, tmp_path, capsys):
    path = tiny_disk / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
    ws = Workspace.open(path)
    try:
        leaf = _first_leaf(ws)
        ws.apply(SetField("indicator", leaf.id, "reason", "写满之前"))
        filler = fill_disk(tiny_disk)
        for attempt in (lambda: ws.apply(SetField("indicator", leaf.id, "reason", "很长的文字" * 20000)),
                        lambda: ws.import_evaluations(read_fixture_tables("004_01", "001_05", "004_03"))):
            with pytest.raises(WorkspaceError) as caught:
                attempt()
            _clear(str(caught.value))
            assert "磁盘空间已满" in str(caught.value)
        assert _first_leaf(ws).reason == "写满之前"
        with pytest.raises(WorkspaceError) as caught:
            ws.take_backup()
        _clear(str(caught.value))
        assert not [p for p in tiny_disk.rglob("*") if p.name.endswith(".perfdesk-part")]
        for args in (["new", str(tiny_disk / "新.perfdesk")], ["list", str(path)], ["check", str(path)]):
            code = main(args)
            out, err = capsys.readouterr()
            if code:
                _clear(err)
            else:
                assert args[0] != "new"
        assert not (tiny_disk / "新.perfdesk").exists()
        filler.unlink()
        ws.apply(SetField("indicator", leaf.id, "reason", "腾出空间之后"))
    finally:
        ws.close()
    with Workspace.read(path) as again:
        assert _first_leaf(again).reason == "腾出空间之后"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE: Linux")
def test_new_leaves_no_file_when_it_cannot_write(tmp_path):
    """`perfdesk new` where nothing can be written (a file-size limit of 0 bytes)."""
    target = tmp_path / "新工作区.perfdesk"
    script = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0)); from perfdesk.cli import main; "
              "sys.exit(main(sys.argv[1:]))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    done = subprocess.run([sys.executable, "-c", script, "new", str(target)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)
    assert done.returncode == 1
    assert "无法创建工作区" in done.stderr and "Errno" not in done.stderr
    assert os.listdir(tmp_path) == []


def test_a_vanished_file_refuses_edits_and_save_as_rescues_the_content(tmp_path):
    path = tmp_path / "u盘" / "w.perfdesk"
    path.parent.mkdir()
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
    ws = Workspace.open(path)
    try:
        leaf = _first_leaf(ws)
        ws.apply(SetField("indicator", leaf.id, "actual", "拔出之前"))
        moved = tmp_path / "别处.perfdesk"
        os.rename(path, moved)
        with pytest.raises(WorkspaceError) as caught:
            ws.apply(SetField("indicator", leaf.id, "actual", "拔出之后"))
        _clear(str(caught.value))
        assert "已被移走" in str(caught.value) and "另存为" in str(caught.value)
        rescued = ws.backup_to(tmp_path / "救回.perfdesk")
    finally:
        ws.close()
    with Workspace.read(rescued) as copy:
        assert _first_leaf(copy).actual == "拔出之前"


def test_disk_errors_while_opening_are_faults_not_foreign_files(tmp_path, monkeypatch, capsys):
    path = tmp_path / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
    real_connect = sqlite3.connect

    def failing(*args, **kwargs):
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 10  # SQLITE_IOERR
        raise error

    monkeypatch.setattr(database.sqlite3, "connect", failing)
    for args in (["list", str(path)], ["import", str(path), str(_table(tmp_path))], ["check", str(path)]):
        assert main(args) == 1
        err = capsys.readouterr().err
        _clear(err)
        assert "读写磁盘出错" in err
    monkeypatch.setattr(database.sqlite3, "connect", real_connect)
    assert main(["list", str(path)]) == 0


def _table(tmp_path) -> Path:
    table = tmp_path / "table.json"
    table.write_text(exchange.dumps(read_fixture_tables("004_03")), encoding="utf-8")
    return table


def test_every_fault_has_words():
    import errno
    for number in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT, errno.EIO, errno.EBUSY):
        _clear(faults.reason(OSError(number, os.strerror(number))))
    for code in (3, 5, 6, 7, 8, 10, 11, 13, 14, 15, 23, 26, 522, 778, 1):
        error = sqlite3.OperationalError("English text")
        error.sqlite_errorcode = code
        _clear(faults.reason(error))


def _as_ordinary_user(*args) -> subprocess.CompletedProcess:
    """Run the command line as an unprivileged user (root ignores file permissions)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), HOME="/tmp")
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if ROOT else []
    return subprocess.run(prefix + [sys.executable, "-m", "perfdesk", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


@pytest.fixture
def shared_folder():
    """A folder an unprivileged user can enter (pytest's own tmp folders are root's alone)."""
    if os.name == "nt" or (ROOT and not shutil.which("setpriv")):
        pytest.skip("needs setpriv to drop root's privileges")
    folder = Path(tempfile.mkdtemp(prefix="perfdesk-perm-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for p in folder.rglob("*"):
            p.chmod(0o777) if p.is_dir() else p.chmod(0o666)
        shutil.rmtree(folder)


def test_missing_permissions_are_said_in_words(shared_folder):
    path = shared_folder / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
    table = _table(shared_folder)
    table.chmod(0o644)
    path.chmod(0)  # unreadable
    done = _as_ordinary_user("list", path)
    assert done.returncode == 1
    _clear(done.stderr)
    assert "没有权限" in done.stderr
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # readable, not writable
    assert _as_ordinary_user("list", path).returncode == 0
    done = _as_ordinary_user("import", path, table)
    assert done.returncode == 1
    _clear(done.stderr)
    assert "只读" in done.stderr or "不能写入" in done.stderr
    locked_folder = shared_folder / "锁住的文件夹"
    locked_folder.mkdir()
    done = _as_ordinary_user("new", locked_folder / "新.perfdesk") if locked_folder.chmod(0o755) is None else None
    assert done.returncode == 1
    _clear(done.stderr)
    assert "没有权限" in done.stderr and os.listdir(locked_folder) == []
