"""File dialogs that open where the user works: the folder used last, else their Documents folder.

Never the program's hidden data folder. Every chosen file remembers its folder for next time.
"""
from __future__ import annotations

from pathlib import Path

from perfdesk.ui import preferences

LAST_FOLDER = "files/last_folder"


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
    """The path to save to ('' when cancelled), suggesting `name` in the start folder."""
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), filter_)
    return remember(path)


def open_file(parent, title: str, filter_: str) -> str:
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filter_)
    return remember(path)


def open_files(parent, title: str, filter_: str) -> list[str]:
    from PySide6.QtWidgets import QFileDialog
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filter_)
    if paths:
        remember(paths[0])
    return paths
