"""Chinese names shown in the window for stored codes."""

FORM_NAMES = {
    "project_self_eval": "项目支出绩效自评表",
    "transfer_payment_self_eval": "转移支付绩效目标自评表",
    "project_goal_completion": "项目绩效目标完成情况表",
    "department_overall_eval": "部门整体支出绩效自评表",
}
STATUS_NAMES = {"draft": "草稿", "final": "定稿"}
MONEY_UNITS = ("元", "万元")

# The 自评报告 outline (GUIDE.md §6): stored key, heading.
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
