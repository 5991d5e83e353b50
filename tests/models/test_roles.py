"""Who may do what on a server workspace, enforced by PostgreSQL itself: row-level security for
填报 roles (their units only, even with raw SQL), 审核 roles that see everything but cannot
change figures, the review's status rules, the database role on every audit event."""
from __future__ import annotations

import dataclasses
import itertools
import os
from pathlib import Path
from decimal import Decimal

import psycopg
import pytest

from helpers import has_chinese, read_fixture_tables
from perfdesk.cli import main
from perfdesk.models import EvaluationFinal, Workspace, WorkspaceError
from perfdesk.models import review
from perfdesk.models.commands import CreateEvaluation, DeleteEvaluation, SetField

PASSWORD = "口令-2024"
_suffix = itertools.count(1)


@pytest.fixture
def office(pg_cluster, empty_database, capsys):
    """A server workspace with one evaluation in each of two units, two 填报 roles and a 审核 role."""
    url = empty_database()
    n = next(_suffix)
    roles = {"a": f"filler_a{n}", "b": f"filler_b{n}", "r": f"reviewer{n}"}
    for role in roles.values():
        pg_cluster.create_role(role, PASSWORD)
    with Workspace.create(url) as admin:
        a, b = admin.import_evaluations(read_fixture_tables("004_02", "004_05"))
        admin.apply(SetField("evaluation", a, "unit", "甲单位"))
        admin.apply(SetField("evaluation", b, "unit", "乙单位"))
    assert main(["server", "grant", url, roles["a"], "--unit", "甲单位"]) == 0
    assert main(["server", "grant", url, roles["b"], "--unit", "乙单位", "丙单位"]) == 0
    assert main(["server", "grant", url, roles["r"], "--reviewer"]) == 0
    capsys.readouterr()
    database = url.rsplit("/", 1)[1]

    class Office:
        pass
    office = Office()
    office.url, office.roles, office.ids = url, roles, {"a": a, "b": b}
    office.address = lambda who: f"postgresql://{roles[who]}@127.0.0.1:{pg_cluster.port}/{database}"
    office.open = lambda who: Workspace.open(office.address(who), password=PASSWORD)
    office.raw = lambda who: psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname=database,
                                             user=roles[who], password=PASSWORD, autocommit=True)
    return office


def _refused(conn, sql, params=None) -> str:
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql, params)
    return str(caught.value)


def test_a_filler_cannot_read_or_change_another_units_rows_even_with_raw_sql(office):
    a, b = office.ids["a"], office.ids["b"]
    with office.raw("a") as conn:
        assert conn.execute("SELECT id FROM evaluation").fetchall() == [(a,)]
        for table in ("indicator", "fund_line"):
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE evaluation_id = %s", (b,)).fetchone() == (0,)
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE evaluation_id = %s", (a,)).fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM audit_event WHERE evaluation_id = %s", (b,)).fetchone() == (0,)
        # writes to rows it cannot see touch nothing
        assert conn.execute("UPDATE indicator SET actual = 'x' WHERE evaluation_id = %s", (b,)).rowcount == 0
        assert conn.execute("UPDATE evaluation SET title = 'x' WHERE id = %s", (b,)).rowcount == 0
        assert conn.execute("DELETE FROM evaluation WHERE id = %s", (b,)).rowcount == 0
        # and rows it would create or move into another unit are refused
        assert "row-level security" in _refused(
            conn, "INSERT INTO indicator (evaluation_id, position, level, name) VALUES (%s, 0, 1, 'x')", (b,))
        assert "row-level security" in _refused(conn, "UPDATE evaluation SET unit = '乙单位' WHERE id = %s", (a,))
        assert "row-level security" in _refused(
            conn, "INSERT INTO evaluation (form, year, unit) VALUES ('project_self_eval', 2023, '乙单位')")
        # nor can it rewrite the audit trail, or give a 复核得分
        assert "permission denied" in _refused(conn, "UPDATE audit_event SET actor = 'x'")
        assert "permission denied" in _refused(conn, "DELETE FROM audit_event")
        assert "perfdesk:review_only" in _refused(conn, "UPDATE indicator SET review_score = '1' WHERE evaluation_id = %s", (a,))
        assert "perfdesk:status" in _refused(conn, "UPDATE evaluation SET status = 'final' WHERE id = %s", (a,))
        # an event it writes names its own role, whatever it claims
        conn.execute("INSERT INTO audit_event (at, action, evaluation_id, role) VALUES ('now', '伪造', %s, 'someone')", (a,))
        assert conn.execute("SELECT role FROM audit_event WHERE action = '伪造'").fetchone() == (office.roles["a"],)
    with Workspace.open(office.url, readonly=True) as admin:
        assert admin.evaluation(b).title != "x"
        assert all(leaf.actual != "x" for leaf in admin.evaluation(b).leaves())


def test_a_filler_in_perfdesk_sees_its_units_and_gets_chinese_refusals(office):
    a, b = office.ids["a"], office.ids["b"]
    with Workspace.open(office.url) as admin:
        other_leaf = next(admin.evaluation(b).leaves()).id
    with office.open("a") as ws:
        assert [e.id for e in ws.evaluations()] == [a] and ws.units == ["甲单位"] and not ws.is_reviewer
        with pytest.raises(WorkspaceError) as caught:
            ws.apply(SetField("indicator", other_leaf, "actual", "x"))
        assert has_chinese(str(caught.value)) and "找不到" in str(caught.value)
        with pytest.raises(WorkspaceError, match="评分规则|没有权限"):
            ws.set_setting("grade_bands", [[90, "优"]])
        # a new evaluation goes to the filler's only unit
        [created] = ws.import_evaluations(read_fixture_tables("002_01"))
        assert ws.evaluation(created).unit == "甲单位"
        ws.apply(SetField("indicator", next(ws.evaluation(a).leaves()).id, "actual", "100%"))
        trail = ws.audit_trail()
        assert [(e.role, e.actor) for e in trail[-2:]] == [(office.roles["a"], office.roles["a"])] * 2
        assert {e.role for e in trail} == {office.roles["a"], "postgres"}  # the import before it
    with office.open("b") as ws:  # two units: it must say which
        with pytest.raises(WorkspaceError, match="请指明评价表所属的单位"):
            ws.import_evaluations(read_fixture_tables("002_01"))
        with pytest.raises(WorkspaceError, match="本单位") as caught:  # and only one of its own
            ws.apply(CreateEvaluation(dataclasses.replace(read_fixture_tables("002_01")[0], unit="甲单位")))
        assert office.roles["b"] in str(caught.value)
        ws.apply(CreateEvaluation(dataclasses.replace(read_fixture_tables("002_01")[0], unit="丙单位")))
        assert sorted(e.unit for e in ws.evaluations()) == ["丙单位", "乙单位"]


def test_a_reviewer_sees_everything_but_cannot_change_figures(office):
    a, b = office.ids["a"], office.ids["b"]
    with office.raw("r") as conn:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM evaluation")) == sorted([a, b])
        assert "permission denied" in _refused(conn, "UPDATE indicator SET actual = 'x'")
        assert "permission denied" in _refused(conn, "UPDATE evaluation SET title = 'x'")
        assert "permission denied" in _refused(conn, "DELETE FROM evaluation")
        assert "perfdesk:review" in _refused(conn, "UPDATE evaluation SET status = 'final' WHERE id = %s", (a,))
    with office.open("r") as ws:
        assert ws.is_reviewer and len(ws.evaluations()) == 2
        leaf = next(ws.evaluation(a).leaves())
        with pytest.raises(WorkspaceError) as caught:
            ws.apply(SetField("indicator", leaf.id, "actual", "x"))
        assert str(caught.value) == "审核人不能修改填报的内容，只能填写复核得分、退回或通过"
        with pytest.raises(WorkspaceError):
            ws.apply(DeleteEvaluation(b))
        assert next(ws.evaluation(a).leaves()).actual == leaf.actual


def test_submit_return_and_approve(office):
    a = office.ids["a"]
    with office.open("a") as filler, office.open("r") as reviewer:
        errors = filler.error_findings(a)
        leaf = next(filler.evaluation(a).leaves())
        if errors:
            with pytest.raises(WorkspaceError, match="情况说明"):
                filler.submit(a)
        filler.submit(a, "原表数字照录，差异已说明")
        assert filler.evaluation(a).status == "submitted"
        with pytest.raises(EvaluationFinal, match="已提交审核"):
            filler.apply(SetField("indicator", leaf.id, "actual", "x"))
        with pytest.raises(WorkspaceError, match="撤回"):  # the database keeps it submitted
            filler.apply(SetField("evaluation", a, "status", "draft"))
        # the reviewer scores, then returns it with a comment
        reviewer.evaluation(a)
        with pytest.raises(WorkspaceError, match="退回意见"):
            review.return_for_revision(a, "  ")
        reviewer.apply(review.SetReviewScore(leaf.id, "1.5"))
        reviewer.apply(review.return_for_revision(a, "请补充偏差原因"))
        back = filler.evaluation(a)
        assert (back.status, back.review_comment) == ("returned", "请补充偏差原因")
        assert next(back.leaves()).review_score == Decimal("1.5")
        filler.apply(SetField("indicator", leaf.id, "reason", "已补充"))
        filler.submit(a, "已补充说明")
        reviewer.evaluation(a)
        reviewer.apply(review.approve(a, reviewer.scheme(), reviewer.actor))
        approved = filler.evaluation(a)
        assert (approved.status, approved.finalised_by) == ("final", office.roles["r"])
        assert approved.final_scheme == reviewer.scheme()  # kept with it, as 定稿 does
        for ws, command in ((filler, SetField("indicator", leaf.id, "reason", "x")),
                            (reviewer, review.SetReviewScore(leaf.id, "1"))):
            with pytest.raises(EvaluationFinal):
                ws.apply(command)
        with pytest.raises(WorkspaceError):
            reviewer.apply(review.return_for_revision(a, "再看看"))
        roles = {e.role for e in filler.audit_trail(a)}
        assert {office.roles["a"], office.roles["r"]} <= roles


def test_a_filler_cannot_move_rows_out_of_a_submitted_evaluation_with_raw_sql(office):
    """Moving an indicator, fund line or fund-management row into one of its own draft tables
    would change the figures of a submitted one as surely as deleting them."""
    b = office.ids["b"]
    with office.open("b") as ws:
        ws.apply(CreateEvaluation(dataclasses.replace(read_fixture_tables("002_01")[0], unit="丙单位")))
        draft = next(e.id for e in ws.evaluations() if e.unit == "丙单位")
        ws.submit(b, "说明")
    with office.raw("b") as conn:
        for table in ("indicator", "fund_line"):
            assert "perfdesk:locked:submitted" in _refused(
                conn, f"UPDATE {table} SET evaluation_id = %s WHERE evaluation_id = %s", (draft, b))
    with Workspace.open(office.url, readonly=True) as admin:
        assert admin.evaluation(b).status == "submitted" and list(admin.evaluation(b).leaves())


def _rows_read(plan: dict, relation: str) -> int:
    """Rows an EXPLAIN ANALYZE plan read from `relation`, whatever the filters kept."""
    own = (plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)) * plan.get("Actual Loops", 1) \
        if plan.get("Relation Name") == relation else 0
    return own + sum(_rows_read(child, relation) for child in plan.get("Plans", ()))


def test_security_finds_an_edited_rows_evaluation_by_its_key(office, pg_cluster):
    """An edit of one indicator checks that indicator's evaluation, not every evaluation the
    role may see: with many evaluations in the unit, an edit stays a lookup by key."""
    a = office.ids["a"]
    database = office.url.rsplit("/", 1)[1]
    columns = ", ".join(name for (name,) in pg_cluster.sql(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'evaluation' "
        "AND column_name NOT IN ('id', 'version')", database=database))
    pg_cluster.sql(f"INSERT INTO evaluation ({columns}) SELECT {columns} FROM evaluation, generate_series(1, 400) "
                   "WHERE id = %s", database=database, params=(a,))  # copies of a published table
    pg_cluster.sql("ANALYZE", database=database)
    with office.raw("a") as conn:
        leaf = conn.execute("SELECT max(id) FROM indicator WHERE evaluation_id = %s", (a,)).fetchone()[0]
        conn.execute("BEGIN")
        for statement in ("SELECT * FROM indicator WHERE id = %s", "UPDATE indicator SET actual = '1' WHERE id = %s",
                          "SELECT * FROM fund_line WHERE id = %s", "SELECT * FROM audit_event WHERE id = %s"):
            plan = conn.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", (leaf,)).fetchone()[0][0]["Plan"]
            assert _rows_read(plan, "evaluation") <= 2, statement  # USING and WITH CHECK, one row each
        conn.execute("ROLLBACK")


def test_an_evaluation_a_filler_edited_comes_back_to_its_window_when_its_unit_is_granted_again(office, capsys):
    """changes() leaves out a window's own edits; an evaluation that went out of sight (the role
    moved to another unit) and comes back unchanged must still be reported, or the window that
    removed it never shows it again."""
    a = office.ids["a"]
    with office.open("a") as mine:
        assert mine.changes() is None  # the baseline
        leaf = next(mine.evaluation(a).leaves())
        mine.apply(SetField("indicator", leaf.id, "actual", "本人填写"))
        assert mine.changes() == set()
        assert main(["server", "grant", office.url, office.roles["a"], "--unit", "丙单位"]) == 0
        assert mine.changes() == {a} and mine.evaluation_ids() == []
        assert main(["server", "grant", office.url, office.roles["a"], "--unit", "甲单位"]) == 0
        capsys.readouterr()
        assert mine.changes() == {a} and mine.evaluation_ids() == [a]


def test_members_and_revoking(office, capsys):
    assert main(["server", "members", office.url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"{office.roles['b']}\t填报\t丙单位、乙单位" in lines and f"{office.roles['r']}\t审核\t" in lines
    assert main(["server", "grant", office.url, office.roles["a"], "--revoke"]) == 0
    with pytest.raises(WorkspaceError, match="授权"):
        office.open("a")
    with office.raw("a") as conn:
        assert "permission denied" in _refused(conn, "SELECT * FROM evaluation")
    # only the administrator may grant: a filler's password, from the PostgreSQL password file
    assert main(["server", "grant", office.address("b"), office.roles["a"], "--unit", "甲单位"]) == 1
    assert ".pgpass" in capsys.readouterr().err  # no password at hand, none asked for without a terminal
    pgpass = Path(os.environ["PGPASSFILE"])
    pgpass.write_text(f"*:*:*:{office.roles['b']}:{PASSWORD}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    assert main(["server", "grant", office.address("b"), office.roles["a"], "--unit", "甲单位"]) == 1
    assert "管理员" in capsys.readouterr().err


def test_review_summary_and_difference_tables_from_the_command_line(office, capsys):
    a = office.ids["a"]
    with office.open("a") as filler:
        filler.submit(a, "说明")
    with office.open("r") as reviewer:
        leaves = list(reviewer.evaluation(a).leaves())
        scored = reviewer.evaluation(a)
        from perfdesk.scoring.engine import score_evaluation
        results = score_evaluation(scored, reviewer.scheme()).indicators
        reviewer.apply(review.SetReviewScore(leaves[0].id, str(results[0].score - Decimal("0.5"))))
        reviewer.apply(review.SetReviewScore(leaves[1].id, str(results[1].score - 2)))
    assert main(["review", office.address("r").replace("@", ":" + PASSWORD + "@"), "--threshold", "1"]) == 0
    out = capsys.readouterr().out
    summary, gaps = out.split("\n\n")
    rows = [line.split("\t") for line in summary.splitlines()[1:]]
    row = next(r for r in rows if r[1] == "甲单位")
    assert row[0] == "超过" and Decimal(row[7]) == Decimal("-2.50")
    gap_rows = [line.split("\t") for line in gaps.splitlines()[1:]]
    assert len(gap_rows) == 1 and Decimal(gap_rows[0][8]) == Decimal("-2.00")  # only the one over 1 point
