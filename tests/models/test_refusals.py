"""Files that are not perfdesk workspaces (or are too new) are refused and left untouched."""
from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from helpers import has_chinese, sha256, side_files
from perfdesk.cli import main
from perfdesk.models import Workspace, WorkspaceError
from perfdesk.models.database import SQLITE_MAGIC
from perfdesk.models.migrations import APPLICATION_ID, CURRENT_VERSION


def _random_bytes(path: Path) -> None:
    data = random.Random(20240601).randbytes(64 * 1024)
    assert not data.startswith(SQLITE_MAGIC)
    path.write_bytes(data)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO contacts (name) VALUES ('张三'), ('李四')")
    connection.commit()
    connection.close()


def _foreign_sqlite_wal(path: Path) -> None:
    """Another program's database in WAL mode (many programs use it), cleanly closed."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = wal")
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('hello')")
    connection.commit()
    connection.close()


def _perfdesk_id_but_version_zero(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()


def _newer_workspace(path: Path) -> None:
    Workspace.create(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    connection.commit()
    connection.close()
    lock = path.with_name(path.name + ".lock")
    if lock.exists():
        lock.unlink()


def _magic_then_garbage(path: Path) -> None:
    path.write_bytes(SQLITE_MAGIC + random.Random(7).randbytes(8192))


def _truncated_header(path: Path) -> None:
    path.write_bytes(SQLITE_MAGIC[:10])


MAKERS = {
    "random_bytes": _random_bytes,
    "empty_file": _empty,
    "foreign_sqlite": _foreign_sqlite,
    "foreign_sqlite_wal": _foreign_sqlite_wal,
    "perfdesk_id_version_0": _perfdesk_id_but_version_zero,
    "newer_version": _newer_workspace,
    "magic_then_garbage": _magic_then_garbage,
    "truncated_header": _truncated_header,
}


@pytest.fixture(params=sorted(MAKERS))
def refused_file(request, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / f"{request.param}.perfdesk"
    MAKERS[request.param](path)
    assert side_files(path) == [], "the maker must leave a clean, closed file"
    return path


def _assert_untouched(path: Path, digest: str, listing: set[str]) -> None:
    assert sha256(path) == digest
    assert side_files(path) == [], "opening must not create -wal/-shm/-journal beside the file"
    assert set(os.listdir(path.parent)) == listing


@pytest.mark.parametrize("readonly", [False, True])
def test_workspace_open_refuses(refused_file, readonly):
    digest, listing = sha256(refused_file), set(os.listdir(refused_file.parent))
    with pytest.raises(WorkspaceError) as caught:
        Workspace.open(refused_file, readonly=readonly)
    assert has_chinese(str(caught.value)), str(caught.value)
    assert "\n" not in str(caught.value)
    _assert_untouched(refused_file, digest, listing)


def test_list_refuses(refused_file, capsys):
    digest, listing = sha256(refused_file), set(os.listdir(refused_file.parent))
    code = main(["list", str(refused_file)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert has_chinese(err) and "Traceback" not in err and "内部错误" not in err, err
    _assert_untouched(refused_file, digest, listing)


def test_the_messages_say_what_is_wrong(tmp_path):
    expectations = {
        "empty_file": "空文件",
        "random_bytes": "不是 perfdesk 工作区",
        "foreign_sqlite": "其他程序",
        "newer_version": "更新版本",
    }
    for name, words in expectations.items():
        path = tmp_path / f"{name}.perfdesk"
        MAKERS[name](path)
        with pytest.raises(WorkspaceError, match=words):
            Workspace.open(path)


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_directory_and_missing_path_are_refused(tmp_path, capsys, kind):
    path = tmp_path / "target.perfdesk"
    if kind == "directory":
        path.mkdir()
    before = sorted(os.listdir(tmp_path))
    for readonly in (False, True):
        with pytest.raises(WorkspaceError) as caught:
            Workspace.open(path, readonly=readonly)
        assert has_chinese(str(caught.value))
    code = main(["list", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and has_chinese(err) and "Traceback" not in err
    assert sorted(os.listdir(tmp_path)) == before
    if kind == "directory":
        assert os.listdir(path) == []
    else:
        assert not path.exists()


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "exists.perfdesk"
    _foreign_sqlite(path)
    digest = sha256(path)
    assert main(["new", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and has_chinese(err)
    assert sha256(path) == digest


def test_new_in_a_folder_that_does_not_exist_makes_no_folder(tmp_path, capsys):
    path = tmp_path / "不存在的文件夹" / "子文件夹" / "w.perfdesk"
    assert main(["new", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"无法创建工作区 {path}：文件夹 {path.parent} 不存在（请先建立文件夹，或检查路径是否写错）"
    assert not (tmp_path / "不存在的文件夹").exists()


def test_new_on_a_folder_says_it_is_a_folder(tmp_path, capsys):
    (tmp_path / "表格").mkdir()
    assert main(["new", str(tmp_path / "表格")]) == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / '表格'} 是文件夹，不是文件：请选择（或输入）一个文件名"
