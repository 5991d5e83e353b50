"""The label vocabulary of the printed forms: which printed label means which field.

Labels are compared after `label_key`: whitespace removed, full-width brackets and colons made
half-width, a trailing colon and any bracketed part dropped ("项目资金\n（元）" -> "项目资金",
"全年预算数(A)" -> "全年预算数"). The exporter writes the first label of each entry.
"""
from __future__ import annotations

import re

_WIDTH = str.maketrans({"（": "(", "）": ")", "：": ":", "【": "(", "】": ")"})
_BRACKETED = re.compile(r"\([^()]*\)")
_SPACE = re.compile(r"\s+")
UNIT = re.compile(r"[(（]\s*(万元|元|千元|亿元)\s*[)）]")
UNIT_LINE = re.compile(r"单位\s*[:：]\s*(万元|元|千元|亿元)")
YEAR_LINE = re.compile(r"[(（]\s*(\d{4})\s*年度?\s*[)）]")
YEAR_ANY = re.compile(r"(\d{4})\s*年")


def label_key(text: str) -> str:
    key = _SPACE.sub("", text).translate(_WIDTH)
    while _BRACKETED.search(key):
        key = _BRACKETED.sub("", key)
    return key.rstrip(":")


def _table(entries: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {label_key(label): field for field, labels in entries.items() for label in labels}


# Header cells: label -> Evaluation field ("both" = 主管部门 and 实施单位 at once).
HEADER = {
    "project": ("项目名称", "转移支付（项目）名称", "转移支付名称"),
    "department": ("主管部门", "主管部门及代码", "地方主管部门"),
    "central_department": ("中央主管部门",),
    "implementer": ("实施单位", "预算单位", "资金使用单位"),
    "both": ("评价单位",),
}
HEADER_FIELDS = _table(HEADER)
TABLE_ANCHORS = {label_key(x) for x in HEADER["project"] + HEADER["both"]}

FUND_SECTION = {label_key(x) for x in (
    "项目资金（万元）", "项目资金预算安排及执行进度（万元）", "资金投入情况（万元）", "预算执行情况(万元)",
    "预算资金执行情况", "项目资金情况",
)}
FUND = {
    "initial": ("年初预算数", "预算编制数"),
    "declared": ("目标申报数",),
    "annual": ("全年预算数", "调整后预算数"),
    "executed": ("全年执行数", "实际执行数"),
    "balance": ("资金结(转)余", "资金结余", "结转结余"),
    "weight": ("分值", "权重"),
    "rate": ("执行率", "预算执行率"),
    "score": ("得分", "自评得分"),
}
FUND_COLUMNS = _table(FUND)
INLINE_BUDGET = label_key("预算数")
INLINE_EXECUTED = label_key("执行数")

GOAL_SECTION = {label_key(x) for x in (
    "年度总体目标", "项目年度绩效目标", "年度目标完成情况", "总体目标完成情况", "年度绩效目标",
)}
GOAL = {
    "goal_target": ("预期目标", "年度目标", "总体目标"),
    "goal_actual": ("实际完成情况", "实际完成目标", "全年实际完成情况"),
}
GOAL_COLUMNS = _table(GOAL)

MANAGEMENT_SECTION = label_key("资金管理情况")
MANAGEMENT = {"status": ("情况说明",), "issues": ("存在问题和改进措施",)}
MANAGEMENT_COLUMNS = _table(MANAGEMENT)

# Indicator columns. Target-like labels are read in column order: the first is the target,
# a second one (or any 调整后 label) the adjusted target.
INDICATOR = {
    "l1": ("一级指标",),
    "l2": ("二级指标",),
    "name": ("三级指标", "指标名称"),
    "target": ("年度指标值", "年度指标", "年初指标值", "年初指标", "预期指标值", "指标值", "全年指标值"),
    "target_adjusted": ("调整后指标值", "调整后指标"),
    "actual": ("实际完成值", "全年实际完成值", "实际完成指标值", "完成情况", "实际完成情况"),
    "weight": ("分值", "权重"),
    "score": ("得分", "自评得分"),
    "reason": ("偏差原因分析及改进措施", "执行率偏差原因分析及改进措施", "未完成原因和改进措施", "偏差原因"),
    "scoring_rule": ("评分标准",),
}
INDICATOR_COLUMNS = _table(INDICATOR)
INDICATOR_SECTION_TITLES = {label_key(x) for x in ("绩效指标完成情况", "绩效指标")}

TOTAL_ROW = {label_key(x) for x in ("总分", "合计", "总计", "总得分")}
GRADE_ROW = {label_key(x) for x in ("等级", "评价等级", "自评等级", "绩效等级")}
REMARKS_ROW = label_key("说明")
# The signature row under a table: label -> Signatories field.
SIGNATURE = {"填报人": "preparer", "填表人": "preparer", "联系电话": "phone", "审核人": "reviewer",
             "单位负责人": "head", "填报日期": "date"}
SIGNATURE_ROW = re.compile("^(" + "|".join(SIGNATURE) + ")")

TRANSFER_TITLE = "转移支付"
DEPARTMENT_TITLE = "部门整体"

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
EXPORT_SUMMARY_HEADER = ("项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率（%）", "自评得分", "等级")


def first_label(table: dict[str, tuple[str, ...]], field: str) -> str:
    return table[field][0]
