"""Which lines the signature block under every printed or exported table holds: a workspace
setting (key `SIGNATURE_KEY`), read by the PDF, Word and Excel exports.

Stored shape (JSON), items always in the official order whatever order they are stored in:

    {"items": [{"key": "preparer", "label": "填报人", "shown": true}, ...]}

`key` is one of `SIGNATURE_ITEMS`; `label` is what prints before the line (blank: the standard
label); `shown` false leaves the line out. Keys not stored take their defaults (all shown).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

SIGNATURE_KEY = "signature_block"

# The official order (GUIDE §7, the 财政部 template's signature row): key -> standard label.
# Every key but "seal" names a field of scoring.evaluation.Signatories whose value prints on the line.
SIGNATURE_ITEMS = (
    ("preparer", "填报人"),
    ("phone", "联系电话"),
    ("reviewer", "审核人"),
    ("head", "单位负责人"),
    ("finance_head", "财务负责人"),
    ("date", "填报日期"),
    ("seal", "单位（盖章）"),
)
SEAL = "seal"
_LABELS = dict(SIGNATURE_ITEMS)
MAX_LABEL = 20  # characters


@dataclass(frozen=True)
class SignatureItem:
    key: str
    label: str
    shown: bool = True


@dataclass(frozen=True)
class SignatureBlock:
    items: tuple[SignatureItem, ...]

    def shown(self) -> tuple[SignatureItem, ...]:
        return tuple(item for item in self.items if item.shown)

    def with_item(self, key: str, label: str | None = None, shown: bool | None = None) -> "SignatureBlock":
        return SignatureBlock(tuple(
            replace(item, label=item.label if label is None else (label.strip() or _LABELS[key]),
                    shown=item.shown if shown is None else shown) if item.key == key else item
            for item in self.items))

    def to_dict(self) -> dict:
        return {"items": [{"key": i.key, "label": i.label, "shown": i.shown} for i in self.items]}

    @classmethod
    def from_dict(cls, data) -> "SignatureBlock":
        """The block a stored setting describes; ValueError (Chinese) when it is not that shape."""
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise ValueError("签字栏设置格式不正确")
        stored = {}
        for entry in items:
            if not isinstance(entry, dict) or entry.get("key") not in _LABELS:
                raise ValueError("签字栏设置中有未知的项目")
            label, shown = entry.get("label", ""), entry.get("shown", True)
            if not isinstance(label, str) or len(label) > MAX_LABEL or not isinstance(shown, bool):
                raise ValueError("签字栏设置格式不正确")
            stored[entry["key"]] = SignatureItem(entry["key"], label.strip() or _LABELS[entry["key"]], shown)
        return cls(tuple(stored.get(key, SignatureItem(key, label)) for key, label in SIGNATURE_ITEMS))


DEFAULT_SIGNATURE = SignatureBlock(tuple(SignatureItem(key, label) for key, label in SIGNATURE_ITEMS))
