"""Every Chinese string the scoring package shows to users, in one place."""
from __future__ import annotations

# --- completion status (unscored forms) and qualitative tiers -------------------------------
DONE, PARTLY_DONE, NOT_DONE = "完成", "部分完成", "未完成"
TIER_NAMES = {
    "achieved": "达成预期指标",
    "partial": "部分达成预期指标并具有一定效果",
    "missed": "未达成预期指标且效果较差",
}
TIER_STATUS = {"achieved": DONE, "partial": PARTLY_DONE, "missed": NOT_DONE}

# --- rule explanations: the comparison part ---------------------------------------------------
MET_AT_LEAST = "实际 {a} ≥ 目标 {t}"
SHORT_OF = "实际 {a} 低于目标 {t}"
MET_AT_MOST = "实际 {a} ≤ 目标 {t}"
OVER = "实际 {a} 超过目标 {t}"
ZERO_MET = "目标为 {t}，实际 {a}"
ZERO_MISSED = "目标为 {t}，实际 {a} 不为 0"
IN_RANGE = "实际 {a} 在 {lo}–{hi} 之间"
BELOW_RANGE = "实际 {a} 低于区间 {lo}–{hi}"
ABOVE_RANGE = "实际 {a} 高于区间 {lo}–{hi}"
NO_ACTUAL = "未填实际完成值"
TIER_SAME = "实际与目标“{t}”一致，判为{tier}"
TIER_WORDS = "实际“{a}”判为{tier}"
TIER_DEFAULT = "实际“{a}”未见未达成字样，按{tier}计"
UNIT_MISMATCH = "目标 {t} 与实际 {a} 单位不同，按定性指标判断；"
DEDUCT_SHORT = "实际 {a} 比目标 {t} 差 {gap} 个点，每 {step} 个点扣{amount}"
DEDUCT_OF_WEIGHT = "分值的 {pct}%"
DEDUCT_POINTS = " {points} 分"

# --- rule explanations: the score part ----------------------------------------------------------
FULL_MARKS = "得满分 {w}"
NO_MARKS = "得 0 分"
PRO_RATA = "{w} × {formula} = {score}"
WITH_STATUS = "{note}，{status}"
WITH_SCORE = "{note}，{score}"
OVERRIDE = "；采用{source}得分 {recorded}"
SOURCE_MANUAL = "人工"
SOURCE_PRINTED = "表内"
NO_WEIGHT = "未填分值，不计算得分"

# --- fund explanations ------------------------------------------------------------------------
FUND_PROPORTIONAL = "执行率 {rate}%，{w} × min({rate}%, 100%) = {score}"
FUND_STEP = "执行率 {rate}% 达到 {bound}% 档，{w} × {pct}% = {score}"
FUND_NO_STEP = "执行率 {rate}% 低于所有档次，得 0 分"
FUND_RATE_ONLY = "执行率 {rate}%"
IMPLIED_RATE_TARGET = "预算执行率未填指标值，按 {target} 计；"
FUND_NO_BUDGET = "全年预算数为空或为 0，无法计算执行率"

# --- audit findings ---------------------------------------------------------------------------
FINDINGS = {
    "FUND_RATE_MISMATCH": "表内执行率 {printed}% 与计算值 {computed}%（{executed} ÷ {annual}）不符",
    "FUND_SCORE_MISMATCH": "表内资金得分 {printed} 与按规则计算的 {computed} 不符",
    "FUND_SCORE_MISSING": "表内未填资金得分，按规则应为 {computed}",
    "FUND_PARTS_SUM": "“其中”各行{column}合计 {parts} 与总额行 {total} 不符",
    "OVER_EXECUTION": "全年执行数 {executed} 超过全年预算数 {annual}（执行率 {rate}%）",
    "WEIGHT_SUM": "资金分值与指标分值合计 {total}，应为 100",
    "WEIGHT_SUM_PRINTED": "分值合计 {total} 与表内总分值 {printed} 不符",
    "WEIGHT_SUM_DECLARED": "一级指标标明分值 {declared}，其下分值合计 {total}",
    "SCORE_EXCEEDS_WEIGHT": "得分 {score} 超过分值 {weight}",
    "SCORE_RULE_MISMATCH": "{source}得分 {recorded} 与规则得分 {computed} 不符（{explanation}）",
    "MISSING_REASON": "得分 {score} 低于分值 {weight}，但未填写偏差原因",
    "MISSING_ACTUAL": "未填写实际完成值",
    "ACTUAL_RESTATES_TARGET": "实际完成值“{actual}”带有比较符号，像是照抄目标值，应填实际数",
    "RECORDED_TOTAL_MISMATCH": "表内总分 {printed} 与计算总分 {computed} 不符",
    "GRADE_MISMATCH": "表内等级“{printed}”与总分 {total} 对应的等级“{computed}”不符",
    "UNPARSED_TARGET": "目标值“{target}”含有数字但无法读出，按定性指标处理",
    "MISSING_FUND": "未填写{columns}：资金分值 {weight} 已计入总分值，资金得分无法计算",
    "MISSING_FUND_ZERO": "全年预算数为 0，无法计算执行率：资金分值 {weight} 已计入总分值，资金得分无法计算",
}
WHERE_FUND = "项目资金 / {label}"
WHERE_TOTAL = "总分"
WHERE_WEIGHTS = "分值合计"
PATH_SEPARATOR = " / "
COLUMN_NAMES = {
    "declared": "目标申报数",
    "initial": "年初预算数",
    "annual": "全年预算数",
    "executed": "全年执行数",
    "balance": "资金结(转)余",
}

# --- scheme validation --------------------------------------------------------------------------
SCHEME_NOT_OBJECT = "评分方案应为对象"
SCHEME_UNKNOWN_KEYS = "评分方案含有未知字段：{keys}"
SCHEME_BAD_VERSION = "评分方案版本应为正整数"
SCHEME_BAD_CHOICE = "评分方案字段“{key}”的取值“{value}”无效，可选：{choices}"
SCHEME_BAD_NUMBER = "评分方案字段“{key}”应为数字文本，实际为“{value}”"
SCHEME_BAD_GRADE = "评分方案字段“{key}”的等级名称应为非空文字，实际为“{value}”"
SCHEME_BAD_LIST = "评分方案字段“{key}”应为列表"
SCHEME_BAD_PAIR = "评分方案字段“{key}”的每一项应为两个值"
SCHEME_NOT_DESCENDING = "评分方案字段“{key}”的档次应从高到低排列"
SCHEME_OUT_OF_RANGE = "评分方案字段“{key}”的值应在 {low} 到 {high} 之间"
SCHEME_TIER_DEFAULTS = "定性指标默认得分比例应分别落在各自档次内"
SCHEME_EMPTY_GRADES = "评分方案至少要有一个等级档次"
SCHEME_EMPTY_STEPS = "选用分档计分时，资金分档表不能为空"

# --- plain-text report ------------------------------------------------------------------------
TEXT_TITLE = "{project}（{year} 年度，{form}）"
# The 自评报告 outline (GUIDE.md §6): the keys of Evaluation.report_sections and their headings.
REPORT_SECTIONS = (
    ("basic", "一、基本情况"),
    ("work", "二、自评工作开展情况"),
    ("conclusion", "三、评价结论"),
    ("analysis", "四、绩效分析"),
    ("problems", "五、存在的问题及原因"),
    ("measures", "六、改进措施及建议"),
    ("application", "七、结果应用及公开"),
    ("other", "八、其他需要说明的情况"),
)
# The titles the official forms print.
FORM_TITLES = {
    "project_self_eval": "项目支出绩效自评表",
    "transfer_payment_self_eval": "中央对地方转移支付区域（项目）绩效目标自评表",
    "project_goal_completion": "项目绩效目标完成情况表",
    "department_overall_eval": "部门整体支出绩效自评表",
}
FORM_NAMES = {
    "project_self_eval": "项目支出绩效自评表",
    "transfer_payment_self_eval": "转移支付绩效目标自评表",
    "project_goal_completion": "项目绩效目标完成情况表",
    "department_overall_eval": "部门整体支出绩效自评表",
}
TEXT_FUND = "项目资金：全年预算数 {annual}，全年执行数 {executed}，执行率 {rate}，分值 {weight}，得分 {score}（表内 {recorded_rate} / {recorded_score}）"
TEXT_HEADERS_SCORED = ("指标", "目标值", "实际值", "分值", "规则得分", "表内得分", "得分")
TEXT_HEADERS_UNSCORED = ("指标", "目标值", "实际值", "完成情况")
TEXT_TOTAL = "总分 {total}（表内 {recorded}），等级 {grade}"
TEXT_FINDINGS = "审核发现 {count} 项："
TEXT_NO_FINDINGS = "审核未发现问题"
TEXT_FINDING = "  [{severity}] {code} {where}：{message}"
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
BLANK = "—"
UNTITLED = "（未命名项目）"
# What the scheme's fields are called on screen, for its error messages.
SCHEME_FIELDS = {
    "version": "版本", "fund_rule": "资金得分方式", "fund_steps": "资金分档表", "default_fund_weight": "资金默认分值",
    "lower_formula": "越低越好指标公式", "tier_bands": "定性档次下限", "tier_defaults": "定性默认得分",
    "grade_bands": "等级", "total_cap": "按执行率封顶",
}
# 部门项目支出绩效自评情况汇总表: its title and columns (GUIDE.md §6), the 合计 row's grade counts
# ("优3个、良1个…"), and the 偏差原因摘要 that joins the reasons of the indicators that lost points.
SUMMARY_TITLE = "部门项目支出绩效自评情况汇总表"
SUMMARY_HEADERS = ("序号", "项目名称", "实施单位", "全年预算数", "全年执行数", "执行率",
                   "预算执行得分", "指标得分", "自评总分", "等级", "偏差原因摘要")
GRADE_COUNT_UNIT = "个"
GRADE_JOIN = "、"
REASON_JOIN = "；"
ELLIPSIS = "…"
NO_REASON_WORD = "无"  # a reason that says nothing
