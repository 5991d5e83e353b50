"""The window's menus and toolbar: every action, its shortcut and what it does."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from perfdesk.models import SUFFIX, WorkspaceError, faults
from perfdesk.ui import file_dialogs, preferences, texts

FILE_FILTER = f"perfdesk 工作区 (*{SUFFIX})"
PDF_FILTER = "PDF 文件 (*.pdf)"
PDF_EXPORTS = (
    ("自评表（当前评价表）…", "table", "current"),
    ("自评表（本年度全部）…", "table", "year"),
    ("汇总表（本年度）…", "summary", "year"),
    ("自评报告（本年度）…", "report", "year"),
)
WORD_FILTER = "Word 文档 (*.docx)"
JSON_FILTER = "评价表交换文件 (*.json)"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"
OFFLINE_FILTER = "离线报送文件 (*.perfdesk-unit.json)"


class WindowActions:
    def __init__(self, window):
        self.window = window
        self.undo = self.redo = None
        self.workspace_actions: list[QAction] = []  # off until a workspace is open
        self._shortcuts: list[tuple[QAction, object]] = []  # set once the window is on screen
        bar = window.menuBar()
        self.file_menu = bar.addMenu("文件(&F)")
        self.edit_menu = bar.addMenu("编辑(&E)")
        self.evaluation_menu = bar.addMenu("评价表(&P)")
        self.view_menu = bar.addMenu("视图(&V)")
        self.settings_menu = bar.addMenu("设置(&S)")
        self.toolbar = window.addToolBar("常用")
        self.toolbar.setObjectName("main-toolbar")
        add = self._add
        add(self.file_menu, "新建工作区…", self.new_workspace, "Ctrl+Shift+N", always=True)
        add(self.file_menu, "打开工作区…", self.open_workspace, QKeySequence.StandardKey.Open, toolbar=True,
            always=True)
        add(self.file_menu, "连接服务器…", self.connect_server, always=True)
        self.recent_menu = self.file_menu.addMenu("最近打开")
        add(self.file_menu, "另存为…", self.save_as, QKeySequence.StandardKey.SaveAs)
        add(self.file_menu, "备份…", self.backup, toolbar=True)
        self.restore = add(self.file_menu, "恢复备份…", window.restore_backup)
        self.file_menu.addSeparator()
        self.import_action = add(self.file_menu, texts.IMPORT_ACTION, self.import_tables, toolbar=True)
        add(self.file_menu, "导出Excel…", self.export_xlsx)
        self.import_json_action = add(self.file_menu, "导入评价表（JSON）…", self.import_json)
        add(self.file_menu, "导出评价表（JSON）…", self.export_json)
        add(self.file_menu, "导出离线报送文件…", self.export_offline)
        self.receive = add(self.file_menu, "导入离线报送文件…", self.import_offline)
        pdf_menu = self.file_menu.addMenu("导出PDF")
        for text, kind, scope in PDF_EXPORTS:
            action = pdf_menu.addAction(text)
            action.triggered.connect(lambda _c=False, k=kind, sc=scope, t=text: self.export_pdf(k, sc, t))
            self.workspace_actions.append(action)
        word_menu = self.file_menu.addMenu("导出Word")
        for text, kind, scope in PDF_EXPORTS:
            action = word_menu.addAction(text)
            action.triggered.connect(lambda _c=False, k=kind, sc=scope, t=text: self.export_word(k, sc, t))
            self.workspace_actions.append(action)
        self.file_menu.addSeparator()
        add(self.file_menu, "退出", window.close, QKeySequence.StandardKey.Quit, always=True)
        self.new_evaluation = add(self.evaluation_menu, "新建评价表…", self.create_evaluation,
                                  QKeySequence.StandardKey.New, toolbar=True)
        self.carry = add(self.evaluation_menu, "复制上年", self.carry_forward, toolbar=True)
        self.delete = add(self.evaluation_menu, "删除评价表", self.delete_evaluation)
        self.submit = add(self.evaluation_menu, "提交审核…", self.submit_evaluation)
        add(self.view_menu, "统计图…", self.show_dashboard, toolbar=True)
        self.review = add(self.view_menu, "审核…", self.show_review)
        add(self.view_menu, "审计记录…", self.show_audit)
        self.scheme = add(self.settings_menu, "评分规则…", self.edit_scheme, toolbar=True)
        self.signature = add(self.settings_menu, "签字栏…", self.edit_signature)
        self._place_undo(QAction("撤销", window, enabled=False), QAction("重做", window, enabled=False))
        for action in self.workspace_actions:
            action.setEnabled(False)
        self.refresh_recent()

    def _add(self, menu, text, slot, shortcut=None, toolbar=False, always=False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        if not always:
            self.workspace_actions.append(action)
        return action

    def apply_shortcuts(self) -> None:
        """Key sequences build Qt's key enums, about 50 ms at first: not before the window shows."""
        for action, shortcut in self._shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        self._shortcuts = []

    def _place_undo(self, undo: QAction, redo: QAction) -> None:
        for old in (self.undo, self.redo):
            if old is not None:
                self.edit_menu.removeAction(old)
                self.toolbar.removeAction(old)
        self.undo, self.redo = undo, redo
        first = self.edit_menu.actions()[0] if self.edit_menu.actions() else None
        self.edit_menu.insertActions(first, [undo, redo])
        self.toolbar.insertActions(self.toolbar.actions()[0], [undo, redo])

    # -- state ---------------------------------------------------------------------------
    def bind_document(self, document) -> None:
        undo = document.undo_stack.createUndoAction(self.window, "撤销")
        redo = document.undo_stack.createRedoAction(self.window, "重做")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self._place_undo(undo, redo)
        for action in self.workspace_actions:
            action.setEnabled(True)
        ws = document.ws
        writable = not ws.readonly
        for action in self.editing_actions():
            action.setEnabled(writable)
        self.restore.setEnabled(writable and not ws.is_server)
        self.review.setEnabled(ws.is_server)

    def editing_actions(self) -> list[QAction]:
        """What a read-only window turns off rather than lets fail."""
        return [self.new_evaluation, self.carry, self.delete, self.restore, self.import_action,
                self.import_json_action, self.scheme, self.signature, self.receive]

    def evaluation_changed(self, ev) -> None:
        ws = self.window.ws
        writable = not ws.readonly
        self.carry.setEnabled(writable and ev is not None)
        self.delete.setEnabled(writable and ev is not None)
        self.submit.setEnabled(writable and ws.is_server and not ws.is_reviewer and ev is not None
                               and ev.status in ("draft", "returned"))

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in preferences.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.window.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # -- files ---------------------------------------------------------------------------
    def new_workspace(self) -> None:
        from perfdesk.models import Workspace
        path = file_dialogs.save_file(self.window, "新建工作区", f"新工作区{SUFFIX}", FILE_FILTER)
        if path:
            self._switch(lambda: Workspace.create(_with_suffix(path)))

    def open_workspace(self) -> None:
        path = file_dialogs.open_file(self.window, "打开工作区", FILE_FILTER)
        if path:
            self.window.open_path(path)

    def connect_server(self) -> None:
        from perfdesk.ui.server_dialog import ServerDialog
        dialog = ServerDialog(self.window)
        if dialog.exec():
            self.window.open_path(dialog.address())

    def save_as(self) -> None:
        from perfdesk.models import Workspace
        path = file_dialogs.save_file(self.window, "另存为", self.window.ws.path.name, FILE_FILTER)
        if path:
            self._switch(lambda: Workspace.open(self.window.ws.backup_to(_with_suffix(path))))

    def backup(self) -> None:
        ws = self.window.ws
        suggested = f"{ws.path.stem}-备份-{datetime.now():%Y%m%d-%H%M}{SUFFIX}"
        path = file_dialogs.save_file(self.window, "备份工作区", suggested, FILE_FILTER)
        if path:
            try:
                saved = ws.backup_to(_with_suffix(path))
            except WorkspaceError as exc:
                return self.window.show_problem(str(exc))
            self.window.statusBar().showMessage(f"已备份到 {saved}", 10000)

    def _switch(self, opener) -> None:
        try:
            self.window.set_workspace(opener())
        except WorkspaceError as exc:
            QMessageBox.critical(self.window, "无法打开工作区", str(exc))

    def import_json(self) -> None:
        from perfdesk.io.files import ImportRefused, read_tables
        from perfdesk.models.commands import CreateEvaluation
        paths = file_dialogs.open_files(self.window, "导入评价表", JSON_FILTER)
        if not paths:
            return
        try:
            tables = [t for p in paths for t in read_tables(Path(p))]
        except ImportRefused as exc:
            return self.window.show_problem(str(exc))
        self.window.document.execute_all([CreateEvaluation(t) for t in tables], f"导入 {len(tables)} 张评价表")

    def import_tables(self) -> None:
        """导入自评表: a workbook or Word document, previewed table by table before anything is stored."""
        from perfdesk.io.files import ImportRefused
        from perfdesk.models.commands import CreateEvaluation, DeleteEvaluation
        from perfdesk.ui.import_dialog import ImportDialog
        path = file_dialogs.open_file(self.window, texts.IMPORT_ACTION.rstrip("…"), texts.IMPORT_FILTER)
        if not path:
            return
        try:
            plan = ImportDialog.ask(Path(path), self.window.ws.evaluations(), self.window)
        except ImportRefused as exc:
            return self.window.show_problem(str(exc))
        commands = []
        for item in plan:
            if item.replaces is not None:
                commands.append(DeleteEvaluation(item.replaces))
            commands.append(CreateEvaluation(item.evaluation))
        if plan:
            self.window.document.execute_all(commands, texts.IMPORTED.format(count=len(plan)))

    def export_xlsx(self) -> None:
        from perfdesk.io.xlsx_export import write_workbook
        window = self.window
        path = file_dialogs.save_file(window, "导出Excel", f"{window.ws.path.stem}.xlsx", XLSX_FILTER)
        if path:
            try:
                write_workbook(Path(path), window.ws.evaluations(), window.document.scheme(), window.ws.signature_block())
            except (OSError, WorkspaceError) as exc:
                return window.show_problem(file_dialogs.cannot_write(path, exc))
            window.statusBar().showMessage(f"已导出 {path}", 10000)

    def export_json(self) -> None:
        from perfdesk.io import exchange
        from perfdesk.io.files import write_atomically
        path = file_dialogs.save_file(self.window, "导出评价表", f"{self.window.ws.path.stem}.json", JSON_FILTER)
        if path:
            try:
                write_atomically(Path(path), exchange.dumps(self.window.ws.evaluations()))
            except (OSError, WorkspaceError) as exc:
                self.window.show_problem(file_dialogs.cannot_write(path, exc))

    def export_offline(self) -> None:
        """A unit without network access: its evaluations and audit trail, for the department."""
        from PySide6.QtWidgets import QInputDialog
        from perfdesk.io import offline
        from perfdesk.io.files import write_atomically
        window = self.window
        current = window.evaluation
        suggested = (current.unit or current.implementer or "") if current else ""
        unit, ok = QInputDialog.getText(window, "导出离线报送文件", "本单位名称（主管部门据此对应评价表）：", text=suggested)
        if not ok:
            return
        try:
            text = offline.dumps(window.ws, unit)
        except offline.OfflineError as exc:
            return window.show_problem(str(exc))
        path = file_dialogs.save_file(window, "导出离线报送文件", f"{unit.strip()}{offline.SUFFIX}", OFFLINE_FILTER)
        if path:
            path = path if path.endswith(offline.SUFFIX) else path + offline.SUFFIX
            try:
                write_atomically(Path(path), text)
            except (OSError, WorkspaceError) as exc:
                return window.show_problem(file_dialogs.cannot_write(path, exc))
            window.statusBar().showMessage(f"已导出 {path}", 10000)

    def import_offline(self) -> None:
        """The department: a unit's file, matched by unit + year + project, as one undo step."""
        from perfdesk.io import offline
        from perfdesk.io.files import ImportRefused, read_text
        window = self.window
        path = file_dialogs.open_file(window, "导入离线报送文件", OFFLINE_FILTER)
        if not path:
            return
        try:
            package = offline.loads(read_text(Path(path)))
        except (ImportRefused, offline.OfflineError) as exc:
            return window.show_problem(str(exc))
        commands, label = offline.merge_commands(package, Path(path).name, window.ws.role)
        if window.document.execute_all(commands, label):
            window.refresh_navigator()
            window.statusBar().showMessage(f"已导入{package.unit}的 {len(commands)} 张评价表", 10000)

    def _export_choice(self, kind: str, scope: str, label: str, what: str, suffix: str, file_filter: str,
                       fonts: bool):
        """The evaluations, options and target file of an export; None when cancelled."""
        from perfdesk.ui.pdf_options import PdfOptionsDialog
        window = self.window
        current = window.evaluation
        if current is None:
            window.show_problem("请先在左侧选择一张评价表")
            return None
        evaluations = [current] if scope == "current" else \
            [e for e in window.ws.evaluations() if e.year == current.year]
        name = (current.project or current.title or "评价表") if scope == "current" else f"{current.year}年度"
        name = re.sub(r'[\\/:*?"<>|\s]+', "_", name)  # characters a Windows file name cannot hold
        suggested = f"{name}-{label.split('（')[0]}{suffix}"
        title = f"{what}：{label.rstrip('…')}"
        options = PdfOptionsDialog(title, window, report=kind == "report", fonts=fonts)
        if not options.exec():
            return None
        path = file_dialogs.save_file(window, title, suggested, file_filter)
        return (evaluations, options, path) if path else None

    def export_pdf(self, kind: str, scope: str, label: str) -> None:
        from perfdesk.ui.pdf_export import export_pdf
        chosen = self._export_choice(kind, scope, label, "导出PDF", ".pdf", PDF_FILTER, fonts=True)
        if chosen:
            evaluations, options, path = chosen
            landscape, font = options.values()
            window = self.window
            export_pdf(window, evaluations, window.document.scheme(), kind, path, landscape, font,
                       options.chosen_sections(), window.ws.signature_block())

    def export_word(self, kind: str, scope: str, label: str) -> None:
        from perfdesk.reports import write_docx
        chosen = self._export_choice(kind, scope, label, "导出Word", ".docx", WORD_FILTER, fonts=False)
        if not chosen:
            return
        evaluations, options, path = chosen
        window = self.window
        try:
            write_docx(path, kind, evaluations, window.document.scheme(), landscape=options.values()[0],
                       sections=options.chosen_sections(), signature=window.ws.signature_block())
        except (OSError, ValueError, WorkspaceError) as exc:
            return window.show_problem(f"无法生成Word文档：{faults.reason(exc) if isinstance(exc, OSError) else exc}")
        window.statusBar().showMessage(f"已导出 {path}", 10000)

    # -- evaluations ---------------------------------------------------------------------
    def _create(self, snapshot, label) -> None:
        from dataclasses import replace

        from PySide6.QtWidgets import QInputDialog

        from perfdesk.models.commands import CreateEvaluation
        ws = self.window.ws
        if ws.is_server and not snapshot.unit and len(ws.units) > 1:  # a member of several units says which
            unit, ok = QInputDialog.getItem(self.window, label, "所属单位：", ws.units, 0, False)
            if not ok:
                return
            snapshot = replace(snapshot, unit=unit)
        command = CreateEvaluation(snapshot, label)
        if self.window.document.execute(command):
            self.window.refresh_navigator()
            self.window.navigator.select(command.created.id)
            self.window.editor.start_typing()

    def create_evaluation(self) -> None:
        from dataclasses import replace

        from perfdesk.models.blank import blank
        from perfdesk.ui.new_evaluation import NewEvaluationDialog
        dialog = NewEvaluationDialog(self.window)
        if dialog.exec():
            snapshot = blank(*dialog.values())
            template = dialog.template()
            if template is not None:
                snapshot = replace(snapshot, indicators=template.nodes(snapshot.scored))
            self._create(snapshot, "新建评价表")

    def carry_forward(self) -> None:
        from perfdesk.models.blank import carry_forward
        if self.window.evaluation is not None:
            self._create(carry_forward(self.window.evaluation), "复制上年")

    def delete_evaluation(self) -> None:
        from perfdesk.models.commands import DeleteEvaluation
        ev = self.window.evaluation
        if ev is None:
            return
        answer = QMessageBox.question(self.window, "删除评价表",
                                      f"删除“{ev.project or ev.title}”（{ev.year}年度）？\n可以用“撤销”恢复。")
        if answer == QMessageBox.StandardButton.Yes:
            self.window.document.execute(DeleteEvaluation(ev.id))

    def submit_evaluation(self) -> None:
        """提交审核: with error-level findings standing, only with a written explanation."""
        from PySide6.QtWidgets import QInputDialog
        from perfdesk.models import review
        window = self.window
        ev = window.evaluation
        errors = window.ws.error_findings(ev.id)
        note = None
        if errors:
            listed = "\n".join(f"· {f.message}" for f in errors[:10])
            note, ok = QInputDialog.getMultiLineText(
                window, "提交审核", f"还有 {len(errors)} 个错误级审核发现：\n{listed}\n\n请写明情况说明后提交：")
            if not ok:
                return
        try:
            command = review.submit(ev.id, len(errors), note)
        except WorkspaceError as exc:
            return window.show_problem(str(exc))
        if window.document.execute(command):
            window.statusBar().showMessage(f"已提交审核：{ev.project or ev.title}", 10000)

    def show_review(self) -> None:
        from perfdesk.ui.review_view import ReviewWindow
        ReviewWindow.show_for(self.window)

    def show_dashboard(self) -> None:
        from perfdesk.ui.dashboard import Dashboard
        Dashboard.show_for(self.window)

    def show_audit(self) -> None:
        from perfdesk.ui.audit_view import AuditView
        AuditView.show_for(self.window)

    def edit_scheme(self) -> None:
        from perfdesk.ui.scheme_dialog import SchemeDialog
        SchemeDialog(self.window.document, self.window.evaluation, self.window).exec()

    def edit_signature(self) -> None:
        from perfdesk.ui.signature_dialog import SignatureDialog
        SignatureDialog(self.window.document, self.window).exec()


def _with_suffix(path: str) -> str:
    return path if path.endswith(SUFFIX) else path + SUFFIX


def build_actions(window) -> WindowActions:
    return WindowActions(window)
