"""A workspace on a PostgreSQL server: init and upgrade, copy both ways, connecting, passwords."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from helpers import ALL_TABLES, DATA_DIR, has_chinese, read_fixture_tables
from perfdesk.cli import main
from perfdesk.models import Workspace, WorkspaceError, migrations, server
from perfdesk.models.commands import DeleteEvaluation, SetField, SetSetting
from perfdesk.models.copying import copy_workspace
from perfdesk.models.errors import PasswordRequired

pytestmark = pytest.mark.usefixtures("pg_cluster")


def _edited_file(path: Path) -> Path:
    """A workspace file with history: imports, edits, an undo, a deletion, settings, a final form."""
    with Workspace.create(path) as ws:
        ws.set_setting("user_name", "张喆")
        first, second, third = ws.import_evaluations(read_fixture_tables("004_01", "004_04", "002_03"))
        leaf = next(ws.evaluation(first).leaves())
        ws.apply(SetField("indicator", leaf.id, "actual", "99.5%"))
        edit = SetField("fund_line", ws.evaluation(first).funds[0].id, "executed", "123456789012.345")
        ws.apply(edit)
        ws.revert(edit)
        ws.apply(SetField("indicator", leaf.id, "manual_score", "4.25"))
        ws.apply(SetField("evaluation", second, "status", "final"))
        ws.apply(DeleteEvaluation(third))
        ws.apply(SetSetting("grade_bands", [[90, "优"], [80, "良"], [60, "中"], [0, "差"]]))
    return path


def _raw(target) -> dict:
    with Workspace.open(target, readonly=True) as ws:
        return {t: ws.db.execute_sql(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ALL_TABLES}


def test_copy_file_to_server_and_back_is_lossless(tmp_path, empty_database):
    original = _edited_file(tmp_path / "unit.perfdesk")
    url = empty_database()
    with Workspace.open(original, readonly=True) as source:
        assert copy_workspace(source, url) == url
    back = tmp_path / "back.perfdesk"
    with Workspace.open(url, readonly=True) as source:
        copy_workspace(source, back)
    # every row of every table, audit trail and versions included, with the same ids and text
    assert _raw(url) == _raw(original) == _raw(back)
    with Workspace.open(url) as ws, Workspace.open(original, readonly=True) as file:
        assert ws.evaluations() == file.evaluations()
        assert [e.action for e in ws.audit_trail()] == [e.action for e in file.audit_trail()]
        # new ids and versions continue after the copied ones
        [ev, _] = ws.evaluations()
        ws.apply(SetField("indicator", next(ev.leaves()).id, "actual", "100%"))
        new = ws.import_evaluations(read_fixture_tables("002_01"))
        assert new[0] > max(e.id for e in file.evaluations())
        assert ws.evaluation(ev.id).version > max(e.version for e in file.evaluations())


def test_copy_refuses_an_existing_file_and_a_used_server(tmp_path, empty_database, capsys):
    original = _edited_file(tmp_path / "a.perfdesk")
    url = empty_database()
    assert main(["copy", str(original), url, "--unit", "第一分局"]) == 0
    assert "已复制 2 张评价表" in capsys.readouterr().out
    with Workspace.open(url, readonly=True) as ws:
        assert {e.unit for e in ws.evaluations()} == {"第一分局"}
    before = _raw(url)
    for target in (url, str(original)):
        assert main(["copy", str(original), target]) == 1
        err = capsys.readouterr().err
        assert has_chinese(err) and "Traceback" not in err
    assert _raw(url) == before


def test_server_init_creates_and_upgrades(empty_database, capsys):
    url = empty_database()
    with pytest.raises(WorkspaceError, match="还不是 perfdesk 工作区"):
        Workspace.open(url)
    assert main(["server", "init", url]) == 0
    assert "已建立工作区" in capsys.readouterr().out
    assert main(["server", "init", url]) == 0
    assert "已是最新" in capsys.readouterr().out
    with Workspace.open(url) as ws:
        assert ws.evaluations() == [] and ws.is_admin


def test_a_version_1_server_workspace_is_upgraded_by_init_keeping_its_rows(empty_database, capsys):
    """The committed version-1 file's rows, written into a server at schema version 1."""
    url = empty_database()
    db = server.connect(url)
    try:
        server.migrate(db, target=1)
        source = sqlite3.connect((DATA_DIR / "workspace_v1.perfdesk").resolve().as_uri() + "?mode=ro", uri=True)
        for table in ALL_TABLES:
            cursor = source.execute(f"SELECT * FROM {table}")
            columns = ", ".join(d[0] for d in cursor.description)
            for row in cursor:
                db.execute_sql(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(row))})", row)
            if table != "setting":  # as if these rows had been numbered by the server itself
                db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
        source.close()
    finally:
        db.close()
    with pytest.raises(WorkspaceError, match="需要升级") as refused:
        Workspace.open(url)
    assert "server init" in str(refused.value)
    assert main(["server", "init", url]) == 0
    assert f"从格式版本 1 升级到 {migrations.CURRENT_VERSION}" in capsys.readouterr().out
    with Workspace.open(url) as ws:
        [ev] = ws.evaluations()
        assert (ev.project, ev.status, ev.unit) == ("城乡医疗救助", "draft", None)
        assert str(ev.funds[0].executed) == "23871869.32"
        ws.apply(SetField("indicator", next(ev.leaves()).id, "actual", "35次"))  # editable after the upgrade
        assert [e.action for e in ws.audit_trail()] == ["导入评价表", "修改"]


def test_foreign_and_newer_databases_are_refused(empty_database, pg_cluster):
    foreign = empty_database()
    name = foreign.rsplit("/", 1)[1]
    pg_cluster.sql("CREATE TABLE evaluation (id integer)", database=name)
    with pytest.raises(WorkspaceError, match="其他程序") as caught:
        Workspace.create(foreign)
    assert has_chinese(str(caught.value))
    newer = empty_database()
    Workspace.create(newer).close()
    pg_cluster.sql("UPDATE perfdesk_schema SET version = version + 1", database=newer.rsplit("/", 1)[1])
    with pytest.raises(WorkspaceError, match="更新版本"):
        Workspace.open(newer)


def test_connections_run_without_jit_compiling_also_after_reconnecting(empty_database):
    """JIT compiling cost tens of milliseconds on a 填报 role's short queries (row-level security
    makes their estimates look long): every connection of a workspace turns it off."""
    with Workspace.create(empty_database()) as ws:
        assert ws.db.execute_sql("SHOW jit").fetchone()[0] == "off"
        ws.db.connection().close()  # as a server restart would
        ws.reconnect()
        assert ws.db.execute_sql("SHOW jit").fetchone()[0] == "off"


def test_connection_failures_are_told_in_chinese(pg_cluster, empty_database, tmp_path, monkeypatch):
    url = empty_database()
    Workspace.create(url).close()
    name = url.rsplit("/", 1)[1]
    port = pg_cluster.port
    pg_cluster.create_role("officer_a", "秘密-1")
    main(["server", "grant", url, "officer_a", "--unit", "第一分局"])
    cases = {
        f"postgresql://postgres@127.0.0.1:{port}/no_such_db": "没有名为 no_such_db 的数据库",
        f"postgresql://nobody@127.0.0.1:{port}/{name}": "",  # no password for an unknown role either
        f"postgresql://postgres@127.0.0.1:1/{name}": "无法连接服务器 127.0.0.1:1",
        "postgresql://postgres@127.0.0.1:notaport/x": "服务器地址不正确",
        f"postgresql://officer_a@127.0.0.1:{port}/{name}": "输入密码",
    }
    for address, expected in cases.items():
        with pytest.raises(WorkspaceError) as caught:
            Workspace.open(address)
        assert has_chinese(str(caught.value)) and expected in str(caught.value), (address, caught.value)
        assert "秘密" not in str(caught.value)
    officer = f"postgresql://officer_a@127.0.0.1:{port}/{name}"
    with pytest.raises(PasswordRequired):
        Workspace.open(officer)
    with pytest.raises(WorkspaceError, match="密码不正确"):
        Workspace.open(officer, password="wrong")
    with Workspace.open(officer, password="秘密-1") as ws:
        assert ws.role == "officer_a" and ws.location == officer
    # the PostgreSQL way: a .pgpass file (perfdesk stores no password anywhere)
    pgpass = Path(os.environ["PGPASSFILE"])
    pgpass.write_text(f"127.0.0.1:{port}:{name}:officer_a:秘密-1\n", encoding="utf-8")
    pgpass.chmod(0o600)
    with Workspace.open(officer) as ws:
        assert ws.role == "officer_a"
    # an address typed with its password is shown and remembered without it
    with Workspace.open(f"postgresql://officer_a:秘密-1@127.0.0.1:{port}/{name}") as ws:
        assert ws.location == officer
    with Workspace.open(f"{officer}?password=秘密-1&sslmode=disable") as ws:  # libpq takes it there too
        assert ws.location == f"{officer}?sslmode=disable"


def test_cli_commands_name_the_server_address_and_fail_in_one_line(empty_database, capsys):
    url = empty_database()
    assert main(["new", url]) == 0
    assert capsys.readouterr().out.strip() == url
    assert main(["new", url]) == 1
    assert "已经是 perfdesk 工作区" in capsys.readouterr().err
    assert main(["list", url.replace("perfdesk_test", "missing")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "没有名为" in err
