"""The signature row perfdesk writes under an exported table: 填报人：… 联系电话：… 审核人：… 单位负责人：… 填报日期：…"""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.scoring.evaluation import Signatories


def signature_text(signatories: Signatories) -> str:
    """The row perfdesk writes under an exported table (the importer reads it back)."""
    cells = [f"{label}：{getattr(signatories, key) or ''}" for label, key in texts.SIGNATURE_ORDER]
    return "    ".join(cells + ["单位（盖章）"])
