"""Edit commands: exact apply/revert/redo, audit events, refusals, final evaluations, read-only, locks.

Everything but the file locks runs on both engines (a workspace file and a PostgreSQL server).
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

from helpers import dump_tables, has_chinese, orphans, read_fixture_tables, sha256
from perfdesk.models import EvaluationFinal, Workspace, WorkspaceError, WorkspaceLocked
from perfdesk.models.commands import (
    CreateEvaluation,
    DeleteEvaluation,
    DeleteIndicator,
    DeleteRow,
    InsertIndicators,
    InsertRow,
    MoveIndicator,
    SetField,
    SetFinal,
    SetSetting,
)
from perfdesk.scoring.evaluation import Indicator

ACTOR = "测试员"


@pytest.fixture
def ws(new_target):
    workspace = Workspace.create(new_target())
    # 004_01: a scored form with a deep tree; 004_04: the transfer form with 资金管理情况 rows.
    workspace.import_evaluations(read_fixture_tables("004_01", "004_04"))
    workspace.set_setting("user_name", ACTOR)
    yield workspace
    workspace.close()


def _ids(ws):
    by_form = {e.form: e for e in ws.evaluations()}
    return by_form["project_self_eval"], by_form["transfer_payment_self_eval"]


def state(ws):
    """Everything a command may touch: snapshots plus the raw rows (ids, positions, stored text)."""
    return ws.evaluations(), dump_tables(ws.db)


def audit_count(ws) -> int:
    return len(ws.audit_trail())


# -- command factories: (ws) -> command -------------------------------------------------------
def _first_leaf(ev):
    return next(ev.leaves())


def _set_indicator_actual(ws):
    return SetField("indicator", _first_leaf(_ids(ws)[0]).id, "actual", "99.5%")


def _set_title(ws):
    return SetField("evaluation", _ids(ws)[0].id, "title", "修改后的标题")


def _set_year(ws):
    return SetField("evaluation", _ids(ws)[0].id, "year", " 2023 ")


def _set_fund_executed(ws):
    return SetField("fund_line", _ids(ws)[0].funds[0].id, "executed", "1,234,567.89")


def _set_weight_to_mark(ws):
    return SetField("indicator", _first_leaf(_ids(ws)[0]).id, "weight", "—")


def _set_manual_score(ws):
    return SetField("indicator", _first_leaf(_ids(ws)[0]).id, "manual_score", "8.5")


def _set_direction(ws):
    return SetField("indicator", _first_leaf(_ids(ws)[0]).id, "direction", "lower")


def _set_fund_management(ws):
    return SetField("fund_management", _ids(ws)[1].fund_management[0].id, "status", "情况说明已更新")


def _set_text_to_none(ws):
    return SetField("evaluation", _ids(ws)[0].id, "goal_actual", None)


def _insert_leaf(ws):
    ev = _ids(ws)[0]
    l2 = ev.indicators[0].children[0]
    return InsertIndicators(ev.id, l2.id, 1, (Indicator(name="新增三级指标", level=3, target="≥95%", weight=Decimal("5")),))


def _insert_subtree_at_top(ws):
    ev = _ids(ws)[0]
    tree = Indicator(name="新一级", level=1, children=(
        Indicator(name="新二级", level=2, children=(
            Indicator(name="甲", level=3, target="1"), Indicator(name="乙", level=3, target="2"))),))
    return InsertIndicators(ev.id, None, 0, (tree,))


def _insert_leaf_at_end(ws):
    ev = _ids(ws)[0]
    l2 = ev.indicators[-1].children[-1]
    return InsertIndicators(ev.id, l2.id, 999, (Indicator(name="末尾", level=3), Indicator(name="末尾2", level=3)))


def _delete_leaf(ws):
    ev = _ids(ws)[0]
    return DeleteIndicator(ev.indicators[0].children[0].children[0].id)


def _delete_l1_subtree(ws):
    return DeleteIndicator(_ids(ws)[0].indicators[0].id)


def _move_leaf_to_other_group(ws):
    ev = _ids(ws)[0]
    leaf = ev.indicators[0].children[0].children[0]
    target = ev.indicators[1].children[0]
    return MoveIndicator(leaf.id, target.id, 1)


def _move_l1_to_end(ws):
    ev = _ids(ws)[0]
    return MoveIndicator(ev.indicators[0].id, None, len(ev.indicators) - 1)


def _insert_fund_line(ws):
    return InsertRow("fund_line", _ids(ws)[0].id, 1, {"label": "其中：新增资金", "annual": "100.50", "weight": "—"})


def _insert_fund_management_row(ws):
    return InsertRow("fund_management", _ids(ws)[1].id, 0, {"item": "新事项", "status": "良好"})


def _delete_fund_line(ws):
    return DeleteRow("fund_line", _ids(ws)[0].funds[1].id)


def _delete_fund_management_row(ws):
    return DeleteRow("fund_management", _ids(ws)[1].fund_management[2].id)


def _create_evaluation(ws):
    return CreateEvaluation(read_fixture_tables("002_05")[0])


def _delete_evaluation(ws):
    return DeleteEvaluation(_ids(ws)[1].id)


def _set_setting(ws):
    return SetSetting("grade_bands", [[90, "优"], [80, "良"], [60, "中"], [0, "差"]])


def _replace_setting(ws):
    return SetSetting("user_name", "另一位")


FACTORIES = [
    _set_indicator_actual, _set_title, _set_year, _set_fund_executed, _set_weight_to_mark, _set_manual_score,
    _set_direction, _set_fund_management, _set_text_to_none, _insert_leaf, _insert_subtree_at_top,
    _insert_leaf_at_end, _delete_leaf, _delete_l1_subtree, _move_leaf_to_other_group, _move_l1_to_end,
    _insert_fund_line, _insert_fund_management_row, _delete_fund_line, _delete_fund_management_row,
    _create_evaluation, _delete_evaluation, _set_setting, _replace_setting,
]


@pytest.mark.parametrize("factory", FACTORIES, ids=[f.__name__.lstrip("_") for f in FACTORIES])
def test_apply_revert_redo_is_exact(ws, factory):
    before = state(ws)
    events = audit_count(ws)
    command = factory(ws)

    ws.apply(command)
    applied = state(ws)
    assert applied != before, "the command changed nothing"
    assert audit_count(ws) == events + 1

    ws.revert(command)
    assert state(ws) == before
    assert audit_count(ws) == events + 2

    ws.apply(command)  # redo
    assert state(ws) == applied, "redo must give the same rows and ids"

    ws.revert(command)  # and undo again
    assert state(ws) == before
    assert audit_count(ws) == events + 4
    assert orphans(ws.db) == []


def test_each_command_writes_an_audit_event(ws):
    ev, transfer = _ids(ws)
    leaf = _first_leaf(ev)
    ws.apply(SetField("indicator", leaf.id, "actual", "99.5%"))
    event = ws.audit_trail()[-1]
    # on a server every person logs in as their own role: that is who made the edit
    assert event.actor == (ws.role if ws.is_server else ACTOR)
    assert event.role == ws.role
    assert event.evaluation_id == ev.id
    assert event.action == "修改"
    assert event.target == f"indicator:{leaf.id}.actual"
    assert (event.old, event.new) == (leaf.actual, "99.5%")
    assert event.at  # a timestamp

    command = SetField("fund_line", ev.funds[0].id, "executed", "100.25")
    ws.apply(command)
    event = ws.audit_trail()[-1]
    assert (event.old, event.new) == (str(ev.funds[0].executed), "100.25")
    ws.revert(command)
    event = ws.audit_trail()[-1]
    assert event.action.startswith("撤销")
    assert event.evaluation_id == ev.id

    for factory in FACTORIES:
        before = audit_count(ws)
        command = factory(ws)
        ws.apply(command)
        trail = ws.audit_trail()
        assert len(trail) == before + 1, factory.__name__
        event = trail[-1]
        if factory is not _replace_setting:  # renaming the user: either name is defensible
            assert event.actor == (ws.role if ws.is_server else ACTOR), factory.__name__
        assert event.action == command.label and event.target, factory.__name__
        assert event.old is not None or event.new is not None, factory.__name__
        ws.revert(command)

    # The trail outlives a deleted evaluation.
    ws.apply(DeleteEvaluation(transfer.id))
    assert ws.audit_trail(transfer.id)
    assert ws.audit_trail(transfer.id)[-1].old.startswith(str(transfer.year))


def test_values_are_stored_exactly(ws):
    ev = _ids(ws)[0]
    ws.apply(SetField("fund_line", ev.funds[0].id, "executed", "0.1"))
    ws.apply(SetField("fund_line", ev.funds[0].id, "annual", "123456789012.345"))
    fund = ws.evaluation(ev.id).funds[0]
    assert fund.executed == Decimal("0.1") and isinstance(fund.executed, Decimal)
    assert str(fund.annual) == "123456789012.345"
    raw = ws.db.execute_sql(f"SELECT executed, annual FROM fund_line WHERE id = {ws.db.param}",
                            (ev.funds[0].id,)).fetchone()
    assert raw == ("0.1", "123456789012.345")


BAD_VALUES = [
    ("evaluation", "year", "二〇二二"),
    ("evaluation", "year", "1800"),
    ("evaluation", "status", "done"),
    ("evaluation", "form", "no_such_form"),
    ("evaluation", "title", 123),
    ("evaluation", "id", 99),
    ("evaluation", "no_such_field", "x"),
    ("indicator", "direction", "up"),
    ("indicator", "manual_score", "很好"),
    ("indicator", "manual_score", Decimal("NaN")),
    ("indicator", "weight", Decimal("Infinity")),
    ("indicator", "weight", True),
    ("indicator", "parent", 1),
    ("indicator", "evaluation", 2),
    ("fund_line", "executed", float("nan")),
    ("fund_line", "annual", "12345678901234567890.123456789"),  # more digits than exports keep
    ("fund_line", "annual", "1" + "0" * 4400),  # beyond 千万亿
    ("fund_line", "annual", "0.00000000001"),
    ("indicator", "weight", Decimal("1E+26")),
    ("indicator", "actual", "九十\x07"),  # a control character
    ("indicator", "reason", "半个\ud800字"),  # a lone surrogate
    ("evaluation", "project", "\ufffe"),
    ("fund_line", "position", 3),
    ("no_such_table", "name", "x"),
]


@pytest.mark.parametrize("table, field, value", BAD_VALUES)
def test_bad_values_are_refused(ws, table, field, value):
    ev = _ids(ws)[0]
    row_id = {"evaluation": ev.id, "indicator": _first_leaf(ev).id, "fund_line": ev.funds[0].id}.get(table, 1)
    before, events = state(ws), audit_count(ws)
    with pytest.raises(WorkspaceError) as caught:
        ws.apply(SetField(table, row_id, field, value))
    assert has_chinese(str(caught.value))
    assert state(ws) == before and audit_count(ws) == events


def _refusals(ws):
    ev, transfer = _ids(ws)
    l1 = ev.indicators[0]
    l2 = l1.children[0]
    leaf = l2.children[0]
    other_l2 = ev.indicators[1].children[0]
    return {
        "missing row": SetField("indicator", 10**6, "actual", "x"),
        "missing evaluation": DeleteEvaluation(10**6),
        "missing fund line": DeleteRow("fund_line", 10**6),
        "missing indicator": DeleteIndicator(10**6),
        "fourth level": InsertIndicators(ev.id, leaf.id, 0, (Indicator(name="四级", level=4),)),
        "too deep a subtree": InsertIndicators(ev.id, l1.id, 0, (
            Indicator(name="a", level=2, children=(Indicator(name="b", children=(Indicator(name="c"),)),)),)),
        "move into own subtree": MoveIndicator(l1.id, l2.id, 0),
        "move under itself": MoveIndicator(l2.id, l2.id, 0),
        "move a group too deep": MoveIndicator(l2.id, other_l2.id, 0),
    }


def test_refused_commands_change_nothing(ws):
    for name, command in _refusals(ws).items():
        before, events = state(ws), audit_count(ws)
        with pytest.raises(WorkspaceError) as caught:
            ws.apply(command)
        assert has_chinese(str(caught.value)), name
        assert state(ws) == before, name
        assert audit_count(ws) == events, name


def test_final_evaluation_refuses_edits_until_draft(ws):
    ev, transfer = _ids(ws)
    title_edit = SetField("evaluation", ev.id, "title", "定稿前的修改")
    ws.apply(title_edit)
    finalize = SetFinal(ev.id, True, ws.scheme(), "张三", "2026-03-25T10:00:00")
    ws.apply(finalize)
    assert ws.evaluation(ev.id).status == "final"
    ev = ws.evaluation(ev.id)
    leaf = _first_leaf(ev)

    edits = [
        SetField("evaluation", ev.id, "title", "x"),
        SetField("indicator", leaf.id, "actual", "x"),
        SetField("fund_line", ev.funds[0].id, "executed", "1"),
        InsertIndicators(ev.id, None, 0, (Indicator(name="x", level=1),)),
        DeleteIndicator(leaf.id),
        MoveIndicator(leaf.id, None, 0),
        InsertRow("fund_line", ev.id, 0, {"label": "x"}),
        DeleteRow("fund_line", ev.funds[1].id),
        DeleteEvaluation(ev.id),
    ]
    before, events = state(ws), audit_count(ws)
    for command in edits:
        with pytest.raises(EvaluationFinal) as caught:
            ws.apply(command)
        assert has_chinese(str(caught.value))
    # undoing an edit made before it was final is an edit too
    with pytest.raises(EvaluationFinal):
        ws.revert(title_edit)
    # an import/paste batch touching it is refused as a whole
    with pytest.raises(EvaluationFinal):
        ws.apply_all([SetField("evaluation", transfer.id, "title", "别的表"),
                      SetField("evaluation", ev.id, "title", "x")], "粘贴")
    assert state(ws) == before and audit_count(ws) == events

    # other evaluations stay editable
    ws.apply(SetField("evaluation", transfer.id, "title", "别的表"))

    # back to draft (undoing "final" works too), then edits pass
    ws.revert(finalize)
    assert ws.evaluation(ev.id).status == "draft"
    ws.apply(finalize)
    ws.apply(SetFinal(ev.id, False))
    for command in edits[:3]:
        ws.apply(command)
    ws.revert(title_edit)


def test_readonly_workspace_refuses_edits(new_target, engine):
    path = new_target("ro")
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
    digest = sha256(path) if engine == "sqlite" else None
    with Workspace.open(path, readonly=True) as ro:
        assert ro.readonly
        ev = ro.evaluations()[0]
        before = state(ro)
        attempts = [
            lambda: ro.apply(SetField("evaluation", ev.id, "title", "x")),
            lambda: ro.set_setting("user_name", "x"),
            lambda: ro.import_evaluations(read_fixture_tables("004_03")),
            lambda: ro.apply(DeleteEvaluation(ev.id)),
            lambda: ro.apply_all([SetField("evaluation", ev.id, "title", "x")], "粘贴"),
        ]
        for attempt in attempts:
            with pytest.raises(WorkspaceError) as caught:
                attempt()
            assert has_chinese(str(caught.value))
        assert state(ro) == before
    if digest:
        assert sha256(path) == digest
    else:
        with Workspace.open(path) as again:
            assert state(again) == before


def test_second_open_is_locked_but_readonly_works(tmp_path):
    path = tmp_path / "locked.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
        with pytest.raises(WorkspaceLocked) as caught:
            Workspace.open(path)
        assert has_chinese(str(caught.value))
        reader = Workspace.open(path, readonly=True)
        try:
            assert [e.project for e in reader.evaluations()] == ["城乡医疗救助"]
        finally:
            reader.close()
    # closed: it opens for editing again
    with Workspace.open(path) as ws:
        assert len(ws.evaluations()) == 1


CHILD = textwrap.dedent("""
    import json, sys
    from perfdesk.models import Workspace, WorkspaceLocked
    path = sys.argv[1]
    result = {}
    try:
        Workspace.open(path).close()
        result["editable"] = True
    except WorkspaceLocked as exc:
        result["locked"] = str(exc)
    with Workspace.open(path, readonly=True) as ws:
        result["projects"] = [e.project for e in ws.evaluations()]
    print(json.dumps(result, ensure_ascii=False))
""")


def test_other_process_is_told_the_workspace_is_open(tmp_path):
    path = tmp_path / "shared.perfdesk"
    ws = Workspace.create(path)
    try:
        ws.import_evaluations(read_fixture_tables("004_02"))
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                              text=True, encoding="utf-8", timeout=60, check=True)
        result = json.loads(done.stdout)
        assert "editable" not in result
        assert has_chinese(result["locked"]) and "只读" in result["locked"]
        assert result["projects"] == ["城乡医疗救助"]
        ws.apply(SetField("evaluation", ws.evaluations()[0].id, "title", "仍可编辑"))
    finally:
        ws.close()
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=True)
    assert json.loads(done.stdout)["editable"] is True


def test_two_open_workspaces_are_independent(new_target):
    """Each Workspace reads and writes its own file or database, whatever else is open in the process."""
    first = new_target("a")
    a = Workspace.create(first)
    try:
        a.import_evaluations(read_fixture_tables("004_02"))
        b = Workspace.create(new_target("b"))
        try:
            assert len(a.evaluations()) == 1
            assert len(b.evaluations()) == 0
        finally:
            b.close()
        assert len(a.evaluations()) == 1
        a.set_setting("user_name", "甲")  # still writable after another workspace closed
        assert a.setting("user_name") == "甲"
        reader = Workspace.open(first, readonly=True)
        reader.close()
        a.set_setting("user_name", "乙")
    finally:
        a.close()


class _Boom:
    """A command that fails half-way through a batch."""

    label = "出错"

    def evaluation_id(self):
        return None

    def apply(self):
        raise RuntimeError("boom")

    def audit(self):  # pragma: no cover - never reached
        return "x", None, None


@pytest.mark.parametrize("failure", ["exception", "workspace_error"])
def test_exception_mid_apply_all_rolls_everything_back(ws, failure):
    ev, transfer = _ids(ws)
    before, events = state(ws), audit_count(ws)
    bad = _Boom() if failure == "exception" else SetField("indicator", 10**6, "actual", "x")
    commands = [
        SetField("evaluation", ev.id, "title", "批量一"),
        InsertIndicators(ev.id, None, 0, (Indicator(name="批量插入", level=1),)),
        CreateEvaluation(read_fixture_tables("002_01")[0]),
        DeleteEvaluation(transfer.id),
        bad,
        SetField("evaluation", ev.id, "project", "不应执行"),
    ]
    with pytest.raises(RuntimeError if failure == "exception" else WorkspaceError):
        ws.apply_all(commands, "粘贴")
    assert state(ws) == before
    assert audit_count(ws) == events
    # the workspace is still usable afterwards
    ws.apply(SetField("evaluation", ev.id, "title", "之后"))
    assert ws.evaluation(ev.id).title == "之后"


def test_import_is_one_transaction(ws):
    before, events = state(ws), audit_count(ws)
    good = read_fixture_tables("002_02")[0]
    broken = read_fixture_tables("002_03")[0]
    # a snapshot that passes the exchange parser but cannot be stored (NOT NULL form)
    import dataclasses
    broken = dataclasses.replace(broken, form=None)
    with pytest.raises(Exception):
        ws.import_evaluations([good, broken])
    assert state(ws) == before and audit_count(ws) == events


@pytest.mark.parametrize("table,field,label", [
    ("indicator", "name", "指标名称"), ("fund_line", "label", "资金来源"),
])
def test_blank_names_are_refused_in_chinese_and_change_nothing(new_target, table, field, label):
    from perfdesk.models import WorkspaceError as Refused
    with Workspace.create(new_target()) as ws:
        ws.import_evaluations(read_fixture_tables("004_02"))
        [ev] = ws.evaluations()
        row_id = next(ev.leaves()).id if table == "indicator" else ev.funds[0].id
        with pytest.raises(Refused, match=f"“{label}”不能为空"):
            SetField(table, row_id, field, "  ")
        assert ws.evaluations() == [ev]
