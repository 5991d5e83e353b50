"""Writing an export in one piece: to a temporary file beside the target, then renamed over it.

The finished file gets the permissions an ordinary new file of the user has (or keeps those of
the file it replaces), not the owner-only mode of a temporary file.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def normal_mode(path: Path) -> int:
    """The mode `path` keeps if it exists, else 0666 less the user's umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; a failure leaves no temporary file and `path` unchanged.
    An OSError names `path` (the file the user chose), not the temporary file it failed on."""
    path = Path(path)
    mode = normal_mode(path)
    try:
        _write(path, data, mode)
    except OSError as exc:
        exc.filename, exc.filename2 = str(path), None
        raise


def _write(path: Path, data: bytes, mode: int) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
