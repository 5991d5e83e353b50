"""Opening a workspace file: who may write it, the checks before use, upgrades, connections.

Three ways to open (see `ownership` for the rule they serve):
- "edit": the one editor. Exclusive lock on the file (`filelock`), then the checks, then an
  ordinary SQLite connection in WAL mode.
- "read": a short read (the command line). A shared lock while nobody edits, so it may tidy
  the -wal/-shm files when it closes; if somebody edits, as "view".
- "view": a window showing a file read-only, for as long as it stays open. It never holds a
  lock (editors must not be kept out) and connects with `mode=ro`: a read-only connection
  can neither checkpoint nor delete the write-ahead log of the program editing the file; when
  an editor is at work it also leaves the shared-memory index alone (`readonly_shm`).

Not SQLite's `locking_mode=EXCLUSIVE` for the editor: it would keep every reader out (the command
line could no longer read a workspace open in a window), and its lock is a POSIX lock like the
others, dropped all the same by a stray descriptor; the edit lock here is an flock/LockFileEx lock,
which only its own descriptor releases.

Before any connection that could write, the file is checked through one that cannot: its
header (by the descriptor the lock lives on), then `integrity.check`. A refused file is left
exactly as it was (no -wal/-shm/lock files created beside it when it had none).
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee

from perfdesk.models import atomic, backups, faults, integrity, location, ownership
from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceDamaged, WorkspaceError, WorkspaceLocked
from perfdesk.models.filelock import EditorNote, WorkspaceFile
from perfdesk.models.migrations import APPLICATION_ID, CURRENT_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}
READONLY_PRAGMAS = {"query_only": 1, "foreign_keys": 1, "busy_timeout": 5000}
# An editor waits this long for short readers (the command line) to finish before it says
# the workspace is in use (an editor holding the file is reported at once).
LOCK_WAIT_SECONDS = 3
MODES = ("edit", "read", "view")


@dataclass
class Opened:
    db: peewee.SqliteDatabase
    file: WorkspaceFile | None  # closed only after db: see ownership
    readonly: bool
    note: EditorNote | None = None  # who edits, for other programs to say (editors only)
    readonly_reason: str | None = None
    upgraded_from: Path | None = None


def _uri(path: Path, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return path.resolve().as_uri() + (f"?{query}" if query else "")


def _side(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def _sane(header: bytes) -> bool:
    """The fixed fields of an SQLite header (page size, payload fractions) hold valid values."""
    page_size = int.from_bytes(header[16:18], "big")
    return (len(header) == HEADER_SIZE and header[:16] == SQLITE_MAGIC and header[21:24] == b"\x40\x20\x20"
            and (page_size == 1 or (512 <= page_size <= 32768 and page_size & (page_size - 1) == 0)))


def _check_header(handle: WorkspaceFile, path: Path, wal: bool) -> bool:
    """Refuse what is visibly no workspace from the first 100 bytes; True if it carries our id."""
    header = handle.read(HEADER_SIZE)
    if not header:
        raise WorkspaceError(msg.EMPTY_FILE.format(path=path))
    if not _sane(header):
        raise WorkspaceError(msg.NOT_SQLITE.format(path=path))
    ours = int.from_bytes(header[68:72], "big") == APPLICATION_ID
    if not ours and not wal:  # with a WAL left by a crash the header may lag: ask SQLite below
        raise WorkspaceError(msg.FOREIGN_SQLITE.format(path=path))
    if ours and not _whole_pages(header, handle.size, wal):
        raise damaged(path, msg.DAMAGE_LENGTH)
    return ours


def _whole_pages(header: bytes, size: int, wal: bool) -> bool:
    """The file is a whole number of pages, as many as its header says when that count is
    current: SQLite reads a cut-off page as zeros, so a truncated file may pass its checks."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if size % page_size:
        return False
    pages, counter, valid_for = (int.from_bytes(header[i:i + 4], "big") for i in (28, 24, 92))
    return wal or pages == 0 or valid_for != counter or size == pages * page_size


def open_file(path: Path, mode: str) -> Opened:
    """Open a workspace file as `mode` ("edit", "read" or "view"); raises WorkspaceError."""
    assert mode in MODES
    if ownership.open_here(path) is not None:
        if mode == "edit":
            raise WorkspaceLocked(msg.OPEN_HERE.format(path=ownership.open_here(path)))
        return _open_again_here(path)
    handle = WorkspaceFile.open(path)
    try:
        opened = _open_checked(path, handle, mode)
    except BaseException:
        handle.close()
        raise
    ownership.register(handle.identity, path)
    return opened


def close(opened: Opened) -> None:
    """Close the connection, then the descriptor (never the other way round)."""
    try:
        if not opened.db.is_closed():
            if not opened.readonly:
                _checkpoint(opened.db)
            opened.db.close()
    finally:
        if opened.note is not None:
            opened.note.remove()
            opened.note = None
        if opened.file is not None:
            ownership.unregister(opened.file.identity)
            opened.file.close()
            opened.file = None


def _checkpoint(db: peewee.SqliteDatabase) -> None:
    """Leave the main file complete, so a copy of it alone holds every edit."""
    try:
        db.execute_sql("PRAGMA busy_timeout = 1000")
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except (sqlite3.Error, peewee.DatabaseError):
        pass  # a reader is still at it, or the disk fails: the WAL keeps the edits either way


def _open_again_here(path: Path) -> Opened:
    """A read-only view of a file this process already has open: through SQLite only, which
    shares its locks between connections to one file (no descriptor of ours to close)."""
    try:
        # By the name the owner opened it with: SQLite finds the write-ahead log by name.
        owner_path = ownership.open_here(path) or path
        return Opened(_connect(_uri(owner_path, mode="ro"), READONLY_PRAGMAS, uri=True), None, True)
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=faults.reason(exc))) from None


def _open_checked(path: Path, handle: WorkspaceFile, mode: str) -> Opened:
    wal = _side(path, "-wal").exists()
    for suffix in ownership.SIDE_SUFFIXES:
        ownership.refuse_special_file(_side(path, suffix))
    reason = location.readonly_reason(path)
    if reason is None and mode == "edit":
        _lock_for_editing(handle, path)
    if reason is None and handle.links > 1:
        reason = msg.HARD_LINKED
        if handle.lock_kind == "exclusive":
            handle.unlock()
    if reason is not None:
        return _open_copy(path, handle, reason, wal)
    editor_elsewhere = not handle.lock_kind and not handle.try_lock(exclusive=False)
    ours = _check_header(handle, path, wal)
    shm_before = _side(path, "-shm").exists()
    if editor_elsewhere:
        check_uri = _uri(path, mode="ro", readonly_shm=1) if shm_before else _uri(path, mode="ro")
    else:  # nobody writes while we hold the lock: without a WAL the file alone is the truth
        check_uri = _uri(path, mode="ro") if wal else _uri(path, mode="ro", immutable=1)
    try:
        version = _check(path, check_uri, ours)
    except WorkspaceError:
        if mode == "edit" and not shm_before:  # ours alone (we hold the edit lock): leave no trace
            _side(path, "-shm").unlink(missing_ok=True)
        raise
    if mode == "edit":
        return _open_for_editing(path, handle, version)
    try:
        if version < CURRENT_VERSION:
            db = _copy_in_memory(path, check_uri)
        elif handle.lock_kind == "shared" and mode == "read":
            db = _connect(str(path), READONLY_PRAGMAS)  # may tidy -wal/-shm on close: nobody edits
        elif editor_elsewhere and _side(path, "-shm").exists():
            db = _connect(_uri(path, mode="ro", readonly_shm=1), READONLY_PRAGMAS, uri=True)
        else:
            db = _connect(_uri(path, mode="ro"), READONLY_PRAGMAS, uri=True)
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=faults.reason(exc))) from None
    if mode == "view":
        handle.unlock()  # a long-lived view must not keep editors out
    return Opened(db, handle, True)


def _open_copy(path: Path, handle: WorkspaceFile, reason: str, wal: bool) -> Opened:
    """Read-only media, a network share, a file with several names (hard links, whose -wal
    would be looked for under each name): a copy in memory, read without locks, shared
    memory or side files, the file left exactly as it is."""
    editor_elsewhere = not handle.try_lock(exclusive=False)  # keep editors out while copying
    _check_header(handle, path, wal)
    source = _uri(path, mode="ro", immutable=1)
    try:
        _check(path, source, ours=True)
    except WorkspaceDamaged:
        if editor_elsewhere:  # the editor may have been writing while we read: not proof of damage
            raise WorkspaceError(msg.BUSY_COPYING.format(path=path)) from None
        raise
    db = _copy_in_memory(path, source)
    handle.unlock()
    return Opened(db, handle, True, readonly_reason=reason)


def locked(path: Path) -> WorkspaceLocked:
    return WorkspaceLocked(msg.LOCKED.format(holder=EditorNote.holder(path) or msg.HOLDER_UNKNOWN))


def _lock_for_editing(handle: WorkspaceFile, path: Path) -> None:
    """The edit lock; an editor elsewhere refuses at once, short readers are waited for."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while not handle.try_lock(exclusive=True):
        if not handle.try_lock(exclusive=False) or time.monotonic() >= deadline:
            raise locked(path)  # no shared lock either: an editor holds it
        handle.unlock()  # only readers: they finish soon
        time.sleep(0.05)


def _open_for_editing(path: Path, handle: WorkspaceFile, version: int) -> Opened:
    note = EditorNote(path)
    if not note.write():
        raise locked(path)  # an older perfdesk, which locks the note, is editing it
    try:
        atomic.clean_leftovers(path.parent, backups.backup_folder(path))
        upgraded = upgrade_file(path, version) if version < CURRENT_VERSION else None
        return Opened(_connect(str(path), PRAGMAS), handle, False, note=note, upgraded_from=upgraded)
    except BaseException as exc:
        note.remove()
        if isinstance(exc, (sqlite3.Error, peewee.DatabaseError, OSError)):
            raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=faults.reason(exc))) from None
        raise


def _check(path: Path, uri: str, ours: bool) -> int:
    """integrity.check through a connection that cannot write; Chinese refusals."""
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=faults.reason(exc))) from None
    try:
        return integrity.check(connection)
    except integrity.Foreign:
        raise WorkspaceError(msg.FOREIGN_SQLITE.format(path=path)) from None
    except integrity.TooNew as exc:
        raise WorkspaceError(msg.NEWER_VERSION.format(path=path, version=exc.version, current=CURRENT_VERSION)) from None
    except integrity.Damaged as exc:
        raise damaged(path, str(exc)) from None
    except (sqlite3.Error, RecursionError, MemoryError, UnicodeDecodeError) as exc:
        if not faults.is_damage(exc) and not isinstance(exc, (RecursionError, UnicodeDecodeError)):
            raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=faults.reason(exc))) from None
        if not ours:
            raise WorkspaceError(msg.NOT_SQLITE.format(path=path)) from None
        raise damaged(path, msg.DAMAGE_UNREADABLE) from None
    finally:
        connection.close()


def damaged(path: Path, detail: str) -> WorkspaceDamaged:
    """The refusal of a damaged workspace, offering its newest good backup."""
    backup = backups.latest_good(path)
    text = msg.DAMAGED.format(path=path, detail=detail)
    text += msg.DAMAGED_NO_BACKUP if backup is None else msg.DAMAGED_BACKUP.format(taken=backup.taken, backup=backup.path)
    return WorkspaceDamaged(text, path, backup)


def _connect(database: str, pragmas: dict, uri: bool = False) -> peewee.SqliteDatabase:
    # autoconnect off: a closed workspace must never open its file again behind our back
    db = peewee.SqliteDatabase(database, pragmas=pragmas, uri=uri, autoconnect=False)
    db.connect()
    return db


def _copy_in_memory(path: Path, uri: str) -> peewee.SqliteDatabase:
    """A read-only view as a (migrated) copy in memory, the file left exactly as it is.

    Used for older files, and with an immutable URI for files on read-only media or network
    shares, where SQLite cannot create the shared-memory file a WAL database otherwise needs.
    """
    db = peewee.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    db.connect()
    try:
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
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        db.close()
        raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=faults.reason(exc))) from None
    return db


def create_file(path: Path) -> None:
    """A new, empty workspace at `path`, written in one step: on failure there is no file."""
    if os.path.isdir(path):
        raise WorkspaceError(msg.IS_FOLDER.format(path=path))
    if os.path.lexists(path):
        raise WorkspaceError(msg.ALREADY_EXISTS.format(path=path))
    if not path.parent.is_dir():  # a mistyped folder is said, not made
        raise WorkspaceError(msg.NO_FOLDER.format(path=path, folder=path.parent))
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(connection)
        data = connection.serialize()
    finally:
        connection.close()
    try:
        atomic.write_file(path, data)
    except FileExistsError:
        raise WorkspaceError(msg.ALREADY_EXISTS.format(path=path)) from None
    except OSError as exc:
        raise WorkspaceError(msg.CANNOT_CREATE.format(path=path, error=faults.reason(exc))) from None


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.v{version}-{stamp}.backup{path.suffix}")


def upgrade_file(path: Path, version: int) -> Path:
    """Copy the file aside in one step, then migrate it; returns the copy's path."""
    backup = backup_path(path, version)
    source = sqlite3.connect(path, isolation_level=None)
    try:
        backups.copy_database(source, backup)
        source.execute("PRAGMA journal_mode = wal")
        migrate(source)
    finally:
        source.close()
    return backup
