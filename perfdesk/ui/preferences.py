"""Window preferences (layout, recent files) in an ini file beside the user's data."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from perfdesk.data_folder import data_dir

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(str(data_dir() / "perfdesk.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    return [value] if isinstance(value, str) else list(value or [])


def remember_file(path: str) -> list[str]:
    files = [path] + [p for p in recent_files() if p != path]
    settings().setValue("recent_files", files[:MAX_RECENT])
    return files[:MAX_RECENT]
