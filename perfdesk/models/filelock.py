"""An exclusive lock on a side file, so a second process knows a workspace is being edited.

The OS drops the lock when the process dies, so a crash never leaves a workspace locked.
"""
from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

from perfdesk.models import messages as msg

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class FileLock:
    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{_user()}\t{socket.gethostname()}\t{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def holder(self) -> str:
        """Who holds the lock, in words ("用户“张三”在计算机“OFFICE-PC”上"); "" if unknown."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""
        parts = text.split("\t")
        if len(parts) == 3 and parts[0]:
            return msg.HOLDER.format(user=parts[0], host=parts[1])
        host = parts[0].split(" ")[0] if parts and parts[0] else ""  # "host pid" from older versions
        return msg.HOLDER_HOST.format(host=host) if host else ""

    def release(self) -> None:
        if self._fd is not None:
            # The file stays: unlinking it would let two processes lock different inodes.
            os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None
