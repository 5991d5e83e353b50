"""文件 > 导出Word: the chosen document is written and reads back in Word's terms."""
from __future__ import annotations

import docx

from perfdesk.ui import file_dialogs

from perfdesk.ui.main_window import MainWindow
from perfdesk.ui.pdf_options import PdfOptionsDialog
from tests.ui.helpers import workspace_with


def _menu_action(window, *path):
    menu = next(a for a in window.menuBar().actions() if a.text() == "文件(&F)").menu()
    for text in path[:-1]:
        menu = next(a for a in menu.actions() if a.text() == text).menu()
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_export_word_report_from_the_menu(qtbot, tmp_path, monkeypatch):
    ws = workspace_with(tmp_path, "002_01_yiyao_zhaocai_jijin_jianguan_jingfei.json",
                        "004_01_yibao_guanli_shiwu.json")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    target = tmp_path / "报告.docx"
    offered = []

    def save_as(parent, title, suggested, file_filter):
        offered.append((title, suggested, file_filter))
        return str(target)

    def options(dialog):
        assert not dialog.font.isVisibleTo(dialog)  # Word names its fonts itself
        if dialog.sections:
            dialog.sections["other"].setChecked(False)
        return True

    monkeypatch.setattr(file_dialogs, "save_file", save_as)
    monkeypatch.setattr(PdfOptionsDialog, "exec", options)
    _menu_action(window, "导出Word", "自评报告（本年度）…").trigger()
    assert offered[0][0] == "导出Word：自评报告（本年度）" and offered[0][1].endswith("2022年度-自评报告.docx")
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "一、基本情况" in paragraphs and "七、结果应用及公开" in paragraphs
    assert "八、其他需要说明的情况" not in paragraphs
    assert "已导出" in window.statusBar().currentMessage()

    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(tmp_path / "无" / "x.docx"))
    _menu_action(window, "导出Word", "自评表（当前评价表）…").trigger()
    assert window.banner.text().startswith("无法生成Word文档")
    window.close()
