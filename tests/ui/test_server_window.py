"""The window on a server workspace: 连接服务器 (with a password asked, never stored), others'
edits shown within two seconds, a refused edit that names who changed what and reloads, a lost
and regained connection said plainly, and the 审核 view."""
from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QPlainTextEdit

from perfdesk.models import Workspace, address
from perfdesk.models.commands import SetField
from perfdesk.ui import preferences
from perfdesk.ui.indicator_model import COLUMNS
from perfdesk.ui.review_view import REVIEW_COLUMN, ReviewWindow
from perfdesk.ui.server_dialog import ServerDialog

from tests.models.helpers import read_fixture_tables
from tests.ui.keyboard import activate

PASSWORD = "Secret-2024"  # ASCII: typed with real key events
_suffix = itertools.count(1)


@pytest.fixture
def server(pg_cluster, empty_database):
    """A server workspace with one evaluation of unit 甲单位, a 填报 role and a 审核 role."""
    url = empty_database()
    n = next(_suffix)
    names = {"filler": f"ui_filler{n}", "reviewer": f"ui_reviewer{n}"}
    for role in names.values():
        pg_cluster.create_role(role, PASSWORD)
    from perfdesk.models import server_admin
    with Workspace.create(url) as admin:
        [evaluation_id] = admin.import_evaluations(
            [dataclasses.replace(read_fixture_tables("004_02")[0], unit="甲单位")])
    server_admin.grant(url, names["filler"], ["甲单位"])
    server_admin.grant(url, names["reviewer"], reviewer=True)
    database = url.rsplit("/", 1)[1]
    return {"url": url, "id": evaluation_id, "names": names, "database": database, "port": pg_cluster.port,
            "address": lambda who: f"postgresql://{names[who]}@127.0.0.1:{pg_cluster.port}/{database}"}


def _when_modal(qtbot, act):
    """Run `act(dialog)` on the next modal dialog, once it is shown (real exec(), no stubs)."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
        else:
            act(dialog)
    QTimer.singleShot(0, poll)


def test_connect_to_a_server_asks_the_password_and_remembers_no_password(qtbot, server, tmp_path, open_window):
    window = open_window(Workspace.create(tmp_path / "local.perfdesk"))
    action = next(a for a in window.actions.file_menu.actions() if a.text() == "连接服务器…")

    def fill(dialog):
        assert isinstance(dialog, ServerDialog)
        for widget, text in ((dialog.host, "127.0.0.1"), (dialog.database, server["database"]),
                             (dialog.user, server["names"]["filler"])):
            widget.clear()
            qtbot.keyClicks(widget, text)
        dialog.port.lineEdit().selectAll()
        qtbot.keyClicks(dialog.port.lineEdit(), str(server["port"]))
        _when_modal(qtbot, password)
        qtbot.keyClick(dialog.user, Qt.Key.Key_Return)

    def password(dialog):
        assert isinstance(dialog, QInputDialog) and "输入密码" in dialog.labelText()
        editor = dialog.findChild(QLineEdit)
        assert editor.echoMode() == QLineEdit.EchoMode.Password
        qtbot.keyClicks(editor, PASSWORD)
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    _when_modal(qtbot, fill)
    action.trigger()
    qtbot.waitUntil(lambda: window.ws.is_server, timeout=5000)
    assert window.ws.role == server["names"]["filler"]
    assert window.windowTitle().startswith(server["address"]("filler"))
    assert window.evaluation.unit == "甲单位"
    remembered = " ".join(map(str, preferences.recent_files())) + str(dict(
        (k, preferences.settings().value(k)) for k in preferences.settings().allKeys()))
    assert server["address"]("filler") in remembered and PASSWORD not in remembered


def _leaf_actual(window) -> str:
    return next(window.evaluation.leaves()).actual


def test_others_edits_appear_within_two_seconds(qtbot, server, open_window):
    window = open_window(Workspace.open(server["address"]("filler"), password=PASSWORD))
    with Workspace.open(server["url"]) as other:
        leaf = next(other.evaluation(server["id"]).leaves())
        other.apply(SetField("indicator", leaf.id, "actual", "50次"))
        qtbot.waitUntil(lambda: _leaf_actual(window) == "50次", timeout=2000)
        other.apply(SetField("evaluation", server["id"], "project", "城乡医疗救助（二）"))
        qtbot.waitUntil(lambda: window.editor.header.rows["project"].text() == "城乡医疗救助（二）", timeout=2000)


def test_an_edit_against_a_newer_version_is_refused_naming_who_and_the_editor_reloads(qtbot, server, open_window):
    window = open_window(Workspace.open(server["address"]("filler"), password=PASSWORD))
    code = window.editor.header.rows["project"]
    window.editor.setCurrentWidget(window.editor.header)  # the 基本信息 tab
    window.activateWindow()
    code.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is code, timeout=2000)
    qtbot.keyClick(code, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(code, "303")  # typing: the window holds back reloading this evaluation
    with Workspace.open(server["url"]) as other:
        other.evaluation(server["id"])
        other.apply(SetField("evaluation", server["id"], "project", "101"))
    qtbot.wait(1500)  # a poll or two pass while the officer is still typing
    assert code.text() == "303"
    qtbot.keyClick(code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    message = window.banner.text()
    assert "postgres" in message and "项目名称" in message and "101" in message and "已重新载入" in message
    qtbot.waitUntil(lambda: code.text() == "101", timeout=3000)
    assert window.ws.evaluation(server["id"]).project == "101"  # nothing overwritten


def test_a_lost_server_is_said_plainly_and_the_window_reconnects(qtbot, server, pg_cluster, open_window):
    window = open_window(Workspace.open(server["address"]("filler"), password=PASSWORD))
    pg_cluster.pg_ctl("stop", "immediate")
    try:
        qtbot.waitUntil(lambda: window.banner.isVisible() and "连接已中断" in window.banner.text(), timeout=15000)
        leaf = next(window.evaluation.leaves())
        assert not window.document.execute(SetField("indicator", leaf.id, "actual", "1次"))
        assert "服务器" in window.banner.text() or "连接" in window.banner.text()
    finally:
        pg_cluster.pg_ctl("start")
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15000)
    assert "已重新连接" in window.statusBar().currentMessage()
    assert window.document.execute(SetField("indicator", next(window.evaluation.leaves()).id, "actual", "2次"))
    with Workspace.open(server["url"], readonly=True) as check:
        assert next(check.evaluation(server["id"]).leaves()).actual == "2次"


def test_submit_then_review_score_return_and_approve(qtbot, server, open_window, monkeypatch):
    filler = open_window(Workspace.open(server["address"]("filler"), password=PASSWORD))
    submit = filler.actions.submit
    assert submit.isEnabled()

    def explain(dialog):
        editor = dialog.findChild(QPlainTextEdit)
        if editor is not None:  # error-level findings: an explanation is asked for
            editor.setPlainText("原表数字照录")
        dialog.accept()
    _when_modal(qtbot, explain)
    submit.trigger()
    qtbot.waitUntil(lambda: filler.evaluation.status == "submitted", timeout=3000)
    # submitted: the unit's window shows the table locked and says why
    model = filler.editor.indicators.model
    column = [key for key, _label in COLUMNS].index("actual")
    actual = model.index(0, 0, model.index(0, 0, model.index(0, 0))).siblingAtColumn(column)
    assert not model.flags(actual) & Qt.ItemFlag.ItemIsEditable
    assert model.refusal(actual) == "该评价表已提交审核，不能修改；如需修改，请审核人退回"
    assert filler.editor.header.rows["project"].isReadOnly()

    reviewer = open_window(Workspace.open(server["address"]("reviewer"), password=PASSWORD))
    review_action = next(a for a in reviewer.actions.view_menu.actions() if a.text() == "审核…")
    review_action.trigger()
    view = reviewer.findChild(ReviewWindow)
    qtbot.waitExposed(view)
    activate(view)  # a window just opened is the active one (the platform does it on a desktop)
    assert view.list.rowCount() == 1
    assert [view.list.item(0, c).text() for c in (0, 3)] == ["甲单位", "已提交"]
    view.list.selectRow(0)
    table = view.indicators
    cell = table.item(0, REVIEW_COLUMN)
    rect = table.visualItemRect(cell)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table.viewport(), "1")  # typing on the cell opens its editor with the key
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=2000)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, ".5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: next(reviewer.ws.evaluation(server["id"]).leaves()).review_score is not None, timeout=3000)
    assert str(next(reviewer.ws.evaluation(server["id"]).leaves()).review_score) == "1.5"
    # the 复核差异表 lists the indicator; raising the threshold past the gap drops it
    assert view.differences.rowCount() == 1
    view.threshold.setValue(99)
    assert view.differences.rowCount() == 0
    assert view.summary.rowCount() == 1 and view.summary.item(0, 5).text()

    def comment(dialog):
        dialog.findChild(QPlainTextEdit).setPlainText("请核对第一项指标")
        dialog.accept()
    _when_modal(qtbot, comment)
    view.list.selectRow(0)
    qtbot.mouseClick(view.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reviewer.ws.evaluation(server["id"]).status == "returned", timeout=3000)
    qtbot.waitUntil(lambda: filler.evaluation.status == "returned", timeout=3000)  # shown to the unit too
    assert filler.evaluation.review_comment == "请核对第一项指标"
    assert "退回意见：请核对第一项指标" in filler.editor.signing.status_label.text()  # the unit reads it
    _when_modal(qtbot, explain)
    filler.actions.submit.trigger()
    qtbot.waitUntil(lambda: view.list.item(0, 3).text() == "已提交", timeout=4000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.list.selectRow(0)
    qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.list.item(0, 3).text() == "已通过", timeout=3000)
    qtbot.waitUntil(lambda: filler.evaluation.status == "final", timeout=3000)


def test_an_offline_units_file_through_the_menus(qtbot, server, tmp_path, open_window, monkeypatch):
    from perfdesk.ui import file_dialogs

    from perfdesk.io import offline
    unit_path = tmp_path / "unit.perfdesk"
    with Workspace.create(unit_path) as unit:
        unit.import_evaluations(read_fixture_tables("004_05"))
    unit_window = open_window(Workspace.open(unit_path))
    sent = tmp_path / f"甲单位{offline.SUFFIX}"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(sent))

    def name_the_unit(dialog):
        dialog.findChild(QLineEdit).setText("甲单位")
        dialog.accept()
    _when_modal(qtbot, name_the_unit)
    next(a for a in unit_window.actions.file_menu.actions() if a.text() == "导出离线报送文件…").trigger()
    assert offline.loads(sent.read_text(encoding="utf-8")).unit == "甲单位"

    department = open_window(Workspace.open(server["address"]("filler"), password=PASSWORD))
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(sent))
    next(a for a in department.actions.file_menu.actions() if a.text() == "导入离线报送文件…").trigger()
    projects = sorted(e.project for e in department.ws.evaluations())
    assert projects == sorted(["城乡医疗救助", "医保事务经费"])
    assert department.navigator.model.rowCount() >= 1
    department.document.undo_stack.undo()  # one undo step takes it out again
    assert [e.project for e in department.ws.evaluations()] == ["城乡医疗救助"]


def test_a_member_of_two_units_names_the_unit_of_a_new_evaluation(qtbot, server, open_window):
    from perfdesk.models import server_admin
    from perfdesk.ui.new_evaluation import NewEvaluationDialog
    server_admin.grant(server["url"], server["names"]["filler"], ["甲单位", "乙单位"])
    window = open_window(Workspace.open(server["address"]("filler"), password=PASSWORD))

    def new(dialog):
        assert isinstance(dialog, NewEvaluationDialog)
        qtbot.keyClicks(dialog.project, "Project B")
        _when_modal(qtbot, choose)
        dialog.accept()

    def choose(dialog):
        assert isinstance(dialog, QInputDialog) and dialog.comboBoxItems() == ["乙单位", "甲单位"]
        dialog.setTextValue("乙单位")
        dialog.accept()

    _when_modal(qtbot, new)
    window.actions.new_evaluation.trigger()
    qtbot.waitUntil(lambda: window.evaluation is not None and window.evaluation.project == "Project B", timeout=3000)
    assert window.evaluation.unit == "乙单位"


def test_an_ipv6_server_typed_in_the_dialog_makes_a_valid_address(qtbot):
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    for widget, text in ((dialog.host, "::1"), (dialog.database, "jixiao"), (dialog.user, "li")):
        qtbot.keyClicks(widget, text)
    url = dialog.address()
    assert url == "postgresql://li@[::1]:5432/jixiao"
    assert address.check(url) and address.urlsplit(url).hostname == "::1"
