"""The window and backups: a damaged workspace offers its newest good backup; a read-only view
reloads when another program restores a backup into the file it shows."""
from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from perfdesk.models import Workspace
from perfdesk.models.commands import SetField
from perfdesk.ui import app as app_module
from perfdesk.ui.main_window import MainWindow
from tests.ui.helpers import workspace_with


def _press_when_shown(qtbot, labels: list[str | None], seen: list[str]) -> None:
    """Answer the next message boxes by pressing the buttons labelled `labels`, in order."""
    def answer():
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            return QTimer.singleShot(20, answer)
        box = boxes[-1]
        seen.append(box.text())
        label = labels.pop(0)  # None: the box's only button (OK / 确定, as translated)
        [button] = [b for b in box.buttons() if label is None or b.text().replace("&", "") == label]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        if labels:
            QTimer.singleShot(20, answer)
    QTimer.singleShot(0, answer)


def _damage(path) -> bytes:
    data = bytearray(path.read_bytes())
    data[4096:8192] = bytes(4096)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_workspace_is_refused_with_a_dialog_that_restores_its_newest_good_backup(qtbot, tmp_path):
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    ws.take_backup()
    ws.close()
    damaged = _damage(tmp_path / "ui.perfdesk")
    seen: list[str] = []
    _press_when_shown(qtbot, ["不恢复"], seen)
    assert app_module.open_workspace(tmp_path / "ui.perfdesk") is None
    assert "已损坏" in seen[0] and "最近的完好备份" in seen[0]
    assert (tmp_path / "ui.perfdesk").read_bytes() == damaged  # "不恢复" changes nothing
    _press_when_shown(qtbot, ["恢复最近的完好备份", None], seen)
    restored = app_module.open_workspace(tmp_path / "ui.perfdesk")
    assert "损坏的文件保留为" in seen[-1]
    try:
        assert not restored.readonly and [e.project for e in restored.evaluations()] == ["城乡医疗救助"]
    finally:
        restored.close()
    [aside] = tmp_path.glob("ui.已损坏-*.perfdesk")
    assert aside.read_bytes() == damaged


def test_a_read_only_view_reloads_when_another_program_restores_a_backup(qtbot, tmp_path):
    ws = workspace_with(tmp_path, "004_02_chengxiang_yiliao_jiuzhu.json")
    backup = ws.take_backup()
    leaf = next(ws.evaluations()[0].leaves())
    ws.apply(SetField("indicator", leaf.id, "actual", "改过的"))
    ws.close()
    window = MainWindow(Workspace.open(tmp_path / "ui.perfdesk", readonly=True))
    qtbot.addWidget(window)
    assert next(window.evaluation.leaves()).actual == "改过的"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    done = subprocess.run([sys.executable, "-m", "perfdesk", "restore", str(tmp_path / "ui.perfdesk"), str(backup)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "恢复为一份备份" in window.banner.text(), timeout=15000)  # on the window's own timer
    assert next(window.evaluation.leaves()).actual == "34次"
    window.close()
