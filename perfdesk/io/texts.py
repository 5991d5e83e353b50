"""Chinese text shown to users by the io package: refusals and import report lines."""


# Refusals: every one is prefixed with the file name by the caller.
UNSUPPORTED_SUFFIX = "不支持的文件类型“{suffix}”，请提供 JSON 交换文件、Excel 工作簿（.xlsx/.xls）或 Word 文档（.docx）"
NOT_A_TABLE_FILE = "不是可以读取的表格文件（{what}）；请提供 Excel 工作簿（.xlsx/.xls）、Word 文档（.docx）或 JSON 交换文件"
NO_SUFFIX = "无扩展名"
NOT_A_FILE = "这不是普通文件"
BROKEN_OLE2 = "文件已损坏（Office 97-2003 复合文档结构不完整），无法读取"
RENAMED_OLD_FORMAT = "这是{what}，但扩展名是“{suffix}”；请把扩展名改为“{right}”后再导入，或在 Excel/WPS 中另存为新格式"
NEEDS_RESAVE = "这是{what}，需要 LibreOffice 才能读取，本机未安装；请在 WPS/Office 中打开后“另存为” .{target} 再导入"
CONVERSION_FAILED = "这是{what}，用 LibreOffice 转换为 .{target} 失败；请在 WPS/Office 中打开后“另存为” .{target} 再导入"
CONVERTED = "{what}已用 LibreOffice 转换为 .{target} 后读取"
READ_STRICT = "工作簿是“Strict Open XML”格式，已按该格式读取"
READ_AS_XLS = "文件是 Excel 97-2003（.xls）格式（扩展名为“{suffix}”），已按 .xls 读取"
UNREADABLE_DOCUMENT = "无法解析 Word 文档内容：{reason}"
NO_WORD_TABLE = "Word 文档中没有表格"
WORD_GRID_NAME = "Word 文档"
CLIPBOARD_NAME = "剪贴板"
EMPTY_FILE = "文件是空的，没有任何内容"
FILE_MISSING = "找不到文件：{path}"
FILE_UNREADABLE = "无法读取 {path}：{reason}"
FILE_TOO_LARGE = "文件过大（超过 {mb} MB），不像评价表"
ENCRYPTED = "文件受密码保护（已加密）；请在 Excel/WPS/Word 中取消密码并另存后再导入"
BROKEN_ZIP = "工作簿已损坏（压缩包不完整或被截断），无法读取"
NO_WORKBOOK_PART = "压缩包中没有工作簿内容，不是 Excel 工作簿"
ZIP_BOMB = "工作簿解压后过大（声明 {mb} MB，或压缩比异常），可能是恶意文件，已拒绝"
UNREADABLE_WORKBOOK = "无法解析工作簿内容：{reason}"
BROKEN_XML = "文件内容已损坏（{part} 不是完整的 XML），无法读取"
XML_WITH_DTD = "文件中含有 DTD/实体声明，Office 文件不会这样写，可能是恶意文件，已拒绝"
TOO_MANY = "文件中的{what}超过 {limit} 个，不像评价表，已拒绝（未读入内存）"
CELL_TOO_LONG = "有单元格超过 {limit} 个字符（Excel 的上限），不像评价表，已拒绝"
SHEET_NOT_TABLE = "工作表“{sheet}”是图表或宏表，已跳过"
SHEET_HIDDEN = "工作表“{sheet}”已隐藏，未读取"
NO_TABLE = "文件中没有可识别的评价表（未找到“项目名称”、资金表头或“三级指标/年度指标值”等指标表头）"

# Import report (per table and per sheet).
REPORT_TABLE = "{place}第 {first}–{last} 行：{form}"
PLACES = {"sheet": "工作表“{name}”", "document": "{name}", "clipboard": "{name}"}
SHEET_SKIPPED = "{place}：未找到评价表（没有“项目名称”、资金表头或指标表头），已跳过"
REGION_SKIPPED = "{place}第 {first}–{last} 行：{reason}，已跳过"
REGION_NO_DATA = "有表头但没有读到资金或指标行"
REGION_NO_BLOCKS = "没有资金表头（年初预算数、全年执行数……）或指标表头（三级指标、年度指标值……）"
FOUND_HEADER = "表头：{labels}"
FOUND_YEAR = "年度：{year}（取自{source}）"
NO_YEAR = "未找到年度，暂按 {year} 年导入（命令行用 --year 指定，导入预览中可修改）"
YEAR_FROM_TITLE = "标题"
YEAR_FROM_SHEET = "工作表名"
YEAR_FROM_PROJECT = "项目名称"
YEAR_FROM_FILE = "文件名"
SKIPPED_TITLE_LINE = "表格上方的“{text}”不是标题，未导入"
SKIPPED_HEADER_FIELD = "“{label}”一栏 perfdesk 不保存，未导入"
SKIPPED_HEADER_VALUE = "“{label}”一栏 perfdesk 不保存，未导入：{value}"
SKIPPED_HEADER_CELLS = "第 {row} 行表头中未识别的内容，未导入：{text}"
SKIPPED_COLUMN = "{block}的“{label}”列未识别，未导入（导入预览中可改选它的读法）"
SKIPPED_COLUMN_IGNORED = "{block}的“{label}”列 perfdesk 不保存，未导入"
BLOCK_FUNDS = "资金表"
BLOCK_INDICATORS = "指标表"
SKIPPED_ABOVE = "第 {first}–{last} 行在第一张评价表上方，不属于任何表，已跳过（{count} 行）"
SKIPPED_BLOCK_TITLE = "指标表左侧的“{label}”是指标块的标题，不是一列，未导入"
SKIPPED_PROMPT = "第 {row} 行“{label}”是模板的填写说明，不是填报内容，未导入：{text}"
SKIPPED_INITIAL_GOAL = "年初绩效目标以调整后的绩效目标为准，年初的文字未导入：{text}"
SKIPPED_GOAL_ROW = "第 {row} 行不是年度总体目标的文字，未导入：{text}"
FOUND_REPORT = "自评报告文字：{labels}"
NO_WEIGHT_COLUMN = "指标表没有分值列，各三级指标的分值为空（请在表中补填，或按各地规则确定）"
GROUP_WEIGHT_COLUMN = "{level}的分值列读作{level}名称中的分值（如“{example}”）"
WEIGHT_FROM_NAME = "{count} 个三级指标没有分值列或分值为空，分值取自指标名称中的“（N分）”"
SKIPPED_HIDDEN_ROW = "第 {row} 行已隐藏，未导入"
SKIPPED_HIDDEN_COLUMN = "{column} 列已隐藏，未导入（{count} 个单元格：{text}）"
SKIPPED_NO_NAME = "第 {row} 行没有指标名称、指标值和完成值（只有分值或得分），未导入：{text}"
SKIPPED_GROUP_ONLY = "第 {row} 行只有一级/二级指标名称，没有三级指标，未导入（其下各行仍归入该组）：{text}"
SKIPPED_PLACEHOLDER = "第 {row} 行是模板占位行，未导入：{text}"
FOUND_FUNDS = "资金：{count} 行（{columns}）"
FOUND_FUNDS_INLINE = "资金：{count} 行（预算数、执行数）"
FOUND_GOALS = "年度总体目标：{labels}"
FOUND_MANAGEMENT = "资金管理情况：{count} 项"
FOUND_INDICATORS = "指标：{count} 个三级指标，{groups} 个一级指标（列：{columns}）"
FOUND_TOTAL = "总分行：分值 {weight}，得分 {score}，等级 {grade}"
FOUND_REMARKS = "说明：已读取"
SKIPPED_REMARKS = "“说明”一行只有转移支付表保存，未导入：{text}"
SKIPPED_ROW = "第 {row} 行未识别，已跳过：{text}"
FOUND_SIGNATURE = "签章：第 {row} 行（{names}）"
BLANK_SIGNATURE = "各栏空白"

SKIPPED_REPEATED_HEADER = "第 {row} 行为重复的指标表头（跨页），已跳过"
FORMULA_NO_VALUE = "{cell}：公式没有保存计算结果，原表值未知，不据此审核"
FORMULA_AS_TEXT = "{cell}：以“=”开头的文字被存成了公式，按原文读取"
FORMULA_CACHED = "{cell}：公式，读取其缓存的计算结果"
RATE_AS_PERCENT = "第 {row} 行：执行率 {value} 按百分比读作 {percent}"
NONE = "无"

# JSON files (the exchange format, offline units' files).
BAD_JSON = "不是有效的 JSON 文件：第 {line} 行第 {column} 个字符处格式不对"
JSON_TOO_DEEP = "不是有效的 JSON 文件：嵌套层数过多"

# Offline units' files.
OFFLINE_NO_UNIT = "请填写单位名称"
OFFLINE_NOTHING = "没有可导出的评价表"
OFFLINE_NOT_OURS = "不是 perfdesk 离线报送文件"
OFFLINE_INCOMPLETE = "离线报送文件缺少单位或评价表"
OFFLINE_BAD_TABLE = "第 {number} 张表的格式不对"
OFFLINE_BAD_TRAIL = "第 {number} 张表的审计记录格式不对"
OFFLINE_ORIGIN = "离线报送：{unit}（{source}，{exported_at}）"
OFFLINE_IMPORTED = "导入{unit}的离线报送"

# Paste.
PASTE_EMPTY = "剪贴板中没有可粘贴的表格内容"
PASTE_TOO_MANY = "一次最多粘贴 {limit} 行"
PASTE_HEADER_ONLY = "剪贴板中只有表头，没有指标行"
PASTE_NO_INDICATOR = "剪贴板中没有指标行（没有指标名称、指标值或完成值）"
PASTE_NOT_A_NUMBER = "第 {row} 行的{what}不是数字：{value}"

# Cell notes written by the exporter and read back by the importer (see xlsx_notes).
PRINTED_NOTE = "原表填报值："
COMPUTED_NOTE = "perfdesk 计算值（非原表填报值）"
MANUAL_NOTE = "手工评分，理由："
DIRECTION_NOTE = "计分方向："
SIGNATURE_NOTE = "签章："
DIRECTION_NAMES = {"higher": "越高越好", "lower": "越低越好", "equal": "等于目标", "qualitative": "定性"}
NOTE_AUTHOR = "perfdesk"
# A custom document property that marks a workbook as perfdesk's export: its formulas are
# perfdesk's own computations, not values printed in a table.
EXPORT_MARK = "perfdesk"
EXPORT_MARK_VALUE = "导出的评价表"

# Export.
SUMMARY_SHEET = "{year}年汇总表"
SUMMARY_SUBTITLE = "部门：{department}　　　　金额单位：万元"
SUMMARY_TOTAL = "合计（共{count}个项目）"
SUMMARY_NOTE = ("注：合计行的执行率 = Σ全年执行数 ÷ Σ全年预算数；得分栏为已评分项目的平均分；"
                "等级栏为各等级项目个数。金额按万元折算。各数随评价表工作表中的数字自动重算。")
TABLE_SHEET = "{year}年表{number}"
YEAR_LINE = "（{year}年度）"
UNIT_LINE = "单位：{unit}"
FUND_TOTAL_LABEL = "年度资金总额"
GROUP_SUBTOTALS = ("二级指标得分小计", "一级指标得分小计")

REPORT_SHEET = "自评报告"
REPORT_TITLE = "自评报告文字"
REPORT_HEADER = ("工作表", "项目", "章节", "报告文字")

RULES_SHEET = "评分规则"
RULES_TITLE = "评分规则（本工作簿公式所用）"
RULES_GRADES_HEADER = ("总分下限", "等级")
RULES_NOTE = ("在评价表工作表中修改实际完成值、指标值或分值（数字）后，比例计分指标的得分、小计、总分和等级"
              "按本规则自动重算；手工评分和原表得分是数值，不随之改变。")
RULES_LINES = {
    "fund_proportional": "资金得分 = 分值 × min(执行率, 100%)，执行率 = 全年执行数 ÷ 全年预算数",
    "fund_steps": "资金得分按执行率分档：{steps}",
    "fund_step": "≥{bound}% 得分值的 {earned}%",
    "default_fund_weight": "资金分值未填时按 {weight} 分计",
    "lower_ratio": "越低越好指标超标时得 分值 × 目标 ÷ 实际",
    "lower_linear": "越低越好指标超标时得 分值 × (1 − (实际 − 目标) ÷ 目标)，实际 ≥ 2 倍目标得 0 分",
    "higher": "越高越好指标未达标时得 分值 × 实际 ÷ 目标",
    "tiers": "定性指标：达成 {a}%、部分达成 {b}%、未达成 {c}% 的分值",
    "cap": "按执行率封顶总分：{caps}",
    "cap_item": "执行率低于 {bound}% 时总分不超过 {cap}",
    "rounding": "每项得分四舍五入到 2 位小数；总分 = 资金得分 + 各指标得分",
}
RULES_JOIN = "；"

LONG_TEXT_SHEET = "长文本"
LONG_TEXT_TITLE = "超出 Excel 单元格上限（32,767 字）的完整内容"
LONG_TEXT_HEADER = ("编号", "所在单元格", "段", "内容")
LONG_CELL_TAIL = "……（全文共 {length} 字，超出 Excel 单元格上限，完整内容见“{sheet}”工作表第 {number} 项）"
LONG_NOTE_TAIL = "……（批注全文共 {length} 字，完整内容见“{sheet}”工作表第 {number} 项）"
