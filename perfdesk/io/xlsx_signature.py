"""The signature row perfdesk writes under an exported table: the lines of the workspace's
signature block, in the official order, with its labels (填报人：… 联系电话：… … 单位（盖章）).

When that row alone would not give every name back to the importer (a line hidden, or relabelled
with a word the vocabulary does not know), the names are also written, under the standard labels,
in the row's cell note, which the importer prefers (see xlsx_notes).
"""
from __future__ import annotations

from perfdesk.io.recognize.closing import read_signatories
from perfdesk.scoring.evaluation import Signatories
from perfdesk.scoring.signature import SEAL, SIGNATURE_ITEMS, SignatureBlock

_SEPARATOR = "    "


def signature_text(signatories: Signatories, block: SignatureBlock) -> tuple[str, str | None]:
    """(the row, the names for its note or None when the row gives them all back)."""
    row = _SEPARATOR.join(f"{item.label}：{getattr(signatories, item.key) or ''}" if item.key != SEAL else item.label
                          for item in block.shown())
    every = _SEPARATOR.join(f"{label}：{getattr(signatories, key) or ''}" for key, label in SIGNATURE_ITEMS if key != SEAL)
    return row, (None if read_signatories(row) == read_signatories(every) else every)
