"""The few things edit commands and snapshots do differently on SQLite and on PostgreSQL.

Everything else (peewee queries, the plain SQL of snapshots) is the same text on both, with
the database's own parameter mark (`db.param`).
"""
from __future__ import annotations

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee


def is_server(db) -> bool:
    return isinstance(db, peewee.PostgresqlDatabase)


def new_ids(model, count: int, above: int = 0) -> list[int]:
    """`count` unused ids for `model`, taken inside the caller's transaction.

    PostgreSQL hands them out from the table's identity sequence, so concurrent editors
    never collide; SQLite has one writer at a time and numbers after the largest id.
    """
    if count <= 0:
        return []
    db = model._meta.database
    table = model._meta.table_name
    if is_server(db):
        cursor = db.execute_sql(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)", (count,))
        return [row[0] for row in cursor]
    first = max((model.select(peewee.fn.MAX(model.id)).scalar() or 0), above) + 1
    return list(range(first, first + count))


def next_version(db) -> peewee.SQL:
    """An SQL expression giving an evaluation version never used before in this workspace."""
    if is_server(db):
        return peewee.SQL("nextval('perfdesk_version')")
    return peewee.SQL("(SELECT coalesce(max(version), 0) + 1 FROM evaluation)")
