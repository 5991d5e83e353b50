"""Plain value types for one evaluation: the snapshot every layer reads.

A *cell* is what a numeric column of a printed table holds: a number (`Decimal`),
a non-numeric mark kept as printed (e.g. "—"), or nothing (`None`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Union

from perfdesk.scoring.scheme import ScoringScheme

Cell = Union[Decimal, str, None]

FORM_KINDS = (
    "project_self_eval",
    "transfer_payment_self_eval",
    "project_goal_completion",
    "department_overall_eval",
)
SCORED_FORMS = ("project_self_eval", "department_overall_eval")
# draft 草稿, submitted 已提交, returned 已退回, final 已通过/定稿
STATUSES = ("draft", "submitted", "returned", "final")

_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def to_cell(value: object) -> Cell:
    """A stored/typed cell value as a `Cell`: plain numbers become Decimal, other text stays."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a cell is not a boolean")
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    text = str(value)
    if _PLAIN_NUMBER.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
            return text
    return text


def cell_number(value: Cell) -> Decimal | None:
    """The number in a cell, or None for blank and text cells."""
    return value if isinstance(value, Decimal) else None


@dataclass(frozen=True)
class FundLine:
    label: str
    declared: Cell = None  # 目标申报数 (Shanxi form)
    initial: Cell = None  # 年初预算数 / 预算编制数
    annual: Cell = None  # 全年预算数
    executed: Cell = None  # 全年执行数
    balance: Cell = None  # 资金结(转)余
    weight: Cell = None  # 分值
    rate_printed: str | None = None
    score_printed: Cell = None
    id: int | None = None


@dataclass(frozen=True)
class Indicator:
    """A node of the indicator tree; only leaves (normally 三级) carry targets."""

    name: str
    level: int = 3
    children: tuple["Indicator", ...] = ()
    weight: Cell = None  # 分值 / 权重
    target: str | None = None  # 年度指标值 as typed
    target_adjusted: str | None = None  # 调整后指标值 as typed
    actual: str | None = None  # 实际完成值 as typed
    direction: str | None = None  # override: higher / lower / equal / qualitative
    manual_score: Decimal | None = None
    manual_reason: str | None = None
    score_printed: Cell = None
    reason: str | None = None  # 偏差原因分析及改进措施
    scoring_rule: str | None = None  # 评分标准 (department form)
    review_score: Decimal | None = None  # 复核得分 given by a reviewer, points
    id: int | None = None

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def is_placeholder(self) -> bool:
        """An empty 一级/二级 row left from a template (no 三级 below it, nothing filled in):
        not an indicator, so it is neither scored nor audited."""
        return not self.children and self.level < 3 and self.weight is None \
            and not (self.target or self.target_adjusted or self.actual) \
            and self.manual_score is None and self.score_printed is None

    def leaves(self):
        if not self.children:
            yield self
        for child in self.children:
            yield from child.leaves()


@dataclass(frozen=True)
class FundManagementRow:
    item: str
    status: str | None = None  # 情况说明
    issues: str | None = None  # 存在问题和改进措施
    id: int | None = None


@dataclass(frozen=True)
class Signatories:
    preparer: str | None = None  # 填报人
    phone: str | None = None  # 联系电话
    reviewer: str | None = None  # 审核人
    head: str | None = None  # 单位负责人
    finance_head: str | None = None  # 财务负责人
    date: str | None = None  # 填报日期


@dataclass(frozen=True)
class Evaluation:
    form: str
    year: int
    title: str | None = None
    project: str | None = None
    department: str | None = None  # 主管部门
    department_code: str | None = None
    central_department: str | None = None  # 中央主管部门 (transfer form)
    implementer: str | None = None  # 实施单位 / 预算单位
    money_unit: str | None = None  # 元 / 万元
    goal_target: str | None = None  # 预期目标
    goal_actual: str | None = None  # 实际完成情况
    status: str = "draft"  # draft / final; on a server also submitted / returned (see STATUSES)
    signatories: Signatories = field(default_factory=Signatories)
    report_sections: tuple[tuple[str, str], ...] = ()  # (section key, user text)
    funds: tuple[FundLine, ...] = ()  # funds[0] is the total row
    indicators: tuple[Indicator, ...] = ()  # the 一级 nodes
    fund_management: tuple[FundManagementRow, ...] = ()
    remarks: str | None = None  # 说明 (transfer form)
    total_weight_printed: Cell = None
    total_score_printed: Cell = None
    grade_printed: str | None = None
    source: str | None = None
    narrative_claims: tuple[str, ...] = ()
    transcription_notes: tuple[str, ...] = ()
    # optional printed columns this table has: declared, balance, target_adjusted, scoring_rule
    columns: frozenset[str] = frozenset()
    unit: str | None = None  # the unit (单位) that fills it in, on a shared workspace
    review_comment: str | None = None  # the reviewer's comment when returning it (退回意见)
    submit_note: str | None = None  # the explanation given on submitting despite error findings
    # The scheme a finalised (定稿) evaluation keeps: later rule changes do not rescore it.
    final_scheme: ScoringScheme | None = None
    finalised_by: str | None = None  # who finalised it, and when (ISO date and time)
    finalised_at: str | None = None
    id: int | None = None
    # the stored version this snapshot was read at: storage bookkeeping, not content
    version: int = field(default=0, compare=False)

    @property
    def scored(self) -> bool:
        return self.form in SCORED_FORMS

    def leaves(self):
        for root in self.indicators:
            yield from root.leaves()
