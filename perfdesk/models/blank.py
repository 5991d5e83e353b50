"""New evaluations: a blank form of a kind, or this year's from last year's (复制上年)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfdesk.scoring.evaluation import Evaluation, FundLine, FundManagementRow, Indicator
from perfdesk.scoring.messages import FORM_TITLES

FUND_ROWS = ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")
TRANSFER_FUND_ROWS = ("年度资金总额", "其中：中央财政资金", "地方资金", "其他资金")
FUND_MANAGEMENT_ITEMS = ("分配科学性", "下达及时性", "拨付合规性", "使用规范性", "执行准确性",
                         "预算绩效管理情况", "支出责任履行情况")


def blank(form: str, year: int, project: str | None) -> Evaluation:
    transfer = form == "transfer_payment_self_eval"
    rows = () if form == "department_overall_eval" else (TRANSFER_FUND_ROWS if transfer else FUND_ROWS)
    scored = form == "project_self_eval"
    funds = tuple(FundLine(label=label, weight=(Decimal(10) if i == 0 else "—") if scored else None)
                  for i, label in enumerate(rows))
    return Evaluation(
        form=form, year=year, title=FORM_TITLES[form], project=project, money_unit="万元" if transfer else "元",
        funds=funds,
        fund_management=tuple(FundManagementRow(item=i) for i in FUND_MANAGEMENT_ITEMS) if transfer else (),
        columns=frozenset({"transfer"} if transfer else set()) | (
            {"scoring_rule"} if form == "department_overall_eval" else set()),
    )


def _fresh_indicator(node: Indicator) -> Indicator:
    """Targets and weights stay; what happened last year goes."""
    return replace(node, id=None, actual=None, manual_score=None, manual_reason=None, score_printed=None,
                   reason=None, target=node.target_adjusted or node.target, target_adjusted=None,
                   children=tuple(_fresh_indicator(c) for c in node.children))


def carry_forward(last: Evaluation) -> Evaluation:
    """This year's evaluation made from last year's: targets kept, actuals and figures cleared."""
    return replace(
        last, id=None, year=last.year + 1, status="draft", goal_actual=None,
        signatories=replace(last.signatories, date=None), report_sections=(),
        funds=tuple(FundLine(label=f.label, weight=f.weight) for f in last.funds),
        indicators=tuple(_fresh_indicator(n) for n in last.indicators),
        fund_management=tuple(FundManagementRow(item=m.item) for m in last.fund_management),
        total_weight_printed=None, total_score_printed=None, grade_printed=None, source=None,
        narrative_claims=(), transcription_notes=(), columns=last.columns - {"target_adjusted"},
    )
