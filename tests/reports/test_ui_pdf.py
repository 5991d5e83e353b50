"""The in-app PDF preview and the export function (offscreen Qt)."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from perfdesk.reports import write_pdf
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from perfdesk.ui import pdf_export, pdf_preview
from tests.reports.helpers import load


def test_preview_shows_white_pages_one_at_a_time(qtbot, tmp_path):
    result = write_pdf(tmp_path / "p.pdf", "report", [load("002_01"), load("004_01")], DEFAULT_SCHEME)
    dialog = pdf_preview.PdfPreview(result.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count == result.pages > 2
    first = dialog.image
    assert first.width() > 700 and first.pixelColor(5, 5) == QColor("white")
    dark = sum(1 for x in range(0, first.width(), 7) for y in range(0, first.height(), 7)
               if first.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # text was drawn on the page
    dialog.number.setValue(2)
    assert dialog.image != first
    dialog.reject()


def test_unreadable_pdf_falls_back_to_the_system_viewer(qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    opened = []
    monkeypatch.setattr(pdf_preview, "open_in_system_viewer", opened.append)
    pdf_preview.preview_pdf(None, broken)
    assert opened == [broken]


def test_export_writes_with_progress_and_offers_preview(qtbot, tmp_path, monkeypatch):
    previewed = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(pdf_export, "preview_pdf", lambda parent, path: previewed.append(path))
    evs = [load("002_01"), load("004_04")]
    result = pdf_export.export_pdf(None, evs, DEFAULT_SCHEME, "summary", tmp_path / "s.pdf")
    assert result is not None and result.path.read_bytes().startswith(b"%PDF")
    assert previewed == [result.path]


def test_export_failure_is_a_chinese_message(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert pdf_export.export_pdf(None, [load("002_01")], DEFAULT_SCHEME, "table", tmp_path / "no" / "x.pdf") is None
    assert shown and shown[0].startswith("无法生成PDF")
