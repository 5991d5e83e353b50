"""One print job: the scored evaluations, the typesetter, page templates, and the atomic write."""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from perfdesk.reports.canvas import Marker, NumberedCanvas
from perfdesk.reports.fingerprint import fingerprint
from perfdesk.reports.form_parts import Context
from perfdesk.reports.styles import REPORT_MARGINS, TABLE_MARGIN, page_size, width_scale
from perfdesk.reports.typeset import Typesetter
from perfdesk.scoring.engine import ScoredEvaluation, score_evaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.scheme import ScoringScheme

Progress = Callable[[int, int], None]
TABLE, BODY = "table", "body"


@dataclass(frozen=True)
class Printed:
    ev: Evaluation
    scored: ScoredEvaluation
    code: str  # fingerprint


@dataclass
class Job:
    ts: Typesetter
    scheme: ScoringScheme
    landscape: bool
    progress: Progress | None
    sections: tuple[str, ...] | None = None  # the 自评报告 sections to print (None: all)

    def score(self, evaluations: list[Evaluation]) -> list[Printed]:
        return [Printed(ev, score_evaluation(ev, self.scheme), fingerprint(ev, self.scheme)) for ev in evaluations]

    def context(self) -> Context:
        return Context(self.ts, width_scale(self.landscape), table_frame(self.landscape).height)

    def marker(self, group: str, code: str, done: int | None = None, total: int = 0) -> Marker:
        """Tags the pages that follow; reports progress `done` of `total` once placed."""
        report = None if self.progress is None or done is None else partial(self.progress, done, total)
        return Marker(group, code, report)


def table_frame(landscape: bool) -> Frame:
    width, height = page_size(landscape)
    return _frame(TABLE, TABLE_MARGIN, TABLE_MARGIN, width - 2 * TABLE_MARGIN, height - 2 * TABLE_MARGIN)


def body_frame() -> Frame:
    width, height = page_size(False)
    m = REPORT_MARGINS
    return _frame(BODY, m["left"], m["bottom"], width - m["left"] - m["right"], height - m["top"] - m["bottom"])


def _frame(name: str, x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def build_pdf(path: str | Path, story: list, job: Job, title: str, first: str = TABLE) -> int:
    """Lay out `story` (starting on page template `first`), write the PDF atomically, return pages."""
    buffer = io.BytesIO()
    templates = [PageTemplate(TABLE, [table_frame(job.landscape)], pagesize=page_size(job.landscape)),
                 PageTemplate(BODY, [body_frame()], pagesize=page_size(False))]
    templates.sort(key=lambda t: t.id != first)
    doc = BaseDocTemplate(buffer, pagesize=page_size(job.landscape), pageTemplates=templates, invariant=1,
                          title=title, author="perfdesk", creator="perfdesk", subject=title,
                          initialFontName=job.ts.fonts.body.name)
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer_font=job.ts.fonts.body.name))
    write_atomic(Path(path), buffer.getvalue())
    return doc.page


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target, then rename over it: a reader never sees half a file."""
    fd, temp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
