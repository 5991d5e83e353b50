"""Documents that go out: print-ready PDFs and editable Word files of scored evaluations — the
official 自评表s, the 汇总表 and the 自评报告.

    result = write_pdf("out.pdf", "table", evaluations, scheme)

Each document is built once as content (reports.content) and set by the PDF renderer
(reports.pdf) or the Word renderer (reports.word). For the same input and `created` date the
PDF is byte-identical.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from perfdesk.reports.forms import Printed, form_of, scored
from perfdesk.reports.texts import SUMMARY_TITLE
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.messages import FORM_TITLES, REPORT_SECTIONS
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.signature import DEFAULT_SIGNATURE, SignatureBlock

__all__ = ["KINDS", "PdfResult", "installed_choices", "write_docx", "write_pdf"]

KINDS = ("table", "summary", "report")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    missing_characters: tuple[str, ...]  # characters no font could print (shown as boxes)


def installed_choices() -> dict[str, str]:
    """The Windows faces present on this machine: choice -> Chinese name (empty elsewhere)."""
    from perfdesk.reports.pdf.fonts import installed_choices as choices
    return choices()


def check_request(kind: str, evaluations: list[Evaluation], sections) -> tuple[str, ...] | None:
    """ValueError (Chinese) for an unknown kind, no evaluations, a report over several years or
    unknown report sections."""
    if kind not in KINDS:
        raise ValueError(f"未知的导出类型：{kind}")
    if not evaluations:
        raise ValueError("没有可导出的评价表")
    years = sorted({ev.year for ev in evaluations})
    if kind == "report" and len(years) > 1:  # a report states one year's budget, grades and title
        raise ValueError(f"自评报告按年度编写，所选评价表属于 {'、'.join(map(str, years))} 年度，请只选一个年度"
                         "（命令行用 --year）")
    chosen = None if sections is None else tuple(sections)
    if chosen is not None and (not chosen or set(chosen) - {key for key, _ in REPORT_SECTIONS}):
        keys = "、".join(f"{key}（{heading.split('、', 1)[1]}）" for key, heading in REPORT_SECTIONS)
        raise ValueError(f"报告章节选择不正确，可选：{keys}")
    return chosen


def write_pdf(path: str | Path, kind: str, evaluations: Iterable[Evaluation], scheme: ScoringScheme, *,
              landscape: bool = False, font: str | None = None, progress: Progress | None = None,
              sections: Iterable[str] | None = None, signature: SignatureBlock = DEFAULT_SIGNATURE,
              created: datetime | None = None) -> PdfResult:
    """Write the PDF of `kind` ("table" | "summary" | "report") for `evaluations` to `path`.

    `font` names an installed Windows face from `installed_choices()` (None: the bundled ones);
    `progress(done, total)` is called per evaluation as it is laid out; `sections` picks the
    自评报告 sections to print (keys of scoring.messages.REPORT_SECTIONS; None: all); `signature`
    is the workspace's signature block; `created` goes into the metadata (default: now).
    Raises ValueError (Chinese) for a bad request, OSError when the file cannot be written.
    """
    from perfdesk.reports.pdf.document import build_pdf
    from perfdesk.reports.pdf.fonts import font_set
    from perfdesk.reports.pdf.story import FIRST_TEMPLATE, Renderer
    from perfdesk.reports.pdf.styles import make_styles
    from perfdesk.reports.pdf.text import Typesetter

    evaluations = list(evaluations)
    chosen = check_request(kind, evaluations, sections)
    fonts = font_set(font)
    ts = Typesetter(fonts, make_styles(fonts))
    items = scored(evaluations, scheme)
    render = Renderer(ts, landscape, progress)
    if kind == "table":
        story, title = render.forms([form_of(item, signature) for item in items]), _table_title(items)
    elif kind == "summary":
        from perfdesk.reports.summary_table import summary_forms
        story, title = render.forms(summary_forms(items, scheme.grade_bands, progress), progress=False), SUMMARY_TITLE
    else:
        from perfdesk.reports.report import report_content
        report = report_content(items, scheme.grade_bands, signature, chosen, (created or datetime.now()).date())
        story, title = render.report(report), report.title
    pages = build_pdf(path, story, ts, landscape, title, FIRST_TEMPLATE[kind], created)
    return PdfResult(Path(path), pages, tuple(sorted(ts.missing)))


def write_docx(path: str | Path, kind: str, evaluations: Iterable[Evaluation], scheme: ScoringScheme, *,
               landscape: bool = False, sections: Iterable[str] | None = None,
               signature: SignatureBlock = DEFAULT_SIGNATURE, created: datetime | None = None) -> Path:
    """Write the Word document (.docx) of `kind` ("table" | "summary" | "report") for `evaluations`:
    the same content as `write_pdf`, editable, with named styles. Arguments as for `write_pdf`.
    Raises ValueError (Chinese) for a bad request, OSError when the file cannot be written."""
    from perfdesk.reports.word.render import WordRenderer

    evaluations = list(evaluations)
    chosen = check_request(kind, evaluations, sections)
    items = scored(evaluations, scheme)
    render = WordRenderer(landscape)
    if kind == "table":
        render.forms([form_of(item, signature) for item in items])
        title = _table_title(items)
    elif kind == "summary":
        from perfdesk.reports.summary_table import summary_forms
        render.forms(summary_forms(items, scheme.grade_bands))
        title = SUMMARY_TITLE
    else:
        from perfdesk.reports.report import report_content
        report = report_content(items, scheme.grade_bands, signature, chosen, (created or datetime.now()).date())
        render.report(report)
        title = report.title
    render.set_properties(title, created or datetime.now())
    render.save(Path(path))
    return Path(path)


def _table_title(items: list[Printed]) -> str:
    """The title of a file of forms: the form's own title with its project, or the form kind."""
    if len(items) == 1:
        ev = items[0].ev
        return f"{ev.project or ''}{ev.title or FORM_TITLES[ev.form]}"
    return FORM_TITLES[items[0].ev.form]
