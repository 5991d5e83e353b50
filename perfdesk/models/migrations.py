"""Ordered schema migrations. Migration N brings a file from user_version N-1 to N.

Each runs inside one transaction together with its `PRAGMA user_version` bump, so a file is
always at exactly one version. New files are created by running every migration in order.
"""
from __future__ import annotations

APPLICATION_ID = 0x50664453  # "PfDS": marks an SQLite file as a perfdesk workspace

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

MIGRATIONS = (
    f"PRAGMA application_id = {APPLICATION_ID};" + _V1,
    _V2,
)
CURRENT_VERSION = len(MIGRATIONS)


def migrate(connection, target: int = CURRENT_VERSION) -> None:
    """Apply migrations on a raw sqlite3 connection up to `target`, each in its own transaction."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version + 1, target + 1):
        statements = [s for s in MIGRATIONS[number - 1].split(";") if s.strip()]
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
