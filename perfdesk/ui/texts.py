"""Chinese names shown in the window for stored codes."""

from perfdesk.scoring.messages import FORM_NAMES, REPORT_SECTIONS  # noqa: F401 - shared vocabulary


STATUS_NAMES = {"draft": "草稿", "final": "定稿", "submitted": "已提交", "returned": "已退回"}
MONEY_UNITS = ("元", "万元")
CANNOT_WRITE = "无法写入 {path}：{error}"  # a save that failed, with the reason in words


# The grids' keyboard model
CLEAR_CELLS = "清除内容"
PASTE_CELLS = "粘贴"
NOTHING_TO_PASTE = "剪贴板中没有可粘贴的表格内容"
PASTE_TOO_LARGE = "一次粘贴的单元格太多（超过 10 万个）"

# The indicator tree
NEW_INDICATOR = "新指标"
READ_ONLY = "工作区以只读方式打开，不能修改"
GROUP_TOTAL = "下级分值合计 {weight}，得分合计 {score}"
GROUP_DECLARED = "；名称中标明分值 {declared}，两者不一致"
GROUP_EMPTY = "下面还没有三级指标"
GROUP_SUM = "一级、二级指标行的{label}是下级的合计，请在三级指标行填写"
GROUP_NO_VALUE = "一级、二级指标行不填写{label}，请在其下的三级指标行填写"
SCORE_BY_RULE = "得分按评分规则计算；要手工评分，请双击得分或按 F2"
PRINTED_SCORE_HINT = "\n这是原表印出的得分，视同手工评分：要按规则计分，选中这些行后用“按规则重新计分”（指标工具栏或右键菜单）"
COMPUTED_CELL = "{label}由软件计算，不能直接填写"
COPY = "复制"
RESCORE = "按规则重新计分"
RESCORE_ROWS = "选中的行"
RESCORE_TABLE = "整张表（含原表总分、等级和资金得分）"
RESCORE_TIP = "导入的表上印出的得分视同手工评分；按规则重新计分把它们放在一边，改按评分规则计算（一步，可撤销）"
RESCORE_NOTHING = "所选的行没有原表印出的得分，已经按规则计分"
RESCORED = "{count} 项原表得分已改为按规则计分（可撤销）"

# 定稿
CONFIRM_FINAL = ("定稿“{name}”？\n\n定稿后表格锁定，不能再修改；总分和等级按现在的评分规则保存，"
                 "以后修改评分规则不影响这张表。需要修改时可以解除定稿。")
CONFIRM_UNFINAL = ("解除“{name}”的定稿？\n\n解除后表格可以修改，总分和等级改按工作区当前的评分规则计算"
                   "（可能与定稿时不同）。")
FINALISED_BY = "{who} 于 {when} 定稿；按定稿时的评分规则计分"
LOCKED_NOTE = "已定稿，只读"


def when(iso: str | None) -> str:
    """An ISO date and time as shown to users: 2026-03-25 10:00."""
    return (iso or "").replace("T", " ")[:16]
PASTE_ROWS = "粘贴为新行"
NO_TEMPLATE = "不插入（空白指标表）"
CONNECTION_LOST = "与服务器的连接已中断，正在自动重新连接；在此期间不能修改。（{error}）"
CONNECTION_BACK = "已重新连接服务器，内容已刷新"

# 导入自评表 (the preview of a file's tables)
IMPORT_TITLE = "导入自评表：{name}"
IMPORT_INTRO = ("在文件中找到 {count} 张评价表。勾选要导入的表；选中一张表可以查看每一列是怎样读取的"
                "（可以改成别的栏目）、修改年度、决定与已有同名表的关系。点“确定”后才会保存。")
IMPORT_COLUMNS = ("导入", "评价表", "年度", "项目", "资金行", "指标", "已有同名表")
NO_PROJECT = "（未填项目名称）"
TABLE_BOX = "选中的表"
YEAR_LABEL = "年度"
YEAR_FOUND = "年度取自{source}"
YEAR_MISSING = "文件中没有找到年度，请填写这张表的年度"
DUPLICATE_LABEL = "已有同名表"
DUPLICATE_FOUND = "工作区中已有 {year} 年度“{project}”的评价表"
NO_DUPLICATE = "工作区中没有同一年度、同一项目的表"
DUPLICATE_REPLACE = "替换已有的表"
DUPLICATE_BOTH = "保留两份"
DUPLICATE_SKIP = "跳过这张表"
COLUMNS_INTRO = "各列的读法（读错时在右边改选，表格立即按新的读法重读）："
COLUMN_HEADINGS = ("表中的列", "读作")
NO_HEADING = "（无表头）"
BLOCK_NAMES = {"indicators": "指标", "funds": "资金"}
NOT_IMPORTED = "不导入"
FIELD_NAMES = {
    "indicators": ((None, NOT_IMPORTED), ("l1", "一级指标"), ("l2", "二级指标"), ("name", "三级指标"),
                   ("target", "年度指标值"), ("target_adjusted", "调整后指标值"), ("actual", "实际完成值"),
                   ("weight", "分值"), ("score", "得分"), ("reason", "偏差原因分析及改进措施"),
                   ("scoring_rule", "评分标准"), ("target_op", "指标性质（≥ ≤ =）"), ("unit", "度量单位"),
                   ("l1_weight", "一级指标分值"), ("l2_weight", "二级指标分值")),
    "funds": ((None, NOT_IMPORTED), ("initial", "年初预算数"), ("declared", "目标申报数"), ("annual", "全年预算数"),
              ("executed", "全年执行数"), ("balance", "资金结(转)余"), ("weight", "分值"), ("rate", "执行率"),
              ("score", "得分")),
}
DETAILS_LABEL = "识别情况（读到了什么、跳过了什么、为什么）："
NOTES_LABEL = "文件中没有导入的部分："
IMPORT_FILTER = "自评表 (*.xlsx *.xlsm *.xls *.et *.docx *.doc *.wps);;所有文件 (*)"
IMPORT_ACTION = "导入自评表（Excel/WPS/Word）…"
IMPORTED = "导入 {count} 张评价表"
RETURNED_WITH = "退回意见：{comment}"

# The 类型 column of the file dialogs (named from the extension: see ui.file_dialogs).
FILE_TYPE_FOLDER = "文件夹"
FILE_TYPE_OTHER = "文件"
FILE_TYPES = {"perfdesk": "perfdesk 工作区", "xlsx": "Excel 工作簿", "xls": "Excel 97-2003 工作簿",
              "docx": "Word 文档", "json": "评价表交换文件", "pdf": "PDF 文件"}

# A damaged workspace (ui.app.offer_backup) and changes made by another program (main window).
DAMAGED_TITLE = "工作区已损坏"
RESTORE_LATEST = "恢复最近的完好备份"
LEAVE_AS_IS = "不恢复"
RESTORED_DAMAGED = "已恢复 {taken:%Y-%m-%d %H:%M:%S} 的备份。损坏的文件保留为同一文件夹中的“{aside}”。"
OUTSIDE_RESTORED = "其他程序已把这个工作区恢复为一份备份，已重新载入。"
OUTSIDE_EDITED = "已载入其他程序所做的修改。"
OUTSIDE_REPLACED = "工作区文件已被替换，已重新打开。"
OUTSIDE_GONE = "工作区文件已被移走或删除，窗口中显示的是它最后的内容。"
