"""Print-ready PDFs of scored evaluations: the official 自评表s, the 汇总表 and the 自评报告.

    result = write_pdf("out.pdf", "table", evaluations, scheme)

A pure function of the snapshots and the scheme: equal input gives byte-identical output.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from perfdesk.reports.document import BODY, TABLE, Job, Progress, build_pdf
from perfdesk.reports.fonts import font_set, installed_choices
from perfdesk.reports.report import report_story
from perfdesk.reports.self_eval_table import tables_story
from perfdesk.reports.styles import make_styles
from perfdesk.reports.summary_table import summary_story
from perfdesk.reports.texts import SUMMARY_TITLE
from perfdesk.reports.typeset import Typesetter
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.messages import FORM_TITLES, REPORT_SECTIONS
from perfdesk.scoring.scheme import ScoringScheme

__all__ = ["KINDS", "PdfResult", "installed_choices", "write_pdf"]

# kind -> (story builder, first page template, document title)
_KINDS = {
    "table": (tables_story, TABLE, FORM_TITLES["project_self_eval"]),
    "summary": (summary_story, TABLE, SUMMARY_TITLE),
    "report": (report_story, BODY, REPORT_SECTIONS[0][1]),
}
KINDS = tuple(_KINDS)


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    missing_characters: tuple[str, ...]  # characters no font could print (shown as boxes)


def write_pdf(path: str | Path, kind: str, evaluations: Iterable[Evaluation], scheme: ScoringScheme, *,
              landscape: bool = False, font: str | None = None, progress: Progress | None = None,
              sections: Iterable[str] | None = None) -> PdfResult:
    """Write the PDF of `kind` ("table" | "summary" | "report") for `evaluations` to `path`.

    `font` names an installed Windows face from `installed_choices()` (None: the bundled ones);
    `progress(done, total)` is called per evaluation as it is laid out; `sections` picks the
    自评报告 sections to print (keys of scoring.messages.REPORT_SECTIONS; None: all).
    """
    if kind not in _KINDS:
        raise ValueError(f"未知的PDF类型：{kind}")
    evaluations = list(evaluations)
    if not evaluations:
        raise ValueError("没有可导出的评价表")
    fonts = font_set(font)
    ts = Typesetter(fonts, make_styles(fonts))
    chosen = None if sections is None else tuple(sections)
    if chosen is not None and (not chosen or set(chosen) - {key for key, _ in REPORT_SECTIONS}):
        raise ValueError("报告章节选择不正确")
    job = Job(ts, scheme, landscape, progress, chosen)
    build, first, title = _KINDS[kind]
    pages = build_pdf(path, build(job.score(evaluations), job), job, title, first)
    return PdfResult(Path(path), pages, tuple(sorted(ts.missing)))
