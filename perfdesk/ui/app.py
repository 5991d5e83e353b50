"""Starting the application: Qt set-up (font, Chinese translations), opening the workspace."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from perfdesk.models import WorkspaceDamaged, WorkspaceError, WorkspaceLocked
from perfdesk.models.errors import PasswordRequired
from perfdesk.ui import texts
from perfdesk.resources import resource

UI_FONT = resource("fonts", "wqy-microhei.ttc")


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("perfdesk")
    app.setOrganizationName("perfdesk")
    install_font(app)
    install_translator(app)
    return app


def install_font(app: QApplication) -> str | None:
    """Bundle-provided CJK font, so Chinese never renders as boxes on a machine without one."""
    font_id = QFontDatabase.addApplicationFont(str(UI_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    app.setFont(QFont(families[0], 10))
    return families[0]


# Strings Qt's own qtbase_zh_CN leaves in English (its catalogue has them without the "&").
QT_GAPS = {
    ("QFileDialog", "&Look in:"): "查找范围(&I)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileSystemModel", "Size"): "大小",
}


class QtGaps(QTranslator):
    """Fills the gaps of Qt's Chinese catalogue, so file dialogs are Chinese throughout."""

    def translate(self, context, source, disambiguation=None, n=-1):
        context = context.decode() if isinstance(context, bytes) else context
        return QT_GAPS.get((context, source))  # None: not ours, the next catalogue answers

    def isEmpty(self) -> bool:
        return False


def install_translator(app: QApplication) -> bool:
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        app.installTranslator(translator)
        app.installTranslator(QtGaps(app))  # installed last, asked first
        return True
    return False


def open_workspace(path: Path | str, parent=None):
    """Open for editing; if another program is editing it, offer read-only; if it is damaged,
    offer its newest good backup. None if refused.

    A server that asks for a password gets one typed in a dialog, used for this connection only.
    """
    from perfdesk.models import Workspace
    try:
        return Workspace.open(path)
    except WorkspaceDamaged as exc:
        return offer_backup(exc, parent)
    except PasswordRequired as exc:
        from perfdesk.ui.server_dialog import ask_password
        password = ask_password(parent, str(exc))
        if password is None:
            return None
        try:
            return Workspace.open(path, password=password)
        except WorkspaceError as again:
            QMessageBox.critical(parent, "无法连接服务器", str(again))
            return None
    except WorkspaceLocked as exc:
        answer = QMessageBox.question(parent, "工作区已被占用", f"{exc}。\n是否以只读方式打开？")
        if answer != QMessageBox.StandardButton.Yes:
            return None
        ws = open_read_only(path, parent)
        if ws is not None:
            ws.readonly_reason = str(exc)  # the banner names who is editing it
        return ws
    except WorkspaceError as exc:
        QMessageBox.critical(parent, "无法打开工作区", str(exc))
        return None


def offer_backup(damage: WorkspaceDamaged, parent=None):
    """The damaged-workspace dialog: restore the newest good backup (the damaged file is kept
    beside it) and open it, or leave everything as it is."""
    box = QMessageBox(QMessageBox.Icon.Critical, texts.DAMAGED_TITLE, str(damage), parent=parent)
    restore = box.addButton(texts.RESTORE_LATEST, QMessageBox.ButtonRole.AcceptRole) if damage.backup else None
    box.addButton(texts.LEAVE_AS_IS, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return None
    from perfdesk.models import backups
    try:
        aside = backups.replace_damaged(damage.path, damage.backup.path)
    except WorkspaceError as exc:
        QMessageBox.critical(parent, texts.DAMAGED_TITLE, str(exc))
        return None
    QMessageBox.information(parent, texts.DAMAGED_TITLE, texts.RESTORED_DAMAGED.format(
        taken=damage.backup.taken, aside=aside.name))
    return open_workspace(damage.path, parent)


def open_read_only(path: Path, parent=None):
    from perfdesk.models import Workspace
    try:
        return Workspace.open(path, readonly=True)
    except WorkspaceError as exc:
        QMessageBox.critical(parent, "无法打开工作区", str(exc))
        return None


def start(path: Path | None = None):
    """The application and its window, shown at once; the workspace (default: the demo one)
    opens as soon as the window is on screen."""
    make_application()
    from perfdesk.ui.main_window import MainWindow
    window = MainWindow()
    window.show()
    window.open_when_shown(path)
    return window


def run(path: Path | None) -> int:
    window = start(path)
    try:
        code = QApplication.instance().exec()
    finally:
        if window.ws is not None:
            window.ws.close()
    return code if window.ws is not None else 1  # 1: the workspace asked for never opened
