"""Chinese names shown in the window for stored codes."""

from perfdesk.scoring.messages import FORM_NAMES, REPORT_SECTIONS  # noqa: F401 - shared vocabulary


STATUS_NAMES = {"draft": "草稿", "final": "定稿"}
MONEY_UNITS = ("元", "万元")

