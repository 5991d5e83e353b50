"""Every label printed 自评表 use for each field, as data: a new variant is one line here.

Labels are compared after `labels.key`: full-width forms folded (NFKC), every space removed,
brackets made half-width and every bracketed part dropped (units "（万元）", weights "（20分）",
markers "(A)", "(B/A)", "（调整）"), a trailing colon dropped. So "全年预算数(A)", "全年（调整）预算数"
and "全 年 预 算 数：" all read as 全年预算数. Write entries as they are printed.

The exporter prints the first label of each entry.
"""
from __future__ import annotations

# Key-value cells of a table's header rows (label, then its value to the right).
HEADER = {
    "project": ("项目名称", "转移支付（项目）名称", "转移支付名称", "项目（转移支付）名称", "专项资金名称"),
    "department": ("主管部门", "主管部门及代码", "地方主管部门", "主管单位", "预算部门", "项目主管部门", "县级主管部门"),
    "central_department": ("中央主管部门",),
    "implementer": ("实施单位", "预算单位", "资金使用单位", "项目实施单位", "实施单位名称", "单位名称", "项目单位"),
    "both": ("评价单位", "部门（单位）名称", "部门(单位)"),  # the first also reads 部门名称
    "total_score": ("自评得分", "自评总分", "自评分数"),
    "preparer": ("部门联系人", "联系人", "填报人"),
    "phone": ("联系电话",),
}
# Header labels read and deliberately not kept (the report says so).
HEADER_IGNORED = ("财政审核评分", "财政处室", "项目负责人及电话", "负责人及电话", "项目负责人", "项目属性", "项目类型",
                  "项目类别", "项目编码", "预算编码", "项目期限", "项目起止时间", "评价机构", "地址", "项目地址", "邮编")
# Labels that open a table (the first of its header rows); the department-wide form has none of
# the project labels and opens with its department.
PROJECT_ANCHORS = HEADER["project"]
DEPARTMENT_ANCHORS = HEADER["both"] + ("单位名称", "主管部门")

# The first cell of a row that opens a block.
FUND_SECTION = ("项目资金", "项目资金情况", "资金情况", "预算执行情况", "预算资金执行情况", "资金执行情况",
                "项目资金预算安排及执行进度", "资金投入情况", "部门预算执行情况", "年度预算执行情况",
                "项目资金执行情况", "预算执行", "资金使用情况", "预算资金情况", "预算资金", "部门总体资金", "总体资金")
MANAGEMENT_SECTION = ("资金管理情况",)
INDICATOR_SECTION = ("绩效指标", "绩效指标完成情况", "年度绩效指标完成情况", "年度绩效指标", "绩效指标完成情况表",
                     "产出和效益指标完成情况")
TOTAL_ROW = ("总分", "合计", "总计", "总得分", "自评总分", "得分合计", "总体评分", "自评得分合计", "综合得分", "自评总得分")
GRADE_ROW = ("等级", "评价等级", "自评等级", "绩效等级", "评定等级", "自评结果")
REMARKS_ROW = ("说明",)
# Rows of free text under a table that are sections of the 自评报告 (Evaluation.report_sections keys).
REPORT_ROWS = {
    "conclusion": ("评价结论", "自评结论", "综合评价结论"),
    "problems": ("存在问题", "存在的问题", "存在问题及原因", "偏差大或目标未完成原因分析"),
    "measures": ("改进措施", "改进措施及建议", "改进措施及结果应用方案", "下一步改进措施"),
}
# Rows a table may hold that carry nothing perfdesk keeps (reported as skipped, never read as data).
OTHER_ROWS = ("其他需要说明事项", "其他需要说明的问题", "其他需要说明的情况", "其他说明", "备注", "附注")

# Fund block columns.
FUND = {
    "initial": ("年初预算数", "预算编制数", "年初预算"),
    "declared": ("目标申报数",),
    "annual": ("全年预算数", "调整后预算数", "调整预算数", "预算数", "全年预算"),
    "executed": ("全年执行数", "实际执行数", "执行数", "全年执行", "实际支出数", "预算执行数"),
    "balance": ("资金结(转)余", "资金结余", "结转结余"),
    "weight": ("分值", "权重", "执行率权重", "执行率分值"),
    "rate": ("执行率", "预算执行率"),
    "score": ("得分", "自评得分", "执行率得分"),
}
FUND_IGNORED = ("备注", "偏差原因", "执行率偏差原因分析及改进措施", "得分计算方法")
# A fund column marked (A) is the 执行率 B/A's budget: read as 全年预算数 when no other column is.
BUDGET_MARK = "(A)"
# A label in the fund header's label column that names the first data row ("年度资金总额" above
# an empty label cell, as Word tables print it).
FUND_TOTAL_ROW = ("年度资金总额", "资金总额", "合计")
# The inline layout of the goal-completion form: 预算数: x | 执行数: y on each row.
INLINE_BUDGET = "预算数"
INLINE_EXECUTED = "执行数"

# 年度总体目标: as column headers above the texts, or as row labels left of them.
GOAL = {
    "goal_target": ("预期目标", "年度目标", "总体目标", "年初设定目标", "年初绩效目标", "年度总体目标",
                    "年度绩效目标", "项目年度绩效目标", "当年绩效目标", "绩效目标", "年度总体目标及完成情况",
                    "项目年度目标"),
    "goal_adjusted": ("全年（调整）绩效目标", "调整后绩效目标", "调整后目标"),
    "goal_actual": ("实际完成情况", "实际完成目标", "全年实际完成情况", "年度总体目标完成情况",
                    "年度总体目标完成情况（综述）", "年度总体目标完成情况综述", "总体目标完成情况", "年度目标完成情况",
                    "全年目标实际完成情况", "目标实际完成情况", "年度目标实际完成情况", "实际完成情况综述"),
}

MANAGEMENT = {"status": ("情况说明",), "issues": ("存在问题和改进措施", "存在问题及改进措施")}

# Indicator block columns. Target-like labels are read in column order: the first is the target,
# a second one (or any adjusted label) the adjusted target.
INDICATOR = {
    "l1": ("一级指标",),
    "l2": ("二级指标",),
    "name": ("三级指标", "指标名称", "指标", "绩效指标名称", "具体指标", "指标内容", "三级指标名称"),
    "target": ("年度指标值", "年度指标", "年初指标值", "年初指标", "预期指标值", "指标值", "全年指标值",
               "年初目标值", "目标值", "年度目标值", "计划指标值", "绩效指标值", "预期目标值", "年度计划值", "预期值",
               "计划值"),
    "target_adjusted": ("调整后指标值", "调整后指标", "调整指标值", "调整后目标值"),
    "actual": ("实际完成值", "全年实际完成值", "实际完成指标值", "完成情况", "实际完成情况", "全年实际值",
               "全年完成值", "实际值", "完成值", "实际完成", "全年完成情况", "实际完成数", "实际达成值", "完成数",
               "年终完成值"),
    "weight": ("分值", "权重", "参考分值", "指标权重", "标准分值", "满分", "指标分值", "标准分"),
    "score": ("得分", "自评得分", "指标得分", "实际得分", "评分", "评价得分", "得分值", "自评分"),
    "reason": ("偏差原因分析及改进措施", "执行率偏差原因分析及改进措施", "未完成原因和改进措施", "偏差原因",
               "未完成原因及拟采取的改进措施", "未完成原因分析及改进措施", "偏差原因分析", "未完成原因",
               "原因分析及改进措施", "偏差原因及改进措施", "偏差原因分析及整改措施", "未完成原因及改进措施",
               "未完成原因分析", "扣分原因", "扣分理由", "扣分原因说明", "偏差原因说明"),
    "scoring_rule": ("评分标准", "评分规则", "计分方法", "评分办法", "评分依据", "指标说明及评分标准", "评分标准及依据",
                     "评价标准", "评价标准及依据", "评分细则", "得分计算方法"),
    # Parts of a target split over several columns (指标性质 | 指标值 | 度量单位).
    "target_op": ("指标性质", "指标方向", "比较符"),
    "unit": ("度量单位", "计量单位", "单位"),
}
INDICATOR_IGNORED = ("序号", "是否核心指标", "得分系数", "指标解释", "指标说明", "备注", "指标类型", "数据来源", "说明",
                     # a reviewer's score beside the office's own (财政审核评分, 复核分) is not the printed score
                     "财政审核评分", "财政评分", "复核得分", "复核分", "审核得分",
                     # perfdesk's own export: group subtotals beside the table, formulas rebuilt from the rows
                     "二级指标得分小计", "一级指标得分小计")

# What 指标性质 holds when it is no operator.
NOT_AN_OPERATOR = ("定性", "定量", "定性指标", "定量指标", "正向", "反向", "正向指标", "反向指标")
# Of those, the ones that say which way the indicator counts (Indicator.direction).
DIRECTION_WORDS = {"正向": "higher", "正向指标": "higher", "反向": "lower", "反向指标": "lower"}

# The signature row under a table: label -> Signatories field.
SIGNATURE = {"填报人": "preparer", "填表人": "preparer", "联系电话": "phone", "审核人": "reviewer",
             "单位负责人": "head", "财务负责人": "finance_head", "填报日期": "date", "填表日期": "date"}
SIGNATURE_OTHER = ("单位（盖章）", "单位(盖章)", "项目负责人", "经办人")
# Of those, the ones that are also header labels open a signature row only below the table's data
# ("项目负责人：张某 | 财务负责人：王某" closes Sichuan tables; "项目负责人 | 张某" is a header row).
SIGNATURE_AFTER_DATA = ("项目负责人", "经办人")

# Lines above a table that are never its title. Possessive repeats (*+) never give back what they
# took, so a cell of thousands of spaces costs its length, not its square or cube.
NOT_A_TITLE = (r"^附件\s*+\d*+\s*+[:：]?$", r"^报表编号", r"^附件\s*\d+", r"^附表\s*\d*", r"^公开\s*\d+\s*表$", r"^表\s*\d+",
               # the word, then a colon before any closing bracket, or one bracketed part and the colon
               r"^(部门|单位|填报单位|单位名称|主管部门|预算单位|编制单位)(?:[^)）:：]*+[:：]|[^)）]*+[)）]\s*+[:：])",
               r"^填报日期", r"^(金额)?单位\s*[:：]", r"^[(（]?\s*\d{4}\s*年度?\s*[)）]?$", r"^编号", r"^\d+$")
# Words a title line holds: of several lines above a table with "表" in them, one with these wins
# (a "报表编号：…" line above "部门预算项目支出绩效自评表" is not the title).
TITLE_WORDS = ("绩效", "自评", "评价")
TRANSFER_TITLE = "转移支付"
DEPARTMENT_TITLE = "部门整体"
# Texts marking a placeholder row of a template (指标1：, ……) or a cell "not applicable".
PLACEHOLDER_NAME = r"^(指标\s*+\d*+\s*+[:：]|[.…。、·]++|\d++[.、])$"
NAME_PREFIX = r"^指标\s*+\d++\s*+[:：]\s*+"
# A template's instruction left in a cell ("说明项目实施取得的成效（200字以内）"): not the office's text.
TEMPLATE_PROMPT = r"[(（]\s*\d+\s*字以内\s*[)）]\s*[。.]?$"
