"""Checking and normalising values typed by a user before they are stored."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError
from perfdesk.scoring.evaluation import FORM_KINDS, to_cell

DIRECTIONS = ("higher", "lower", "equal", "qualitative")
STATUSES = ("draft", "final")


def text(field, value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise WorkspaceError(msg.BAD_VALUE.format(field=field, value=value))
    return value


def cell(field, value):
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("，", "") or None
    try:
        result = to_cell(value)
    except (TypeError, InvalidOperation):
        raise WorkspaceError(msg.BAD_VALUE.format(field=field, value=value)) from None
    if isinstance(result, Decimal) and not result.is_finite():
        raise WorkspaceError(msg.BAD_VALUE.format(field=field, value=value))
    return result


DASHES = ("—", "-", "－", "/", "——")


def number_or_dash(field, value):
    """What a user may type in a money or weight cell: a number, a dash as printed, or nothing."""
    result = cell(field, value)
    if isinstance(result, str) and result not in DASHES:
        raise WorkspaceError(msg.NOT_A_NUMBER.format(field=FIELD_NAMES.get(field, field), value=value))
    if isinstance(result, Decimal) and result < 0 and field == "weight":
        raise WorkspaceError(msg.NOT_A_NUMBER.format(field=FIELD_NAMES.get(field, field), value=value))
    return result


def decimal(field, value):
    result = cell(field, value)
    if result is not None and not isinstance(result, Decimal):
        raise WorkspaceError(msg.NOT_A_NUMBER.format(field=FIELD_NAMES.get(field, field), value=value))
    return result


def form(field, value):
    if value not in FORM_KINDS:
        raise WorkspaceError(msg.BAD_FORM.format(value=value))
    return value


def year(field, value):
    try:
        number = int(str(value).strip())
    except ValueError:
        raise WorkspaceError(msg.BAD_YEAR.format(value=value)) from None
    if not 1900 <= number <= 2200:
        raise WorkspaceError(msg.BAD_YEAR.format(value=value))
    return number


def status(field, value):
    if value not in STATUSES:
        raise WorkspaceError(msg.BAD_STATUS.format(value=value))
    return value


def direction(field, value):
    if value is not None and value not in DIRECTIONS:
        raise WorkspaceError(msg.BAD_DIRECTION.format(value=value))
    return value


FIELD_NAMES = {
    "declared": "目标申报数", "initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数",
    "balance": "资金结（转）余", "weight": "分值", "score_printed": "原表得分", "manual_score": "手工得分",
    "total_weight_printed": "原表总分值", "total_score_printed": "原表总分",
}

# Editable fields per table, each with the check its value must pass.
EDITABLE = {
    "evaluation": {
        **{f: text for f in (
            "title", "project", "department", "department_code", "central_department",
            "implementer", "money_unit", "goal_target", "goal_actual", "preparer", "phone",
            "reviewer", "head", "fill_date", "remarks", "grade_printed",
        )},
        "form": form, "year": year, "status": status,
        "total_weight_printed": number_or_dash, "total_score_printed": number_or_dash,
    },
    "fund_line": {
        "label": text, "rate_printed": text,
        **{f: number_or_dash for f in ("declared", "initial", "annual", "executed", "balance", "weight", "score_printed")},
    },
    "indicator": {
        **{f: text for f in ("name", "target", "target_adjusted", "actual", "manual_reason", "reason", "scoring_rule")},
        "weight": number_or_dash, "score_printed": number_or_dash, "manual_score": decimal,
        "direction": direction,
    },
    "fund_management": {"item": text, "status": text, "issues": text},
}


def check(table: str, field: str, value):
    checks = EDITABLE.get(table, {})
    if field not in checks:
        raise WorkspaceError(msg.BAD_FIELD.format(field=field))
    return checks[field](field, value)
