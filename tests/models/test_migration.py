"""A workspace written by schema version 1 opens after upgrading, with a backup beside it."""
from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from helpers import DATA_DIR, dump_tables, has_chinese, sha256
from perfdesk.cli import main
from perfdesk.models import Workspace, migrations
from perfdesk.models.migrations import APPLICATION_ID, CURRENT_VERSION

V1 = DATA_DIR / "workspace_v1.perfdesk"
V1_TABLES = ("evaluation", "fund_line", "indicator", "fund_management", "audit_event", "setting")


def _pragma(path: Path, name: str):
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    assert V1.exists(), "run tests/data/make_workspace_v1.py"
    target = tmp_path / "old.perfdesk"
    shutil.copyfile(V1, target)
    return target


@pytest.fixture
def v1_rows(tmp_path):
    """The rows of the committed v1 file (read from a second copy, never in place)."""
    reference = tmp_path / "reference" / "v1.perfdesk"
    reference.parent.mkdir()
    shutil.copyfile(V1, reference)
    return dump_tables(reference, V1_TABLES)


def test_committed_file_is_version_1():
    # Read the header bytes, so the committed file is never opened by SQLite in place.
    head = V1.read_bytes()[:100]
    assert head.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(head[60:64], "big") == 1  # user_version
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID


def test_v1_workspace_opens_after_upgrade(v1_copy, v1_rows):
    with Workspace.open(v1_copy) as ws:
        backup = ws.upgraded_from
        assert backup is not None
        assert ws.db.execute_sql("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert ws.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        (ev,) = ws.evaluations()

        # header fields
        assert ev.id == 1
        assert (ev.form, ev.year, ev.project, ev.title) == ("project_self_eval", 2022, "城乡医疗救助", "财政项目支出绩效自评表")
        assert ev.department == ev.implementer == "上海市杨浦区医疗保障局"
        assert ev.money_unit == "元"
        assert ev.goal_actual == "2022年度我区共实施医疗救助7.20万人次。"
        assert ev.total_weight_printed == Decimal("100") and ev.total_score_printed == Decimal("97.99")
        assert ev.source == "004_296d8e82f879eb1a.txt"
        assert ev.transcription_notes == ("一级指标按上一行补齐",)
        # columns that version 2 added take their defaults
        assert ev.status == "draft"
        assert ev.department_code is None
        assert ev.report_sections == ()
        assert ev.signatories.preparer is None and ev.signatories.date is None

        # fund lines, exact
        assert [f.label for f in ev.funds] == ["年度资金总额", "其中：当年财政拨款"]
        total = ev.funds[0]
        assert total.executed == Decimal("23871869.32") and isinstance(total.executed, Decimal)
        assert (total.initial, total.annual, total.weight) == (Decimal("34031090"), Decimal("29886190"), Decimal("10"))
        assert total.rate_printed == "79.88%" and total.score_printed == Decimal("7.99")
        assert ev.funds[1].weight == "—" and ev.funds[1].score_printed is None

        # the three-level indicator tree
        assert [(n.name, n.level) for n in ev.indicators] == [("产出指标 (50)", 1), ("满意度指标 (10)", 1)]
        assert [(n.name, n.level) for n in ev.indicators[0].children] == [("数量指标", 2), ("质量指标", 2)]
        leaves = list(ev.leaves())
        assert [leaf.name for leaf in leaves] == ["全年医疗救助拨付批次", "医疗救助经办准确率", "医疗救助对象对服务满意度"]
        assert all(leaf.level == 3 for leaf in leaves)
        last = leaves[-1]
        assert (last.id, last.target, last.actual, last.weight, last.score_printed) == (
            108, "=100%", "98.5%", Decimal("10"), Decimal("9.85"))
        assert last.reason == "个别对象反映等候时间较长"
        assert last.direction is None and last.manual_score is None and last.manual_reason is None

        assert ws.setting("user_name") == "测试员"
        assert len(ws.audit_trail()) == 1

        # the upgraded workspace is editable
        from perfdesk.models.commands import SetField
        ws.apply(SetField("evaluation", 1, "preparer", "王五"))
        assert ws.evaluation(1).signatories.preparer == "王五"

    assert _pragma(v1_copy, "user_version") == CURRENT_VERSION
    assert _pragma(v1_copy, "integrity_check") == "ok"

    # The backup: beside the workspace, a valid SQLite file still at version 1 with the same rows.
    assert backup.exists() and backup.parent == v1_copy.parent and backup != v1_copy
    assert backup.read_bytes().startswith(b"SQLite format 3\x00")
    assert _pragma(backup, "integrity_check") == "ok"
    assert _pragma(backup, "user_version") == 1
    assert _pragma(backup, "application_id") == APPLICATION_ID
    assert dump_tables(backup, V1_TABLES) == v1_rows


def test_upgrade_happens_once(v1_copy):
    with Workspace.open(v1_copy) as ws:
        first_backup = ws.upgraded_from
    with Workspace.open(v1_copy) as ws:
        assert ws.upgraded_from is None
        assert len(ws.evaluations()) == 1
    backups = [p for p in v1_copy.parent.iterdir() if "backup" in p.name and p.suffix == ".perfdesk"]
    assert backups == [first_backup]


def test_upgraded_workspace_exports_like_a_new_one(v1_copy, tmp_path, capsys):
    with Workspace.open(v1_copy):
        pass
    out = tmp_path / "out.json"
    assert main(["export", str(v1_copy), "--json", str(out)]) == 0
    assert "城乡医疗救助" in out.read_text(encoding="utf-8")


def test_list_of_a_v1_workspace_works(v1_copy, capsys):
    """`perfdesk list` opens read-only; an older file must still be listed (or upgraded), not crash."""
    code = main(["list", str(v1_copy)])
    out, err = capsys.readouterr()
    assert "内部错误" not in err, err
    assert code == 0, err
    assert len(out.splitlines()) == 1 and "城乡医疗救助" in out


def test_failed_migration_leaves_the_file_at_its_version(tmp_path, monkeypatch):
    """Each migration runs in one transaction: a failing step leaves no half-migrated schema."""
    path = tmp_path / "m.perfdesk"
    Workspace.create(path).close()
    broken = "CREATE TABLE extra (x); ALTER TABLE evaluation ADD COLUMN extra TEXT; THIS IS NOT SQL"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + (broken,))
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.Error):
            migrations.migrate(connection, target=CURRENT_VERSION + 1)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "extra" not in tables
        columns = {r[1] for r in connection.execute("PRAGMA table_info(evaluation)")}
        assert "extra" not in columns
    finally:
        connection.close()


def test_migrate_from_scratch_matches_created_file(tmp_path):
    """Migrating v1 -> current gives the same schema as a file created at the current version."""
    created = tmp_path / "new.perfdesk"
    Workspace.create(created).close()
    stepped = tmp_path / "stepped.perfdesk"
    connection = sqlite3.connect(stepped, isolation_level=None)
    migrations.migrate(connection, target=1)
    migrations.migrate(connection)
    connection.close()

    def schema(path):
        c = sqlite3.connect(path)
        try:
            return sorted(c.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
        finally:
            c.close()

    assert schema(stepped) == schema(created)
    assert _pragma(stepped, "user_version") == _pragma(created, "user_version") == CURRENT_VERSION


def test_v1_file_that_is_locked_elsewhere_is_not_upgraded(v1_copy):
    """A workspace open for editing elsewhere is neither upgraded nor backed up by a second opener."""
    from perfdesk.models import WorkspaceLocked
    from perfdesk.models.filelock import WorkspaceFile
    lock = WorkspaceFile.open(v1_copy)
    assert lock.try_lock(exclusive=True)
    try:
        digest = sha256(v1_copy)
        with pytest.raises(WorkspaceLocked) as caught:
            Workspace.open(v1_copy)
        assert has_chinese(str(caught.value))
        assert sha256(v1_copy) == digest
        assert not [p for p in v1_copy.parent.iterdir() if "backup" in p.name]
    finally:
        lock.close()


class OldWorkspace:
    """A workspace at an older schema version on either engine, written with raw SQL (`?`
    placeholders), then upgraded the way a user upgrades it: a file when it is opened, a server
    by `perfdesk server init` (an officer's client never changes a server's schema)."""

    def __init__(self, new_target, engine: str, version: int):
        self.engine, self.target = engine, new_target()
        if engine == "sqlite":
            self.connection = sqlite3.connect(self.target, isolation_level=None)
            migrations.migrate(self.connection, target=version)
        else:
            from perfdesk.models import server
            self.connection = server.connect(self.target)
            server.migrate(self.connection, target=version)

    def execute(self, sql: str, params=()) -> None:
        if self.engine == "sqlite":
            self.connection.execute(sql, params)
        else:
            self.connection.execute_sql(sql.replace("?", "%s"), params)

    def upgraded(self) -> Workspace:
        self.connection.close()
        if self.engine == "postgresql":
            assert main(["server", "init", self.target]) == 0
        return Workspace.open(self.target)


def test_tables_already_final_keep_the_scheme_of_the_moment_after_the_upgrade(new_target, engine):
    """A version 2 workspace: one final table, one draft, a stricter scheme in the settings."""
    import json
    old = OldWorkspace(new_target, engine, 2)
    strict = {"version": 2, "grade_bands": [["95", "优"], ["0", "良"]]}
    old.execute("INSERT INTO setting (key, value) VALUES ('scoring_scheme', ?)", (json.dumps(strict),))
    for status in ("final", "draft"):
        old.execute("INSERT INTO evaluation (form, year, project, status) VALUES (?, 2022, ?, ?)",
                    ("project_self_eval", status, status))
    with old.upgraded() as ws:
        final, draft = sorted(ws.evaluations(), key=lambda ev: ev.project != "final")
        assert final.final_scheme is not None and final.final_scheme.grade_bands[0] == (Decimal(95), "优")
        assert final.final_scheme.version == 2
        assert draft.final_scheme is None and draft.status == "draft"
        assert final.finalised_by is None  # who finalised it before the upgrade is in the audit trail only


def test_rich_text_stored_before_is_made_plain_by_the_migration(new_target, engine):
    """Workspaces written before rich text was cleaned at import: the data step rewrites every
    imported text column, and leaves targets such as "<5%" alone."""
    before_step = next(n for n, m in enumerate(migrations.MIGRATIONS, 1) if isinstance(m, migrations.DataStep)) - 1
    old = OldWorkspace(new_target, engine, before_step)
    old.execute("INSERT INTO evaluation (id, form, year, project, goal_target) "
                "VALUES (1, 'project_self_eval', 2022, ?, ?)", ("示例&nbsp;项目", "<p>第一段</p><p>第二段<br>续</p>"))
    old.execute("INSERT INTO indicator (id, evaluation_id, position, level, name, target, actual) VALUES "
                "(1, 1, 0, 3, '满意度', ?, ?)", ("<5%", "<span>4%</span>"))
    with old.upgraded() as ws:
        (ev,) = ws.evaluations()
    assert (ev.project, ev.goal_target) == ("示例 项目", "第一段\n第二段\n续")
    leaf = next(ev.leaves())
    assert (leaf.target, leaf.actual) == ("<5%", "4%")
