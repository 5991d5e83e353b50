"""Chinese names shown in the window for stored codes."""

FORM_NAMES = {
    "project_self_eval": "项目支出绩效自评表",
    "transfer_payment_self_eval": "转移支付绩效目标自评表",
    "project_goal_completion": "项目绩效目标完成情况表",
    "department_overall_eval": "部门整体支出绩效自评表",
}
STATUS_NAMES = {"draft": "草稿", "final": "定稿"}
