"""Every Chinese string printed in the PDFs, in one place."""
from perfdesk.scoring.messages import ELLIPSIS, GRADE_JOIN, SUMMARY_HEADERS, SUMMARY_TITLE  # noqa: F401 - shared vocabulary

YEAR_LINE = "（{year}年度）"
MONEY = "（{unit}）"
DEFAULT_UNIT = "万元"

# footer
PAGE_OF = "第 {page} 页 共 {pages} 页"
FINGERPRINT = "校验码 {code}"
GB_PAGE = "— {page} —"

# header rows
PROJECT_NAME = "项目名称"
TRANSFER_NAME = "转移支付（项目）名称"
DEPARTMENT = "主管部门"
IMPLEMENTER = "实施单位"
CENTRAL_DEPARTMENT = "中央主管部门"
LOCAL_DEPARTMENT = "地方主管部门"
FUND_USER = "资金使用单位"
DEPARTMENT_NAME = "部门（单位）名称"

# fund blocks
PROJECT_FUNDS = "项目资金"
TRANSFER_FUNDS = "资金投入情况"
GOAL_FUNDS = "预算执行情况"
DECLARED = "目标申报数"
INITIAL_SPLIT = "预算编制数"
INITIAL = "年初预算数"
ANNUAL = "全年预算数"
EXECUTED = "全年执行数"
BALANCE = "资金结(转)余"
WEIGHT = "分值"
RATE = "执行率"
SCORE = "得分"
ANNUAL_A = "全年预算数(A)"
EXECUTED_B = "全年执行数(B)"
RATE_BA = "预算执行率(B/A×100%)"
BUDGET = "预算数"
SPENT = "执行数"
DASH = "—"

# goal blocks
YEAR_GOAL = "年度总体目标"
GOAL_TARGET = "预期目标"
GOAL_ACTUAL = "实际完成情况"
TRANSFER_GOAL = "总体目标完成情况"
TRANSFER_TARGET = "总体目标"
TRANSFER_ACTUAL = "全年实际完成情况"
GOAL_FORM_GOAL = "年度目标完成情况"
GOAL_FORM_ACTUAL = "实际完成目标"

# transfer form
FUND_MANAGEMENT = "资金管理情况"
STATUS = "情况说明"
ISSUES = "存在问题和改进措施"
REMARKS = "说明"

# indicator tables
INDICATORS = "绩效指标"
GOAL_INDICATORS = "绩效指标完成情况"
LEVEL1 = "一级指标"
LEVEL2 = "二级指标"
LEVEL3 = "三级指标"
TARGET = "年度指标值"
TARGET_INITIAL = "年初指标值"
TARGET_ADJUSTED = "调整后指标值"
ACTUAL = "实际完成值"
REASON = "偏差原因分析及改进措施"
TRANSFER_TARGET_VALUE = "指标值"
TRANSFER_ACTUAL_VALUE = "全年实际完成值"
TRANSFER_REASON = "未完成原因和改进措施"
GOAL_TARGET_VALUE = "预期指标值"
GOAL_ACTUAL_VALUE = "实际完成指标值"
DEPT_TARGET = "全年指标值"
DEPT_WEIGHT = "权重"
DEPT_RULE = "评分标准"
DEPT_ACTUAL = "完成情况"
DEPT_SCORE = "自评得分"
TOTAL = "总分"
GRADE = "等级"
GRADE_VALUE = "等级：{grade}"

# signature block (labels: scoring.signature)
SIGN_LABEL = "{label}："

# continuation pages
CONTINUED = "{label}：{name}（续）"
SUMMARY_CONTINUED = "{title}（{year}年度）（续）"

# Words a label keeps whole when it wraps in a narrow column ("满意度/指标", not "满意度指/标").
LABEL_WORDS = (
    "指标", "满意度", "服务对象", "效益", "经济", "社会", "生态", "环境", "可持续", "影响", "产出",
    "指标值", "完成值", "预算数", "执行数", "申报数", "编制数", "结(转)余", "数量", "质量", "时效", "成本", "决策", "过程", "履职", "管理", "资金", "预算", "执行", "绩效",
    "目标", "完成", "情况", "实际", "年度", "全年", "分值", "得分", "偏差", "原因", "分析", "改进",
    "措施", "评分", "标准", "权重", "自评", "项目", "名称", "部门", "单位", "财政", "拨款", "结转",
    "其他", "其它", "合计", "总分", "等级", "序号", "摘要", "执行率", "实施", "使用", "投入", "说明",
)
# … and a title keeps whole where its lines are balanced (GB/T 9704-2012 §7.3.3: 词意完整).
TITLE_WORDS = (*LABEL_WORDS, "支出", "报告", "整体", "自评表", "汇总表")

# 汇总表
SUMMARY_SUBTITLE = "部门：{department}　　　　金额单位：万元"
SUMMARY_TOTAL = "合计"
SUMMARY_COUNT = "共{count}个项目"
SUMMARY_NOTE = ("注：合计行的执行率 = Σ全年执行数 ÷ Σ全年预算数；得分栏为已评分项目的平均分；"
                "等级栏为各等级项目个数。金额按万元折算。")

# 自评报告
REPORT_TITLE = "{department}{year}年度项目支出绩效自评报告"
NOTHING = "无。"
NUMERALS = "一二三四五六七八九十"
USER_TEXT = "（{project}）{text}"
FACT_BASIC = ("本次自评涉及项目{count}个，全年预算数合计{annual}万元，全年执行数合计{executed}万元，"
              "总体预算执行率{rate}。")
FACT_WORK = "自评对象为{count}个项目，共设三级绩效指标{indicators}项，按照预算执行率和绩效指标完成情况逐项评分。"
FACT_CONCLUSION = ("{project}：综合考虑预算执行情况得分{fund}分、指标完成情况得分{indicators}分，"
                   "总得分{total}分，等级为“{grade}”。")
FACT_TOTAL_ONLY = "{project}：总得分{total}分，等级为“{grade}”。"
FACT_GOAL = "{project}年度绩效目标：{goal}"
FACT_UNSCORED = "{project}：本表为绩效目标完成情况表，不评分；预算执行率{rate}。"
FACT_GRADES = "自评结果：{counts}。各项目评分表见附件。"
FACT_EXECUTION = "{project}：全年预算数{annual}{unit}，全年执行数{executed}{unit}，预算执行率{rate}。"
FACT_GROUPS = "各类指标得分：{groups}。"
FACT_GROUP = "{name}{score}分（分值{weight}分）"
FACT_SHORTFALL = "{project}“{indicator}”：年度指标值{target}，实际完成值{actual}，分值{weight}分，得分{score}分；原因：{reason}"
FACT_NOT_DONE = "{project}“{indicator}”：年度指标值{target}，实际完成值{actual}，{status}；原因：{reason}"
FACT_NO_SHORTFALL = "各项绩效指标均已完成，未发现扣分指标。"
NO_REASON = "未填写"
SUBHEADING = "（{number}）{title}"
DATE = "{year}年{month}月{day}日"
CHART_RATE = "各项目预算执行率（%）"
CHART_SCORE = "各项目自评得分"
CHART_NUMBER = "序号"
CHART_NOTE = "横轴为项目序号，与附件1汇总表序号一致。"
CHART_TABLE_NOTE = "序号与附件1汇总表序号一致。"  # the charts' figures as a Word table: no axis
CHART_NOTE_BLANK = "“—”表示无法计算（全年预算数为0或空白，或未评分）。"
APPENDIX_SUMMARY = "附件1：部门项目支出绩效自评情况汇总表"
APPENDIX_TABLES = "附件2：项目支出绩效自评表"
UNTITLED = "未命名项目"
