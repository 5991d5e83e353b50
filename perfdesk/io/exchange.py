"""The JSON exchange format (tests/data/fixtures/FORMAT.md) <-> `Evaluation` snapshots.

Import keeps every field verbatim; export writes the same keys in the same order, so
exporting an imported table gives back its input.
"""
from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

from perfdesk.io import texts
from perfdesk.io.richtext import plain_evaluation
from perfdesk.scoring.engine import leaf_paths
from perfdesk.scoring.evaluation import (
    FORM_KINDS,
    STATUSES,
    Cell,
    Evaluation,
    FundLine,
    FundManagementRow,
    Indicator,
    Signatories,
    to_cell,
)
from perfdesk.scoring.rules import DIRECTIONS
from perfdesk.scoring.scheme import ScoringScheme

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
_LEAF_TEXTS = ("l1", "l2", "name", "target", "target_adjusted", "actual", "reason", "scoring_rule",
               "direction", "manual_reason")
_SIGNATORY_KEYS = ("preparer", "phone", "reviewer", "head", "finance_head", "date")
# a shared workspace's unit and review (written only when set)
_REVIEW_KEYS = ("unit", "submit_note", "review_comment")
_HEADER_KEYS = ("source", "form", "year", "title", "project", "department", "implementer", "money_unit")
_TRANSFER_KEYS = ("central_department", "fund_management", "remarks")


class ExchangeError(ValueError):
    """The text is not an evaluation table in the exchange format; the message is Chinese."""


def loads(text: str) -> list[Evaluation]:
    """Parse a JSON document holding one table or a list of tables (rich text made plain)."""
    data = parse_json(text)
    tables = data if isinstance(data, list) else [data]
    if not tables:
        raise ExchangeError("文件中没有评价表")
    return [plain_evaluation(table_to_evaluation(t, i + 1)) for i, t in enumerate(tables)]


def parse_json(text: str) -> Any:
    """The JSON value of `text`, numbers with a fraction as Decimal; ExchangeError (Chinese, with
    where the text goes wrong) when it is not JSON."""
    try:
        return json.loads(text, parse_float=Decimal, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise ExchangeError(texts.BAD_JSON.format(line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise ExchangeError(texts.JSON_TOO_DEEP) from None


def _integer(text: str) -> int | Decimal:
    """JSON integers; a very long one as a Decimal (Python's int refuses over 4,300 digits),
    which the workspace then refuses as out of range with a clear message."""
    return int(text) if len(text) <= 30 else Decimal(text)


def dumps(evaluations: list[Evaluation]) -> str:
    tables = [evaluation_to_table(e) for e in evaluations]
    body = tables[0] if len(tables) == 1 else tables
    return json.dumps(body, ensure_ascii=False, indent=1, default=json_number) + "\n"


def json_number(value: Any):
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
    columns: set[str] = set()
    funds = _read_funds(_require(table, "funds", (list,), where) or [], where, columns)
    leaves = _read_leaves(_require(table, "indicators", (list,), where) or [], where, columns)
    transfer = _read_transfer(table, form, where, columns)
    return Evaluation(
        form=form,
        year=year,
        **header,
        **transfer,
        **_read_user_edits(table, where),
        goal_target=_text(table.get("goal_target"), "goal_target", where),
        goal_actual=_text(table.get("goal_actual"), "goal_actual", where),
        funds=funds,
        indicators=group_leaves(leaves),
        total_weight_printed=_cell(table.get("total_weight_printed"), "total_weight_printed", where),
        total_score_printed=_cell(table.get("total_score_printed"), "total_score_printed", where),
        grade_printed=_text(table.get("grade_printed"), "grade_printed", where),
        narrative_claims=_text_list(table.get("narrative_claims"), "narrative_claims", where),
        transcription_notes=_text_list(table.get("transcription_notes"), "transcription_notes", where),
        columns=frozenset(columns),
    )


def _objects(rows: list, where: str, what: str):
    for i, row in enumerate(rows, 1):
        w = f"{where}{what}第 {i} 行"
        if not isinstance(row, dict):
            raise ExchangeError(f"{w}不是对象")
        yield row, w


def _read_funds(rows: list, where: str, columns: set[str]) -> tuple[FundLine, ...]:
    funds = []
    for row, w in _objects(rows, where, "资金"):
        columns.update(k for k in _OPTIONAL_FUND_COLUMNS if k in row)
        values = {}
        for key, attr in _FUND_KEYS:
            if key == "row":
                values[attr] = _text(row.get(key), key, w) or ""
            elif key == "rate_printed":
                values[attr] = _text(row.get(key), key, w)
            else:
                values[attr] = _cell(row.get(key), key, w)
        funds.append(FundLine(**values))
    return tuple(funds)


def _read_leaves(rows: list, where: str, columns: set[str]) -> list:
    leaves = []
    for row, w in _objects(rows, where, "指标"):
        columns.update(k for k in _OPTIONAL_INDICATOR_COLUMNS if k in row)
        texts = {k: _text(row.get(k), k, w) for k in _LEAF_TEXTS}
        manual = _cell(row.get("manual_score"), "manual_score", w)
        review = _cell(row.get("review_score"), "review_score", w)
        direction = texts.pop("direction")
        if direction is not None and direction not in DIRECTIONS:
            raise ExchangeError(f"{w}指标方向“{direction}”无效")
        if isinstance(manual, str) or isinstance(review, str):
            raise ExchangeError(f"{w}手工得分和复核得分应为数字")
        leaves.append((texts.pop("l1"), texts.pop("l2"), Indicator(
            name=texts.pop("name") or "", level=3, direction=direction, manual_score=manual, review_score=review,
            weight=_cell(row.get("weight"), "weight", w),
            score_printed=_cell(row.get("score_printed"), "score_printed", w), **texts,
        )))
    return leaves


def _read_transfer(table: dict, form: str, where: str, columns: set[str]) -> dict:
    if form != "transfer_payment_self_eval" and not any(k in table for k in _TRANSFER_KEYS):
        return {}
    columns.add("transfer")
    rows = table.get("fund_management") or []
    if not isinstance(rows, list):
        raise ExchangeError(f"{where}资金管理情况格式不对")
    return {
        "central_department": _text(table.get("central_department"), "central_department", where),
        "remarks": _text(table.get("remarks"), "remarks", where),
        "fund_management": tuple(
            FundManagementRow(item=_text(r.get("item"), "item", w) or "", status=_text(r.get("status"), "status", w),
                              issues=_text(r.get("issues"), "issues", w))
            for r, w in _objects(rows, where, "资金管理情况")
        ),
    }


def _read_user_edits(table: dict, where: str) -> dict:
    """What perfdesk adds to the format for work done in the program (absent in fixtures)."""
    status = table.get("status", "draft")
    if status not in STATUSES:
        raise ExchangeError(f"{where}状态“{status}”无效")
    signatories = table.get("signatories") or {}
    sections = table.get("report_sections") or []
    if not isinstance(signatories, dict) or not isinstance(sections, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in sections):
        raise ExchangeError(f"{where}签章或报告文字格式不对")
    return {
        "status": status,
        **_final(table, status, where),
        "department_code": _text(table.get("department_code"), "department_code", where),
        **{k: _text(table.get(k), k, where) for k in _REVIEW_KEYS},
        "signatories": Signatories(**{k: _text(signatories.get(k), k, where) for k in _SIGNATORY_KEYS}),
        "report_sections": tuple(tuple(p) for p in sections),
    }


def _final(table: dict, status: str, where: str) -> dict:
    """A final table's kept scoring scheme and who finalised it (absent: the reader's scheme)."""
    stored = table.get("final_scheme")
    if status != "final" or stored is None:
        return {}
    try:
        scheme = ScoringScheme.from_dict(stored)
    except ValueError as exc:
        raise ExchangeError(f"{where}定稿时的评分规则无效：{exc}") from None
    return {"final_scheme": scheme, "finalised_by": _text(table.get("finalised_by"), "finalised_by", where),
            "finalised_at": _text(table.get("finalised_at"), "finalised_at", where)}


def _text_list(value, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ExchangeError(f"{where}字段“{key}”应为文字列表")
    return tuple(value)


def group_leaves(leaves: list[tuple[str | None, str | None, Indicator]]) -> tuple[Indicator, ...]:
    """Build the 一级/二级 tree from flat rows, grouping *consecutive* rows with equal labels.

    A row whose 一级 and 二级 are both None (a table without those columns) is a top-level
    indicator; one whose 二级 alone is None sits right under its 一级.
    """
    roots: list[tuple[str | None, list]] = []
    for l1, l2, leaf in leaves:
        if l1 is None and l2 is None:
            roots.append((None, [(None, [leaf])]))
            continue
        l1 = l1 or ""
        if not roots or roots[-1][0] != l1:
            roots.append((l1, []))
        groups = roots[-1][1]
        if not groups or groups[-1][0] != l2 or l2 is None:
            groups.append((l2, []))
        groups[-1][1].append(leaf)
    return tuple(_root(l1, groups) for l1, groups in roots)


def _root(l1: str | None, groups: list) -> Indicator:
    if l1 is None:
        return replace(groups[0][1][0], level=1)
    children = []
    for l2, items in groups:
        if l2 is None:
            children.extend(replace(item, level=2) for item in items)
        else:
            children.append(Indicator(name=l2, level=2, children=tuple(items)))
    return Indicator(name=l1, level=1, children=tuple(children))


def evaluation_to_table(ev: Evaluation) -> dict:
    # an adjusted target typed in perfdesk needs the column even if the imported table had none
    columns = ev.columns | ({"target_adjusted"} if any(leaf.target_adjusted for leaf in ev.leaves()) else set())
    table: dict[str, Any] = {
        "source": ev.source,
        "form": ev.form,
        "year": ev.year,
        "title": ev.title,
        "project": ev.project,
        "department": ev.department,
        "implementer": ev.implementer,
        "money_unit": ev.money_unit,
        "funds": [_fund_row(f, columns) for f in ev.funds],
        "goal_target": ev.goal_target,
        "goal_actual": ev.goal_actual,
        "indicators": [_indicator_row(path[:-1], leaf, columns) for path, leaf in leaf_paths(ev)],
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
    table.update(_user_edits(ev))
    return table


def _user_edits(ev: Evaluation) -> dict:
    """Keys for work done in perfdesk, written only when there is something to keep."""
    signatories = {k: getattr(ev.signatories, k) for k in _SIGNATORY_KEYS if getattr(ev.signatories, k)}
    edits = {
        "department_code": ev.department_code,
        "status": ev.status if ev.status != "draft" else None,
        "final_scheme": ev.final_scheme.to_dict() if ev.final_scheme is not None else None,
        "finalised_by": ev.finalised_by,
        "finalised_at": ev.finalised_at,
        **{k: getattr(ev, k) for k in _REVIEW_KEYS},
        "signatories": signatories or None,
        "report_sections": [list(p) for p in ev.report_sections] or None,
    }
    return {k: v for k, v in edits.items() if v is not None}


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
    row.update({k: getattr(leaf, k) for k in ("direction", "manual_score", "manual_reason", "review_score")
                if getattr(leaf, k) is not None})
    return row
