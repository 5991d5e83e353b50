"""An offline unit's file: exported from the unit's workspace file, imported by the department
into its workspace (a file or a PostgreSQL server), matched by unit + year + project, updated
rather than duplicated, with the unit's audit trail kept."""
from __future__ import annotations

import json

import pytest

from perfdesk.cli import main
from perfdesk.io import offline
from perfdesk.models import Workspace, WorkspaceError
from perfdesk.models.commands import SetField
from tests.models.helpers import has_chinese, read_fixture_tables


def _unit_file(tmp_path):
    """The unit's own workspace file: two evaluations, some edits, 定稿 on one."""
    path = tmp_path / "unit.perfdesk"
    with Workspace.create(path) as ws:
        ws.set_setting("user_name", "李珺")
        first, second = ws.import_evaluations(read_fixture_tables("004_02", "004_05"))
        leaf = next(ws.evaluation(first).leaves())
        ws.apply(SetField("indicator", leaf.id, "actual", "35次"))
        ws.apply(SetField("indicator", leaf.id, "reason", "超额完成"))
        ws.apply(SetField("evaluation", second, "status", "final"))
    return path


def _export(unit_path, out, capsys):
    assert main(["export", str(unit_path), "--offline", str(out), "--unit", "甲单位"]) == 0
    capsys.readouterr()
    return out


def test_department_imports_updates_not_duplicates_and_keeps_the_trail(tmp_path, new_target, capsys):
    unit = _unit_file(tmp_path)
    sent = _export(unit, tmp_path / f"甲单位{offline.SUFFIX}", capsys)
    department = new_target()
    with Workspace.create(department) as ws:
        [own] = ws.import_evaluations(read_fixture_tables("004_01"))
    assert main(["import", str(department), str(sent)]) == 0
    first_ids = [int(x) for x in capsys.readouterr().out.split()]
    with Workspace.open(department) as ws:
        received = [ws.evaluation(i) for i in first_ids]
        assert [e.unit for e in received] == ["甲单位", "甲单位"]
        assert [e.status for e in received] == ["draft", "submitted"]  # the unit's 定稿 arrives for review
        assert next(received[0].leaves()).actual == "35次"
        trail = ws.audit_trail(first_ids[0])
        unit_events = [e for e in trail if e.origin]
        assert [(e.actor, e.action) for e in unit_events] == [("李珺", "导入评价表"), ("李珺", "修改"), ("李珺", "修改")]
        assert all("离线报送：甲单位" in e.origin and sent.name in e.origin for e in unit_events)
        assert trail[-1].action == "导入甲单位的离线报送" and not trail[-1].origin

    # the unit goes on working and sends again: the table under review refuses, by name ...
    with Workspace.open(unit) as ws:
        ev = ws.evaluations()[0]
        ws.apply(SetField("indicator", next(ev.leaves()).id, "actual", "36次"))
    _export(unit, sent, capsys)
    assert main(["import", str(department), str(sent)]) == 1
    assert "已提交" in capsys.readouterr().err
    with Workspace.open(department, readonly=True) as ws:
        assert next(ws.evaluation(first_ids[0]).leaves()).actual == "35次"  # one transaction: nothing
    # ... so the unit sends the one still in draft
    assert main(["export", str(unit), "--evaluation", str(ev.id), "--offline", str(sent), "--unit", "甲单位"]) == 0
    assert main(["import", str(department), str(sent)]) == 0
    assert [int(x) for x in capsys.readouterr().out.split()] == first_ids[:1]  # the same evaluation, updated
    with Workspace.open(department) as ws:
        assert len(ws.evaluations()) == 3 and own in ws.evaluation_ids()
        assert next(ws.evaluation(first_ids[0]).leaves()).actual == "36次"
        unit_events = [e for e in ws.audit_trail(first_ids[0]) if e.origin]
        assert [e.new for e in unit_events if e.action == "修改"] == ["35次", "超额完成", "36次"]  # once each


def test_an_import_is_one_undo_step_that_restores_the_previous_content(tmp_path, new_target, capsys):
    unit = _unit_file(tmp_path)
    sent = _export(unit, tmp_path / f"a{offline.SUFFIX}", capsys)
    department = new_target()
    Workspace.create(department).close()
    main(["import", str(department), str(sent)])
    with Workspace.open(unit) as ws:
        ev = ws.evaluations()[0]
        ws.apply(SetField("indicator", next(ev.leaves()).id, "actual", "99次"))
    _export(unit, sent, capsys)
    with Workspace.open(department) as ws:
        before = ws.evaluations()
        package = offline.loads(sent.read_text(encoding="utf-8"))
        from perfdesk.models.offline import MergeEvaluation
        commands = [MergeEvaluation(ev, events, "测试", ws.role) for ev, events in package.items[:1]]
        ws.apply_all(commands, "导入")
        assert next(ws.evaluation(before[0].id).leaves()).actual == "99次"
        ws.revert_all(commands, "导入")
        assert ws.evaluations() == before
        ws.apply_all(commands, "导入")  # redo
        assert next(ws.evaluation(before[0].id).leaves()).actual == "99次"


@pytest.mark.parametrize("text", [
    "{", "[]", '{"perfdesk_offline": 2}', '{"perfdesk_offline": 1, "unit": "", "evaluations": [{}]}',
    '{"perfdesk_offline": 1, "unit": "甲", "evaluations": [{"table": {"form": "x"}}]}',
    '{"perfdesk_offline": 1, "unit": "甲", "evaluations": [{"table": null, "audit": "x"}]}',
    '{"perfdesk_offline": 1, "unit": "甲", "evaluations": [' + "1" * 5000 + "]}",  # Python's int refuses it
    "[" * 100_000,
])
def test_broken_files_are_refused_in_chinese_and_change_nothing(tmp_path, text, capsys):
    department = tmp_path / "d.perfdesk"
    Workspace.create(department).close()
    bad = tmp_path / f"bad{offline.SUFFIX}"
    bad.write_text(text, encoding="utf-8")
    assert main(["import", str(department), str(bad)]) == 1
    err = capsys.readouterr().err
    assert has_chinese(err) and err.count("\n") == 1 and "Traceback" not in err
    assert not any(word in err for word in ("Expecting", "Exceeds", "char ", "内部错误")), err  # Python's own words
    with Workspace.open(department, readonly=True) as ws:
        assert ws.evaluations() == [] and ws.audit_trail() == []


def test_on_a_server_only_the_units_own_fillers_may_bring_its_file_in(tmp_path, pg_cluster, empty_database, capsys):
    from perfdesk.models import server_admin
    unit = _unit_file(tmp_path)
    sent = _export(unit, tmp_path / f"u{offline.SUFFIX}", capsys)
    url = empty_database()
    Workspace.create(url).close()
    database = url.rsplit("/", 1)[1]
    for role, units in (("dept_a", ["甲单位"]), ("dept_b", ["乙单位"])):
        if not pg_cluster.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", params=(role,)):
            pg_cluster.create_role(role, "pw")
        server_admin.grant(url, role, units)
    package = offline.loads(sent.read_text(encoding="utf-8"))
    address = lambda role: f"postgresql://{role}@127.0.0.1:{pg_cluster.port}/{database}"  # noqa: E731
    with Workspace.open(address("dept_b"), password="pw") as ws:
        with pytest.raises(WorkspaceError) as caught:
            offline.merge(ws, package, sent.name)
        assert "本单位" in str(caught.value)
        assert ws.evaluations() == []
    with Workspace.open(address("dept_a"), password="pw") as ws:
        ids = offline.merge(ws, package, sent.name)
        assert {ws.evaluation(i).unit for i in ids} == {"甲单位"}
        assert {e.role for e in ws.audit_trail() if e.origin} == {"dept_a"}
    data = json.loads(sent.read_text(encoding="utf-8"))
    assert data["unit"] == "甲单位" and len(data["evaluations"]) == 2
