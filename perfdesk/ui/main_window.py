"""The main window: wires the navigator to the overview and hosts the menus."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter

from perfdesk.models import SUFFIX, Workspace, WorkspaceError
from perfdesk.ui.navigator import Navigator
from perfdesk.ui.overview import Overview

FILE_FILTER = f"perfdesk 工作区 (*{SUFFIX})"


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace):
        super().__init__()
        self.navigator = Navigator()
        self.overview = Overview()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.overview)
        splitter.setSizes([320, 900])
        self.setCentralWidget(splitter)
        self.resize(1200, 760)
        self._build_menus()
        self.navigator.evaluation_selected.connect(self._show_evaluation)
        self.ws: Workspace | None = None
        self.set_workspace(ws)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("文件(&F)")
        for text, shortcut, slot in (
            ("新建工作区…", QKeySequence.StandardKey.New, self.new_workspace),
            ("打开工作区…", QKeySequence.StandardKey.Open, self.open_workspace),
            ("退出", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self, shortcut=shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    def set_workspace(self, ws: Workspace) -> None:
        if self.ws is not None and self.ws is not ws:
            self.ws.close()
        self.ws = ws
        suffix = "（只读）" if ws.readonly else ""
        self.setWindowTitle(f"{ws.path.name}{suffix} — perfdesk 预算绩效自评")
        evaluations = ws.evaluations()
        self.navigator.show_evaluations(evaluations)
        if evaluations:
            self.overview.show_evaluation(evaluations[0])
        else:
            self.overview.setHtml("<p>工作区中还没有评价表。</p>")

    def _show_evaluation(self, evaluation_id: int) -> None:
        self.overview.show_evaluation(self.ws.evaluation(evaluation_id))

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "新建工作区", "", FILE_FILTER)
        if path:
            self._switch(lambda: Workspace.create(path if path.endswith(SUFFIX) else path + SUFFIX))

    def open_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "打开工作区", "", FILE_FILTER)
        if path:
            from perfdesk.ui.app import open_workspace
            ws = open_workspace(path, self)
            if ws is not None:
                self.set_workspace(ws)

    def _switch(self, opener) -> None:
        try:
            self.set_workspace(opener())
        except WorkspaceError as exc:
            QMessageBox.critical(self, "无法打开工作区", str(exc))

    def closeEvent(self, event) -> None:
        if self.ws is not None:
            self.ws.close()
        super().closeEvent(event)
