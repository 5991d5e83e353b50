"""The signature row perfdesk writes under an exported table: 填报人：… 联系电话：… … 填报日期：… 单位（盖章）"""
from __future__ import annotations

from perfdesk.scoring.evaluation import Signatories
from perfdesk.scoring.signature import SEAL, SIGNATURE_ITEMS


def signature_text(signatories: Signatories) -> str:
    """The row perfdesk writes under an exported table (the importer reads it back)."""
    cells = [f"{label}：{getattr(signatories, key) or ''}" if key != SEAL else label for key, label in SIGNATURE_ITEMS]
    return "    ".join(cells)
