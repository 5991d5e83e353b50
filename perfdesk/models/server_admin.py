"""Administering a server workspace: creating or upgrading its schema, and who may do what.

Run by the role that owns the workspace (the one that ran `perfdesk server init`). Login
roles themselves are PostgreSQL's: the IT staff create them (createuser --pwprompt), or
`grant(..., password=...)` creates one with a password sent only as a SCRAM verifier.
"""
from __future__ import annotations

from dataclasses import dataclass

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee
import psycopg
from psycopg import sql

from perfdesk.models import address, migrations, server
from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError


@dataclass(frozen=True)
class Member:
    role: str
    reviewer: bool
    units: tuple[str, ...]


def init(url: str, password: str | None = None) -> tuple[int, int]:
    """Create the workspace schema in the database, or upgrade it; returns (before, after) versions."""
    db = server.connect(url, password)
    try:
        return server.migrate(db), migrations.CURRENT_VERSION
    except peewee.DatabaseError as exc:
        raise WorkspaceError(msg.INIT_FAILED.format(error=server.original(exc))) from None
    finally:
        db.close()


def _admin(url: str, password: str | None):
    db = server.connect(url, password)
    try:
        version = server.schema_version(db)
        if version is None:
            raise WorkspaceError(msg.NOT_INITIALISED.format(database=address.database_name(url)))
        if version != migrations.CURRENT_VERSION or not db.execute_sql("SELECT perfdesk_is_admin()").fetchone()[0]:
            raise WorkspaceError(msg.GRANT_NEEDS_ADMIN if version == migrations.CURRENT_VERSION
                                 else msg.SERVER_OLDER.format(url=address.redact(url)))
    except peewee.ProgrammingError:
        db.close()
        raise WorkspaceError(msg.GRANT_NEEDS_ADMIN) from None
    except BaseException:
        db.close()
        raise
    return db


def grant(url: str, role: str, units: list[str] | None = None, reviewer: bool = False,
          password: str | None = None, new_password: str | None = None) -> Member:
    """Make `role` a 填报 member of `units`, or a 审核 member (reviewer); replaces what it had.

    With `new_password` a missing login role is created (or its password changed), the
    password sent to the server only as a SCRAM-SHA-256 verifier.
    """
    units = sorted({u.strip() for u in units or () if u.strip()})
    if reviewer == bool(units):
        raise WorkspaceError(msg.GRANT_KIND)
    db = _admin(url, password)
    try:
        conn = db.connection()
        exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if new_password:
            verifier = conn.pgconn.encrypt_password(new_password.encode(), role.encode(), b"scram-sha-256").decode()
            statement = "ALTER ROLE {} LOGIN PASSWORD {}" if exists else "CREATE ROLE {} LOGIN PASSWORD {}"
            conn.execute(sql.SQL(statement).format(sql.Identifier(role), sql.Literal(verifier)))
        elif not exists:
            raise WorkspaceError(msg.NO_SUCH_ROLE.format(role=role))
        with db.atomic():
            db.execute_sql("INSERT INTO perfdesk_member (role, reviewer) VALUES (%s, %s) "
                           "ON CONFLICT (role) DO UPDATE SET reviewer = EXCLUDED.reviewer", (role, reviewer))
            db.execute_sql("DELETE FROM perfdesk_member_unit WHERE role = %s", (role,))
            for unit in units:
                db.execute_sql("INSERT INTO perfdesk_member_unit (role, unit) VALUES (%s, %s)", (role, unit))
            db.execute_sql("SELECT perfdesk_apply_grants(%s)", (role,))
    except (peewee.DatabaseError, psycopg.Error) as exc:
        raise WorkspaceError(msg.GRANT_FAILED.format(error=server.original(exc))) from None
    finally:
        db.close()
    return Member(role, reviewer, tuple(units))


def revoke(url: str, role: str, password: str | None = None) -> None:
    """Take away every right `role` had on this workspace (the login role itself stays)."""
    db = _admin(url, password)
    try:
        with db.atomic():
            db.execute_sql("DELETE FROM perfdesk_member WHERE role = %s", (role,))
            if db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                db.execute_sql("SELECT perfdesk_apply_grants(%s)", (role,))
    finally:
        db.close()


def members(url: str, password: str | None = None) -> list[Member]:
    db = _admin(url, password)
    try:
        rows = db.execute_sql(
            "SELECT m.role, m.reviewer, coalesce(array_agg(u.unit ORDER BY u.unit) FILTER (WHERE u.unit IS NOT NULL), '{}')"
            " FROM perfdesk_member m LEFT JOIN perfdesk_member_unit u ON u.role = m.role"
            " GROUP BY m.role, m.reviewer ORDER BY m.role").fetchall()
    finally:
        db.close()
    return [Member(role, reviewer, tuple(units)) for role, reviewer, units in rows]
