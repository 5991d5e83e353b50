"""Chinese text shown to users by the io package: refusals and import report lines."""

FORM_NAMES = {
    "project_self_eval": "项目支出绩效自评表",
    "transfer_payment_self_eval": "转移支付绩效目标自评表",
    "project_goal_completion": "项目绩效目标完成情况表",
    "department_overall_eval": "部门整体支出绩效自评表",
}

# Refusals: every one is prefixed with the file name by the caller.
UNSUPPORTED_SUFFIX = "不支持的文件类型“{suffix}”，请提供 JSON 交换文件或 Excel 工作簿（.xlsx）"
FILE_MISSING = "找不到文件：{path}"
FILE_UNREADABLE = "无法读取 {path}：{reason}"
FILE_TOO_LARGE = "文件过大（超过 {mb} MB），不像评价表"
ENCRYPTED = "工作簿受密码保护（已加密），或是旧版 .xls 文件；请在 Excel/WPS 中取消密码并另存为 .xlsx 后再导入"
NOT_XLSX = "不是 Excel 工作簿（.xlsx）文件"
BROKEN_ZIP = "工作簿已损坏（压缩包不完整或被截断），无法读取"
NO_WORKBOOK_PART = "压缩包中没有工作簿内容，不是 Excel 工作簿"
ZIP_BOMB = "工作簿解压后过大（声明 {mb} MB，或压缩比异常），可能是恶意文件，已拒绝"
TOO_MANY_ROWS = "工作表“{sheet}”超过 {limit} 行，不像评价表，已拒绝"
TOO_MANY_ROWS_PART = "工作簿中有工作表（{part}）超过 {limit} 行，不像评价表，已拒绝"
TOO_MANY_COLUMNS = "工作表“{sheet}”超过 {limit} 列，不像评价表，已拒绝"
UNREADABLE_WORKBOOK = "无法解析工作簿内容：{reason}"
EMPTY_WORKBOOK = "工作簿是空的，没有任何内容"
NO_TABLE = "工作簿中没有可识别的评价表（未找到“项目名称”“一级指标/三级指标”等表头）"

# Import report (per table and per sheet).
REPORT_TABLE = "工作表“{sheet}”第 {first}–{last} 行：{form}"
SHEET_SKIPPED = "工作表“{sheet}”：未找到评价表，已跳过"
REGION_SKIPPED = "工作表“{sheet}”第 {first}–{last} 行：没有资金或指标，不是评价表，已跳过"
FOUND_HEADER = "表头：{labels}"
FOUND_YEAR = "年度：{year}"
NO_YEAR = "未找到年度，无法导入此表"
FOUND_FUNDS = "资金：{count} 行（{columns}）"
FOUND_FUNDS_INLINE = "资金：{count} 行（预算数、执行数）"
FOUND_GOALS = "年度总体目标：{labels}"
FOUND_MANAGEMENT = "资金管理情况：{count} 项"
FOUND_INDICATORS = "指标：{count} 个三级指标，{groups} 个一级指标（列：{columns}）"
FOUND_TOTAL = "总分行：分值 {weight}，得分 {score}，等级 {grade}"
FOUND_REMARKS = "说明：已读取"
SKIPPED_ROW = "第 {row} 行未识别，已跳过：{text}"
SKIPPED_SIGNATURE = "第 {row} 行为填报人/日期等签章行，未导入"
SKIPPED_REPEATED_HEADER = "第 {row} 行为重复的指标表头（跨页），已跳过"
SKIPPED_EMPTY_INDICATOR = "第 {row} 行指标没有名称、指标值和完成值，已跳过"
FORMULA_NO_VALUE = "{cell}：公式没有缓存的计算结果，原表值留空"
FORMULA_AS_TEXT = "{cell}：以“=”开头的文字被存成了公式，按原文读取"
FORMULA_CACHED = "{cell}：公式，读取其缓存的计算结果"
RATE_AS_PERCENT = "{cell}：执行率 {value} 按百分比读作 {percent}"
FILLED_DOWN = "一级/二级指标空白单元格（含合并单元格）已按上一行补齐：{count} 处"
NONE = "无"

# Cell notes written by the exporter and read back by the importer.
PRINTED_NOTE = "原表填报值："
COMPUTED_NOTE = "perfdesk 计算值（非原表填报值）"
NOTE_AUTHOR = "perfdesk"

# Export.
SUMMARY_SHEET = "汇总表"
SUMMARY_TITLE = "项目支出绩效自评汇总表"
SUMMARY_TOTAL = "合计"
YEAR_LINE = "（{year}年度）"
UNIT_LINE = "单位：{unit}"
FUND_TOTAL_LABEL = "年度资金总额"
