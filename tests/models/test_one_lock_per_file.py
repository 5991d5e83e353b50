"""One editor per file, whatever path reaches it: a hard link, a symlink, another spelling."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from helpers import has_chinese, read_fixture_tables
from perfdesk.models import Workspace, WorkspaceLocked
from perfdesk.models.commands import SetField

# Another program: try to edit through the given path, then read through it.
OTHER = textwrap.dedent("""
    import json, sys
    from perfdesk.models import Workspace, WorkspaceLocked
    result = {}
    try:
        Workspace.open(sys.argv[1]).close()
        result["edited"] = True
    except WorkspaceLocked as exc:
        result["locked"] = str(exc)
    with Workspace.read(sys.argv[1]) as ws:
        result["actual"] = next(ws.evaluations()[0].leaves()).actual
        result["reason"] = ws.readonly_reason
    print(json.dumps(result, ensure_ascii=False))
""")


def _other_program(path) -> dict:
    import json
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    done = subprocess.run([sys.executable, "-c", OTHER, str(path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "a" / "自评.perfdesk"
    path.parent.mkdir()
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
    return path


def _aliases(workspace):
    """Paths that reach the workspace file other than its own name; the hard link last."""
    root = workspace.parent.parent
    soft = root / "符号链接.perfdesk"
    soft.symlink_to(workspace)
    folder_link = root / "文件夹链接"
    folder_link.symlink_to(workspace.parent, target_is_directory=True)
    return {"symlink": soft, "linked folder": folder_link / workspace.name,
            "other spelling": workspace.parent / ".." / "a" / workspace.name,
            "hard link": root / "硬链接.perfdesk"}


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_file_being_edited_is_locked_by_every_path_that_reaches_it(workspace):
    with Workspace.open(workspace) as ws:
        aliases = _aliases(workspace)  # made while it is being edited
        leaf = next(ws.evaluations()[0].leaves())
        ws.apply(SetField("indicator", leaf.id, "actual", "编辑中"))
        for kind, alias in aliases.items():
            if kind == "hard link":
                os.link(workspace, alias)
            result = _other_program(alias)
            assert "edited" not in result, kind
            assert has_chinese(result["locked"]) and "只读" in result["locked"], kind
            with pytest.raises(WorkspaceLocked, match="已在本程序中打开"):  # this process too
                Workspace.open(alias)
            if kind == "hard link":  # its log is looked for under its own name: read as a copy
                assert "硬链接" in result["reason"]
            else:  # it still reads, through the same link, what the editor wrote
                assert result["actual"] == "编辑中" and result["reason"] is None, kind
        ws.apply(SetField("indicator", leaf.id, "actual", "之后的编辑"))
    assert not [p for p in workspace.parent.parent.iterdir() if p.name.startswith("硬链接.perfdesk-")]
    with Workspace.open(aliases["hard link"]) as linked:  # several names: never edited by any
        assert linked.readonly and "硬链接" in linked.readonly_reason
        assert next(linked.evaluations()[0].leaves()).actual == "之后的编辑"
    aliases["hard link"].unlink()
    with Workspace.open(aliases["symlink"]) as again:  # one name again: edits through any path
        assert not again.readonly
        assert next(again.evaluations()[0].leaves()).actual == "之后的编辑"


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_opening_through_a_link_leaves_no_side_file_beside_the_link(workspace):
    aliases = _aliases(workspace)
    os.link(workspace, aliases["hard link"])
    before = sorted(os.listdir(workspace.parent.parent))
    with Workspace.open(aliases["symlink"]), Workspace.read(aliases["hard link"]):
        pass
    assert sorted(os.listdir(workspace.parent.parent)) == before  # nothing beside the links
    assert sorted(os.listdir(workspace.parent)) == ["自评.perfdesk", "自评.perfdesk.lock"]  # who edits: by the real name


HOLD = textwrap.dedent("""
    import sys, time
    from perfdesk.models import Workspace
    with Workspace.{how}(sys.argv[1]) as ws:
        ws.evaluations()
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def _holder(path, how: str, seconds: float) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    child = subprocess.Popen([sys.executable, "-c", HOLD.format(how=how), str(path), str(seconds)],
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout.readline().strip() == "holding"
    return child


def test_an_editor_waits_for_a_short_reader_but_not_for_another_editor(workspace):
    import time
    reader = _holder(workspace, "read", 0.8)  # the command line reading (perfdesk list, score…)
    try:
        started = time.monotonic()
        with Workspace.open(workspace) as ws:  # waits until the reader is done, then edits
            assert not ws.readonly
        assert time.monotonic() - started >= 0.2
    finally:
        reader.wait(timeout=30)
    editor = _holder(workspace, "open", 5)
    try:
        started = time.monotonic()
        with pytest.raises(WorkspaceLocked):
            Workspace.open(workspace)
        assert time.monotonic() - started < 2  # an editor is reported at once
    finally:
        editor.kill()
        editor.wait(timeout=30)


def test_a_short_read_leaves_the_folder_as_it_was(workspace):
    from perfdesk.cli import main
    before = sorted(os.listdir(workspace.parent))
    for args in (["list", str(workspace)], ["score", str(workspace)], ["check", str(workspace)]):
        assert main(args) == 0
    assert sorted(os.listdir(workspace.parent)) == before  # no -wal/-shm left behind
