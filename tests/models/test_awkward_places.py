import os
import stat

import pytest

from perfdesk.models import Workspace, WorkspaceError, location
from perfdesk.models.commands import SetField
from tests.models.helpers import read_fixture_tables


@pytest.fixture
def workspace_file(tmp_path):
    path = tmp_path / "w.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
    return path


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_opens_read_only_with_a_reason(workspace_file):
    workspace_file.chmod(stat.S_IRUSR)
    ws = Workspace.open(workspace_file)
    assert ws.readonly and "只读" in ws.readonly_reason
    ws.close()


def test_read_only_reason_for_unwritable_place(workspace_file, monkeypatch):
    monkeypatch.setattr(location.os, "access", lambda path, mode: False)
    with Workspace.open(workspace_file) as ws:
        assert ws.readonly
        assert ws.readonly_reason == "文件所在位置不能写入（只读介质或没有写权限），已以只读方式打开"
        [ev] = ws.evaluations()
        leaf = next(ev.leaves())
        with pytest.raises(WorkspaceError, match="只读"):
            ws.apply(SetField("indicator", leaf.id, "actual", "1"))


def test_network_share_is_detected_from_the_mount_table(tmp_path):
    mounts = [("/", "ext4"), (str(tmp_path), "cifs"), ("/proc", "proc")]
    assert location.network_kind(tmp_path / "w.perfdesk", mounts) == "cifs"
    assert location.network_kind(tmp_path.parent / "x.perfdesk", mounts) is None
    assert "网络共享盘" in location.readonly_reason(tmp_path / "w.perfdesk", mounts)


def test_disk_full_during_an_edit_rolls_it_back_and_keeps_the_rest(workspace_file):
    ws = Workspace.open(workspace_file)
    [ev] = ws.evaluations()
    leaf = next(ev.leaves())
    ws.apply(SetField("indicator", leaf.id, "reason", "第一次修改"))
    pages = ws.db.execute_sql("PRAGMA page_count").fetchone()[0]
    ws.db.execute_sql(f"PRAGMA max_page_count = {pages}")  # the file may not grow: a full disk
    with pytest.raises(WorkspaceError, match="写入工作区失败"):
        ws.apply(SetField("indicator", leaf.id, "reason", "很长的文字" * 5000))
    ws.db.execute_sql("PRAGMA max_page_count = 1073741823")
    [after] = ws.evaluations()
    assert next(after.leaves()).reason == "第一次修改"
    ws.apply(SetField("indicator", leaf.id, "reason", "之后还能修改"))
    ws.close()
    with Workspace.open(workspace_file) as again:
        assert next(again.evaluations()[0].leaves()).reason == "之后还能修改"
        assert again.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def _read_only_bind(source, target) -> bool:
    """A real read-only mount of `source` at `target` (needs root); False where not possible."""
    import subprocess
    if os.name == "nt" or os.geteuid() != 0:
        return False
    ok = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True).returncode == 0
    if ok and subprocess.run(["mount", "-o", "remount,ro,bind", str(target)], capture_output=True).returncode:
        subprocess.run(["umount", str(target)], capture_output=True)
        return False
    return ok


def test_workspace_on_read_only_media_opens_and_reads(workspace_file, tmp_path):
    import subprocess
    mount_point = tmp_path / "media"
    mount_point.mkdir()
    if not _read_only_bind(workspace_file.parent, mount_point):
        pytest.skip("cannot make a read-only mount here")
    try:
        ws = Workspace.open(mount_point / workspace_file.name)
        assert ws.readonly and ws.readonly_reason
        assert [e.project for e in ws.evaluations()] == ["城乡医疗救助"]
        ws.close()
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)
