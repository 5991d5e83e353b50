import sqlite3
from datetime import datetime, timedelta

from perfdesk.models import Workspace, backups
from perfdesk.models.commands import SetField
from tests.models.helpers import read_fixture_tables


def _first_leaf(ws):
    [ev] = ws.evaluations()
    return next(ev.leaves())


def test_a_backup_is_a_valid_workspace_with_the_state_at_that_time(tmp_path):
    path = tmp_path / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
        saved = ws.take_backup()
        leaf = _first_leaf(ws)
        ws.apply(SetField("indicator", leaf.id, "actual", "99次"))
    assert saved.parent == backups.backup_folder(path)
    check = sqlite3.connect(saved)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    with Workspace.open(saved, readonly=True) as old:
        assert _first_leaf(old).actual == "34次"


def test_restore_brings_back_the_earlier_state(tmp_path):
    path = tmp_path / "w.perfdesk"
    ws = Workspace.create(path)
    ws.import_evaluations(read_fixture_tables("004_02"))
    earlier = ws.take_backup()
    ws.apply(SetField("indicator", _first_leaf(ws).id, "actual", "1次"))
    ws.restore_backup(earlier)
    assert _first_leaf(ws).actual == "34次"
    assert ws.audit_trail()[-1].action == "恢复备份"
    ws.apply(SetField("indicator", _first_leaf(ws).id, "actual", "2次"))  # still editable
    ws.close()
    with Workspace.open(path) as ws:
        assert _first_leaf(ws).actual == "2次"


def test_the_number_of_backups_stays_bounded_newest_kept(tmp_path):
    path = tmp_path / "w.perfdesk"
    start = datetime(2026, 3, 1, 9, 0, 0)
    with Workspace.create(path) as ws:
        for minutes in range(7):
            backups.take(ws.db.connection(), path, keep=3, now=start + timedelta(minutes=minutes))
    kept = backups.backups(path)
    assert [b.taken for b in kept] == [start + timedelta(minutes=m) for m in (6, 5, 4)]
    assert len(list(backups.backup_folder(path).iterdir())) == 3


def test_backups_of_other_workspaces_in_the_folder_are_not_listed(tmp_path):
    a, b = tmp_path / "a.perfdesk", tmp_path / "ab.perfdesk"
    with Workspace.create(a) as ws:
        ws.take_backup()
    with Workspace.create(b) as ws:
        ws.take_backup()
    assert len(backups.backups(a)) == 1 and len(backups.backups(b)) == 1
