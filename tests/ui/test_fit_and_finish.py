"""What a finance officer notices in the first minutes: dialogs, locks, the navigator, charts,
file dialogs, scores on imported tables. Driven by mouse clicks and key presses."""
from __future__ import annotations

import stat
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit,
)

from perfdesk.io import demo, exchange
from perfdesk.models import Workspace
from perfdesk.models.filelock import EditorNote, WorkspaceFile
from perfdesk.ui.app import open_workspace
from perfdesk.ui.charts import ROW_HEIGHT
from perfdesk.ui.indicator_model import SCORE_COLUMN
from perfdesk.ui.manual_score import ManualScoreDialog
from perfdesk.ui.navigator import ERROR_COLOUR
from perfdesk.ui.scheme_dialog import SchemeDialog

from tests.ui.helpers import (FIXTURES, answer_next_message_box, at, column_numbers, stored, type_into, when_modal,
                              workspace_with)
from tests.ui.keyboard import (KEY, SHIFT, activate, choose_from_button_menu, click_button, click_cell, open_tab,
                               press, type_text)

COLUMN = column_numbers()


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_in_file_dialog(qtbot, dialog, path: str) -> None:
    """Go to the folder (as the user does by clicking through), type the name, press 保存."""
    dialog.setDirectory(str(Path(path).parent))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.selectAll()
    qtbot.keyClicks(name, Path(path).name)
    click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))


def ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


# -- 手工评分 --------------------------------------------------------------------------------------
def test_manual_score_dialog_keeps_what_was_typed_and_shows_the_problem_in_it(qtbot, open_window):
    window = open_window(Workspace.open(demo.default_workspace()))
    view = window.editor.indicators.view
    model = view.model()
    seen = {}

    def fill(dialog):
        click(qtbot, dialog.score)
        dialog.score.selectAll()
        qtbot.keyClicks(dialog.score, "12")
        click(qtbot, ok_button(dialog))  # no reason yet: refused inside the dialog
        seen["open"], seen["problem"] = dialog.isVisible(), dialog.problem.text()
        seen["kept"] = dialog.score.text()
        seen["shown"] = dialog.problem.isVisibleTo(dialog)
        type_into(dialog.reason, "复核发现两批次拨付延迟")
        click(qtbot, ok_button(dialog))

    when_modal(ManualScoreDialog, fill)
    cell = at(model, 0, 0, 0, column=SCORE_COLUMN)
    click_cell(qtbot, view, cell)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    assert seen == {"open": True, "problem": "手工评分需要填写理由", "kept": "12", "shown": True}
    leaf = next(stored(window).leaves())
    assert (leaf.manual_score, leaf.manual_reason) == (Decimal(12), "复核发现两批次拨付延迟")
    assert not window.banner.isVisible()  # nothing went wrong that the window has to tell


def test_typing_a_number_on_a_score_cell_opens_the_manual_score_with_it(qtbot, open_window):
    window = open_window(Workspace.open(demo.default_workspace()))
    view = window.editor.indicators.view
    seen = {}

    def look(dialog):
        seen["score"] = dialog.score.text()
        dialog.reject()

    when_modal(ManualScoreDialog, look)
    click_cell(qtbot, view, at(view.model(), 0, 0, 0, column=SCORE_COLUMN))
    type_text(qtbot, "9")
    assert seen == {"score": "9"}


# -- scores on imported tables ------------------------------------------------------------------------
def test_rescoring_by_the_rules_sets_printed_scores_aside_in_one_step(qtbot, open_window, tmp_path):
    window = open_window(workspace_with(tmp_path, "004_05_yibao_shiwu_jingfei.json"))
    pane = window.editor.indicators
    view, model = pane.view, pane.model
    stack = window.document.undo_stack
    first = at(model, 0, 0, 0)
    printed = model.data(first.siblingAtColumn(SCORE_COLUMN))
    assert "按规则重新计分" in model.data(first.siblingAtColumn(SCORE_COLUMN), Qt.ItemDataRole.ToolTipRole)
    click_cell(qtbot, view, first.siblingAtColumn(COLUMN["actual"]))
    type_text(qtbot, "50%")
    press(qtbot, KEY.Key_Return)
    qtbot.waitUntil(lambda: next(stored(window).leaves()).actual == "50%", timeout=3000)
    assert model.data(at(model, 0, 0, 0, column=SCORE_COLUMN)) == printed  # the printed score still counts

    click_cell(qtbot, view, at(model, 0, 0, 0))
    click_cell(qtbot, view, at(model, 0, 0, 1), SHIFT)
    count = stack.count()
    choose_from_button_menu(qtbot, pane.rescore_button, pane.rescore_rows)
    assert stack.count() == count + 1
    leaves = list(stored(window).leaves())
    assert [leaf.score_printed for leaf in leaves[:2]] == [None, None] and leaves[2].score_printed is not None
    rule = window.scored.indicators[0]
    assert rule.score == rule.computed and model.data(at(model, 0, 0, 0, column=SCORE_COLUMN)) != printed

    choose_from_button_menu(qtbot, pane.rescore_button, pane.rescore_table)  # the whole table, printed figures too
    ev = stored(window)
    assert all(leaf.score_printed is None for leaf in ev.leaves())
    assert (ev.total_score_printed, ev.grade_printed, ev.funds[0].score_printed) == (None, None, None)
    assert not {f.code for f in window.scored.findings} & {"SCORE_RULE_MISMATCH", "RECORDED_TOTAL_MISMATCH"}
    stack.undo()
    stack.undo()
    assert next(stored(window).leaves()).score_printed is not None


# -- 定稿 -------------------------------------------------------------------------------------------
def test_rule_changes_leave_a_finalised_table_as_it_was_finalised(qtbot, open_window, tmp_path):
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json", "004_05_yibao_shiwu_jingfei.json")
    window = open_window(ws)
    final_id, draft_id = [ev.id for ev in ws.evaluations()]
    window.navigator.select(final_id)
    asked = answer_next_message_box()
    open_tab(qtbot, window.editor, window.editor.signing)
    click_button(qtbot, window.editor.signing.lock_button)
    activate(window)
    assert "以后修改评分规则不影响这张表" in asked["text"]
    assert (window.score_panel.total.text(), window.score_panel.grade.text()) == ("97.99", "优")
    name_item = window.navigator._find(final_id)
    assert not name_item.icon().isNull() and "已定稿" in name_item.toolTip()  # the navigator marks it
    assert window.navigator._find(draft_id).icon().isNull()

    seen = {}

    def stricter(dialog):
        seen["kept"] = dialog.kept.text()
        click(qtbot, dialog.grades)
        dialog.grades.selectAll()
        type_into(dialog.grades, "99 优\n80 良\n60 中\n0 差")
        seen["preview"] = dialog.preview.text()
        click(qtbot, ok_button(dialog))

    when_modal(SchemeDialog, stricter)
    window.actions.scheme.trigger()
    assert seen["kept"].startswith("1 张已定稿的评价表保留定稿时的评分规则")
    assert "已定稿，按定稿时的规则计分（97.99 分，优）" in seen["preview"]
    assert window.ws.scheme().grade_bands[0][1] == "优" and window.ws.scheme().grade_bands[0][0] == 99
    assert (window.score_panel.total.text(), window.score_panel.grade.text()) == ("97.99", "优")
    window.navigator.select(draft_id)
    assert (window.score_panel.total.text(), window.score_panel.grade.text()) == ("97.89", "良")  # new rules
    events = [e for e in window.ws.audit_entries() if e.action == "定稿"]
    assert events and events[0].actor == window.ws.actor and stored(window).status == "draft"
    assert window.ws.evaluation(final_id).finalised_by == window.ws.actor


# -- the read-only window -------------------------------------------------------------------------------
def test_a_workspace_open_elsewhere_opens_read_only_with_one_banner_naming_who(qtbot, open_window, tmp_path):
    path = tmp_path / "shared.perfdesk"
    workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json").close()
    (tmp_path / "ui.perfdesk").rename(path)
    other, note = WorkspaceFile.open(path), EditorNote(path)  # another program is editing it
    assert other.try_lock(exclusive=True) and note.write()
    try:
        asked = answer_next_message_box()
        ws = open_workspace(path)
        window = open_window(ws)
        import getpass
        import socket
        assert f"用户“{getpass.getuser()}”在计算机“{socket.gethostname()}”上" in asked["text"]
        banners = [label for label in window.findChildren(QLabel)
                   if label.isVisibleTo(window) and "只读" in label.text()]
        assert banners == [window.banner] and "用户“" in window.banner.text()
        for action in window.actions.editing_actions():
            assert not action.isEnabled(), action.text()
        pane = window.editor.indicators
        assert not pane.actions_by_name["sibling"].isEnabled() and not pane.template_button.isEnabled()
        view = pane.view
        click_cell(qtbot, view, at(view.model(), 0, 0, 0, column=COLUMN["actual"]))
        type_text(qtbot, "1")
        assert not view.indexWidget(view.currentIndex())  # no editor opened
        assert window.banner.text().startswith("工作区正在被用户“") and window.banner.isVisible()
        window._banner_timer.timeout.emit()  # the refusal fades: back to the standing read-only banner
        assert window.banner.text().endswith("（编辑功能已停用）。") and window.banner.isVisible()
    finally:
        note.remove()
        other.close()


# -- columns and the navigator ------------------------------------------------------------------------------
def test_the_fund_table_heads_its_amounts_with_the_money_unit(qtbot, open_window, tmp_path):
    window = open_window(workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json"))
    editor = window.editor
    funds = editor.funds.view.model()

    def heads():
        return [funds.headerData(c, Qt.Orientation.Horizontal) for c in range(funds.columnCount())]

    unit = stored(window).money_unit or "元"
    open_tab(qtbot, editor, editor.funds)
    assert f"全年执行数（{unit}）" in heads() and "执行率" in heads() and "分值" in heads()
    open_tab(qtbot, editor, editor.header)
    combo = editor.header.money_unit
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # its list opens
    other = "万元" if unit == "元" else "元"
    press(qtbot, KEY.Key_Down if other == "万元" else KEY.Key_Up)
    press(qtbot, KEY.Key_Return)
    qtbot.waitUntil(lambda: stored(window).money_unit == other, timeout=3000)
    open_tab(qtbot, editor, editor.funds)
    assert f"全年执行数（{other}）" in heads() and f"年初预算数（{other}）" in heads()


def test_money_columns_fit_their_numbers_and_the_navigator_keeps_total_and_grade_in_sight(qtbot, open_window,
                                                                                       tmp_path):
    ev = exchange.loads((FIXTURES / "004_02_chengxiang_yiliao_jiuzhu.json").read_text(encoding="utf-8"))[0]
    long_name = "城乡居民基本医疗保险参保财政补助及困难群众医疗救助资金（含中央和省级转移支付配套部分）"
    ws = workspace_with(tmp_path)
    ws.import_evaluations([replace(ev, project=long_name)])
    window = open_window(ws)
    editor = window.editor
    editor.setCurrentWidget(editor.funds)
    funds = editor.funds.view
    keys = [k for k, _l in funds.model().visible]
    click_cell(qtbot, funds, funds.model().index(0, keys.index("executed")))
    type_text(qtbot, "1280000000.55")
    press(qtbot, KEY.Key_Return)
    qtbot.waitUntil(lambda: stored(window).funds[0].executed == Decimal("1280000000.55"), timeout=3000)
    shown = funds.model().data(funds.model().index(0, keys.index("executed")))
    assert shown == "1,280,000,000.55"
    needed = funds.fontMetrics().horizontalAdvance(shown)
    assert funds.columnWidth(keys.index("executed")) >= needed  # not "1,280,0…"
    assert funds.columnWidth(keys.index("score")) < 100  # 得分 is as wide as its numbers

    nav = window.navigator.view
    header = nav.header()
    for column in (1, 2):  # 总分, 等级
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= nav.viewport().width()
    assert window.navigator._find(window.evaluation.id).toolTip().startswith(long_name)


def test_a_total_the_table_contradicts_is_red_in_the_navigator_with_its_errors(qtbot, open_window, tmp_path):
    """分值 that add up to 110 make a 总分 nobody may use: the list says so where the total is read."""
    window = open_window(workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json"))
    pane, nav = window.editor.indicators, window.navigator
    total = nav._find(window.evaluation.id)
    total = total.parent().child(total.row(), 1)
    normal = total.foreground().color().name()
    assert normal != ERROR_COLOUR and not total.toolTip()
    first = at(pane.model, 0, 0, 0, column=COLUMN["weight"])
    weight = stored(window).indicators[0].children[0].children[0].weight
    click_cell(qtbot, pane.view, first)
    type_text(qtbot, str(weight + 10))
    press(qtbot, KEY.Key_Return)
    qtbot.waitUntil(lambda: total.foreground().color().name() == ERROR_COLOUR, timeout=3000)
    assert "审核发现" in total.toolTip() and "分值合计" in total.toolTip()
    press(qtbot, KEY.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: the table adds up again
    qtbot.waitUntil(lambda: total.foreground().color().name() == normal, timeout=3000)
    assert not total.toolTip()
    # back to the palette's own text colour (a dark theme's light text), not a black brush
    assert total.data(Qt.ItemDataRole.ForegroundRole) is None


def test_folded_years_stay_as_the_user_left_them_after_filtering(qtbot, open_window, tmp_path):
    window = open_window(workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json",
                                        "001_05_chengxiang_yiliao_jiuzhu.json"))
    nav = window.navigator
    view, proxy = nav.view, nav.proxy
    nav.select(next(ev.id for ev in window.ws.evaluations() if ev.year == 2022))  # the table open is 2022's
    years = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    assert [y.data() for y in years] == ["2021 年度", "2022 年度"]
    click_cell(qtbot, view, years[0])
    qtbot.keyClick(view, KEY.Key_Left)  # fold 2021
    assert not view.isExpanded(years[0])
    qtbot.keyClicks(nav.filter_box, "2022")
    assert proxy.rowCount() == 1 and view.isExpanded(proxy.index(0, 0))
    nav.filter_box.selectAll()
    qtbot.keyClick(nav.filter_box, KEY.Key_Backspace)
    years = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    assert [view.isExpanded(y) for y in years] == [False, True]  # as the user left them
    window.refresh_navigator()
    assert [view.isExpanded(proxy.index(r, 0)) for r in range(proxy.rowCount())] == [False, True]


# -- 统计图 -----------------------------------------------------------------------------------------------
def test_the_chart_of_thirty_projects_is_readable_and_opens_on_the_selected_year(qtbot, open_window, tmp_path):
    base = exchange.loads((FIXTURES / "004_02_chengxiang_yiliao_jiuzhu.json").read_text(encoding="utf-8"))[0]
    ws = workspace_with(tmp_path)
    ws.import_evaluations([replace(base, year=2021, project=f"第{n}个医疗保障服务能力提升项目") for n in range(1, 31)]
                          + [replace(base, year=2022)])
    window = open_window(ws)
    window.navigator.select(ws.evaluations()[0].id)  # a 2021 table
    window.actions.show_dashboard()
    from perfdesk.ui.dashboard import Dashboard
    board = Dashboard._open
    qtbot.addWidget(board)
    assert board.year.currentData() == 2021  # the selected table's year, not the latest (2022)
    chart = board.totals
    labels, [(totals, _colour)], _top = chart._pending
    assert len(labels) == 30
    assert chart.tick_labels() == labels  # whole names, one row each, at the left of their bars
    assert chart.minimumHeight() >= 30 * ROW_HEIGHT >= 30 * chart.fontMetrics().height()
    assert chart.value_labels() == [[f"{t:.2f}".rstrip("0").rstrip(".") for t in totals]]
    board.close()


# -- file dialogs and exported files -------------------------------------------------------------------------
def test_save_dialogs_start_in_documents_then_the_last_folder_in_chinese(qtbot, open_window, tmp_path,
                                                                            monkeypatch):
    from perfdesk.ui.app import install_translator
    assert install_translator(QApplication.instance())  # as the application does at start
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    window = open_window(workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json"))
    seen = []
    chosen = tmp_path / "for-the-bureau"
    chosen.mkdir()

    def save(dialog):
        texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        seen.append((Path(dialog.directory().absolutePath()), texts))
        if len(seen) == 1:
            save_in_file_dialog(qtbot, dialog, str(chosen / "out.xlsx"))
        else:  # the second time it is already there: only the name is typed
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            name.selectAll()
            qtbot.keyClicks(name, "again.xlsx")
            click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))

    when_modal(QFileDialog, save)
    window.actions.export_xlsx()
    when_modal(QFileDialog, save)
    window.actions.export_xlsx()
    (first, labels), (second, _labels) = seen
    assert first == home / "Documents" and second == chosen
    assert {"查找范围(&I)：", "文件名称(&N)：", "文件类型(&T)："} <= set(labels)  # not "Look in:"
    assert not [text for text in labels if "Look in" in text or "Files of" in text]
    for name in ("out.xlsx", "again.xlsx"):
        mode = stat.S_IMODE((chosen / name).stat().st_mode)
        assert mode & 0o044, oct(mode)  # readable by others like any file the user saves, not 0600


# -- a new table without fund figures --------------------------------------------------------------------------
def test_a_new_table_from_the_framework_says_its_fund_is_missing_and_nothing_about_empty_groups(qtbot, open_window,
                                                                                               monkeypatch):
    from perfdesk.ui.new_evaluation import NewEvaluationDialog
    window = open_window(Workspace.open(demo.default_workspace()))

    def fill(dialog):
        type_into(dialog.project, "社区医疗救助")
        click(qtbot, ok_button(dialog))

    when_modal(NewEvaluationDialog, fill)
    window.actions.new_evaluation.trigger()
    codes = [f.code for f in window.scored.findings]
    assert "MISSING_FUND" in codes and "MISSING_ACTUAL" not in codes
    items = [window.score_panel.findings_model.item(r).text() for r in range(window.score_panel.findings_model.rowCount())]
    assert any("资金分值 10 已计入总分值" in text for text in items)
    model = window.editor.indicators.model
    assert [model.data(at(model, r)) for r in range(3)] == ["产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"]


# -- 审计记录 -------------------------------------------------------------------------------------------------
def test_audit_view_filters_exports_and_prints(qtbot, open_window, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from perfdesk.models.commands import SetSetting
    from perfdesk.ui import pdf_export
    from perfdesk.ui.audit_view import AuditView
    window = open_window(workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json",
                                        "004_01_yibao_guanli_shiwu.json"))
    view = window.editor.indicators.view
    click_cell(qtbot, view, at(view.model(), 0, 0, 0, column=COLUMN["actual"]))
    type_text(qtbot, "30次")
    press(qtbot, KEY.Key_Return)
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == 1, timeout=3000)
    window.document.execute(SetSetting("user_name", "王芳"))
    click_cell(qtbot, view, at(view.model(), 0, 0, 0, column=COLUMN["reason"]))
    type_text(qtbot, "已整改")
    press(qtbot, KEY.Key_Return)
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == 3, timeout=3000)

    window.actions.show_audit()
    audit = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AuditView) and w.isVisible())
    qtbot.addWidget(audit)
    assert audit.evaluation.currentData() == window.evaluation.id  # opens on the table being edited
    rows = audit.model.entries
    assert [e.action for e in rows] == ["修改偏差原因分析及改进措施", "修改实际完成值", "导入评价表"]
    assert (rows[1].old, rows[1].new, rows[0].actor) == ("34次", "30次", "王芳")
    audit.actor.setFocus()
    qtbot.keyClick(audit.actor, KEY.Key_Down)  # the first user in the list
    names = [audit.actor.itemText(i) for i in range(1, audit.actor.count())]
    assert audit.actor.currentText() == names[0]
    assert {e.actor for e in audit.model.entries} == {names[0]}
    assert audit.count.text() == f"共 {len(audit.model.entries)} 条"

    out = tmp_path / "trail.xlsx"

    def save_as(path):
        return lambda dialog: save_in_file_dialog(qtbot, dialog, str(path))

    when_modal(QFileDialog, save_as(out))
    click(qtbot, audit.export_button)
    sheet = load_workbook(out).active
    assert sheet.cell(row=1, column=1).value.startswith("审计记录（评价表：")
    assert sheet.max_row == 2 + len(audit.model.entries)

    printed = []
    monkeypatch.setattr(pdf_export, "offer_preview", lambda parent, result: printed.append(result))
    when_modal(QFileDialog, save_as(tmp_path / "trail.pdf"))
    click(qtbot, audit.print_button)
    assert printed and printed[0].pages >= 1 and printed[0].path.exists()
    audit.close()


def _answer_message_boxes(count: int) -> list[str]:
    """Click the affirmative button of each of the next `count` message boxes with the mouse
    (a file dialog's "replace?" box, then the program's own); returns their texts in order."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox
    seen: list[str] = []
    answered: list = []  # kept alive, so that a later box cannot be taken for one already answered

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and not any(box is b for b in answered):
            answered.append(box)
            seen.append(box.text())
            button = box.button(QMessageBox.StandardButton.Yes) or box.button(QMessageBox.StandardButton.Ok)
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        if len(seen) < count:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def _audit_view(qtbot, window):
    from perfdesk.ui.audit_view import AuditView
    window.actions.show_audit()
    audit = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AuditView) and w.isVisible())
    qtbot.addWidget(audit)
    return audit


def _stamp(path: Path) -> tuple:
    info = path.stat()
    return info.st_ino, info.st_size, info.st_mtime_ns


ENGLISH = ("Errno", "No space", "Permission", "denied", "Read-only", "error")


def test_an_audit_export_over_the_open_workspace_is_refused_in_words(qtbot, open_window, tmp_path):
    window = open_window(workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json"))
    path = window.ws.path
    before = _stamp(path)  # by stat: opening the file in this (the editing) process would drop its locks
    audit = _audit_view(qtbot, window)
    for button in (audit.export_button, audit.print_button):
        said = _answer_message_boxes(2)  # "replace ui.perfdesk?", then the refusal
        when_modal(QFileDialog, lambda dialog: save_in_file_dialog(qtbot, dialog, str(path)))
        click(qtbot, button)
        qtbot.waitUntil(lambda: len(said) == 2, timeout=5000)
        assert "工作区" in said[1] and not any(word in said[1] for word in ENGLISH), said
    assert _stamp(path) == before and window.ws.evaluations()  # the same file, untouched, still open
    audit.close()


def test_an_audit_export_on_a_full_disk_says_so_in_chinese(qtbot, open_window, tmp_path, tiny_disk):
    from tests.models.helpers import fill_disk
    window = open_window(workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json"))
    audit = _audit_view(qtbot, window)
    fill_disk(tiny_disk)
    for button, name in ((audit.export_button, "trail.xlsx"), (audit.print_button, "trail.pdf")):
        said = _answer_message_boxes(1)
        when_modal(QFileDialog, lambda dialog: save_in_file_dialog(qtbot, dialog, str(tiny_disk / name)))
        click(qtbot, button)
        qtbot.waitUntil(lambda: len(said) == 1, timeout=5000)
        assert said[0].startswith(f"无法写入 {tiny_disk / name}：") and "磁盘" in said[0], said
        assert not any(word in said[0].replace(str(tiny_disk), "") for word in ENGLISH), said
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler.bin"]  # nothing half-written left
    audit.close()
