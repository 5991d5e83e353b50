"""Places where editing a workspace risks corruption: read-only media and network shares.

SQLite's WAL needs shared memory that network file systems do not provide, so a workspace on
a share is opened read-only rather than edited.
"""
from __future__ import annotations

import os
from pathlib import Path

from perfdesk.models import messages as msg

NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "afs", "davfs", "fuse.davfs2"}


def _mounts(table: str = "/proc/mounts") -> list[tuple[str, str]]:
    try:
        with open(table, encoding="utf-8", errors="replace") as handle:
            rows = [line.split() for line in handle]
    except OSError:
        return []
    return [(row[1].replace("\\040", " "), row[2]) for row in rows if len(row) >= 3]


def filesystem_of(path: Path, mounts: list[tuple[str, str]] | None = None) -> str | None:
    """The file-system type of the longest mount point containing `path` (Linux)."""
    resolved = str(path.resolve())
    best = None
    for mount_point, kind in mounts if mounts is not None else _mounts():
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > len(best[0])):
            best = (mount_point, kind)
    return best[1] if best else None


def network_kind(path: Path, mounts=None) -> str | None:
    text = str(path)
    if os.name == "nt" and (text.startswith("\\\\") or text.startswith("//")):  # pragma: no cover
        return "UNC"
    kind = filesystem_of(path, mounts)
    return kind if kind in NETWORK_FILESYSTEMS else None


def readonly_reason(path: Path, mounts=None) -> str | None:
    """Why this workspace must not be opened for editing here, or None."""
    kind = network_kind(path, mounts)
    if kind:
        return msg.NETWORK_PATH.format(kind=kind)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return msg.READONLY_MEDIA
    return None
