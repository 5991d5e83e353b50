"""What the Excel export prints: the first label of each entry of the one vocabulary
(`perfdesk.io.recognize.vocabulary`, which the importer reads), and the export's own headings."""
from __future__ import annotations

from perfdesk.io.recognize import vocabulary as V

HEADER = V.HEADER
FUND = V.FUND
GOAL = V.GOAL
MANAGEMENT = V.MANAGEMENT
INDICATOR = V.INDICATOR
MANAGEMENT_SECTION = V.MANAGEMENT_SECTION[0]
REMARKS_ROW = V.REMARKS_ROW[0]

# What the exporter prints: (field, label).
EXPORT_FUND_SECTION = "项目资金"
EXPORT_GOAL_SECTION = "年度总体目标"
EXPORT_INDICATOR_SECTION = "绩效指标"
EXPORT_MANAGEMENT_ITEM = "项目"
EXPORT_TOTAL = "总分"
EXPORT_RATE = "执行率（%）"
EXPORT_INITIAL_GROUP = "年初预算数"
EXPORT_DECLARED_SPLIT = (("declared", "目标申报数"), ("initial", "预算编制数"))
EXPORT_TARGETS_SPLIT = (("target", "年初指标值"), ("target_adjusted", "调整后指标值"))
EXPORT_DEPARTMENT_LABELS = {"target": "全年指标值", "actual": "完成情况", "weight": "权重", "score": "自评得分"}
EXPORT_TRANSFER_REASON = "未完成原因和改进措施"


def first_label(table: dict[str, tuple[str, ...]], field: str) -> str:
    return table[field][0]
