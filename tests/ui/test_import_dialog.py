"""The 导入自评表 preview, driven with the mouse and keyboard: tables to tick, columns read as
another field, the year set, duplicates replaced / kept twice / skipped; nothing stored before OK."""
from __future__ import annotations

import datetime

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from perfdesk.ui import file_dialogs

from perfdesk.io.reader import read_file
from perfdesk.ui.import_dialog import ImportDialog
from perfdesk.ui.main_window import MainWindow
from tests.ui.helpers import FIXTURES, workspace_with

LEFT = Qt.MouseButton.LeftButton
WORKBOOKS = FIXTURES / "xlsx"


def shown(qtbot, dialog: ImportDialog) -> ImportDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_row(qtbot, dialog: ImportDialog, row: int, column: int = 1) -> None:
    rect = dialog.list.visualItemRect(dialog.list.item(row, column))
    qtbot.mouseClick(dialog.list.viewport(), LEFT, pos=rect.center())


def choose(qtbot, combo, label: str) -> None:
    """Pick an item of a combo box with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    target = combo.findText(label)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_tick_tables_and_read_every_line_in_full(qtbot):
    dialog = shown(qtbot, ImportDialog(read_file(WORKBOOKS / "linshui_2021.xlsx")))
    assert dialog.list.rowCount() == 6
    assert [dialog.list.item(0, c).text() for c in range(1, 6)] == [
        "项目绩效目标完成情况表", "2021", "2021年城乡居民医疗保险参保县级匹配资金项目", "3", "4"]
    for row in range(1, 6):
        click_row(qtbot, dialog, row, 0)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # untick
    assert [p.evaluation.project for p in dialog.plan()] == ["2021年城乡居民医疗保险参保县级匹配资金项目"]
    click_row(qtbot, dialog, 3)
    lines = dialog.details.toPlainText().splitlines()
    assert lines[0].startswith("工作表“Sheet”第 57–") and "年度：2021（取自标题）" in lines
    assert dialog.details.lineWrapMode() == dialog.details.LineWrapMode.WidgetWidth  # wrapped, never cut
    click_row(qtbot, dialog, 0, 0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled() and dialog.plan() == []


def _unknown_label_and_no_year(path) -> None:
    book = Workbook()
    for row in (["项目支出绩效自评表"], ["项目名称", "示例项目"],
                ["一级指标", "二级指标", "三级指标", "年度指标值", "实绩", "分值", "得分"],
                ["产出指标", "数量指标", "人数", "≥10人", "12人", 90, 90]):
        book.active.append(row)
    book.save(path)


def test_a_column_read_as_another_field_and_the_year_typed(qtbot, tmp_path):
    _unknown_label_and_no_year(tmp_path / "表.xlsx")
    dialog = shown(qtbot, ImportDialog(read_file(tmp_path / "表.xlsx")))
    assert dialog.year.value() == datetime.date.today().year - 1 and "没有找到年度" in dialog.year_note.text()
    labels = [dialog.columns.item(r, 0).text() for r in range(dialog.columns.rowCount())]
    row = labels.index("指标：实绩")
    combo = dialog.columns.cellWidget(row, 1)
    assert combo.currentText() == "不导入" and next(dialog.plan()[0].evaluation.leaves()).actual is None
    choose(qtbot, combo, "实际完成值")
    assert next(dialog.plan()[0].evaluation.leaves()).actual == "12人"
    qtbot.mouseDClick(dialog.year.lineEdit(), LEFT)
    qtbot.keyClick(dialog.year.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.year.lineEdit(), "2021")
    qtbot.keyClick(dialog.year.lineEdit(), Qt.Key.Key_Enter)
    assert dialog.plan()[0].evaluation.year == 2021 and dialog.list.item(0, 2).text() == "2021"


def test_the_year_shown_is_the_year_imported(qtbot, tmp_path):
    """A table of 1989 showed 1990 (the box's lowest year) while 1989 was imported."""
    _unknown_label_and_no_year(tmp_path / "表.xlsx")
    book = load_workbook(tmp_path / "表.xlsx")
    book.active["A1"] = "1989年度项目支出绩效自评表"
    book.save(tmp_path / "表.xlsx")
    dialog = shown(qtbot, ImportDialog(read_file(tmp_path / "表.xlsx")))
    assert dialog.year.value() == dialog.plan()[0].evaluation.year == 1989


def test_a_group_weight_column_shown_and_read_as_the_indicators_own(qtbot):
    """tests/data/realworld_more/12: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 (see its expected.md)."""
    path = FIXTURES.parent / "realworld_more" / "12_hainan_weight_column_per_level.docx"
    dialog = shown(qtbot, ImportDialog(read_file(path)))
    combos = [dialog.columns.cellWidget(r, 1) for r in range(dialog.columns.rowCount())]
    assert [c.currentText() for c in combos][:6] == ["一级指标", "一级指标分值", "二级指标", "二级指标分值", "三级指标", "分值"]
    first = next(dialog.plan()[0].evaluation.leaves())
    assert (dialog.plan()[0].evaluation.indicators[0].name, first.weight) == ("项目决策（20分）", 4)
    choose(qtbot, combos[5], "不导入")  # the 三级 分值 column left out: no indicator has a weight of its own
    assert dialog.plan()[0].evaluation.indicators[0].name == "项目决策（20分）"
    assert next(dialog.plan()[0].evaluation.leaves()).weight is None
    choose(qtbot, combos[1], "不导入")
    assert dialog.plan()[0].evaluation.indicators[0].name == "项目决策"


def _answer_dialog(qtbot, steps) -> list:
    """Run `steps(dialog)` on the import preview once it is open (modal), then press OK with the
    mouse. A failing step closes the dialog and is returned, so the test fails instead of waiting."""
    errors: list = []

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog):
            QTimer.singleShot(20, act)
            return
        try:
            steps(dialog)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)
            dialog.reject()
            return
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    QTimer.singleShot(0, act)
    return errors


def _raise(errors: list) -> None:
    if errors:
        raise errors[0]


def test_importing_a_workbook_again_flags_each_table(qtbot, tmp_path, monkeypatch):
    ws = workspace_with(tmp_path)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(WORKBOOKS / "yangpu_2022.xlsx"))
    errors = _answer_dialog(qtbot, lambda dialog: None)
    window.actions.import_tables()
    _raise(errors)
    first = {e.id: e.project for e in ws.evaluations()}
    assert len(first) == 5

    def replace_one_keep_one(dialog):
        assert [dialog.list.item(r, 6).text() for r in range(5)] == ["跳过这张表"] * 5  # flagged, nothing doubled
        click_row(qtbot, dialog, 1)
        assert "已有 2022 年度“城乡医疗救助”" in dialog.duplicate_note.text()
        choose(qtbot, dialog.duplicate, "替换已有的表")
        click_row(qtbot, dialog, 2)
        choose(qtbot, dialog.duplicate, "保留两份")
        assert [dialog.list.item(r, 6).text() for r in range(3)] == ["跳过这张表", "替换已有的表", "保留两份"]

    errors = _answer_dialog(qtbot, replace_one_keep_one)
    window.actions.import_tables()
    _raise(errors)
    after = ws.evaluations()
    projects = sorted(e.project for e in after)
    assert len(after) == 6 and projects.count("城乡医疗救助") == 1 and projects.count(first[3]) == 2
    replaced = [e for e in after if e.project == "城乡医疗救助"]
    assert replaced[0].id not in first  # the new table took the old one's place
    window.document.undo_stack.undo()  # replacing and adding is one step
    assert {e.id: e.project for e in ws.evaluations()} == first
    window.close()
