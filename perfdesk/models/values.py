"""What a workspace may store: the one check every import, paste, template and edit goes through.

Whatever is stored must survive every later stage: scoring (exact decimals, rounded to 0.01),
the JSON exchange file (numbers other programs read as IEEE doubles), Excel workbooks (XML
text; 15 significant digits), PDF. So a value is refused here, with a Chinese message naming
where it is, when
- a text holds a control character other than tab and line breaks, a lone surrogate (half of
  a UTF-16 pair, as broken files and clipboards carry) or U+FFFE/U+FFFF (not allowed in XML);
- a number is not finite, or is 10^15 or more in size (more than 千万亿), or has more than 15
  significant digits or more than 10 decimal places.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError
from perfdesk.scoring import evaluation as v

LIMIT = Decimal(10) ** 15
SIGNIFICANT_DIGITS = 15
DECIMAL_PLACES = 10
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def text_problem(value: str) -> str | None:
    """Why this text cannot be stored, or None."""
    found = _FORBIDDEN.search(value)
    if found is None:
        return None
    return msg.TEXT_FORBIDDEN.format(code=f"U+{ord(found.group()):04X}")


def number_problem(value: Decimal) -> str | None:
    """Why this number cannot be stored, or None."""
    if not value.is_finite():
        return msg.NUMBER_NOT_FINITE
    if abs(value) >= LIMIT:
        return msg.NUMBER_TOO_LARGE
    sign, digits, exponent = value.normalize().as_tuple()
    if len(digits) > SIGNIFICANT_DIGITS or (isinstance(exponent, int) and -exponent > DECIMAL_PLACES):
        return msg.NUMBER_TOO_PRECISE
    return None


def problem(value) -> str | None:
    """Why a stored value (text, number, or a list/dict of them) cannot be stored, or None."""
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, Decimal):
        return number_problem(value)
    if isinstance(value, (list, tuple)):
        return next((p for p in map(problem, value) if p), None)
    if isinstance(value, dict):
        return next((p for p in map(problem, [*value.keys(), *value.values()]) if p), None)
    return None


def check(place: str, field: str, value) -> None:
    """Raise WorkspaceError if `value` cannot be stored; `place` and `field` say where, in Chinese."""
    found = problem(value)
    if found:
        shown = value if not isinstance(value, str) else _shown(value)
        raise WorkspaceError(msg.BAD_STORED_VALUE.format(place=place, field=field, problem=found, value=shown))


def _shown(text: str) -> str:
    """A text quoted in a message: short, and with the offending characters made visible."""
    text = _FORBIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return text if len(text) <= 30 else text[:30] + "…"


_EVALUATION_TEXTS = ("title", "project", "department", "department_code", "central_department", "implementer",
                     "money_unit", "goal_target", "goal_actual", "remarks", "grade_printed", "source")
_FUND_FIELDS = ("label", "declared", "initial", "annual", "executed", "balance", "weight", "rate_printed",
                "score_printed")
_INDICATOR_FIELDS = ("name", "weight", "target", "target_adjusted", "actual", "manual_score", "manual_reason",
                     "score_printed", "reason", "scoring_rule")


def check_evaluation(ev: v.Evaluation, names: dict[str, str]) -> None:
    """Every value of a whole evaluation (an import, a new table); `names` gives field names."""
    place = msg.PLACE_EVALUATION.format(name=_shown(ev.project or ev.title or str(ev.year)))
    for field in _EVALUATION_TEXTS + ("total_weight_printed", "total_score_printed"):
        check(place, names.get(field, field), getattr(ev, field))
    for key in ("preparer", "phone", "reviewer", "head", "date"):
        check(place, names.get(key, key), getattr(ev.signatories, key))
    check(place, msg.FIELD_REPORT, [text for pair in ev.report_sections for text in pair])
    check(place, msg.FIELD_NOTES, list(ev.narrative_claims) + list(ev.transcription_notes))
    for fund in ev.funds:
        for field in _FUND_FIELDS:
            check(f"{place}{msg.PLACE_FUND.format(name=_shown(fund.label or ''))}", names.get(field, field),
                  getattr(fund, field))
    for row in ev.fund_management:
        for field in ("item", "status", "issues"):
            check(f"{place}{msg.PLACE_MANAGEMENT.format(name=_shown(row.item or ''))}", names.get(field, field),
                  getattr(row, field))
    check_indicators(place, ev.indicators, names)


def check_indicators(place: str, nodes, names: dict[str, str]) -> None:
    """Every value of indicator subtrees (an import, a paste, a template)."""
    for node in nodes:
        where = f"{place}{msg.PLACE_INDICATOR.format(name=_shown(node.name or ''))}"
        for field in _INDICATOR_FIELDS:
            check(where, names.get(field, field), getattr(node, field))
        check_indicators(place, node.children, names)
