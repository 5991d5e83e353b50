"""The workspace file's own descriptor: its header, the edit lock and the reader lock, on one fd.

The edit lock is taken on the database file itself, not on a file named after its path, so
every path that reaches the file (a hard link, a symlink, another spelling) meets the same
lock: one editor per file. `flock` (Unix) and `LockFileEx` (Windows) locks belong to this
open file, so, unlike SQLite's POSIX locks, they survive other descriptors of the file being
closed in the process; the OS drops them when the process dies, so a crash never leaves a
workspace locked.

- exclusive: the one program editing the file;
- shared: a program reading briefly (the command line) while nobody edits, which keeps
  editors out until it is done and may therefore tidy the -wal/-shm files when it closes.

The descriptor is opened non-blocking and only on a regular file (a FIFO named like a
workspace must not hang the program), and it stays open until the SQLite connection is
closed: closing it earlier would drop SQLite's POSIX locks (see `ownership`).
"""
from __future__ import annotations

import errno
import getpass
import os
import platform
import stat
from pathlib import Path

from perfdesk.models import faults, ownership
from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    # One byte inside SQLite's lock-byte page (1 GiB, never read or written as data), past
    # the bytes SQLite locks itself (PENDING_BYTE .. PENDING_BYTE+511): Windows byte-range
    # locks are mandatory, so the lock must sit where nobody reads.
    _LOCK_OFFSET = 0x40000000 + 768
    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD), ("hEvent", wintypes.HANDLE)]

    def _overlapped() -> _Overlapped:
        return _Overlapped(0, 0, _LOCK_OFFSET & 0xFFFFFFFF, _LOCK_OFFSET >> 32, None)

    def _try_lock(fd: int, exclusive: bool) -> bool:
        flags = 0x1 | (0x2 if exclusive else 0)  # LOCKFILE_FAIL_IMMEDIATELY | LOCKFILE_EXCLUSIVE_LOCK
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        return bool(_kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_overlapped())))

    def _unlock(fd: int) -> None:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        _kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_overlapped()))

    def _read_at(fd: int, size: int, offset: int) -> bytes:
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, size)
else:
    import fcntl

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _read_at(fd: int, size: int, offset: int) -> bytes:
        return os.pread(fd, size, offset)

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _refuse_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise WorkspaceError(msg.IS_DIRECTORY.format(path=path))
    if not stat.S_ISREG(mode):
        raise WorkspaceError(msg.NOT_REGULAR.format(path=path))


class WorkspaceFile:
    """An open descriptor of a workspace file. `WorkspaceFile.open(path)`; `close()` last."""

    def __init__(self, path: Path, fd: int, identity: tuple[int, int], links: int, size: int):
        self.path = path
        self.size = size  # bytes, when opened
        self.identity = identity  # (st_dev, st_ino): what the lock and the register are keyed by
        self.links = links  # names the file has (hard links)
        self.lock_kind: str | None = None  # "exclusive", "shared" or None
        self._fd: int | None = fd

    @classmethod
    def open(cls, path: Path) -> "WorkspaceFile":
        """Open a regular file read-only without blocking; refuses other kinds of file."""
        try:
            _refuse_kind(path, os.stat(path).st_mode)  # before opening: opening a device may act
            fd = os.open(path, _OPEN_FLAGS)
        except WorkspaceError:
            raise
        except OSError as exc:
            raise WorkspaceError(faults.describe_os(exc, path)) from None
        try:
            info = os.fstat(fd)
            _refuse_kind(path, info.st_mode)  # the path may have changed since the stat above
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, (info.st_dev, info.st_ino), info.st_nlink, info.st_size)

    def read(self, size: int, offset: int = 0) -> bytes:
        try:
            return _read_at(self._fd, size, offset)
        except OSError as exc:
            raise WorkspaceError(faults.describe_os(exc, self.path)) from None

    def try_lock(self, exclusive: bool) -> bool:
        """Take the edit (exclusive) or reader (shared) lock without waiting; False if held."""
        try:
            locked = _try_lock(self._fd, exclusive)
        except OSError as exc:
            raise WorkspaceError(faults.describe_os(exc, self.path)) from None
        if locked:
            self.lock_kind = "exclusive" if exclusive else "shared"
        return locked

    def unlock(self) -> None:
        if self.lock_kind is not None and self._fd is not None:
            _unlock(self._fd)
            self.lock_kind = None

    def still_there(self) -> bool:
        """The path still names this file (it was not deleted, moved away or replaced)."""
        try:
            info = os.stat(self.path)
        except OSError:
            return False
        return (info.st_dev, info.st_ino) == self.identity

    def close(self) -> None:
        """Release the lock and the descriptor: only after SQLite's connection is closed."""
        if self._fd is not None:
            try:
                self.unlock()
            finally:
                os.close(self._fd)
                self._fd = None


def note_path(path: Path) -> Path:
    """The note beside the file (by its real name, whatever link it was opened through)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ownership.LOCK_SUFFIX)


class EditorNote:
    """Who edits a workspace, in a small file beside it ("名称.perfdesk.lock"), so that a second
    program can say so. Only a note: the lock that keeps a second editor out is on the workspace
    file itself (WorkspaceFile). Versions of perfdesk before that lock used this file as their
    lock, so it is locked as well: an older perfdesk editing the file keeps this one out."""

    def __init__(self, path: Path):
        self.path = note_path(path)
        self._fd: int | None = None

    def write(self) -> bool:
        """Take the note (False if an older perfdesk holds it) and write who edits."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError:
            return True  # no note here (e.g. the folder took the file but not a new one): no harm
        if not _try_lock(fd, exclusive=True):
            os.close(fd)
            return False
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{_user()}\t{platform.node()}\t{os.getpid()}\n".encode())
        except OSError:
            pass
        self._fd = fd
        return True

    @staticmethod
    def holder(path: Path) -> str:
        """Who edits the file, in words ("用户“张三”在计算机“OFFICE-PC”上"); "" if unknown."""
        try:
            text = note_path(path).read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""
        parts = text.split("\t")
        if len(parts) == 3 and parts[0]:
            return msg.HOLDER.format(user=parts[0], host=parts[1])
        host = parts[0].split(" ")[0] if parts and parts[0] else ""  # "host pid" from older versions
        return msg.HOLDER_HOST.format(host=host) if host else ""

    def remove(self) -> None:
        """Empty the note and let it go (the file stays: an older perfdesk locks it by name)."""
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
            except OSError:
                pass
            os.close(self._fd)
            self._fd = None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""
