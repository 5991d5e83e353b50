"""Is this SQLite database a sound perfdesk workspace? Checked before a workspace is used.

Run on a connection that cannot write (see `database`): SQLite's own page checks
(`PRAGMA quick_check`, or `integrity_check` when thorough), the perfdesk marks (application
id, schema version), the tables and columns that version must have, the links between rows,
and the values the program relies on when it loads a workspace (indicator levels and parents,
JSON columns, exact decimals, forms and years). A file that fails is refused before anything
reads or writes it.
"""
from __future__ import annotations

import functools
import json
import sqlite3
from decimal import Decimal, InvalidOperation

from perfdesk.models import messages as msg
from perfdesk.models.migrations import APPLICATION_ID, CURRENT_VERSION, migrate
from perfdesk.scoring.evaluation import FORM_KINDS, STATUSES
from perfdesk.scoring.rules import DIRECTIONS


class Damaged(Exception):
    """The file is a perfdesk workspace but fails a check; the message says which (Chinese)."""


class Foreign(Exception):
    """The file is an SQLite database of another program."""


class TooNew(Exception):
    """Written by a newer perfdesk; `version` is its schema version."""

    def __init__(self, version: int):
        super().__init__(version)
        self.version = version


@functools.lru_cache(maxsize=None)
def expected_columns(version: int) -> dict[str, tuple[tuple[str, str], ...]]:
    """Table -> ((column, declared type), ...) of a workspace at `version`, from the migrations."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(connection, version)
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: tuple((c[1], c[2].upper()) for c in connection.execute(f'PRAGMA table_info("{t}")'))
                for t in tables}
    finally:
        connection.close()


def check(connection: sqlite3.Connection, thorough: bool = False) -> int:
    """The workspace's schema version after every check passed; raises Damaged, Foreign or TooNew.

    sqlite3.DatabaseError escapes for files SQLite cannot read at all; the caller tells a
    damaged file (faults.is_damage) from a storage fault.
    """
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise Foreign()
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version < 1:
        raise Foreign()
    if version > CURRENT_VERSION:
        raise TooNew(version)
    previous, connection.text_factory = connection.text_factory, bytes  # its report may quote broken text
    try:
        pages = connection.execute("PRAGMA integrity_check" if thorough else "PRAGMA quick_check").fetchall()
    finally:
        connection.text_factory = previous
    if pages != [(b"ok",)]:
        raise Damaged(msg.DAMAGE_PAGES)
    _check_schema(connection, version)
    if connection.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise Damaged(msg.DAMAGE_LINKS)
    _check_columns(connection, version)
    _check_values(connection, version)
    return version


def _columns(connection, table: str) -> tuple[tuple[str, str], ...]:
    return tuple((c[1], c[2].upper()) for c in connection.execute(f'PRAGMA table_info("{table}")'))


def _check_schema(connection, version: int) -> None:
    for table, columns in expected_columns(version).items():
        found = _columns(connection, table)
        if found != columns:
            raise Damaged(msg.DAMAGE_SCHEMA.format(table=table))


_STORAGE_CLASS = {"TEXT": "'text'", "INTEGER": "'integer'"}


def _check_columns(connection, version: int) -> None:
    """Every column holds its declared kind of value or NULL (the loaders rely on it), and
    every text is valid UTF-8 (a flipped bit can break one; reading it would fail). One pass
    per table: each text column comes back as one run of bytes, values joined by a line break,
    and an ASCII byte can neither complete nor continue a multi-byte sequence, so the run is
    valid UTF-8 exactly when every value is."""
    previous = connection.text_factory
    connection.text_factory = bytes
    try:
        for table, columns in expected_columns(version).items():
            wrong = " OR ".join(f'typeof("{name}") NOT IN ({_STORAGE_CLASS[kind]}, \'null\')'
                                for name, kind in columns if kind in _STORAGE_CLASS)
            texts = [f'group_concat("{name}", char(10))' for name, kind in columns if kind == "TEXT"]
            found = connection.execute(f'SELECT count(CASE WHEN {wrong or 0} THEN 1 END), '
                                       f'{", ".join(texts) or "NULL"} FROM "{table}"').fetchone()
            if found[0]:
                raise Damaged(msg.DAMAGE_VALUES.format(table=table))
            for joined in found[1:]:
                if isinstance(joined, bytes):
                    joined.decode("utf-8")
    except UnicodeDecodeError:
        raise Damaged(msg.DAMAGE_VALUES.format(table=table)) from None
    finally:
        connection.text_factory = previous


def _check_values(connection, version: int) -> None:
    forms = ", ".join(f"'{f}'" for f in FORM_KINDS)
    bad_evaluation = f"form NOT IN ({forms}) OR year NOT BETWEEN 1900 AND 2200"
    if version >= 2:
        bad_evaluation += f" OR status NOT IN ({', '.join(repr(s) for s in STATUSES)})"
    if connection.execute(f"SELECT 1 FROM evaluation WHERE {bad_evaluation} LIMIT 1").fetchone():
        raise Damaged(msg.DAMAGE_VALUES.format(table="evaluation"))
    # The tree: levels 1 to 3, a child one level below a parent of its own evaluation (so no cycles).
    if connection.execute(
            "SELECT 1 FROM indicator AS c LEFT JOIN indicator AS p ON p.id = c.parent_id "
            "WHERE c.level NOT IN (1, 2, 3) "
            "OR (c.parent_id IS NOT NULL AND (p.id IS NULL OR p.evaluation_id != c.evaluation_id "
            "OR p.level != c.level - 1)) LIMIT 1").fetchone():
        raise Damaged(msg.DAMAGE_TREE)
    json_columns = ["narrative_claims", "transcription_notes", "columns"] + (["report_sections"] if version >= 2 else [])
    for row in connection.execute(f"SELECT {', '.join(json_columns)} FROM evaluation"):
        if not all(_json_list(value, pairs=(name == "report_sections")) for name, value in zip(json_columns, row)):
            raise Damaged(msg.DAMAGE_VALUES.format(table="evaluation"))
    if "final_scheme" in {name for name, _ in _columns(connection, "evaluation")}:
        for (value,) in connection.execute("SELECT final_scheme FROM evaluation WHERE final_scheme IS NOT NULL"):
            if not isinstance(_json(value), dict):
                raise Damaged(msg.DAMAGE_VALUES.format(table="evaluation"))
    for (value,) in connection.execute("SELECT value FROM setting"):
        try:
            json.loads(value)
        except ValueError:
            raise Damaged(msg.DAMAGE_VALUES.format(table="setting")) from None
    if version >= 2:
        _check_indicator_v2(connection)


def _check_indicator_v2(connection) -> None:
    directions = ", ".join(f"'{d}'" for d in DIRECTIONS)
    if connection.execute(f"SELECT 1 FROM indicator WHERE direction NOT IN ({directions}) LIMIT 1").fetchone():
        raise Damaged(msg.DAMAGE_VALUES.format(table="indicator"))
    for column in ("manual_score", "review_score"):
        if column not in {name for name, _ in _columns(connection, "indicator")}:
            continue
        for (value,) in connection.execute(f"SELECT {column} FROM indicator WHERE {column} IS NOT NULL"):
            try:
                if not Decimal(value).is_finite():
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                raise Damaged(msg.DAMAGE_VALUES.format(table="indicator")) from None


def _json(text: str):
    """A JSON value, or None when the text is none."""
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None


def _json_list(text: str, pairs: bool) -> bool:
    value = _json(text)
    if not isinstance(value, list):
        return False
    if pairs:
        return all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value)
    return all(isinstance(x, str) for x in value)
