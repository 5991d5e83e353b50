"""The window every GUI test drives."""
from __future__ import annotations

import pytest

from tests.ui.keyboard import activate


@pytest.fixture
def open_window(qtbot):
    """MainWindow(ws), shown, exposed and active; every window is closed at the end of the test."""
    from perfdesk.ui.main_window import MainWindow
    windows = []

    def make(ws):
        window = MainWindow(ws)
        qtbot.addWidget(window)
        window.resize(1400, 860)  # the offscreen screen is 800x600; a desktop-sized window
        window.show()
        qtbot.waitExposed(window)
        activate(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
