"""Driving the window as a user does: key presses to the focused widget, mouse clicks on cells.

Chinese text is typed as key events that carry the text (qtbot.keyClicks with non-ASCII text
aborts the process, see PITFALLS.md); every other key goes through QTest.
"""
from __future__ import annotations

import warnings

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
KEY = Qt.Key


def activate(window) -> None:
    """Offscreen windows are never activated by the platform; shortcuts and focus need it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the only way to activate offscreen
        QApplication.setActiveWindow(window)


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key, modifiers=NO, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifiers)


def type_text(qtbot, text: str) -> None:
    """Each character as a key press to whatever has the focus (the first one opens the editor)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(focused(), char)
        else:
            target = focused()
            QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, 0, NO, char))
            QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, 0, NO, char))


def enter(qtbot, view, modifiers=NO) -> None:
    """Enter: the editor's commit is queued by Qt, so wait for the editor to close."""
    press(qtbot, KEY.Key_Return, modifiers)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=3000)


def click_cell(qtbot, view, index, modifiers=NO) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifiers, view.visualRect(index).center())


def row_of_cells(qtbot, view, values) -> None:
    """Type values into the current cell and the next ones to the right, Tab between them."""
    for n, value in enumerate(values):
        if n:
            press(qtbot, KEY.Key_Tab)
        type_text(qtbot, value)


def open_tab(qtbot, tabs, page) -> None:
    """Click the tab of `page` in the QTabWidget `tabs`."""
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(page)).center())
    assert tabs.currentWidget() is page


def click_button(qtbot, button) -> None:
    """A left click in the middle of a visible button."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_from_button_menu(qtbot, button, action) -> None:
    """Click a tool button that pops up a menu, then `action` in that menu, with the mouse."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    chosen = []

    def click_in_menu():
        menu = QApplication.activePopupWidget()
        if menu is None:  # not shown yet
            QTimer.singleShot(20, click_in_menu)
            return
        chosen.append(action.text())
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(20, click_in_menu)
    click_button(qtbot, button)
    qtbot.waitUntil(lambda: bool(chosen) and QApplication.activePopupWidget() is None, timeout=3000)
