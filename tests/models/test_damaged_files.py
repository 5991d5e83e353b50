"""Damaged workspaces: every variant is a clear refusal or a correct open, never an internal
error, never a write; `perfdesk check` says which; the newest good backup is offered and restores."""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from helpers import has_chinese, read_fixture_tables, sha256
from perfdesk.cli import main
from perfdesk.io import exchange
from perfdesk.models import Workspace, WorkspaceDamaged, WorkspaceError, backups
from perfdesk.scoring.engine import score_evaluation

PAGE = 4096


@pytest.fixture(scope="module")
def intact(tmp_path_factory) -> bytes:
    """A closed workspace with three tables, as bytes (checkpointed: no -wal beside it)."""
    path = tmp_path_factory.mktemp("intact") / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_01", "004_02", "001_05"))
    assert not Path(f"{path}-wal").exists()
    return path.read_bytes()


def _variants(data: bytes, flips: int, step: int, seed: int = 20260325):
    """(name, bytes): cut at many offsets, single bits flipped, pages zeroed."""
    for cut in sorted(set(range(0, len(data), step)) | {1, 16, 50, 99, 100, 101, len(data) - 1}):
        yield f"cut at {cut}", data[:cut]
    rng = random.Random(seed)
    for _ in range(flips):
        where, bit = rng.randrange(len(data)), rng.randrange(8)
        flipped = bytearray(data)
        flipped[where] ^= 1 << bit
        yield f"bit {bit} of byte {where}", bytes(flipped)
    for page in range(len(data) // PAGE):
        zeroed = bytearray(data)
        zeroed[page * PAGE:(page + 1) * PAGE] = bytes(PAGE)
        yield f"page {page + 1} zeroed", bytes(zeroed)


def _one_clear_line(text: str) -> None:
    assert text and has_chinese(text) and "\n" not in text.strip(), text
    assert "内部错误" not in text and "Traceback" not in text, text


def _try(path: Path, data: bytes, fixture: Path, capsys) -> str:
    """Open, list, score, export and import into a damaged copy; returns "refused" or "opened"."""
    path.write_bytes(data)
    digest, listing = sha256(path), sorted(os.listdir(path.parent))
    try:
        with Workspace.open(path) as ws:
            for ev in ws.evaluations():
                score_evaluation(ev, ws.scheme())
            exchange.dumps(ws.evaluations())
            ws.audit_trail()
        outcome = "opened"
    except WorkspaceError as exc:
        _one_clear_line(str(exc))
        outcome = "refused"
    for args in (["list", str(path)], ["check", str(path)]):
        code = main(args)
        out, err = capsys.readouterr()
        assert code in (0, 1), args
        if code:
            _one_clear_line(err)
            assert outcome == "refused" or args[0] == "check", (args, err)
    if outcome == "refused":
        assert main(["import", str(path), str(fixture)]) == 1
        _one_clear_line(capsys.readouterr().err)
        assert sha256(path) == digest, "a refused file was written to"
        assert sorted(os.listdir(path.parent)) == listing, "files were left beside a refused file"
    return outcome


def _sweep(tmp_path, capsys, intact: bytes, flips: int, step: int) -> dict:
    fixture = tmp_path / "import.json"
    fixture.write_text(exchange.dumps(read_fixture_tables("004_03")), encoding="utf-8")
    folder = tmp_path / "damaged"
    counts = {"opened": 0, "refused": 0}
    for name, data in _variants(intact, flips, step):
        folder.mkdir()
        try:
            counts[_try(folder / "w.perfdesk", data, fixture, capsys)] += 1
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from None
        shutil.rmtree(folder)
    return counts


def test_damaged_copies_are_refused_clearly_or_open_correctly(tmp_path, capsys, intact):
    counts = _sweep(tmp_path, capsys, intact, flips=60, step=4096)
    assert counts["refused"] >= 40 and counts["opened"] >= 10, counts
    assert sum(counts.values()) >= 95


@pytest.mark.slow
def test_damaged_copies_sweep_long(tmp_path, capsys, intact):
    counts = _sweep(tmp_path, capsys, intact, flips=600, step=512)
    assert sum(counts.values()) >= 700, counts


def test_check_reports_integrity_with_exit_status(tmp_path, capsys, intact):
    good, bad = tmp_path / "好.perfdesk", tmp_path / "坏.perfdesk"
    good.write_bytes(intact)
    zeroed = bytearray(intact)
    zeroed[2 * PAGE:3 * PAGE] = bytes(PAGE)
    bad.write_bytes(bytes(zeroed))
    assert main(["check", str(good)]) == 0
    out = capsys.readouterr().out
    assert "完好" in out and "3 张评价表" in out
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    _one_clear_line(err)
    assert "已损坏" in err


def test_a_damaged_workspace_offers_its_newest_good_backup_and_restore_keeps_the_damaged_file(tmp_path, capsys):
    path = tmp_path / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
        older = ws.take_backup()
        ws.import_evaluations(read_fixture_tables("004_01"))
        newest = ws.take_backup()
    newest.write_bytes(newest.read_bytes()[:PAGE * 2])  # the newest backup is damaged too
    data = bytearray(path.read_bytes())
    data[PAGE:2 * PAGE] = bytes(PAGE)
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceDamaged) as caught:
        Workspace.open(path)
    assert caught.value.backup.path == older
    assert str(older) in str(caught.value)
    assert main(["list", str(path)]) == 1
    assert f"perfdesk restore {path}" in capsys.readouterr().err
    assert main(["restore", str(path)]) == 0
    assert "损坏的文件保留为" in capsys.readouterr().out
    with Workspace.open(path) as ws:
        assert [e.project for e in ws.evaluations()] == ["城乡医疗救助"]
    [aside] = tmp_path.glob("w.已损坏-*.perfdesk")
    assert aside.read_bytes() == bytes(data)


def test_restore_of_an_intact_workspace_backs_up_the_current_state_first(tmp_path, capsys):
    path = tmp_path / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
        earlier = ws.take_backup()
        ws.import_evaluations(read_fixture_tables("004_01"))
    assert main(["restore", str(path), str(earlier)]) == 0
    assert "恢复前的内容已备份为" in capsys.readouterr().out
    with Workspace.read(path) as ws:
        assert len(ws.evaluations()) == 1
        assert len(ws.backups()) == 2


def test_a_crafted_file_with_the_perfdesk_id_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "crafted.perfdesk"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 1348879443")  # perfdesk's
    connection.execute("PRAGMA user_version = 2")
    connection.execute("CREATE TABLE evaluation (id INTEGER PRIMARY KEY, form TEXT)")
    connection.commit()
    connection.close()
    digest = sha256(path)
    table = tmp_path.parent / "table.json"
    table.write_text(exchange.dumps(read_fixture_tables("004_03")), encoding="utf-8")
    for args in (["list", str(path)], ["import", str(path), str(table)], ["check", str(path)]):
        assert main(args) == 1
        _one_clear_line(capsys.readouterr().err)
    with pytest.raises(WorkspaceDamaged):
        Workspace.open(path)
    assert sha256(path) == digest and sorted(os.listdir(tmp_path)) == ["crafted.perfdesk"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs: Unix")
def test_a_fifo_named_like_a_workspace_is_refused_at_once(tmp_path, capsys):
    fifo = tmp_path / "x.perfdesk"
    os.mkfifo(fifo)
    table = tmp_path.parent / "table.json"
    table.write_text(exchange.dumps(read_fixture_tables("004_03")), encoding="utf-8")
    for args in (["list", str(fifo)], ["import", str(fifo), str(table)], ["check", str(fifo)]):
        assert main(args) == 1
        err = capsys.readouterr().err
        _one_clear_line(err)
        assert "不是普通文件" in err
    json_fifo = tmp_path / "in.json"
    os.mkfifo(json_fifo)
    good = tmp_path / "good.perfdesk"
    Workspace.create(good).close()
    assert main(["import", str(good), str(json_fifo)]) == 1
    assert "不是普通文件" in capsys.readouterr().err
    assert not Path(f"{fifo}.lock").exists()
