from perfdesk.io import demo
from perfdesk.models import Workspace
from perfdesk.ui import app as app_module
from perfdesk.ui.main_window import MainWindow


def test_default_workspace_is_created_with_the_demo_table(tmp_path):
    path = demo.default_workspace()
    assert path.parent == tmp_path / "userdata"
    with Workspace.open(path, readonly=True) as ws:
        [ev] = ws.evaluations()
    assert ev.project == "城乡医疗救助" and ev.year == 2022
    assert len(list(ev.leaves())) == 6
    assert demo.default_workspace() == path  # second launch reuses it


def test_bundled_font_and_chinese_qt_dialogs(qapp):
    assert app_module.install_font(qapp) == "WenQuanYi Micro Hei"
    assert app_module.install_translator(qapp)
    from PySide6.QtCore import QCoreApplication
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_main_window_lists_and_shows_evaluations(qtbot, tmp_path, fixtures_dir):
    from perfdesk.io import exchange
    ws = Workspace.create(tmp_path / "w.perfdesk")
    for name in ("004_01_yibao_guanli_shiwu.json", "001_05_chengxiang_yiliao_jiuzhu.json"):
        ws.import_evaluations(exchange.loads((fixtures_dir / name).read_text(encoding="utf-8")))
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert "w.perfdesk" in window.windowTitle()
    model = window.navigator.model
    assert [model.item(i).text() for i in range(model.rowCount())] == ["2021 年度", "2022 年度"]
    project = model.item(1).child(0)
    assert project.text() == "医疗保障管理事务"
    assert [model.item(1).child(0, c).text() for c in (1, 2)] == ["99.99", "优"]
    window.navigator.filter_box.setText("医疗保障管理")
    assert window.navigator.proxy.rowCount() == 1
    year = window.navigator.proxy.index(0, 0)
    window.navigator.view.setCurrentIndex(window.navigator.proxy.index(0, 0, year))
    assert window.evaluation.project == "医疗保障管理事务"
    assert window.score_panel.total.text() == "99.99"
    window.close()


def test_readonly_workspace_is_marked_in_the_title(qtbot, tmp_path):
    Workspace.create(tmp_path / "r.perfdesk").close()
    ws = Workspace.open(tmp_path / "r.perfdesk", readonly=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert "只读" in window.windowTitle()
    window.close()


def test_the_window_shows_before_the_workspace_opens_then_shows_it(qtbot, tmp_path):
    from perfdesk.io import exchange
    from tests.ui.helpers import FIXTURES
    path = tmp_path / "start.perfdesk"
    with Workspace.create(path) as ws:
        ws.import_evaluations(exchange.loads((FIXTURES / "004_02_chengxiang_yiliao_jiuzhu.json").read_text("utf-8")))
    window = app_module.start(path)
    qtbot.addWidget(window)
    assert window.ws is None and window.empty_note.text() == "正在打开工作区 start.perfdesk …"
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.evaluation is not None, timeout=5000)
    assert window.evaluation.project == "城乡医疗救助" and window.score_panel.total.text() == "97.99"
    window.close()


def test_the_first_window_needs_neither_the_models_nor_scoring(tmp_path):
    """What `perfdesk` imports before its window is on screen (benchmarks/bench_startup.py)."""
    import os
    import subprocess
    import sys
    code = ("import sys; from perfdesk.ui.app import start; window = start(None); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('peewee', 'psycopg', 'pyqtgraph', "
            "'reportlab', 'openpyxl') or m.startswith(('perfdesk.scoring.', 'perfdesk.models.workspace')) "
            "and m != 'perfdesk.scoring.messages'))")  # the Chinese names: plain strings
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_showing_a_table_needs_no_file_readers_or_writers(tmp_path):
    """Opening the workspace and showing its table loads none of the import/export libraries."""
    import os
    import subprocess
    import sys
    code = ("import sys; from PySide6.QtWidgets import QApplication; from perfdesk.ui.app import start\n"
            "window = start(None)\n"
            "while window.evaluation is None: QApplication.instance().processEvents()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('openpyxl', 'xlrd', 'docx', 'reportlab', 'psycopg')))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         timeout=60)
    assert out.stdout.strip() == "[]", out.stdout
