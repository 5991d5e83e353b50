"""Ordered schema migrations for both engines. Migration N brings a workspace from version N-1 to N.

A migration is either portable SQL (run as is on SQLite and PostgreSQL), a `Dialects` pair
when the engines need different SQL (None: nothing to do on that engine, e.g. PostgreSQL's
roles and row-level security), or a `DataStep`: Python that rewrites rows through plain SELECT
and UPDATE statements, the same on both engines (the runner supplies the engine's placeholder). Each runs inside one transaction together with its version
bump, so a workspace is always at exactly one version. On SQLite the version is
`PRAGMA user_version`; on PostgreSQL the row of the `perfdesk_schema` table (models.server).
New workspaces are created by running every migration in order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from perfdesk.models import server_sql
from perfdesk.models.richtext import plain_text

APPLICATION_ID = 0x50664453  # "PfDS": marks an SQLite file as a perfdesk workspace
SQLITE, POSTGRESQL = "sqlite", "postgresql"


@dataclass(frozen=True)
class Dialects:
    """A migration whose SQL differs between the engines; None skips that engine."""

    sqlite: str | None
    postgresql: str | None


class Rows(Protocol):
    """What a data step may do: read rows, and update one row by id ("?" marks a parameter)."""

    def select(self, sql: str) -> list[tuple]: ...

    def update(self, sql: str, params: tuple) -> None: ...


@dataclass(frozen=True)
class DataStep:
    """A migration done in Python over plain SELECT/UPDATE, identical on every engine."""

    run: Callable[[Rows], None]


_V1 = """
CREATE TABLE evaluation (
    id INTEGER PRIMARY KEY, form TEXT NOT NULL, year INTEGER NOT NULL, title TEXT, project TEXT,
    department TEXT, central_department TEXT, implementer TEXT, money_unit TEXT,
    goal_target TEXT, goal_actual TEXT, remarks TEXT, total_weight_printed TEXT,
    total_score_printed TEXT, grade_printed TEXT, source TEXT,
    narrative_claims TEXT NOT NULL DEFAULT '[]', transcription_notes TEXT NOT NULL DEFAULT '[]',
    columns TEXT NOT NULL DEFAULT '[]');
CREATE TABLE fund_line (
    id INTEGER PRIMARY KEY,
    evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, label TEXT NOT NULL DEFAULT '', declared TEXT, initial TEXT,
    annual TEXT, executed TEXT, balance TEXT, weight TEXT, rate_printed TEXT, score_printed TEXT);
CREATE INDEX fund_line_evaluation_id ON fund_line (evaluation_id);
CREATE TABLE indicator (
    id INTEGER PRIMARY KEY,
    evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES indicator (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, level INTEGER NOT NULL, name TEXT NOT NULL DEFAULT '',
    weight TEXT, target TEXT, target_adjusted TEXT, actual TEXT, score_printed TEXT,
    reason TEXT, scoring_rule TEXT);
CREATE INDEX indicator_evaluation_id ON indicator (evaluation_id);
CREATE INDEX indicator_parent_id ON indicator (parent_id);
CREATE TABLE fund_management (
    id INTEGER PRIMARY KEY,
    evaluation_id INTEGER NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, item TEXT NOT NULL DEFAULT '', status TEXT, issues TEXT);
CREATE INDEX fund_management_evaluation_id ON fund_management (evaluation_id);
CREATE TABLE audit_event (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT, evaluation_id INTEGER,
    action TEXT NOT NULL, target TEXT, old TEXT, new TEXT);
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# v2: signatories, draft/final status, report text and department code on the evaluation;
# direction override and manual score on indicators.
_V2 = """
ALTER TABLE evaluation ADD COLUMN department_code TEXT;
ALTER TABLE evaluation ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE evaluation ADD COLUMN preparer TEXT;
ALTER TABLE evaluation ADD COLUMN phone TEXT;
ALTER TABLE evaluation ADD COLUMN reviewer TEXT;
ALTER TABLE evaluation ADD COLUMN head TEXT;
ALTER TABLE evaluation ADD COLUMN fill_date TEXT;
ALTER TABLE evaluation ADD COLUMN report_sections TEXT NOT NULL DEFAULT '[]';
ALTER TABLE indicator ADD COLUMN direction TEXT;
ALTER TABLE indicator ADD COLUMN manual_score TEXT;
ALTER TABLE indicator ADD COLUMN manual_reason TEXT;
"""

# v3: several editors at once. The unit (单位) an evaluation belongs to; its version, changed by
# every edit so an edit made against an older one is refused; the review (复核得分 per
# indicator, the reviewer's comment, the explanation given on submitting); the database role
# and, for events brought in from an offline unit's file, their origin, on audit events.
_V3 = """
ALTER TABLE evaluation ADD COLUMN unit TEXT;
ALTER TABLE evaluation ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evaluation ADD COLUMN review_comment TEXT;
ALTER TABLE evaluation ADD COLUMN submit_note TEXT;
ALTER TABLE indicator ADD COLUMN review_score TEXT;
ALTER TABLE audit_event ADD COLUMN role TEXT;
ALTER TABLE audit_event ADD COLUMN origin TEXT;
CREATE INDEX audit_event_evaluation_id ON audit_event (evaluation_id);
"""


def _identity(sql: str) -> str:
    """SQLite's `INTEGER PRIMARY KEY` numbers new rows itself; PostgreSQL needs an identity."""
    return sql.replace("id INTEGER PRIMARY KEY", "id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")


# v5: a finalised (定稿) evaluation keeps the scoring scheme it was finalised with, and who
# finalised it and when. Tables already final keep the workspace's scheme of the moment.
_FINAL_SCHEME = """
ALTER TABLE evaluation ADD COLUMN final_scheme TEXT;
ALTER TABLE evaluation ADD COLUMN finalised_by TEXT;
ALTER TABLE evaluation ADD COLUMN finalised_at TEXT;
UPDATE evaluation SET final_scheme = COALESCE(
    (SELECT value FROM setting WHERE key = 'scoring_scheme'), '{}') WHERE status = 'final';
"""

# v6: the 财务负责人 of the signature block.
_SIGNATURE_FINANCE = """
ALTER TABLE evaluation ADD COLUMN finance_head TEXT;
"""

# Every text column an import fills (rich text is made plain at import since this version).
_IMPORTED_TEXTS = {
    "evaluation": ("title", "project", "department", "central_department", "implementer", "goal_target",
                   "goal_actual", "remarks", "preparer", "phone", "reviewer", "head", "finance_head", "fill_date"),
    "fund_line": ("label", "rate_printed"),
    "indicator": ("name", "target", "target_adjusted", "actual", "reason", "scoring_rule", "manual_reason"),
    "fund_management": ("item", "status", "issues"),
}


def _plain_texts(rows: Rows) -> None:
    """Rich text an earlier import stored ("<p>…</p>", "<br>", "&nbsp;") rewritten as plain paragraphs."""
    for table, columns in _IMPORTED_TEXTS.items():
        for row in rows.select(f"SELECT id, {', '.join(columns)} FROM {table}"):
            changed = {c: plain_text(v) for c, v in zip(columns, row[1:]) if isinstance(v, str) and plain_text(v) != v}
            if changed:
                assignments = ", ".join(f"{column} = ?" for column in changed)
                rows.update(f"UPDATE {table} SET {assignments} WHERE id = ?", (*changed.values(), row[0]))


MIGRATIONS = (
    Dialects(sqlite=_V1, postgresql=_identity(_V1)),
    _V2,
    _V3,
    # v4: who may do what on a server (roles, row-level security, review rules): models.server_sql
    Dialects(sqlite=None, postgresql=server_sql.SECURITY),
    _FINAL_SCHEME,  # v5
    _SIGNATURE_FINANCE,  # v6
    DataStep(_plain_texts),  # v7
    # v8: the reviewer's 通过 keeps the scheme like 定稿 does: models.server_sql
    Dialects(sqlite=None, postgresql=server_sql.REVIEW_KEEPS_SCHEME),
    # v9: rows of a submitted or final evaluation cannot be moved out of it: models.server_sql
    Dialects(sqlite=None, postgresql=server_sql.ROWS_STAY_PUT),
    # v10: row-level security finds an evaluation's rows through its key: models.server_sql
    Dialects(sqlite=None, postgresql=server_sql.ROWS_BY_KEY),
)
CURRENT_VERSION = len(MIGRATIONS)


def statements(number: int, dialect: str) -> list[str]:
    """The SQL statements of migration `number` (1-based) for one engine."""
    migration = MIGRATIONS[number - 1]
    if isinstance(migration, DataStep):
        return []
    sql = getattr(migration, dialect) if isinstance(migration, Dialects) else migration
    if not sql:
        return []
    # psycopg runs a whole script (with $$-quoted function bodies) in one call; sqlite3 cannot.
    return [sql] if dialect == POSTGRESQL else [s for s in sql.split(";") if s.strip()]


def data_step(number: int) -> DataStep | None:
    """The Python part of migration `number`, which the runner of each engine calls after its SQL."""
    migration = MIGRATIONS[number - 1]
    return migration if isinstance(migration, DataStep) else None


@dataclass(frozen=True)
class SqliteRows:
    connection: object

    def select(self, sql: str) -> list[tuple]:
        return self.connection.execute(sql).fetchall()

    def update(self, sql: str, params: tuple) -> None:
        self.connection.execute(sql, params)


def migrate(connection, target: int = CURRENT_VERSION) -> None:
    """Apply migrations on a raw sqlite3 connection up to `target`, each in its own transaction."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version + 1, target + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            if number == 1:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in statements(number, SQLITE):
                connection.execute(statement)
            if (step := data_step(number)) is not None:
                step.run(SqliteRows(connection))
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
