"""One owner of a workspace file: the rule, and the register of files open in this process.

THE RULE. While a workspace is open, the only descriptors of its file (and of its -wal, -shm
and -journal files) in this process are SQLite's own and the one `filelock.WorkspaceFile`
holds. Nothing else opens them: no `open(path)`, `Path.read_bytes`, hashing, header read,
copy, zip or workbook reader, no Qt file dialog that sniffs file types (use
`perfdesk.ui.file_dialogs`), no export or backup written over them.

Why: SQLite guards the file with POSIX advisory locks, and POSIX drops *every* lock a process
holds on a file as soon as *any* descriptor of that file is closed in the process (SQLite's
documentation, "How To Corrupt An SQLite Database File", 2.2.1). An editor that has silently
lost its locks looks absent to other programs: one of them can then checkpoint and delete the
write-ahead log the editor is still writing to, and every edit after that is lost.

So:
- code that opens a path a user chose calls `refuse_open_workspace(path)` first (the readers
  in `perfdesk.io` and the backups do); an export calls `refuse_export_target(path)`, which also
  refuses any workspace file, open in another program or not (an export would replace it);
- only `database` opens workspace files, through `WorkspaceFile` and SQLite;
- other programs that read a file being edited open it so they cannot write (`database.py`).

`tests/models/test_file_ownership.py` lists every place in the code that opens a file; a new
one fails that test until it is checked against this rule.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
LOCK_SUFFIX = ".lock"  # the note of who edits (filelock.note_path), beside the workspace

# (st_dev, st_ino) of every workspace file open in this process -> the path it was opened by.
_open: dict[tuple[int, int], Path] = {}


def identity(path: Path) -> tuple[int, int] | None:
    """The file's (device, inode) without opening it; None when it does not exist."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def register(key: tuple[int, int], path: Path) -> None:
    _open[key] = path


def unregister(key: tuple[int, int]) -> None:
    _open.pop(key, None)


def open_here(path: Path) -> Path | None:
    """The path by which this process has the same file open as a workspace, if it has."""
    key = identity(path)
    return None if key is None else _open.get(key)


def _side_file_of_open_workspace(key: tuple[int, int]) -> bool:
    return any(identity(Path(f"{opened}{suffix}")) == key for opened in _open.values() for suffix in SIDE_SUFFIXES)


def refuse_open_workspace(path: str | Path) -> None:
    """Raise WorkspaceError if `path` is (or belongs to) a workspace open in this process.

    Call it before opening, reading, replacing or writing any path a user chose: the file
    dialogs let a user pick the open workspace, a hard link to it, or its -wal file.
    """
    key = identity(Path(path))
    if key is not None and (key in _open or _side_file_of_open_workspace(key)):
        raise WorkspaceError(msg.IN_USE_HERE.format(path=path))


def refuse_special_file(path: str | Path) -> None:
    """Raise WorkspaceError unless `path` is missing or a regular file (a FIFO would block a read)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return
    if stat.S_ISDIR(mode):
        raise WorkspaceError(msg.IS_FOLDER.format(path=path))
    if not stat.S_ISREG(mode):
        raise WorkspaceError(msg.NOT_A_FILE.format(path=path))


def refuse_export_target(path: str | Path) -> None:
    """Raise WorkspaceError unless an export may write `path`: not a folder nor in a missing one,
    not a workspace file or its -wal/-shm/-journal file or its .lock note, wherever it is open (replacing the file would lose the workspace,
    and another program's edits with it). Looks at the first 100 bytes of a file not open here."""
    refuse_open_workspace(path)
    path = Path(path)
    if os.path.isdir(path):
        raise WorkspaceError(msg.IS_FOLDER.format(path=path))
    if not path.parent.is_dir():
        raise WorkspaceError(msg.NO_EXPORT_FOLDER.format(path=path, folder=path.parent))
    candidates = [path] + [Path(str(path)[:-len(s)]) for s in (*SIDE_SUFFIXES, LOCK_SUFFIX) if str(path).endswith(s)]
    if any(_is_workspace_file(candidate) for candidate in candidates):
        raise WorkspaceError(msg.OVERWRITE_WORKSPACE.format(path=path))


def _is_workspace_file(path: Path) -> bool:
    from perfdesk.models.migrations import APPLICATION_ID
    if open_here(path) is not None:
        return True
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:  # not open here (checked): closing it drops no lock of ours
            header = handle.read(100)
    except (OSError, ValueError):
        return False
    return header[:16] == b"SQLite format 3\x00" and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def check_user_path(path: str | Path) -> None:
    """Both checks above: what every reader of a user-chosen file runs before opening it."""
    refuse_open_workspace(path)
    refuse_special_file(path)
