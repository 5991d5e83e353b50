"""What `perfdesk score` prints: the JSON shape of issue 3 §5 and a plain-text Chinese table."""
from __future__ import annotations

import unicodedata
from decimal import Decimal

from perfdesk.scoring import messages as msg
from perfdesk.scoring.engine import IndicatorResult, ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.funds import FundResult
from perfdesk.scoring.numbers import round2, show

# terminal columns per table column (CJK characters count two)
_SCORED_WIDTHS = (34, 14, 14, 6, 8, 8, 6)
_UNSCORED_WIDTHS = (34, 22, 22, 8)


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(round2(value))


def scored_to_dict(ev: Evaluation, scored: ScoredEvaluation) -> dict:
    """One evaluation in the `--json` shape: numbers as floats to 2 places, None where absent."""
    return {
        "id": ev.id,
        "project": ev.project,
        "year": ev.year,
        "form": ev.form,
        "fund": _fund_dict(scored.fund),
        "indicators": [_indicator_dict(r) for r in scored.indicators],
        "total": _num(scored.total),
        "recorded_total": _num(scored.recorded_total),
        "grade": scored.grade,
        "findings": [
            {"code": f.code, "severity": f.severity, "message": f.message, "where": f.where}
            for f in scored.findings
        ],
    }


def _fund_dict(fund: FundResult | None) -> dict | None:
    if fund is None:
        return None
    return {
        "annual": _num(fund.annual), "executed": _num(fund.executed), "rate": _num(fund.rate),
        "weight": _num(fund.weight), "score": _num(fund.score),
        "recorded_rate": _num(fund.recorded_rate), "recorded_score": _num(fund.recorded_score),
    }


def _indicator_dict(r: IndicatorResult) -> dict:
    return {
        "path": list(r.path), "target": r.target, "actual": r.actual, "weight": _num(r.weight),
        "rule": r.rule, "computed": _num(r.computed), "recorded": _num(r.recorded),
        "score": _num(r.score), "explanation": r.explanation,
    }


# --- plain text --------------------------------------------------------------------------------


def format_text(ev: Evaluation, scored: ScoredEvaluation) -> str:
    """A readable Chinese report of one scored evaluation for the terminal."""
    scored_form = scored.total is not None
    lines = [msg.TEXT_TITLE.format(project=ev.project or ev.department or msg.UNTITLED, year=ev.year,
                                   form=msg.FORM_NAMES.get(ev.form, ev.form))]
    if scored.fund:
        lines.append(_fund_line(scored.fund))
    headers = msg.TEXT_HEADERS_SCORED if scored_form else msg.TEXT_HEADERS_UNSCORED
    widths = _SCORED_WIDTHS if scored_form else _UNSCORED_WIDTHS
    rows = [_scored_row(r) if scored_form else _status_row(r) for r in scored.indicators]
    lines += [_row(headers, widths), *(_row(cells, widths) for cells in rows)]
    if scored_form:
        lines.append(msg.TEXT_TOTAL.format(total=_text(scored.total), recorded=_text(scored.recorded_total),
                                           grade=scored.grade))
    lines += _finding_lines(scored)
    return "\n".join(lines) + "\n"


def _text(value: Decimal | None) -> str:
    return msg.BLANK if value is None else show(round2(value))


def _fund_line(fund: FundResult) -> str:
    rate = msg.BLANK if fund.rate is None else f"{show(fund.rate)}%"
    recorded_rate = msg.BLANK if fund.recorded_rate is None else f"{show(fund.recorded_rate)}%"
    return msg.TEXT_FUND.format(
        annual=_text(fund.annual), executed=_text(fund.executed), rate=rate, weight=_text(fund.weight),
        score=_text(fund.score), recorded_rate=recorded_rate, recorded_score=_text(fund.recorded_score),
    )


def _scored_row(r: IndicatorResult) -> tuple[str, ...]:
    return (r.path[-1], r.target or msg.BLANK, r.actual or msg.BLANK, _text(r.weight),
            _text(r.computed), _text(r.recorded), _text(r.score))


def _status_row(r: IndicatorResult) -> tuple[str, ...]:
    return (r.path[-1], r.target or msg.BLANK, r.actual or msg.BLANK, r.status)


def _finding_lines(scored: ScoredEvaluation) -> list[str]:
    if not scored.findings:
        return [msg.TEXT_NO_FINDINGS]
    return [msg.TEXT_FINDINGS.format(count=len(scored.findings))] + [
        msg.TEXT_FINDING.format(severity=msg.SEVERITY_NAMES[f.severity], code=f.code, where=f.where,
                                message=f.message)
        for f in scored.findings
    ]


def _row(cells: tuple[str, ...], widths: tuple[int, ...]) -> str:
    return "  ".join(_fit(cell, width) for cell, width in zip(cells, widths)).rstrip()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """Pad or cut `text` to `width` terminal columns (CJK characters take two)."""
    text = " ".join(text.split())
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))
