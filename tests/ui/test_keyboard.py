"""The Excel/WPS keyboard model in every grid, driven by real key presses and mouse clicks."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication

from perfdesk.models import Workspace
from perfdesk.ui.indicator_model import SCORE_COLUMN
from perfdesk.ui.new_evaluation import NewEvaluationDialog

from tests.ui.helpers import (FINAL_MESSAGE, answer_next_message_box, at, column_numbers, demo_window, stored,
                              workspace_with)
from tests.ui.keyboard import (CTRL, KEY, SHIFT, activate, click_button, click_cell, enter, focused, open_tab, press,
                               row_of_cells, type_text)

COLUMN = column_numbers()


def leaf_cells(window, *keys):
    return [tuple(getattr(leaf, k) for k in keys) for leaf in stored(window).leaves() if leaf.level == 3]


def editing(view) -> bool:
    return view.state() == QAbstractItemView.State.EditingState


# -- one table typed from the keyboard alone --------------------------------------------------
NINE = [  # (二级 row reached from the previous one, [(三级, target, actual, 分值)])
    ("数量指标", [("救助人次", "≥1000人次", "1200人次", "15"), ("覆盖人数", "≥50人", "45人", "10")]),
    ("质量指标", [("经办准确率", "≥98%", "99%", "10"), ("资料完整率", "=100%", "100%", "5")]),
    ("时效指标", [("拨付及时率", "≥95%", "100%", "5")]),
    ("成本指标", [("人均救助成本", "≤500元", "480元", "5")]),
    ("社会效益指标", [("困难群众负担", "有效减轻", "有效减轻", "15"), ("政策知晓率", "≥85%", "90%", "15")]),
    ("服务对象满意度指标", [("救助对象满意度", "≥90%", "95%", "10")]),
]


def test_a_whole_table_typed_from_the_keyboard_reaches_its_total_and_grade(qtbot, open_window, tmp_path):
    window = open_window(Workspace.create(tmp_path / "keys.perfdesk"))
    view = window.editor.indicators.view
    model = view.model()

    def fill_in_dialog():  # 新建评价表: Tab to 项目名称, type it, Enter (the 财政部 framework is preset)
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewEvaluationDialog):
            return QTimer.singleShot(10, fill_in_dialog)
        activate(dialog)
        dialog.form_kind.setFocus()
        press(qtbot, KEY.Key_Tab, times=2)
        type_text(qtbot, "社区医疗救助")
        press(qtbot, KEY.Key_Return)

    QTimer.singleShot(0, fill_in_dialog)
    press(qtbot, KEY.Key_N, CTRL)
    activate(window)  # the desktop gives the window back its activation when the dialog closes
    assert window.evaluation is not None and window.evaluation.project == "社区医疗救助"
    assert focused() is view and model.data(view.currentIndex()) == "产出指标（50分）"

    def go_down_to(name):
        while model.data(view.currentIndex().siblingAtColumn(0)) != name:
            press(qtbot, KEY.Key_Down)

    for group, rows in NINE:
        go_down_to(group)
        press(qtbot, KEY.Key_Return, CTRL | SHIFT)  # 添加下级
        for n, values in enumerate(rows):
            if n:
                press(qtbot, KEY.Key_Return, CTRL)  # 添加同级: what is being typed is stored first
            assert model.data(view.currentIndex()) == "新指标"
            row_of_cells(qtbot, view, values)
        enter(qtbot, view)  # the next row, back in the 指标 column where the Tabs started
        assert view.currentIndex().column() == 0 or group == NINE[-1][0]  # (the last row stays)

    # the fund: Ctrl+PgUp to 资金 (as between sheets), then along the 年度资金总额 row
    press(qtbot, KEY.Key_PageUp, CTRL, times=2)
    funds = window.editor.funds.view
    assert window.editor.currentWidget() is window.editor.funds and focused() is funds
    row_of_cells(qtbot, funds, ["", "100000", "100000", "95000"])
    enter(qtbot, funds)

    typed = [row for _group, rows in NINE for row in rows]
    assert leaf_cells(window, "name", "target", "actual", "weight") == [
        (name, target, actual, Decimal(weight)) for name, target, actual, weight in typed]
    groups = [n.name for n in stored(window).indicators[0].children]
    assert groups == ["数量指标", "质量指标", "时效指标", "成本指标"]  # no group was renamed
    fund = stored(window).funds[0]
    assert (fund.annual, fund.executed) == (Decimal(100000), Decimal(95000))
    assert window.score_panel.total.text() == "98.5"  # 9.5 (fund 95%) + 89 (覆盖人数 45/50 of 10)
    assert window.score_panel.grade.text() == "优"
    assert model.data(at(model, 0, column=COLUMN["weight"])) == "50"  # Σ分值 of 产出指标
    assert model.data(at(model, 0, column=SCORE_COLUMN)) == "49"


# -- Tab and Enter -----------------------------------------------------------------------------
def test_tab_moves_right_over_editable_cells_and_enter_returns_to_where_the_tabs_began(qtbot, open_window):
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    click_cell(qtbot, view, at(model, 0, 0, 0))  # 全年医疗救助拨付批次
    columns = []
    for _ in range(4):
        press(qtbot, KEY.Key_Tab)
        columns.append(view.currentIndex().column())
    # 调整后指标值 is hidden, 得分 is computed: neither is a Tab stop
    assert columns == [COLUMN["target"], COLUMN["actual"], COLUMN["weight"], COLUMN["reason"]]
    press(qtbot, KEY.Key_Tab)  # past the last column: the next editable row, its first cell
    assert view.currentIndex() == at(model, 0, 1)  # 质量指标 (its name is editable)
    press(qtbot, KEY.Key_Tab, SHIFT)
    assert view.currentIndex() == at(model, 0, 0, 0, column=COLUMN["reason"])

    click_cell(qtbot, view, at(model, 0, 0, 0, column=COLUMN["target"]))
    press(qtbot, KEY.Key_Tab)
    type_text(qtbot, "40次")
    press(qtbot, KEY.Key_Tab)  # commits and moves on without opening the next cell
    assert not editing(view) and view.currentIndex() == at(model, 0, 0, 0, column=COLUMN["weight"])
    enter(qtbot, view)
    # down from the column the Tabs started in (年度指标值), skipping the group rows
    assert view.currentIndex() == at(model, 0, 1, 0, column=COLUMN["target"])
    assert leaf_cells(window, "actual")[0] == ("40次",)


def test_typing_down_a_column_with_enter_skips_group_rows(qtbot, open_window):
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    click_cell(qtbot, view, at(model, 0, 0, 0, column=COLUMN["actual"]))
    values = ["30次", "99%", "98%", "95%", "完善", "99%"]
    for value in values:
        type_text(qtbot, value)
        enter(qtbot, view)
    assert leaf_cells(window, "actual") == [(v,) for v in values]
    assert [n.name for n in stored(window).indicators] == ["产出指标 (50)", "效益指标 (30)", "满意度指标 (10)"]
    assert view.currentIndex() == at(model, 2, 0, 0, column=COLUMN["actual"])  # the last row: stays
    press(qtbot, KEY.Key_Return, SHIFT)  # Shift+Enter goes up, over the groups again
    assert view.currentIndex() == at(model, 1, 1, 0, column=COLUMN["actual"])
    press(qtbot, KEY.Key_Return, SHIFT)
    assert view.currentIndex() == at(model, 1, 0, 0, column=COLUMN["actual"])


def test_typing_replaces_f2_edits_in_place_escape_cancels(qtbot, open_window):
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    target = at(model, 0, 0, 0, column=COLUMN["target"])
    click_cell(qtbot, view, target)
    type_text(qtbot, "≥30次")
    assert focused().text() == "≥30次"  # replaced, not appended to ">=24次"
    press(qtbot, KEY.Key_Escape)
    assert not editing(view) and model.data(target) == ">=24次"
    press(qtbot, KEY.Key_F2)
    type_text(qtbot, "（全年）")
    enter(qtbot, view)
    assert leaf_cells(window, "target")[0] == (">=24次（全年）",)
    press(qtbot, KEY.Key_Return, SHIFT)
    press(qtbot, KEY.Key_Backspace)  # clears and edits
    assert editing(view) and focused().text() == ""
    type_text(qtbot, "≥26次")
    enter(qtbot, view)
    assert leaf_cells(window, "target")[0] == ("≥26次",)


# -- Delete, copy and paste ----------------------------------------------------------------------
def test_delete_clears_a_block_of_cells_in_one_undo_step(qtbot, open_window):
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    stack = window.document.undo_stack
    click_cell(qtbot, view, at(model, 0, 0, 0, column=COLUMN["actual"]))
    click_cell(qtbot, view, at(model, 0, 2, 0, column=COLUMN["weight"]), SHIFT)  # a 3×2 block
    count = stack.count()
    press(qtbot, KEY.Key_Delete)
    assert stack.count() == count + 1
    assert leaf_cells(window, "actual", "weight")[:3] == [(None, None)] * 3
    assert model.data(at(model, 0, column=COLUMN["weight"])) == "0"  # Σ分值 of 产出指标 follows
    stack.undo()
    assert leaf_cells(window, "actual", "weight")[:3] == [
        ("34次", Decimal(15)), ("100%", Decimal(20)), ("100%", Decimal(15))]
    assert model.data(at(model, 0, column=COLUMN["weight"])) == "50"


def test_copy_a_block_as_tsv_and_html_and_paste_it_into_other_cells(qtbot, open_window):
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    stack = window.document.undo_stack
    click_cell(qtbot, view, at(model, 0, 0, 0, column=COLUMN["target"]))
    click_cell(qtbot, view, at(model, 0, 1, 0, column=COLUMN["actual"]), SHIFT)
    press(qtbot, KEY.Key_C, CTRL)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == ">=24次\t34次\r\n=100%\t100%\r\n"  # the 质量指标 row between is not copied
    assert "<td>&gt;=24次</td><td>34次</td>" in mime.html()

    QGuiApplication.clipboard().setText("≥20次\t25次\n≥99%\t99.5%\n")
    click_cell(qtbot, view, at(model, 1, 0, 0, column=COLUMN["target"]))  # 医疗救助资金拨付覆盖率
    count = stack.count()
    press(qtbot, KEY.Key_V, CTRL)
    assert stack.count() == count + 1
    # the block runs on over the next 三级 row, skipping the 二级 row between them
    assert leaf_cells(window, "target", "actual")[3:5] == [("≥20次", "25次"), ("≥99%", "99.5%")]
    stack.undo()
    assert leaf_cells(window, "target", "actual")[3:5] == [(">=90%", "100%"), ("=不断完善", "不断完善")]

    QGuiApplication.clipboard().setText("无")  # one value fills every selected cell
    click_cell(qtbot, view, at(model, 0, 0, 0, column=COLUMN["reason"]))
    click_cell(qtbot, view, at(model, 0, 2, 0, column=COLUMN["reason"]), SHIFT)
    press(qtbot, KEY.Key_V, CTRL)
    assert [r for (r,) in leaf_cells(window, "reason")[:3]] == ["无", "无", "无"]


def test_a_pasted_block_longer_than_the_tree_adds_rows_and_bad_numbers_change_nothing(qtbot, open_window):
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    last = at(model, 2, 0, 0)  # 医疗救助对象对服务满意度, the last 三级
    click_cell(qtbot, view, last)
    QGuiApplication.clipboard().setText("满意度A\t≥90%\n满意度B\t≥95%\n")
    press(qtbot, KEY.Key_V, CTRL)
    assert [n for (n,) in leaf_cells(window, "name")][-2:] == ["满意度A", "满意度B"]
    assert [c.name for c in stored(window).indicators[2].children[0].children] == ["满意度A", "满意度B"]
    before, steps = stored(window), window.document.undo_stack.count()
    click_cell(qtbot, view, at(model, 0, 0, 0, column=COLUMN["weight"]))
    QGuiApplication.clipboard().setText("15\n二十\n")
    press(qtbot, KEY.Key_V, CTRL)
    assert window.banner.isVisible() and window.banner.text() == "“分值”应填写数字：二十"
    assert stored(window) == before and window.document.undo_stack.count() == steps


def test_pasted_rows_with_first_and_second_level_columns_merge_into_the_groups(qtbot, open_window):
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    rows = [  # 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, the 一级/二级 merged cells blank
        ("效益指标", "社会效益指标", "群众就医负担", "有所减轻", "有所减轻", "5", "", ""),
        ("", "", "异地就医结算率", "≥90%", "92%", "5", "", ""),
        ("满意度指标", "服务对象满意度指标", "经办人员满意度", "≥85%", "90%", "5", "", ""),
        ("满意度指标", "投诉处理", "投诉办结率", "=100%", "100%", "5", "", ""),
    ]
    QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in rows))
    click_cell(qtbot, view, at(model, 0, 0, 0))
    press(qtbot, KEY.Key_V, CTRL)
    tree = stored(window).indicators
    assert [n.name for n in tree] == ["产出指标 (50)", "效益指标 (30)", "满意度指标 (10)"]  # no second 效益指标
    social = tree[1].children[0]
    assert [c.name for c in social.children] == ["医疗救助资金拨付覆盖率", "群众就医负担", "异地就医结算率"]
    assert [c.name for c in tree[2].children] == ["服务对象满意度指标", "投诉处理"]
    assert [c.name for c in tree[2].children[0].children] == ["医疗救助对象对服务满意度", "经办人员满意度"]
    window.document.undo_stack.undo()  # one step
    assert [c.name for c in stored(window).indicators[2].children] == ["服务对象满意度指标"]


# -- the same keys in the 资金 and 资金管理情况 tables ------------------------------------------------
def test_fund_and_fund_management_tables_type_the_same_way(qtbot, open_window, tmp_path):
    window = open_window(workspace_with(tmp_path, "004_04_zhongyang_yiliao_jiuzhu_zhuanyi_zhifu.json"))
    editor = window.editor
    editor.setCurrentWidget(editor.funds)
    funds = editor.funds.view
    model = funds.model()
    keys = [k for k, _l in model.visible]
    click_cell(qtbot, funds, model.index(1, keys.index("annual")))
    type_text(qtbot, "500")
    press(qtbot, KEY.Key_Tab)
    type_text(qtbot, "450")
    press(qtbot, KEY.Key_Tab)  # 执行率 is computed: Tab wraps to the next row's first cell
    assert funds.currentIndex() == model.index(2, 0)
    line = stored(window).funds[1]
    assert (line.annual, line.executed) == (Decimal(500), Decimal(450))
    assert model.data(model.index(1, keys.index("rate"))) == "90.00%"
    click_cell(qtbot, funds, model.index(1, keys.index("rate")))
    type_text(qtbot, "1")
    assert window.banner.text() == "执行率由软件计算，不能直接填写" and not editing(funds)

    editor.setCurrentWidget(editor.fund_management)
    management = editor.fund_management.view
    rows = management.model()
    click_cell(qtbot, management, rows.index(0, 1))
    type_text(qtbot, "abc")
    enter(qtbot, management)
    assert management.currentIndex() == rows.index(1, 1)
    click_cell(qtbot, management, rows.index(0, 1))
    click_cell(qtbot, management, rows.index(1, 2), SHIFT)
    press(qtbot, KEY.Key_Delete)
    assert [(r.status, r.issues) for r in stored(window).fund_management[:2]] == [(None, None), (None, None)]


# -- a locked table ----------------------------------------------------------------------------------
def test_typing_in_a_finalised_table_says_why_and_changes_nothing(qtbot, open_window):
    window = demo_window(open_window)
    editor = window.editor
    open_tab(qtbot, editor, editor.signing)
    answer_next_message_box()
    click_button(qtbot, editor.signing.lock_button)
    activate(window)
    assert stored(window).status == "final" and editor.lock_note.isVisibleTo(editor)
    editor.setCurrentWidget(editor.indicators)
    view = editor.indicators.view
    model = view.model()
    before = stored(window)
    click_cell(qtbot, view, at(model, 0, 0, 0, column=COLUMN["actual"]))
    type_text(qtbot, "1")
    assert not editing(view)
    assert window.banner.isVisible() and window.banner.text() == FINAL_MESSAGE
    window.banner.hide()
    for key in (KEY.Key_Delete, KEY.Key_F2):
        press(qtbot, key)
        assert window.banner.isVisible() and window.banner.text() == FINAL_MESSAGE
        window.banner.hide()
    QGuiApplication.clipboard().setText("1次")
    press(qtbot, KEY.Key_V, CTRL)
    assert window.banner.text() == FINAL_MESSAGE
    corner = view.viewport().grab().toImage()
    assert corner.pixelColor(corner.width() - 3, corner.height() - 3).name() == "#efefef"  # it looks read-only
    editor.setCurrentWidget(editor.header)
    field = editor.header.rows["project"]
    inside = field.grab().toImage()
    assert field.isReadOnly() and inside.pixelColor(inside.width() - 4, inside.height() // 2).name() == "#efefef"
    assert stored(window) == before


def test_a_table_copied_from_word_pastes_with_its_merged_groups_and_header(qtbot, open_window):
    """Word puts HTML beside the text: merged 一级/二级 cells (rowspan) and a header row that the
    importer's vocabulary reads (参考分值 = 分值, 全年实际值(B) = 实际完成值)."""
    from PySide6.QtCore import QMimeData
    window = demo_window(open_window)
    view = window.editor.indicators.view
    model = view.model()
    html = ("<table><tr><td><p>一级指标</p></td><td>二级指标</td><td>三级指标</td><td>参考分值</td>"
            "<td>指标值(A)</td><td>全年实际值(B)</td></tr>"
            "<tr><td rowspan=2>满意度指标</td><td rowspan=2>投诉处理</td><td>投诉办结率</td><td>5</td>"
            "<td>=100%</td><td>100%</td></tr>"
            "<tr><td>回访满意率</td><td>5</td><td>≥90%</td><td>&nbsp;95%</td></tr></table>")
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("一级指标\t二级指标\t三级指标\n满意度指标\t投诉处理\t投诉办结率\n\t\t回访满意率")  # what text alone keeps
    QGuiApplication.clipboard().setMimeData(mime)
    click_cell(qtbot, view, at(model, 0, 0, 0))
    press(qtbot, KEY.Key_V, CTRL)
    QGuiApplication.clipboard().clear()  # the clipboard owns the mime data: let it go while Qt is alive
    satisfaction = stored(window).indicators[2]
    handling = next(c for c in satisfaction.children if c.name == "投诉处理")
    assert [(c.name, c.weight, c.target, c.actual) for c in handling.children] == [
        ("投诉办结率", 5, "=100%", "100%"), ("回访满意率", 5, "≥90%", "95%")]
