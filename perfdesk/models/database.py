"""Opening a workspace file: checks that refuse foreign files untouched, upgrades, pragmas."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import peewee

from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError
from perfdesk.models.migrations import APPLICATION_ID, CURRENT_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}
READONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000}


def _readonly_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def inspect_file(path: Path) -> int:
    """The schema version of a perfdesk workspace file; refuses anything else without writing."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise WorkspaceError(msg.NOT_FOUND.format(path=path)) from None
    except IsADirectoryError:
        raise WorkspaceError(msg.IS_DIRECTORY.format(path=path)) from None
    except OSError as exc:
        raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=exc.strerror)) from None
    if not head:
        raise WorkspaceError(msg.EMPTY_FILE.format(path=path))
    if head != SQLITE_MAGIC:
        raise WorkspaceError(msg.NOT_SQLITE.format(path=path))
    try:
        connection = sqlite3.connect(_readonly_uri(path), uri=True)
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise WorkspaceError(msg.NOT_SQLITE.format(path=path)) from None
    if app_id != APPLICATION_ID:
        raise WorkspaceError(msg.FOREIGN_SQLITE.format(path=path))
    if version > CURRENT_VERSION:
        raise WorkspaceError(msg.NEWER_VERSION.format(path=path, version=version, current=CURRENT_VERSION))
    if version < 1:
        raise WorkspaceError(msg.FOREIGN_SQLITE.format(path=path))
    return version


def create_file(path: Path) -> None:
    if path.exists():
        raise WorkspaceError(msg.ALREADY_EXISTS.format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(msg.CANNOT_CREATE.format(path=path, error=exc)) from None
    try:
        connection.execute("PRAGMA journal_mode = wal")
        migrate(connection)
    finally:
        connection.close()


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.v{version}-{stamp}.backup{path.suffix}")


def upgrade_file(path: Path, version: int) -> Path:
    """Copy the file aside with SQLite's backup API, then migrate it; returns the backup's path."""
    backup = backup_path(path, version)
    source = sqlite3.connect(path, isolation_level=None)
    try:
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
        finally:
            target.close()
        source.execute("PRAGMA journal_mode = wal")
        migrate(source)
    finally:
        source.close()
    return backup


def connect(path: Path, readonly: bool) -> peewee.SqliteDatabase:
    if readonly:
        db = peewee.SqliteDatabase(_readonly_uri(path), uri=True, pragmas=READONLY_PRAGMAS)
    else:
        db = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS)
    db.connect()
    return db
