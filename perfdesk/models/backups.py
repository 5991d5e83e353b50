"""Rotating backups of a workspace in a folder beside it, and restoring one.

A backup is taken with SQLite's online backup API after `PRAGMA quick_check`, so it is a
consistent, valid workspace even while the original is being edited.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError

KEEP = 20
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"(\d{8}-\d{6})(?:-(\d+))?")


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
        raise WorkspaceError(msg.BACKUP_DAMAGED.format(detail=status))
    folder = backup_folder(workspace)
    stamp = (now or datetime.now()).strftime(STAMP)
    target = folder / f"{workspace.stem}-{stamp}{workspace.suffix}"
    for n in range(1, 1000):  # two backups within one second keep both
        if not target.exists():
            break
        target = folder / f"{workspace.stem}-{stamp}-{n}{workspace.suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy_database(connection, target)
    except (OSError, sqlite3.Error) as exc:
        raise WorkspaceError(msg.BACKUP_FAILED.format(path=target, error=exc)) from None
    for old in backups(workspace)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def copy_database(connection: sqlite3.Connection, target: Path) -> None:
    """Copy through a temporary file so a half-written backup never carries the real name."""
    temp = target.with_name(target.name + ".part")
    try:
        destination = sqlite3.connect(temp)
        try:
            connection.backup(destination)
            destination.execute("PRAGMA journal_mode = delete")  # a backup is one self-contained file
        finally:
            destination.close()
        temp.replace(target)
    finally:
        temp.unlink(missing_ok=True)


def backups(workspace: Path) -> list[Backup]:
    """This workspace's backups, newest first."""
    found = []
    prefix = f"{workspace.stem}-"
    for path in backup_folder(workspace).glob(f"{prefix}*{workspace.suffix}"):
        match = _NAME.fullmatch(path.stem[len(prefix):])
        if match:
            taken = datetime.strptime(match.group(1), STAMP)
            found.append(Backup(path, taken, path.stat().st_size, int(match.group(2) or 0)))
    return sorted(found, key=lambda b: (b.taken, b.sequence), reverse=True)


def restore(backup: Path, workspace: Path) -> None:
    """Replace a closed workspace's content with a backup's (the caller backs up the current state first)."""
    source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        target = sqlite3.connect(workspace)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise WorkspaceError(msg.RESTORE_FAILED.format(path=backup, error=exc)) from None
    finally:
        source.close()
