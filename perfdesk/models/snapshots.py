"""Reading evaluations as `perfdesk.scoring` snapshots and writing snapshots as rows.

Loading runs one query per table for any number of evaluations (no per-row queries).
"""
from __future__ import annotations

import contextlib
import functools
import gc
import json
from collections import defaultdict

from perfdesk.models import dialect
from perfdesk.models.fields import CellText, DecimalText
from perfdesk.models import schema as s
from perfdesk.scoring import evaluation as v
from perfdesk.scoring.scheme import ScoringScheme

_EVAL_TEXT_FIELDS = (
    "title", "project", "department", "department_code", "central_department", "implementer",
    "money_unit", "goal_target", "goal_actual", "status", "remarks", "grade_printed", "source",
    "unit", "review_comment", "submit_note",
)
_SIGNATORY_COLUMNS = {"preparer": "preparer", "phone": "phone", "reviewer": "reviewer", "head": "head",
                      "finance_head": "finance_head", "date": "fill_date"}
_EVALUATION_COLUMNS = (
    "form", "year", *_EVAL_TEXT_FIELDS, *_SIGNATORY_COLUMNS.values(), "report_sections",
    "total_weight_printed", "total_score_printed", "narrative_claims", "transcription_notes", "columns", "version",
    "final_scheme", "finalised_by", "finalised_at",
)
_FUND_FIELDS = ("label", "declared", "initial", "annual", "executed", "balance", "weight", "rate_printed", "score_printed")
_INDICATOR_FIELDS = (
    "name", "level", "weight", "target", "target_adjusted", "actual", "direction",
    "manual_score", "manual_reason", "score_printed", "reason", "scoring_rule", "review_score",
)


@functools.lru_cache(maxsize=None)
def _converter(model, name):
    """The exact-decimal columns' conversion, remembered per stored text: a workspace repeats
    the same few numbers ("10", "5", "—") thousands of times, and Decimals are immutable."""
    field = model._meta.fields[name]
    if not isinstance(field, (CellText, DecimalText)):
        return None
    return functools.lru_cache(maxsize=65536)(field.python_value)


def _frozen(cls, values: dict):
    """A frozen dataclass instance built without its generated __init__, which sets every field
    through object.__setattr__: loading 2,000 evaluations builds some 35,000 tree nodes.
    Fields missing from `values` read their class defaults."""
    instance = object.__new__(cls)
    instance.__dict__.update(values)
    return instance


@functools.lru_cache(maxsize=64)
def _select(model, fields: tuple[str, ...], by: str | None, count: int, order: str,
            param: str) -> tuple[str, tuple[str, ...]]:
    """The SQL and column names of a snapshot query, built once: peewee's query building cost
    more than running the query."""
    names = ("id", *(f for f in ("evaluation", "parent") if f in model._meta.fields), *fields)
    columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
    sql = f'SELECT {columns} FROM "{model._meta.table_name}"'
    if by is not None:
        sql += f' WHERE "{by}" IN ({", ".join([param] * count)})'
    return f"{sql} ORDER BY {order}", names


def _rows(model, fields, by, ids, order="position", as_dict=True):
    """Rows straight from the cursor, converting only the exact-decimal columns: dicts, or
    lists in the order id, evaluation, parent (those the model has), *fields.

    `by` names the column `ids` filter on; with ids None every row is read.
    """
    db = model._meta.database
    sql, names = _select(model, tuple(fields), None if ids is None else by, len(ids or ()), order, db.param)
    cursor = db.execute_sql(sql, list(ids or ()))
    converters = [(i, c) for i, c in enumerate(_converter(model, n) for n in names) if c is not None]
    for raw in cursor.fetchall():
        values = list(raw)
        for i, convert in converters:
            values[i] = convert(values[i])
        yield dict(zip(names, values)) if as_dict else values


@contextlib.contextmanager
def _no_collection():
    """Building a big workspace's snapshots allocates tens of thousands of objects, none of them
    garbage; the cyclic collector would run over all of them again and again (half the time of
    loading 2,000 evaluations). Paused while loading, restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(ids: list[int] | None = None) -> list[v.Evaluation]:
    """Snapshots of the given evaluations (all when None), ordered by year, then id."""
    with _no_collection():
        return _load(ids)


def _load(ids: list[int] | None) -> list[v.Evaluation]:
    evaluations = list(_rows(s.Evaluation, _EVALUATION_COLUMNS, "id", ids, order="year, id"))
    wanted = None if ids is None else [e["id"] for e in evaluations]
    funds = _children(s.FundLine, wanted, _FUND_FIELDS)
    management = _children(s.FundManagement, wanted, ("item", "status", "issues"))
    trees = _indicator_trees(wanted, [e["id"] for e in evaluations])
    return [
        _evaluation(row, funds[row["id"]], trees[row["id"]], management[row["id"]])
        for row in evaluations
    ]


def _children(model, evaluation_ids, fields):
    by_evaluation = defaultdict(list)
    for row in _rows(model, fields, "evaluation_id", evaluation_ids):
        by_evaluation[row["evaluation"]].append(row)
    return by_evaluation


def _indicator_trees(wanted, evaluation_ids):
    children = defaultdict(list)
    for row in _rows(s.Indicator, _INDICATOR_FIELDS, "evaluation_id", wanted, as_dict=False):
        children[(row[1], row[2])].append(row)  # (evaluation, parent)

    def build(evaluation_id, parent_id):
        nodes = []
        for row in children.get((evaluation_id, parent_id), ()):
            values = dict(zip(_INDICATOR_FIELDS, row[3:]))
            values["id"], values["children"] = row[0], build(evaluation_id, row[0])
            nodes.append(_frozen(v.Indicator, values))
        return tuple(nodes)

    return defaultdict(tuple, {e: build(e, None) for e in evaluation_ids})


def _evaluation(row, funds, indicators, management) -> v.Evaluation:
    return v.Evaluation(
        id=row["id"],
        form=row["form"],
        year=row["year"],
        **{f: row[f] for f in _EVAL_TEXT_FIELDS},
        signatories=v.Signatories(**{k: row[c] for k, c in _SIGNATORY_COLUMNS.items()}),
        report_sections=tuple(tuple(p) for p in json.loads(row["report_sections"])),
        funds=tuple(v.FundLine(id=f["id"], **{k: f[k] for k in _FUND_FIELDS}) for f in funds),
        indicators=indicators,
        fund_management=tuple(
            v.FundManagementRow(id=m["id"], item=m["item"], status=m["status"], issues=m["issues"])
            for m in management
        ),
        total_weight_printed=row["total_weight_printed"],
        total_score_printed=row["total_score_printed"],
        narrative_claims=tuple(json.loads(row["narrative_claims"])),
        transcription_notes=tuple(json.loads(row["transcription_notes"])),
        columns=frozenset(json.loads(row["columns"])),
        version=row["version"],
        final_scheme=kept_scheme(row["final_scheme"]),
        finalised_by=row["finalised_by"],
        finalised_at=row["finalised_at"],
    )


@functools.lru_cache(maxsize=64)
def kept_scheme(stored: str | None) -> ScoringScheme | None:
    """The scheme a finalised evaluation keeps; an unreadable one counts as the default."""
    if stored is None:
        return None
    try:
        return ScoringScheme.from_dict(json.loads(stored))
    except ValueError:
        return ScoringScheme()


def scheme_text(scheme: ScoringScheme | None) -> str | None:
    return None if scheme is None else json.dumps(scheme.to_dict(), ensure_ascii=False, sort_keys=True)


def _evaluation_values(ev: v.Evaluation) -> dict:
    values = {f: getattr(ev, f) for f in _EVAL_TEXT_FIELDS}
    values.update({c: getattr(ev.signatories, k) for k, c in _SIGNATORY_COLUMNS.items()})
    values.update(
        form=ev.form,
        year=ev.year,
        report_sections=json.dumps([list(p) for p in ev.report_sections], ensure_ascii=False),
        total_weight_printed=ev.total_weight_printed,
        total_score_printed=ev.total_score_printed,
        narrative_claims=json.dumps(list(ev.narrative_claims), ensure_ascii=False),
        transcription_notes=json.dumps(list(ev.transcription_notes), ensure_ascii=False),
        columns=json.dumps(sorted(ev.columns)),
        final_scheme=scheme_text(ev.final_scheme),
        finalised_by=ev.finalised_by,
        finalised_at=ev.finalised_at,
    )
    return values


def insert(ev: v.Evaluation, keep_ids: bool = False) -> int:
    """Store a snapshot as new rows; with keep_ids the snapshot's ids are reused (for undo)."""
    values = _evaluation_values(ev)
    values["version"] = dialect.next_version(s.Evaluation._meta.database)
    if keep_ids and ev.id is not None:
        values["id"] = ev.id
    evaluation_id = s.Evaluation.insert(**values).execute()
    _insert_children(evaluation_id, ev, keep_ids)
    return evaluation_id


def replace(evaluation_id: int, ev: v.Evaluation, keep_ids: bool = False, keep: tuple[str, ...] = ()) -> None:
    """Make a stored evaluation hold the snapshot's content (its id stays; columns in `keep` too).

    The rows of its funds, indicators and 资金管理情况 are replaced; with keep_ids the snapshot's
    row ids are reused (to undo a replacement)."""
    values = {k: val for k, val in _evaluation_values(ev).items() if k not in keep}
    for model in (s.FundLine, s.FundManagement, s.Indicator):
        model.delete().where(model.evaluation == evaluation_id).execute()
    _insert_children(evaluation_id, ev, keep_ids)
    s.Evaluation.update(values).where(s.Evaluation.id == evaluation_id).execute()


def _insert_children(evaluation_id: int, ev: v.Evaluation, keep_ids: bool) -> None:
    _insert_many(s.FundLine, [
        dict(_maybe_id(f, keep_ids), evaluation=evaluation_id, position=i, **{k: getattr(f, k) for k in _FUND_FIELDS})
        for i, f in enumerate(ev.funds)
    ])
    _insert_many(s.FundManagement, [
        dict(_maybe_id(m, keep_ids), evaluation=evaluation_id, position=i, item=m.item, status=m.status, issues=m.issues)
        for i, m in enumerate(ev.fund_management)
    ])
    insert_indicators(evaluation_id, None, ev.indicators, keep_ids)


def _maybe_id(item, keep_ids):
    return {"id": item.id} if keep_ids and item.id is not None else {}


def _insert_many(model, rows, chunk=200):
    for start in range(0, len(rows), chunk):
        model.insert_many(rows[start:start + chunk]).execute()


def insert_indicators(evaluation_id, parent_id, nodes, keep_ids=False, first_position=0, level=1):
    """Insert indicator subtrees under parent_id in one batch; returns the ids of the top nodes.

    Ids are assigned here (inside the caller's transaction) so parents and children go in together.
    """
    kept = [n.id for n in _all_nodes(nodes) if keep_ids and n.id is not None]
    # restored ids may sit above fresh ones: new nodes are numbered after all of them
    fresh = iter(dialect.new_ids(s.Indicator, sum(1 for _ in _all_nodes(nodes)) - len(kept), above=max(kept, default=0)))
    rows = []

    def add(node, parent, position, depth):
        node_id = node.id if keep_ids and node.id is not None else next(fresh)
        values = {f: getattr(node, f) for f in _INDICATOR_FIELDS}
        values.update(id=node_id, level=depth, evaluation=evaluation_id, parent=parent, position=position)
        rows.append(values)
        for offset, child in enumerate(node.children):
            add(child, node_id, offset, depth + 1)
        return node_id

    ids = [add(node, parent_id, first_position + offset, level) for offset, node in enumerate(nodes)]
    _insert_many(s.Indicator, rows)
    return ids


def _all_nodes(nodes):
    for node in nodes:
        yield node
        yield from _all_nodes(node.children)


def load_indicator(indicator_id: int) -> v.Indicator:
    """One indicator with its subtree, as a snapshot node."""
    row = s.Indicator.get_by_id(indicator_id)
    return _node(row)


def _node(row) -> v.Indicator:
    kids = s.Indicator.select().where(s.Indicator.parent == row.id).order_by(s.Indicator.position)
    return v.Indicator(id=row.id, children=tuple(_node(k) for k in kids),
                       **{f: getattr(row, f) for f in _INDICATOR_FIELDS})
