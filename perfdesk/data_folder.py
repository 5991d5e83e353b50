"""Where the user's data lives: the default workspace and the window preferences."""
from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """PERFDESK_DATA_DIR overrides the platform's user data folder (tests, portable installs)."""
    override = os.environ.get("PERFDESK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_data_dir("perfdesk", appauthor=False))
