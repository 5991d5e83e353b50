"""Storage faults in words: what a full disk, read-only media, a vanished file or a missing
permission means, in Chinese, from SQLite's error codes or the OS's errno. Never the
libraries' own (English) text: a user must be able to act on the message.
"""
from __future__ import annotations

import errno
import sqlite3

from perfdesk.models import messages as msg

# SQLite primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE = {
    3: msg.FAULT_PERMISSION,  # SQLITE_PERM
    5: msg.FAULT_BUSY,  # SQLITE_BUSY
    6: msg.FAULT_BUSY,  # SQLITE_LOCKED
    7: msg.FAULT_MEMORY,  # SQLITE_NOMEM
    8: msg.FAULT_READ_ONLY,  # SQLITE_READONLY
    10: msg.FAULT_IO,  # SQLITE_IOERR
    11: msg.FAULT_DAMAGED,  # SQLITE_CORRUPT
    13: msg.FAULT_DISK_FULL,  # SQLITE_FULL
    14: msg.FAULT_CANNOT_OPEN,  # SQLITE_CANTOPEN
    15: msg.FAULT_BUSY,  # SQLITE_PROTOCOL
    23: msg.FAULT_PERMISSION,  # SQLITE_AUTH
    26: msg.FAULT_DAMAGED,  # SQLITE_NOTADB
}
_SHORT_READ = 522  # SQLITE_IOERR_SHORT_READ: the file ends before its pages do
# Codes that say the file itself is bad, as opposed to the place it is stored being in trouble.
DAMAGE_CODES = {11, 26}

_ERRNO = {
    errno.ENOENT: msg.FAULT_MISSING,
    errno.EACCES: msg.FAULT_PERMISSION,
    errno.EPERM: msg.FAULT_PERMISSION,
    errno.ENOSPC: msg.FAULT_DISK_FULL,
    errno.EROFS: msg.FAULT_READ_ONLY,
    errno.EIO: msg.FAULT_IO,
    errno.EISDIR: msg.FAULT_IS_DIRECTORY,
    errno.ENOTDIR: msg.FAULT_NOT_DIRECTORY,
    errno.ENAMETOOLONG: msg.FAULT_NAME_TOO_LONG,
    errno.EMFILE: msg.FAULT_TOO_MANY_FILES,
    errno.ENFILE: msg.FAULT_TOO_MANY_FILES,
    errno.EBUSY: msg.FAULT_BUSY,
    errno.ENXIO: msg.FAULT_NO_DEVICE,
    errno.ENODEV: msg.FAULT_NO_DEVICE,
    errno.EINVAL: msg.FAULT_BAD_NAME,
    errno.EEXIST: msg.FAULT_EXISTS,
}
if hasattr(errno, "EDQUOT"):
    _ERRNO[errno.EDQUOT] = msg.FAULT_DISK_FULL


def _chain(exc: BaseException):
    """The error and those it came from: peewee wraps sqlite3's error as its first argument,
    and a failed rollback hides the error that caused it as its context."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        wrapped = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        if wrapped is not None and id(wrapped) not in seen:
            yield wrapped
        exc = exc.__cause__ or exc.__context__


def sqlite_code(exc: BaseException) -> int | None:
    """The most telling extended SQLite result code in the error's chain, if any: a generic
    SQLITE_ERROR ("cannot rollback - no transaction is active") gives way to its cause."""
    codes = [c for c in (getattr(e, "sqlite_errorcode", None) for e in _chain(exc)) if c is not None]
    specific = [c for c in codes if c & 0xFF != 1]
    return (specific or codes or [None])[0]


def is_damage(exc: BaseException) -> bool:
    """The error says the file's content is broken (not that its storage misbehaves)."""
    code = sqlite_code(exc)
    if code is None:  # (peewee's errors carry sqlite3's in their chain)
        return any(isinstance(e, sqlite3.DatabaseError) and not isinstance(e, sqlite3.OperationalError)
                   for e in _chain(exc))
    return (code & 0xFF) in DAMAGE_CODES or code == _SHORT_READ


def reason(exc: BaseException) -> str:
    """What went wrong, as a short Chinese phrase."""
    if isinstance(exc, OSError):
        return _ERRNO.get(exc.errno, msg.FAULT_SYSTEM.format(code=exc.errno or "?"))
    code = sqlite_code(exc)
    if code is None:
        found = next((e for e in _chain(exc) if isinstance(e, OSError)), None)
        if found is not None:
            return reason(found)
    if code == _SHORT_READ:
        return msg.FAULT_DAMAGED
    if code is not None:
        return _SQLITE.get(code & 0xFF, msg.FAULT_STORAGE.format(code=code))
    if isinstance(exc, MemoryError):
        return msg.FAULT_MEMORY
    return msg.FAULT_STORAGE.format(code="?")


def describe_os(exc: OSError, path) -> str:
    """One line naming the file and the fault: for errors while opening or reading a file."""
    if exc.errno == errno.ENOENT:
        return msg.NOT_FOUND.format(path=path)
    return msg.CANNOT_READ.format(path=path, error=reason(exc))
