"""`perfdesk copy`: a whole workspace from a file to a server or back, row for row.

Every table is copied with its ids, positions, versions and exact text, the audit trail
included, in one transaction: the copy is complete or not there at all.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee
import psycopg

from perfdesk.models import address, dialect
from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError

# In an order that never breaks a foreign key: evaluations first, parents before children.
TABLES = (
    ("evaluation", "id"),
    ("fund_line", "id"),
    ("indicator", "level, id"),
    ("fund_management", "id"),
    ("audit_event", "id"),
    ("setting", "key"),
)
IDENTITY_TABLES = ("evaluation", "fund_line", "indicator", "fund_management", "audit_event")
CHUNK = 500


def copy_workspace(source, target: str | Path, unit: str | None = None, password: str | None = None) -> str:
    """Copy the open workspace `source` to a new file or an empty server workspace.

    `unit` is given to evaluations that belong to none (a file's, when it goes to a server).
    Returns where the copy went. Raises WorkspaceError (nothing written) when the target file
    exists, the server workspace is not empty, or the role may not administer it.
    """
    from perfdesk.models.workspace import Workspace
    if not address.is_server(target) and Path(target).exists():
        raise WorkspaceError(msg.ALREADY_EXISTS.format(path=target))
    destination = _server_target(target, password) if address.is_server(target) else Workspace.create(target)
    done = False
    try:
        try:
            with destination.db.atomic():
                for table, order in TABLES:
                    _copy_table(source.db, destination.db, table, order)
                if unit:
                    destination.db.execute_sql(
                        f"UPDATE evaluation SET unit = {destination.db.param} WHERE unit IS NULL", (unit,))
                if dialect.is_server(destination.db):
                    _advance_sequences(destination.db)
        except (peewee.DatabaseError, sqlite3.Error, psycopg.Error) as exc:
            raise WorkspaceError(msg.COPY_FAILED.format(target=destination.location, error=exc)) from None
        done = True
        return destination.location
    finally:
        destination.close()
        if not done and not destination.is_server:  # a new file holding half a copy is no copy
            Path(target).unlink(missing_ok=True)


def _server_target(url: str, password: str | None):
    """An empty server workspace the connected role administers (created when missing)."""
    from perfdesk.models import server
    db = server.connect(url, password)
    try:
        if server.schema_version(db) is None:
            server.migrate(db)
        is_admin, used = db.execute_sql(
            "SELECT perfdesk_is_admin(), EXISTS (SELECT 1 FROM evaluation) OR EXISTS (SELECT 1 FROM audit_event)"
            " OR EXISTS (SELECT 1 FROM setting)").fetchone()
    finally:
        db.close()
    if not is_admin:
        raise WorkspaceError(msg.COPY_NEEDS_ADMIN)
    if used:
        raise WorkspaceError(msg.COPY_NOT_EMPTY.format(target=address.redact(url)))
    return server.ServerWorkspace.open(url, password=password)


def _copy_table(source, destination, table: str, order: str) -> None:
    cursor = source.execute_sql(f'SELECT * FROM "{table}" ORDER BY {order}')
    columns = [d[0] for d in cursor.description]
    marks = ", ".join([destination.param] * len(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
    while True:
        rows = cursor.fetchmany(CHUNK)
        if not rows:
            break
        destination.cursor().executemany(insert, rows)


def _advance_sequences(db) -> None:
    """Ids and versions handed out later must come after the copied ones."""
    for table in IDENTITY_TABLES:
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM \"{table}\" "
                       "HAVING max(id) IS NOT NULL")
    db.execute_sql("SELECT setval('perfdesk_version', max(version)) FROM evaluation HAVING max(version) > 0")
