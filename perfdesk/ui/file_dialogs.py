"""Every file dialog of the program: it opens where the user works (the folder used last, else
their Documents folder, never the program's hidden data folder), and it never opens the files it
lists.

Qt's own file dialog asks `QMimeDatabase` for each listed file's type and icon, which opens and
reads files with unknown extensions, the open workspace and its -wal/-shm files among them;
closing those descriptors drops SQLite's locks on the workspace (see
`perfdesk.models.ownership`). So on Linux and macOS the dialog is Qt's widget dialog (a desktop's
native dialog may run in this process and sniff as well) with an icon provider that names types
by extension only. On Windows the native dialog is used: Windows locks belong to a file handle,
and another handle closing leaves SQLite's locks in place.

Use these functions, never QFileDialog's static ones (`tests/models/test_file_ownership.py`
checks).
"""
from __future__ import annotations

import os
from pathlib import Path

from perfdesk.ui import preferences, texts

LAST_FOLDER = "files/last_folder"
NATIVE = os.name == "nt"


def cannot_write(path: str, exc: Exception) -> str:
    """A save that failed, in words: a full disk, no permission, the open workspace itself
    (WorkspaceError, already a Chinese sentence), never the system's own English text."""
    from perfdesk.models import WorkspaceError, faults
    if isinstance(exc, WorkspaceError):
        return str(exc)
    return texts.CANNOT_WRITE.format(path=path, error=faults.reason(exc))


def start_folder() -> Path:
    remembered = preferences.settings().value(LAST_FOLDER)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    import platformdirs  # only when a dialog opens
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def remember(path: str) -> str:
    if path:
        preferences.settings().setValue(LAST_FOLDER, str(Path(path).parent))
    return path


def save_file(parent, title: str, name: str, filter_: str) -> str:
    """The path to save to ('' when cancelled; replacing a file was confirmed), suggesting
    `name` in the start folder."""
    from PySide6.QtWidgets import QFileDialog
    chosen = _run(_dialog(parent, title, str(start_folder() / name), filter_, QFileDialog.FileMode.AnyFile,
                          QFileDialog.AcceptMode.AcceptSave))
    return remember(chosen[0] if chosen else "")


def open_file(parent, title: str, filter_: str) -> str:
    from PySide6.QtWidgets import QFileDialog
    chosen = _run(_dialog(parent, title, str(start_folder()), filter_, QFileDialog.FileMode.ExistingFile,
                          QFileDialog.AcceptMode.AcceptOpen))
    return remember(chosen[0] if chosen else "")


def open_files(parent, title: str, filter_: str) -> list[str]:
    from PySide6.QtWidgets import QFileDialog
    paths = _run(_dialog(parent, title, str(start_folder()), filter_, QFileDialog.FileMode.ExistingFiles,
                         QFileDialog.AcceptMode.AcceptOpen))
    if paths:
        remember(paths[0])
    return paths


def _dialog(parent, title: str, directory: str, filter_: str, mode, accept):
    from PySide6.QtWidgets import QFileDialog
    dialog = QFileDialog(parent, title, directory, filter_)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    if not NATIVE:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setIconProvider(_by_name_provider())
    return dialog


def _run(dialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == dialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


_provider = None


def _by_name_provider():
    """Icons and type names from the name alone (one provider, made in the GUI thread)."""
    global _provider
    if _provider is None:
        from PySide6.QtGui import QAbstractFileIconProvider
        from PySide6.QtWidgets import QApplication, QStyle

        from perfdesk.ui import texts

        class ByName(QAbstractFileIconProvider):
            """Called from the dialog's file-info thread: the icons are made once, here, and
            only handed out there."""

            def __init__(self):
                super().__init__()
                style = QApplication.style()
                self._folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
                self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
                self._drive = style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)

            def icon(self, what):
                if isinstance(what, QAbstractFileIconProvider.IconType):
                    return self._drive if what == QAbstractFileIconProvider.IconType.Drive else (
                        self._file if what == QAbstractFileIconProvider.IconType.File else self._folder)
                if what.isRoot():
                    return self._drive
                return self._folder if what.isDir() else self._file

            def type(self, info):
                if info.isDir():
                    return texts.FILE_TYPE_FOLDER
                return texts.FILE_TYPES.get(info.suffix().lower(), texts.FILE_TYPE_OTHER)

        _provider = ByName()
    return _provider
