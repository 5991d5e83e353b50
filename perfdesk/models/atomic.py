"""Whole files written atomically (new workspaces, backups, restored copies), and the
temporary files a killed writer leaves, cleaned at the next start.

A file is written under a hidden temporary name in the target's folder, flushed to disk, then
given its real name in one step, so the real name never shows half a file. The writer holds
a lock on its temporary file while it works; the clean-up removes only temporaries nobody
holds (their writer died), so two programs sharing a folder never delete each other's work.
"""
from __future__ import annotations

import errno
import itertools
import os
from pathlib import Path

from perfdesk.models import ownership

TEMP_SUFFIX = ".perfdesk-part"
_counter = itertools.count()

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    def _hold(fd: int) -> None:
        """Nothing to do: Windows cannot delete a file another handle has open."""

    def _abandoned(path: Path) -> bool:
        return True  # the unlink below fails while the writer still has it open

    def _sync_folder(folder: Path) -> None:
        """Windows makes a rename durable without a folder flush."""
else:
    import fcntl

    def _hold(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _abandoned(path: Path) -> bool:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False  # its writer is alive
        finally:
            os.close(fd)

    def _sync_folder(folder: Path) -> None:
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def temp_path(target: Path) -> Path:
    """A hidden name beside `target` that the clean-up recognises."""
    return target.with_name(f".{target.name}.{os.getpid()}-{next(_counter)}{TEMP_SUFFIX}")


def write_file(target: Path, data: bytes, replace: bool = False) -> None:
    """Write `data` as `target` in one step. Without `replace` an existing target is kept and
    FileExistsError raised. OSError (disk full, permissions…) leaves no file behind."""
    target = Path(target)
    ownership.refuse_open_workspace(target)
    temp = temp_path(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0),
                 0o644)
    try:
        try:
            _hold(fd)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            if os.name == "nt":  # pragma: no cover - Windows renames only closed files
                os.close(fd)
                fd = -1
        _give_name(temp, target, replace)
        _sync_folder(target.parent)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    finally:
        if fd >= 0:
            os.close(fd)


def _give_name(temp: Path, target: Path, replace: bool) -> None:
    if replace:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # fails if the target exists: never overwrites
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        # A file system without hard links (FAT, exFAT on USB sticks): check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.rename(temp, target)
        return
    temp.unlink()


def clean_leftovers(*folders: Path) -> list[Path]:
    """Remove temporaries that killed writers left in these folders; returns what went."""
    removed = []
    for folder in folders:
        try:
            candidates = [p for p in Path(folder).iterdir() if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)]
        except OSError:
            continue
        for path in candidates:
            if _abandoned(path):
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
    return removed
