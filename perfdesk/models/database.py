"""Opening a workspace file: checks that refuse foreign files untouched, upgrades, pragmas."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee

from perfdesk.models import messages as msg
from perfdesk.models.backups import copy_database
from perfdesk.models.errors import WorkspaceError
from perfdesk.models.migrations import APPLICATION_ID, CURRENT_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}
# A read-only view is an ordinary connection that refuses writes: unlike SQLite's mode=ro it
# can remove the -wal/-shm files it needed when it closes.
READONLY_PRAGMAS = {"query_only": 1, "foreign_keys": 1, "busy_timeout": 5000}


def _readonly_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _read_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(HEADER_SIZE)
    except FileNotFoundError:
        raise WorkspaceError(msg.NOT_FOUND.format(path=path)) from None
    except IsADirectoryError:
        raise WorkspaceError(msg.IS_DIRECTORY.format(path=path)) from None
    except OSError as exc:
        raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=exc.strerror)) from None


def _sane(header: bytes) -> bool:
    """The fixed fields of an SQLite header (page size, payload fractions) hold valid values."""
    page_size = int.from_bytes(header[16:18], "big")
    return (len(header) == HEADER_SIZE and header[:16] == SQLITE_MAGIC and header[21:24] == b"\x40\x20\x20"
            and (page_size == 1 or (512 <= page_size <= 32768 and page_size & (page_size - 1) == 0)))


def inspect_file(path: Path) -> int:
    """The schema version of a perfdesk workspace file; refuses anything else.

    The checks read the file's header bytes only: opening a refused file with SQLite could
    leave -wal/-shm files beside it.
    """
    header = _read_header(path)
    if not header:
        raise WorkspaceError(msg.EMPTY_FILE.format(path=path))
    if not _sane(header):
        raise WorkspaceError(msg.NOT_SQLITE.format(path=path))
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    if app_id == APPLICATION_ID and Path(f"{path}-wal").exists():
        version = _version_through_wal(path)  # the header may lag behind a WAL left by a crash
    if app_id != APPLICATION_ID or version < 1:
        raise WorkspaceError(msg.FOREIGN_SQLITE.format(path=path))
    if version > CURRENT_VERSION:
        raise WorkspaceError(msg.NEWER_VERSION.format(path=path, version=version, current=CURRENT_VERSION))
    return version


def _version_through_wal(path: Path) -> int:
    try:
        connection = sqlite3.connect(_readonly_uri(path), uri=True)
        try:
            return connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise WorkspaceError(msg.NOT_SQLITE.format(path=path)) from None


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
        copy_database(source, backup)
        source.execute("PRAGMA journal_mode = wal")
        migrate(source)
    finally:
        source.close()
    return backup


def connect(path: Path, readonly: bool) -> peewee.SqliteDatabase:
    db = peewee.SqliteDatabase(str(path), pragmas=READONLY_PRAGMAS if readonly else PRAGMAS)
    db.connect()
    return db


def copy_in_memory(path: Path, immutable: bool = False) -> peewee.SqliteDatabase:
    """A read-only view as a (migrated) copy in memory, the file left exactly as it is.

    Used for older files, and with `immutable` for files on read-only media, where SQLite
    cannot create the shared-memory file a WAL database otherwise needs.
    """
    db = peewee.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    db.connect()
    uri = path.resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
    source = sqlite3.connect(uri, uri=True)
    try:
        source.backup(db.connection())
    finally:
        source.close()
    connection = db.connection()
    previous = connection.isolation_level
    connection.isolation_level = None
    migrate(connection)
    connection.isolation_level = previous
    db.execute_sql("PRAGMA query_only = 1")
    return db
