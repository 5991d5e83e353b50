"""The main window: navigator | editor | score panel, wired through the document's signals.

The window shows first, with its menus, and opens the workspace once it is on screen: the
models (peewee and the PostgreSQL driver), scoring and the editor's widgets are imported then,
not before the user sees a window (see benchmarks/bench_startup.py).
"""
from __future__ import annotations

import os
from pathlib import Path

# No `Qt` namespace here: its first import costs about 50 ms, after the window is on screen.
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from perfdesk.models import WorkspaceError
from perfdesk.ui import preferences, texts
from perfdesk.ui.actions import build_actions

BANNER_STYLE = "background: #fde2e1; color: #a40000; padding: 6px; border: 1px solid #a40000;"
BACKUP_MINUTES = 5
CHART_DELAY_MS = 300
NAVIGATOR_WIDTH = 300
READONLY_STYLE = "background: #fff4ce; color: #5c4400; padding: 6px; border: 1px solid #c19c00;"
READ_ONLY = "工作区以只读方式打开"
READ_ONLY_HINT = "：可以查看、打印和导出，不能修改（编辑功能已停用）。"
OPENING = "正在打开工作区 {name} …"
SERVER = "（服务器）"
RESTORED = "已从备份恢复：{name}"
OUTSIDE_CHECK_MS = 2000
NOT_OPENED = "没有打开工作区。可以用“文件 → 打开工作区”或“新建工作区”。"
EMPTY = "工作区中还没有评价表。可以用“评价表 → 新建评价表”开始，或用“文件 → 导入自评表（Excel/WPS/Word）”导入已有的自评表。"


class _WhenExposed(QObject):
    """Calls back once the window is on screen, through the event loop (so it is painted first)."""

    def __init__(self, window, callback):
        super().__init__(window)
        self.callback = callback
        window.windowHandle().installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


class MainWindow(QMainWindow):
    document_replaced = Signal(object)  # a new Document after opening another workspace
    remote_changes_shown = Signal()  # others' edits of a server workspace were just shown

    def __init__(self, ws=None):
        """With a workspace, show it; without, a window to open one in (see open_when_shown)."""
        super().__init__()
        self.setObjectName("perfdesk-main")
        # One banner: why the window is read-only, if it is; a refused edit shows there for a while.
        self.banner = QLabel(wordWrap=True, styleSheet=BANNER_STYLE, visible=False)
        self._standing: str | None = None
        self._banner_timer = QTimer(self, singleShot=True, interval=10000)
        self._banner_timer.timeout.connect(self._standing_banner)
        self.navigator = self.score_panel = None  # built with the first workspace
        self.document = None
        self.editor = None
        self.evaluation = None
        self.scored = None
        self.ws = None
        self.dock = None  # the score panel's, added with it
        self.centre = QWidget()
        self.centre_layout = QVBoxLayout(self.centre)
        self.centre_layout.setContentsMargins(0, 0, 0, 0)
        self.centre_layout.addWidget(self.banner)
        self.empty_note = QLabel(wordWrap=True, visible=False)
        self.note_box = QWidget()  # the note, centred by stretches around it
        row = QHBoxLayout(self.note_box)
        row.addStretch(1)
        row.addWidget(self.empty_note, 3)
        row.addStretch(1)
        self.centre_layout.addWidget(self.note_box, 1)
        self.splitter = QSplitter(objectName="main-splitter")  # horizontal
        self.splitter.addWidget(QWidget())  # the navigator's place
        self.splitter.addWidget(self.centre)
        self.setCentralWidget(self.splitter)
        self._default_size()
        self._backup_timer = QTimer(self, interval=BACKUP_MINUTES * 60 * 1000)
        self._backup_timer.timeout.connect(self.backup_if_edited)
        self._backup_timer.start()
        self._edited = False
        self.live = None  # ui.live_updates.LiveUpdates on a server workspace
        # A read-only view follows what the program editing the file does (a restore above all).
        self._outside_timer = QTimer(self, interval=OUTSIDE_CHECK_MS)
        self._outside_timer.timeout.connect(self.check_outside_changes)
        self.actions = build_actions(self)
        self._restore_geometry()
        if ws is not None:
            self.set_workspace(ws)

    def open_when_shown(self, path) -> None:
        """Open `path` (None: the default workspace) as soon as the window is on screen."""
        # (not models.address: urllib costs before the first paint; a server is simply named so)
        server = isinstance(path, str) and "://" in path
        name = "" if path is None else SERVER if server else Path(path).name
        self.empty_note.setText(OPENING.format(name=name))
        self.empty_note.show()
        self.note_box.show()
        _WhenExposed(self, lambda: self._open_first(path))

    def _open_first(self, path) -> None:
        from perfdesk.ui.app import open_workspace
        self.actions.apply_shortcuts()
        if path is None:
            from perfdesk.io.demo import default_workspace
            path = default_workspace()
        ws = open_workspace(path, self)
        if ws is None:
            self.empty_note.setText(NOT_OPENED)
        else:
            self.set_workspace(ws)

    def _build_panes(self) -> None:
        """The navigator and the score panel, once, with the first workspace."""
        if self.navigator is not None:
            return
        from PySide6.QtCore import Qt

        from perfdesk.ui.navigator import Navigator
        from perfdesk.ui.score_panel import ScorePanel
        self.navigator = Navigator()
        self.splitter.replaceWidget(0, self.navigator).deleteLater()
        self.navigator.evaluation_selected.connect(self.show_evaluation)
        self.score_panel = ScorePanel()
        self.dock = QDockWidget("评分", self, objectName="score-dock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.dock.setWidget(self.score_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.resizeDocks([self.dock], [330], Qt.Orientation.Horizontal)
        self._restore_state()
        if preferences.settings().value("window/splitter") is None:  # first run: room for the names
            self.splitter.setSizes([NAVIGATOR_WIDTH, max(self.width() - NAVIGATOR_WIDTH - 330, 400)])
        self.score_panel.finding_activated.connect(lambda target: self.editor and self.editor.focus(target))
        if self.isVisible():
            self._load_chart()

    # -- workspace -----------------------------------------------------------------------
    def set_workspace(self, ws) -> None:
        from perfdesk.ui.document import Document
        from perfdesk.ui.evaluation_editor import EvaluationEditor
        self.actions.apply_shortcuts()
        self._build_panes()
        if self.ws is not None and self.ws is not ws:
            self.backup_if_edited()
            self.ws.close()
        self._edited = False
        self.ws = ws
        if self.document is not None:
            self.document.deleteLater()  # its undo steps belong to the workspace just closed
        if getattr(self, "live", None) is not None:
            self.live.stop()
            self.live.deleteLater()
        self.document = Document(ws, self)
        self.document.changed.connect(self._changed)
        self.document.failed.connect(self.show_problem)
        self.document.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        if self.editor is not None:
            self.editor.deleteLater()
        self.editor = EvaluationEditor(self.document)
        self.centre_layout.addWidget(self.editor, 1)
        self.empty_note.setText(EMPTY)
        self.actions.bind_document(self.document)
        self.editor.set_writable(not ws.readonly)
        self._standing = (ws.readonly_reason or READ_ONLY) + READ_ONLY_HINT if ws.readonly else None
        self._standing_banner()
        self.setWindowTitle(f"{ws.location}{'（只读）' if ws.readonly else ''} — perfdesk 预算绩效自评")
        preferences.remember_file(ws.location)
        self.actions.refresh_recent()
        self.evaluation = None
        self.refresh_navigator(select_first=True)
        if ws.is_server:
            from perfdesk.ui.live_updates import LiveUpdates
            self.live = LiveUpdates(self)
        else:
            self.live = None
        self.document_replaced.emit(self.document)
        if ws.readonly and not ws.is_server:  # (a server's view has its live updates)
            ws.outside_change()  # takes note of where the file stands now
            self._outside_timer.start()
        else:
            self._outside_timer.stop()

    def check_outside_changes(self) -> None:
        """For a read-only view: reload when another program changed or replaced the file."""
        if self.ws is None or not self.ws.readonly:
            return
        change = self.ws.outside_change()
        if change == "replaced":
            from perfdesk.models import Workspace
            try:
                reopened = Workspace.open(self.ws.path, readonly=True)
            except WorkspaceError:
                self._outside_timer.stop()
                return self.show_problem(texts.OUTSIDE_GONE)
            self.set_workspace(reopened)
            return self.show_problem(texts.OUTSIDE_REPLACED)
        if change is None:
            return
        current = self.evaluation.id if self.evaluation else None
        self.evaluation = None
        self.refresh_navigator(select_first=True)
        if current is not None and current in self.ws.evaluation_ids():
            self.navigator.select(current)
        if change == "restored":
            self.show_problem(texts.OUTSIDE_RESTORED)
        else:
            self.statusBar().showMessage(texts.OUTSIDE_EDITED, 5000)

    def refresh_navigator(self, select_first: bool = False) -> None:
        pairs = [(ev, self.document.scored(ev)) for ev in self.ws.evaluations()]
        current = self.evaluation.id if self.evaluation else (pairs[0][0].id if pairs and select_first else None)
        self.navigator.show_evaluations(pairs, current)
        if current is None:
            self._show(None)
        elif self.evaluation is None or self.evaluation.id != current:
            self.show_evaluation(current)

    def show_evaluation(self, evaluation_id: int) -> None:
        ids = self.ws.evaluation_ids()
        self._show(self.ws.evaluation(evaluation_id) if evaluation_id in ids else None)

    def _show(self, ev) -> None:
        self.evaluation = ev
        self.scored = self.document.scored(ev) if ev else None
        self.editor.setVisible(ev is not None)
        self.note_box.setVisible(ev is None)
        self.empty_note.setVisible(ev is None)
        if ev is not None:
            self.editor.show_evaluation(ev, self.scored)
        self.score_panel.show_result(ev, self.scored)
        self.actions.evaluation_changed(ev)

    def _changed(self, evaluation_id) -> None:
        self._edited = True
        self._standing_banner()
        ids = self.ws.evaluation_ids()
        if self.evaluation is not None and self.evaluation.id not in ids:
            self.evaluation = None
        if evaluation_id is None or evaluation_id not in ids:  # settings, a deletion
            self.refresh_navigator(select_first=True)
            if self.evaluation is not None:
                self.show_evaluation(self.evaluation.id)
            return
        ev = self.ws.evaluation(evaluation_id)
        if self.evaluation is None or evaluation_id == self.evaluation.id:  # also one brought back by undo
            self._show(ev)
        if not self.navigator.update_evaluation(ev, self.document.scored(ev)):
            self.refresh_navigator()

    def show_remote_changes(self, evaluation_ids: set[int] | None) -> None:
        """Evaluations changed by others (None: everything, e.g. the settings changed)."""
        ids = self.ws.evaluation_ids()
        if self.evaluation is not None and self.evaluation.id not in ids:
            self.evaluation = None
        self.refresh_navigator(select_first=self.evaluation is None)
        if self.evaluation is not None and (evaluation_ids is None or self.evaluation.id in evaluation_ids):
            self.show_evaluation(self.evaluation.id)
        self.remote_changes_shown.emit()

    def show_connection_problem(self, message: str) -> None:
        """Stays until the connection is back (the one banner, in its warning colours)."""
        self._banner_timer.stop()
        self.banner.setText(message)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.show()

    def show_connection_restored(self, message: str) -> None:
        self._standing_banner()
        self.statusBar().showMessage(message, 10000)

    def backup_if_edited(self) -> None:
        """The rotating backup, taken only when something changed since the last one."""
        if not self._edited or self.ws is None or self.ws.readonly or self.ws.is_server:
            return
        try:
            saved = self.ws.take_backup()
        except WorkspaceError as exc:
            return self.show_problem(f"自动备份失败：{exc}")
        self._edited = False
        self.statusBar().showMessage(f"已自动备份：{saved.name}", 5000)

    def restore_backup(self) -> None:
        """恢复备份: the current state is backed up first, then the chosen backup copied in."""
        from perfdesk.ui.restore_dialog import RestoreDialog
        dialog = RestoreDialog(self.ws.backups(), self)
        if not dialog.exec() or dialog.chosen() is None:
            return
        chosen = Path(dialog.chosen())
        try:
            self.ws.take_backup()  # so the restore itself can be undone from the backups
            self.ws.restore_backup(chosen)
        except WorkspaceError as exc:
            return self.show_problem(str(exc))
        self.set_workspace(self.ws)  # the undo steps referred to rows the restore replaced
        self.statusBar().showMessage(RESTORED.format(name=chosen.name), 10000)

    def show_problem(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.show()
        self.statusBar().showMessage(message, 10000)
        self._banner_timer.start()

    def _standing_banner(self) -> None:
        """Back to the window's lasting state: the read-only reason, or no banner."""
        self._banner_timer.stop()
        self.banner.setText(self._standing or "")
        self.banner.setStyleSheet(READONLY_STYLE)
        self.banner.setVisible(self._standing is not None)

    # -- layout ------------------------------------------------------------------------
    def _default_size(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width = 1400 if screen is None else min(1400, screen.width() - 40)
        height = 860 if screen is None else min(860, screen.height() - 60)
        self.resize(width, height)
        self.splitter.setSizes([NAVIGATOR_WIDTH, width - NAVIGATOR_WIDTH])

    def _restore_geometry(self) -> None:
        store = preferences.settings()
        geometry, sizes = store.value("window/geometry"), store.value("window/splitter")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if sizes is not None:
            self.splitter.restoreState(sizes)

    def _restore_state(self) -> None:
        """Toolbar and dock places, once the dock exists."""
        state = preferences.settings().value("window/state")
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.score_panel is not None:
            self._load_chart()

    def _load_chart(self) -> None:
        # pyqtgraph costs about half a second to import: load it once the window is on screen.
        if self.score_panel.chart.plot is None:
            QTimer.singleShot(CHART_DELAY_MS, self.score_panel.chart.ensure_loaded)

    def closeEvent(self, event) -> None:
        store = preferences.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/splitter", self.splitter.saveState())
        if self.live is not None:
            self.live.stop()
        if self.ws is not None:
            self.backup_if_edited()
            self.ws.close()
        self._backup_timer.stop()
        self._outside_timer.stop()
        super().closeEvent(event)

    def open_path(self, path: str | Path) -> None:
        from perfdesk.models.address import is_server, workspace_target
        from perfdesk.ui.app import open_workspace
        target = workspace_target(str(path))
        if self.ws is not None and (target == self.ws.location if is_server(target) else
                                    not self.ws.is_server and _same_file(target, self.ws.path)):
            return  # already open here (e.g. the first entry of 最近打开, or a link to it)
        ws = open_workspace(target, self)
        if ws is not None:
            self.set_workspace(ws)


def _same_file(a: Path, b: Path) -> bool:
    """One file by any path (a link, another spelling): compared by stat, never by opening it."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
