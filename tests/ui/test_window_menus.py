from decimal import Decimal

from perfdesk.models import Workspace
from perfdesk.models.commands import SetField
from perfdesk.ui.main_window import MainWindow
from perfdesk.ui.restore_dialog import RestoreDialog

from tests.ui.helpers import workspace_with


def _first_leaf(window):
    return next(window.evaluation.leaves())


def test_edits_are_backed_up_on_the_timer_and_at_close_only_when_edited(qtbot, tmp_path):
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.backup_if_edited()
    assert ws.backups() == []  # nothing edited yet
    window.document.execute(SetField("indicator", _first_leaf(window).id, "actual", "40次"))
    window.backup_if_edited()
    assert len(ws.backups()) == 1
    window.backup_if_edited()
    assert len(ws.backups()) == 1
    window.close()
    assert len(Workspace.open(tmp_path / "ui.perfdesk", readonly=True).backups()) == 1


def test_restore_brings_back_a_backup_and_saves_the_current_state_first(qtbot, tmp_path, monkeypatch):
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    ws.take_backup()
    [earlier] = ws.backups()
    window.document.execute(SetField("indicator", _first_leaf(window).id, "actual", "1次"))
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: True)
    monkeypatch.setattr(RestoreDialog, "chosen", lambda self: str(earlier.path))
    window.restore_backup()
    assert _first_leaf(window).actual == "34次"
    assert len(window.ws.backups()) == 2  # the state before the restore was kept too
    window.close()


def test_read_only_reason_is_shown_in_the_banner(qtbot, tmp_path, monkeypatch):
    from perfdesk.models import location
    workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json").close()
    monkeypatch.setattr(location.os, "access", lambda path, mode: False)
    window = MainWindow(Workspace.open(tmp_path / "ui.perfdesk"))
    qtbot.addWidget(window)
    assert window.banner.isVisibleTo(window)
    assert "只读" in window.banner.text() and "写入" in window.banner.text()
    window.close()


def test_pdf_export_menu_writes_the_year_summary(qtbot, tmp_path, monkeypatch):
    from perfdesk.ui import file_dialogs, pdf_export
    ws = workspace_with(tmp_path, "004_01_yibao_guanli_shiwu.json", "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    target = tmp_path / "汇总.pdf"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    from perfdesk.ui.pdf_options import PdfOptionsDialog
    monkeypatch.setattr(PdfOptionsDialog, "exec", lambda self: self.orientation.setCurrentIndex(1) or True)
    written = []
    monkeypatch.setattr(pdf_export, "offer_preview", lambda parent, result: written.append(result))
    window.actions.export_pdf("summary", "year", "汇总表（本年度）…")
    assert target.read_bytes().startswith(b"%PDF") and written[0].pages >= 1
    from pypdf import PdfReader
    box = PdfReader(str(target)).pages[0].mediabox
    assert box.width > box.height  # landscape was chosen
    window.close()


def test_import_menu_previews_then_imports_the_chosen_tables(qtbot, tmp_path, monkeypatch):
    from perfdesk.ui import file_dialogs
    from perfdesk.ui.import_dialog import ImportDialog
    from tests.ui.helpers import FIXTURES
    ws = workspace_with(tmp_path)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(FIXTURES / "xlsx" / "yangpu_2022.xlsx"))
    monkeypatch.setattr(ImportDialog, "exec", lambda self: ImportDialog.DialogCode.Accepted)
    window.actions.import_tables()
    assert len(ws.evaluations()) == 5
    window.document.undo_stack.undo()  # the whole import is one step
    assert ws.evaluations() == []
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(bad))
    window.actions.import_tables()
    assert "bad.xlsx" in window.banner.text() and ws.evaluations() == []
    window.close()


def test_score_chart_bars_follow_an_edit(qtbot, tmp_path):
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.score_panel.chart.ensure_loaded()
    assert window.score_panel.chart.heights() == [[50.0, 30.0, 10.0], [50.0, 30.0, 10.0]]
    leaf = _first_leaf(window)  # 产出指标 / 数量指标, 15 points
    window.editor.indicators.model.set_manual_score(leaf.id, "5", "抽查扣分")
    assert window.score_panel.chart.heights() == [[50.0, 30.0, 10.0], [40.0, 30.0, 10.0]]
    window.close()


def test_pdf_options_offer_installed_windows_fonts(qtbot, tmp_path, monkeypatch):
    import perfdesk.ui.pdf_options as options
    from perfdesk.ui.pdf_options import BUNDLED, PdfOptionsDialog
    monkeypatch.setattr(options, "installed_choices", lambda: {"simsun": "宋体"})
    dialog = PdfOptionsDialog("导出PDF")
    qtbot.addWidget(dialog)
    assert [dialog.font.itemText(i) for i in range(dialog.font.count())] == [BUNDLED, "系统字体：宋体"]
    dialog.font.setCurrentIndex(1)
    assert dialog.values() == (False, "simsun")


def test_reopening_the_open_workspace_from_recent_files_changes_nothing(qtbot, tmp_path):
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.actions.recent_menu.actions()[0].trigger()
    assert window.ws is ws and not ws.readonly
    window.close()


def test_deleting_the_last_evaluation_shows_the_empty_note_and_undo_brings_it_back(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.actions.delete_evaluation()
    assert window.evaluation is None
    assert window.empty_note.isVisibleTo(window) and not window.editor.isVisibleTo(window)
    assert window.score_panel.total.text() == ""
    window.document.undo_stack.undo()
    assert window.evaluation is not None and window.evaluation.project == "城乡医疗救助"
    assert window.editor.isVisibleTo(window)
    window.close()


def test_fund_score_cell_follows_a_new_scoring_scheme(qtbot, tmp_path):
    from perfdesk.models.commands import SetSetting
    from perfdesk.models.workspace import SCHEME_KEY
    from perfdesk.scoring.scheme import ScoringScheme
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")  # execution rate 79.88%
    window = MainWindow(ws)
    qtbot.addWidget(window)
    model = window.editor.funds.model
    score_column = [key for key, _label in model.visible].index("score")
    assert model.data(model.index(0, score_column)) == "7.99"
    steps = ScoringScheme(version=2, fund_rule="steps", fund_steps=((Decimal(90), Decimal(100)), (Decimal(0), Decimal(50))))
    window.document.execute(SetSetting(SCHEME_KEY, steps.to_dict()))
    assert model.data(model.index(0, score_column)) == "5"
    window.document.undo_stack.undo()
    assert model.data(model.index(0, score_column)) == "7.99"
    window.close()


def test_a_failed_backup_before_restore_leaves_the_workspace_open(qtbot, tmp_path, monkeypatch):
    from perfdesk.models import WorkspaceError
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    ws.take_backup()
    [earlier] = ws.backups()
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: True)
    monkeypatch.setattr(RestoreDialog, "chosen", lambda self: str(earlier.path))

    def refuse():
        raise WorkspaceError("磁盘已满")
    monkeypatch.setattr(ws, "take_backup", refuse)
    window.restore_backup()
    assert window.ws is ws and window.evaluation is not None
    assert "磁盘已满" in window.banner.text()
    window.close()


def test_report_options_pick_sections_and_need_at_least_one(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox
    from perfdesk.ui.pdf_options import PdfOptionsDialog
    dialog = PdfOptionsDialog("导出PDF：自评报告", report=True)
    qtbot.addWidget(dialog)
    assert len(dialog.sections) == 8 and dialog.chosen_sections()[0] == "basic"
    for key, box in dialog.sections.items():
        box.setChecked(key == "problems")
    assert dialog.chosen_sections() == ("problems",)
    dialog.sections["problems"].setChecked(False)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert PdfOptionsDialog("导出PDF").chosen_sections() is None


def test_export_excel_menu_writes_one_summary_per_year(qtbot, tmp_path, monkeypatch):
    import openpyxl
    from perfdesk.ui import file_dialogs
    ws = workspace_with(tmp_path, "004_01_yibao_guanli_shiwu.json", "001_01_chengxiang_jumin_canbao_xianji_pipei.json",
                        "004_02_chengxiang_yiliao_jiuzhu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    target = tmp_path / "导出.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    [action] = [a for a in window.actions.file_menu.actions() if a.text() == "导出Excel…"]
    action.trigger()
    book = openpyxl.load_workbook(target, data_only=True)
    assert {"2021年汇总表", "2022年汇总表"} <= set(book.sheetnames)
    projects = {year: [book[f"{year}年汇总表"].cell(row, 2).value for row in (5, 6)] for year in (2021, 2022)}
    assert projects[2022] == ["医疗保障管理事务", "城乡医疗救助"]
    assert projects[2021] == ["2021年城乡居民医疗保险参保县级匹配资金项目", None]
    assert book["2021年汇总表"]["A6"].value == "合计（共1个项目）"
    assert book["2022年汇总表"]["I7"].value == round(99.99 + 97.99, 2) / 2  # 合计: the mean of this year's totals only
    window.close()
