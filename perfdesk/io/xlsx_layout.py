"""Which columns an exported sheet has, chosen from the evaluation's form and printed columns."""
from __future__ import annotations

from perfdesk.io import xlsx_labels as L
from perfdesk.scoring.evaluation import Evaluation

Column = tuple[str, str]  # (field, printed label)

# Excel column width per field.
WIDTHS = {
    "label": 10, "l1": 11, "l2": 12, "name": 26, "target": 14, "target_adjusted": 14, "actual": 16,
    "weight": 8, "score": 9, "reason": 22, "scoring_rule": 30,
}
DEFAULT_WIDTH = 12


def fund_columns(ev: Evaluation) -> list[Column]:
    """Fund block columns after the two label columns A:B."""
    if "initial_declared" in ev.columns:
        columns = list(L.EXPORT_DECLARED_SPLIT)
    else:
        columns = [("initial", L.first_label(L.FUND, "initial"))]
    columns += [(f, L.first_label(L.FUND, f)) for f in ("annual", "executed")]
    if "balance" in ev.columns:
        columns.append(("balance", L.first_label(L.FUND, "balance")))
    if ev.scored or any(f.weight is not None for f in ev.funds):
        columns.append(("weight", L.first_label(L.FUND, "weight")))
    columns.append(("rate", L.EXPORT_RATE))
    if ev.scored or any(f.score_printed is not None for f in ev.funds):
        columns.append(("score", L.first_label(L.FUND, "score")))
    return columns


def indicator_columns(ev: Evaluation) -> list[Column]:
    """Indicator block columns after the 绩效指标 column A."""
    names = {f: L.first_label(L.INDICATOR, f) for f in L.INDICATOR}
    if ev.form == "department_overall_eval":
        names.update(L.EXPORT_DEPARTMENT_LABELS)
    if ev.form == "transfer_payment_self_eval":
        names["reason"] = L.EXPORT_TRANSFER_REASON
    leaves = list(ev.leaves())
    columns = [(f, names[f]) for f in ("l1", "l2", "name")]
    columns += list(L.EXPORT_TARGETS_SPLIT) if "target_adjusted" in ev.columns else [("target", names["target"])]
    columns.append(("actual", names["actual"]))
    if ev.scored or any(leaf.weight is not None for leaf in leaves):
        columns.append(("weight", names["weight"]))
    if ev.scored or any(leaf.score_printed is not None for leaf in leaves):
        columns.append(("score", names["score"]))
    columns.append(("reason", names["reason"]))
    if ev.form == "department_overall_eval" or "scoring_rule" in ev.columns:
        columns.append(("scoring_rule", names["scoring_rule"]))
    return columns


def sheet_width(ev: Evaluation) -> int:
    funds = 2 + len(fund_columns(ev)) if ev.funds else 0
    return max(funds, 1 + len(indicator_columns(ev)), 4)


def column_widths(ev: Evaluation) -> list[float]:
    fields = ["label"] + [f for f, _ in indicator_columns(ev)]
    fields += ["other"] * (sheet_width(ev) - len(fields))
    return [WIDTHS.get(f, DEFAULT_WIDTH) for f in fields]
