"""The JSON exchange format (../shared/fixtures/FORMAT.md) <-> `Evaluation` snapshots.

Import keeps every field verbatim; export writes the same keys in the same order, so
exporting an imported table gives back its input.
"""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from perfdesk.scoring.evaluation import (
    FORM_KINDS,
    Cell,
    Evaluation,
    FundLine,
    FundManagementRow,
    Indicator,
    to_cell,
)

# JSON key -> FundLine attribute, in the order FORMAT.md prints them.
_FUND_KEYS = (
    ("row", "label"),
    ("initial", "initial"),
    ("initial_declared", "declared"),
    ("annual", "annual"),
    ("executed", "executed"),
    ("balance", "balance"),
    ("weight", "weight"),
    ("rate_printed", "rate_printed"),
    ("score_printed", "score_printed"),
)
_OPTIONAL_FUND_COLUMNS = {"initial_declared": "declared", "balance": "balance"}
_INDICATOR_KEYS = (
    "l1", "l2", "name", "target", "target_adjusted", "actual",
    "weight", "score_printed", "reason", "scoring_rule",
)
_OPTIONAL_INDICATOR_COLUMNS = ("target_adjusted", "scoring_rule")
_HEADER_KEYS = ("source", "form", "year", "title", "project", "department", "implementer", "money_unit")
_TRANSFER_KEYS = ("central_department", "fund_management", "remarks")


class ExchangeError(ValueError):
    """The text is not an evaluation table in the exchange format; the message is Chinese."""


def loads(text: str) -> list[Evaluation]:
    """Parse a JSON document holding one table or a list of tables."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ExchangeError(f"不是有效的 JSON 文件：{exc}") from None
    tables = data if isinstance(data, list) else [data]
    if not tables:
        raise ExchangeError("文件中没有评价表")
    return [table_to_evaluation(t, i + 1) for i, t in enumerate(tables)]


def dumps(evaluations: list[Evaluation]) -> str:
    tables = [evaluation_to_table(e) for e in evaluations]
    body = tables[0] if len(tables) == 1 else tables
    return json.dumps(body, ensure_ascii=False, indent=1, default=_json_number) + "\n"


def _json_number(value: Any):
    if isinstance(value, Decimal):
        # Exact decimal text inside JSON: encode via a float only when it round-trips.
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            return as_float if value != value.to_integral_value() or "." in str(value) else int(value)
        raise TypeError(f"{value} cannot be written exactly as a JSON number")
    raise TypeError(type(value).__name__)


def _require(table: dict, key: str, kinds: tuple, where: str):
    if key not in table:
        raise ExchangeError(f"{where}缺少字段“{key}”")
    value = table[key]
    if value is not None and not isinstance(value, kinds):
        raise ExchangeError(f"{where}字段“{key}”的类型不对")
    return value


def _text(value, key: str, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ExchangeError(f"{where}字段“{key}”应为文字")


def _cell(value, key: str, where: str) -> Cell:
    if value is None or isinstance(value, (str, Decimal)) or (isinstance(value, int) and not isinstance(value, bool)):
        if isinstance(value, (int, Decimal)) and not Decimal(value).is_finite():
            raise ExchangeError(f"{where}字段“{key}”不是有限的数")
        return value if isinstance(value, str) else to_cell(value)
    raise ExchangeError(f"{where}字段“{key}”应为数字或文字")


def table_to_evaluation(table: Any, number: int = 1) -> Evaluation:
    where = f"第 {number} 张表："
    if not isinstance(table, dict):
        raise ExchangeError(f"{where}不是评价表对象")
    form = _require(table, "form", (str,), where)
    if form not in FORM_KINDS:
        raise ExchangeError(f"{where}未知的表格类型“{form}”")
    year = _require(table, "year", (int,), where)
    if isinstance(year, bool) or year is None or not 1900 <= year <= 2200:
        raise ExchangeError(f"{where}年度不正确")
    header = {k: _text(_require(table, k, (str,), where), k, where) for k in _HEADER_KEYS if k not in ("form", "year")}
    funds_raw = _require(table, "funds", (list,), where) or []
    indicators_raw = _require(table, "indicators", (list,), where) or []
    columns = set()
    funds = []
    for i, row in enumerate(funds_raw, 1):
        w = f"{where}资金第 {i} 行"
        if not isinstance(row, dict):
            raise ExchangeError(f"{w}不是对象")
        values = {}
        for key, attr in _FUND_KEYS:
            if key in _OPTIONAL_FUND_COLUMNS and key in row:
                columns.add(key)
            if key == "row":
                values[attr] = _text(row.get(key), key, w) or ""
            elif key == "rate_printed":
                values[attr] = _text(row.get(key), key, w)
            else:
                values[attr] = _cell(row.get(key), key, w)
        funds.append(FundLine(**values))
    leaves = []
    for i, row in enumerate(indicators_raw, 1):
        w = f"{where}指标第 {i} 行"
        if not isinstance(row, dict):
            raise ExchangeError(f"{w}不是对象")
        for key in _OPTIONAL_INDICATOR_COLUMNS:
            if key in row:
                columns.add(key)
        texts = {k: _text(row.get(k), k, w) for k in ("l1", "l2", "name", "target", "target_adjusted", "actual", "reason", "scoring_rule")}
        leaves.append((texts["l1"], texts["l2"], Indicator(
            name=texts["name"] or "",
            level=3,
            weight=_cell(row.get("weight"), "weight", w),
            target=texts["target"],
            target_adjusted=texts["target_adjusted"],
            actual=texts["actual"],
            score_printed=_cell(row.get("score_printed"), "score_printed", w),
            reason=texts["reason"],
            scoring_rule=texts["scoring_rule"],
        )))
    fund_management = ()
    central = remarks = None
    if form == "transfer_payment_self_eval" or any(k in table for k in _TRANSFER_KEYS):
        columns.add("transfer")
        central = _text(table.get("central_department"), "central_department", where)
        remarks = _text(table.get("remarks"), "remarks", where)
        rows = table.get("fund_management") or []
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ExchangeError(f"{where}资金管理情况格式不对")
        fund_management = tuple(
            FundManagementRow(
                item=_text(r.get("item"), "item", where) or "",
                status=_text(r.get("status"), "status", where),
                issues=_text(r.get("issues"), "issues", where),
            )
            for r in rows
        )
    return Evaluation(
        form=form,
        year=year,
        **header,
        central_department=central,
        goal_target=_text(table.get("goal_target"), "goal_target", where),
        goal_actual=_text(table.get("goal_actual"), "goal_actual", where),
        funds=tuple(funds),
        indicators=group_leaves(leaves),
        fund_management=fund_management,
        remarks=remarks,
        total_weight_printed=_cell(table.get("total_weight_printed"), "total_weight_printed", where),
        total_score_printed=_cell(table.get("total_score_printed"), "total_score_printed", where),
        grade_printed=_text(table.get("grade_printed"), "grade_printed", where),
        narrative_claims=_text_list(table.get("narrative_claims"), "narrative_claims", where),
        transcription_notes=_text_list(table.get("transcription_notes"), "transcription_notes", where),
        columns=frozenset(columns),
    )


def _text_list(value, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ExchangeError(f"{where}字段“{key}”应为文字列表")
    return tuple(value)


def group_leaves(leaves: list[tuple[str | None, str | None, Indicator]]) -> tuple[Indicator, ...]:
    """Build the 一级/二级 tree from flat rows, grouping *consecutive* rows with equal labels."""
    roots: list[tuple[str, list]] = []
    for l1, l2, leaf in leaves:
        l1 = l1 or ""
        l2 = l2 or ""
        if not roots or roots[-1][0] != l1:
            roots.append((l1, []))
        groups = roots[-1][1]
        if not groups or groups[-1][0] != l2:
            groups.append((l2, []))
        groups[-1][1].append(leaf)
    return tuple(
        Indicator(name=l1, level=1, children=tuple(
            Indicator(name=l2, level=2, children=tuple(items)) for l2, items in groups
        ))
        for l1, groups in roots
    )


def evaluation_to_table(ev: Evaluation) -> dict:
    table: dict[str, Any] = {
        "source": ev.source,
        "form": ev.form,
        "year": ev.year,
        "title": ev.title,
        "project": ev.project,
        "department": ev.department,
        "implementer": ev.implementer,
        "money_unit": ev.money_unit,
        "funds": [_fund_row(f, ev.columns) for f in ev.funds],
        "goal_target": ev.goal_target,
        "goal_actual": ev.goal_actual,
        "indicators": [_indicator_row(path, leaf, ev.columns) for path, leaf in leaf_paths(ev)],
        "total_weight_printed": ev.total_weight_printed,
        "total_score_printed": ev.total_score_printed,
        "grade_printed": ev.grade_printed,
        "narrative_claims": list(ev.narrative_claims),
        "transcription_notes": list(ev.transcription_notes),
    }
    if "transfer" in ev.columns:
        table["central_department"] = ev.central_department
        table["fund_management"] = [
            {"item": r.item, "status": r.status, "issues": r.issues} for r in ev.fund_management
        ]
        table["remarks"] = ev.remarks
    return table


def leaf_paths(ev: Evaluation):
    """(ancestor names, leaf) for every leaf, in order."""
    def walk(node: Indicator, path: tuple[str, ...]):
        if node.is_leaf:
            yield path, node
        for child in node.children:
            yield from walk(child, path + (node.name,))
    for root in ev.indicators:
        yield from walk(root, ())


def _fund_row(fund: FundLine, columns: frozenset[str]) -> dict:
    row = {}
    for key, attr in _FUND_KEYS:
        if key in _OPTIONAL_FUND_COLUMNS and key not in columns:
            continue
        value = getattr(fund, attr)
        row[key] = value
    return row


def _indicator_row(path: tuple[str, ...], leaf: Indicator, columns: frozenset[str]) -> dict:
    labels = list(path) + [None, None]
    row = {}
    for key in _INDICATOR_KEYS:
        if key in _OPTIONAL_INDICATOR_COLUMNS and key not in columns:
            continue
        if key == "l1":
            row[key] = labels[0]
        elif key == "l2":
            row[key] = labels[1]
        else:
            row[key] = getattr(leaf, key)
    return row
