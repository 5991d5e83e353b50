"""Rotating backups of a workspace in a folder beside it, and restoring one.

A backup is the open database's content read in one read transaction (so it is consistent
even while the workspace is edited), checked with `PRAGMA quick_check` first, and written in
one step (`atomic`): a killed backup leaves no half file under a backup's name, and its
temporary file is removed at the next start. A restore copies a backup into the open
workspace with SQLite's backup API in one write transaction: all of it or nothing.
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from perfdesk.models import atomic, faults, integrity, ownership
from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError, WorkspaceLocked
from perfdesk.models.filelock import EditorNote, WorkspaceFile
from perfdesk.models.migrations import CURRENT_VERSION

KEEP = 20
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"(\d{8}-\d{6})(?:-(\d+))?")
# Bytes 18 and 19 of an SQLite header: file format write/read version, 1 = rollback journal, 2 = WAL.
_FORMAT_VERSIONS = slice(18, 20)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    size: int
    sequence: int = 0  # orders backups taken within the same second


def backup_folder(workspace: Path) -> Path:
    return workspace.parent / "perfdesk备份" / workspace.stem


def take(connection: sqlite3.Connection, workspace: Path, keep: int = KEEP, now: datetime | None = None) -> Path:
    """Write a backup of the open database; keeps the newest `keep` of this workspace."""
    status = connection.execute("PRAGMA quick_check").fetchone()[0]
    if status != "ok":
        raise WorkspaceError(msg.BACKUP_DAMAGED)
    folder = backup_folder(workspace)
    stamp = (now or datetime.now()).strftime(STAMP)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = file_bytes(connection)
        # Several backups within one second are numbered on from the highest number of that
        # second still there (a rotated-away number is not reused: the order stays true).
        same_second = [b.sequence + 1 for b in backups(workspace) if b.taken.strftime(STAMP) == stamp]
        for n in range(max(same_second, default=0), 100000):
            target = folder / (f"{workspace.stem}-{stamp}{workspace.suffix}" if n == 0
                               else f"{workspace.stem}-{stamp}-{n}{workspace.suffix}")
            try:
                atomic.write_file(target, data)
                break
            except FileExistsError:
                continue
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(msg.BACKUP_FAILED.format(path=folder, error=faults.reason(exc))) from None
    for old in backups(workspace)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def file_bytes(connection: sqlite3.Connection) -> bytes:
    """The whole database as one self-contained file (rollback-journal format, no WAL needed),
    read in one read transaction."""
    data = bytearray(connection.serialize())
    if data:
        data[_FORMAT_VERSIONS] = b"\x01\x01"
    return bytes(data)


def copy_database(connection: sqlite3.Connection, target: Path, replace: bool = False) -> None:
    """Write the open database to `target` in one step (never over the open workspace)."""
    ownership.refuse_open_workspace(target)
    atomic.write_file(target, file_bytes(connection), replace=replace)


def backups(workspace: Path) -> list[Backup]:
    """This workspace's backups, newest first."""
    found = []
    prefix = f"{workspace.stem}-"
    for path in backup_folder(workspace).glob(f"{prefix}*{workspace.suffix}"):
        match = _NAME.fullmatch(path.stem[len(prefix):])
        if match:
            try:
                size = path.stat().st_size
            except OSError:
                continue  # removed meanwhile by another program's rotation
            found.append(Backup(path, datetime.strptime(match.group(1), STAMP), size, int(match.group(2) or 0)))
    return sorted(found, key=lambda b: (b.taken, b.sequence), reverse=True)


def check_backup(path: Path) -> int:
    """The schema version of a sound backup; raises WorkspaceError otherwise."""
    ownership.check_user_path(path)
    try:
        connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(msg.RESTORE_FAILED.format(path=path, error=faults.reason(exc))) from None
    try:
        return integrity.check(connection)
    except (integrity.Damaged, integrity.Foreign, integrity.TooNew, sqlite3.Error, RecursionError):
        raise WorkspaceError(msg.BACKUP_UNUSABLE.format(path=path)) from None
    finally:
        connection.close()


def latest_good(workspace: Path) -> Backup | None:
    """The newest backup of this workspace that passes every check, or None."""
    for backup in backups(workspace):
        try:
            check_backup(backup.path)
        except WorkspaceError:
            continue
        return backup
    return None


def restore_into(connection: sqlite3.Connection, backup: Path) -> None:
    """Replace the open workspace's content with a backup's, in one transaction.

    `connection` is the editing connection (autocommit, no transaction open). Older backups
    are brought to the current schema in the same go.
    """
    version = check_backup(backup)
    if version > CURRENT_VERSION:  # pragma: no cover - check_backup refuses these already
        raise WorkspaceError(msg.BACKUP_UNUSABLE.format(path=backup))
    try:
        source = sqlite3.connect(Path(backup).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            source.backup(connection)
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise WorkspaceError(msg.RESTORE_FAILED.format(path=backup, error=faults.reason(exc))) from None


def replace_damaged(workspace: Path, backup: Path, now: datetime | None = None) -> Path:
    """Put a good backup in place of a damaged workspace (closed); returns where the damaged
    file was kept (beside it, with its -wal/-shm files). Raises WorkspaceError."""
    workspace = Path(workspace)
    ownership.refuse_open_workspace(workspace)
    check_backup(backup)
    handle = WorkspaceFile.open(workspace)
    try:
        if not handle.try_lock(exclusive=True):
            raise WorkspaceLocked(msg.LOCKED.format(holder=EditorNote.holder(workspace) or msg.HOLDER_UNKNOWN))
        aside = workspace.with_name(f"{workspace.stem}.已损坏-{(now or datetime.now()).strftime(STAMP)}{workspace.suffix}")
        source = sqlite3.connect(Path(backup).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            data = file_bytes(source)
        finally:
            source.close()
        for suffix in ownership.SIDE_SUFFIXES:  # a damaged file's log must not meet the backup
            side = Path(f"{workspace}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
        try:
            os.link(workspace, aside)  # the damaged file keeps a name; the workspace's is replaced next
        except OSError:
            os.replace(workspace, aside)  # no hard links here (FAT): a moment without the file
        atomic.write_file(workspace, data, replace=True)
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(msg.RESTORE_FAILED.format(path=backup, error=faults.reason(exc))) from None
    finally:
        handle.close()
    return aside
