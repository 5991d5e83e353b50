"""What reading one block gave: Evaluation fields, printed columns seen, column mappings and report lines."""
from __future__ import annotations

from dataclasses import dataclass, field

from perfdesk.io import texts
from perfdesk.io.recognize.labels import key


@dataclass(frozen=True)
class ColumnUse:
    """How one column of a block was read: shown in the import preview, where it can be changed."""

    block: str  # "indicators" or "funds"
    column: int
    label: str  # as printed (the header cells above it, joined)
    field: str | None  # None: not imported


@dataclass
class Part:
    fields: dict = field(default_factory=dict)
    columns: set[str] = field(default_factory=set)  # optional printed columns (Evaluation.columns)
    uses: list[ColumnUse] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def merge(self, other: "Part") -> None:
        for name, value in other.fields.items():
            if value is not None or name not in self.fields:
                self.fields[name] = value
        self.columns |= other.columns
        self.uses += other.uses
        self.found += other.found
        self.skipped += other.skipped


def unread_column_line(use: ColumnUse, ignored: frozenset[str], block: str) -> str:
    """The report line of a column left unread: a heading perfdesk does not keep (in `ignored`, by
    label key) or one it does not know (the preview lets the user say what it is)."""
    line = texts.SKIPPED_COLUMN_IGNORED if key(use.label.split("/")[-1]) in ignored else texts.SKIPPED_COLUMN
    return line.format(block=block, label=use.label)
