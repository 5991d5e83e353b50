"""导出PDF from the window: write_pdf with a progress dialog for batches, then the preview."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from perfdesk.models import faults
from perfdesk.reports import PdfResult, write_pdf
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.signature import DEFAULT_SIGNATURE, SignatureBlock
from perfdesk.ui.pdf_preview import preview_pdf

EXPORT = "导出PDF"
WORKING = "正在生成PDF（{done}/{total}）…"
CANCEL = "取消"
FAILED = "无法生成PDF：{error}"
MISSING = "以下字符在所有字体中都没有，打印为方框，请检查：{chars}"
DONE = "已生成 {path}，共 {pages} 页。现在预览吗？"


class Cancelled(Exception):
    """The user pressed 取消 in the progress dialog."""


def export_pdf(window_parent: QWidget | None, evaluations, scheme: ScoringScheme, kind: str,
               path: str | Path, landscape: bool = False, font: str | None = None,
               sections: tuple[str, ...] | None = None,
               signature: SignatureBlock = DEFAULT_SIGNATURE) -> PdfResult | None:
    """Write the PDF; report errors and missing characters in Chinese; offer the preview.
    Returns None when cancelled or failed (the target file is then left untouched)."""
    evaluations = list(evaluations)
    dialog = _progress_dialog(window_parent, len(evaluations)) if len(evaluations) > 1 else None
    try:
        result = write_pdf(path, kind, evaluations, scheme, landscape=landscape, font=font,
                           progress=_reporter(dialog), sections=sections, signature=signature)
    except Cancelled:
        return None
    except Exception as exc:  # noqa: BLE001 - any failure becomes a message, never a crash
        QMessageBox.critical(window_parent, EXPORT, FAILED.format(error=faults.reason(exc) if isinstance(exc, OSError)
                                                                  else exc))
        return None
    finally:
        if dialog is not None:
            dialog.close()
    offer_preview(window_parent, result)
    return result


def _progress_dialog(parent: QWidget | None, total: int) -> QProgressDialog:
    dialog = QProgressDialog(WORKING.format(done=0, total=total), CANCEL, 0, total, parent)
    dialog.setWindowTitle(EXPORT)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)
    return dialog


def _reporter(dialog: QProgressDialog | None):
    if dialog is None:
        return None

    def report(done: int, total: int) -> None:
        dialog.setLabelText(WORKING.format(done=done, total=total))
        dialog.setValue(done)
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise Cancelled

    return report


def offer_preview(parent: QWidget | None, result: PdfResult) -> None:
    """Say where the PDF is (and which characters no font has), and offer to show it."""
    if result.missing_characters:
        QMessageBox.warning(parent, EXPORT, MISSING.format(chars=" ".join(result.missing_characters)))
    answer = QMessageBox.question(parent, EXPORT, DONE.format(path=result.path, pages=result.pages))
    if answer == QMessageBox.StandardButton.Yes:
        preview_pdf(parent, result.path)
