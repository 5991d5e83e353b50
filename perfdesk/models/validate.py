"""Checking and normalising values typed by a user before they are stored."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from perfdesk.models import messages as msg
from perfdesk.models import values
from perfdesk.models.errors import WorkspaceError
from perfdesk.scoring.evaluation import FORM_KINDS, to_cell
from perfdesk.scoring.rules import DIRECTIONS

STATUSES = ("draft", "final")


def text(field, value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise WorkspaceError(msg.BAD_VALUE.format(field=FIELD_NAMES.get(field, field), value=value))
    values.check("", FIELD_NAMES.get(field, field), value)
    return value


def required_text(field, value):
    """Names and labels: a row without one cannot be printed, so blank is refused."""
    value = text(field, value)
    if not (value or "").strip():
        raise WorkspaceError(msg.REQUIRED.format(field=FIELD_NAMES.get(field, field)))
    return value


def cell(field, value):
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("，", "") or None
    try:
        result = to_cell(value)
    except (TypeError, InvalidOperation):
        raise WorkspaceError(msg.BAD_VALUE.format(field=FIELD_NAMES.get(field, field), value=value)) from None
    values.check("", FIELD_NAMES.get(field, field), result)
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
    "name": "指标名称", "label": "资金来源", "item": "资金管理事项", "status": "状态", "issues": "存在问题和改进措施",
    "title": "表名", "project": "项目名称", "department": "主管部门", "department_code": "主管部门编码",
    "central_department": "中央主管部门", "implementer": "实施单位", "money_unit": "金额单位",
    "goal_target": "预期目标", "goal_actual": "实际完成情况", "preparer": "填报人", "phone": "联系电话",
    "reviewer": "审核人", "head": "单位负责人", "finance_head": "财务负责人", "fill_date": "填报日期", "remarks": "说明",
    "grade_printed": "原表等级", "form": "表格类型", "year": "年度", "target": "年度指标值",
    "target_adjusted": "调整后指标值", "actual": "实际完成值", "manual_reason": "手工评分理由",
    "reason": "偏差原因分析及改进措施", "scoring_rule": "评分标准", "direction": "指标方向",
    "rate_printed": "原表执行率",
    "declared": "目标申报数", "initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数",
    "balance": "资金结（转）余", "weight": "分值", "score_printed": "原表得分", "manual_score": "手工得分",
    "total_weight_printed": "原表总分值", "total_score_printed": "原表总分",
    "review_score": "复核得分", "review_comment": "退回意见", "submit_note": "提交说明", "unit": "单位",
}

# Editable fields per table, each with the check its value must pass.
EDITABLE = {
    "evaluation": {
        **{f: text for f in (
            "title", "project", "department", "department_code", "central_department",
            "implementer", "money_unit", "goal_target", "goal_actual", "preparer", "phone",
            "reviewer", "head", "finance_head", "fill_date", "remarks", "grade_printed", "unit",
        )},
        # status: 定稿 in the window goes through SetFinal, which keeps the scoring scheme with it
        "form": form, "year": year, "status": status,
        "total_weight_printed": number_or_dash, "total_score_printed": number_or_dash,
    },
    "fund_line": {
        "label": required_text, "rate_printed": text,
        **{f: number_or_dash for f in ("declared", "initial", "annual", "executed", "balance", "weight", "score_printed")},
    },
    "indicator": {
        "name": required_text,
        **{f: text for f in ("target", "target_adjusted", "actual", "manual_reason", "reason", "scoring_rule")},
        "weight": number_or_dash, "score_printed": number_or_dash, "manual_score": decimal,
        "direction": direction,
    },
    "fund_management": {"item": required_text, "status": text, "issues": text},
}


def whole_evaluation(ev) -> None:
    """The boundary check of a whole evaluation (an import, a new or copied table): its kind,
    year and status, its indicators' directions, and every value (models.values)."""
    form("form", ev.form)
    year("year", ev.year)
    status("status", ev.status)
    indicators(ev.indicators)
    values.check_evaluation(ev, FIELD_NAMES)


def indicators(nodes, place: str = "") -> None:
    """The boundary check of indicator subtrees (a paste, a template, an import)."""
    for node in nodes:
        direction("direction", node.direction)
        indicators(node.children, place)
    values.check_indicators(place, nodes, FIELD_NAMES)


def check(table: str, field: str, value):
    checks = EDITABLE.get(table, {})
    if field not in checks:
        raise WorkspaceError(msg.BAD_FIELD.format(field=FIELD_NAMES.get(field, field)))
    return checks[field](field, value)
