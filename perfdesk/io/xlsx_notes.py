"""The cell notes perfdesk writes on an exported sheet, and reading them back.

A note keeps what the cell alone cannot: the value printed in the original table where a formula
now computes it ("原表填报值：97.99"), a manual score's reason ("手工评分，理由：…"), a typed
scoring direction ("计分方向：越低越好"), "perfdesk 计算值" on a value perfdesk computed, and the
names of a signature row that hides or relabels some of them ("签章：填报人：张三    …").
The manual reason comes last, so it may run over several lines.
"""
from __future__ import annotations

from dataclasses import dataclass

from perfdesk.io import texts


@dataclass(frozen=True)
class Marks:
    printed: str | None = None  # the value printed in the original table
    manual: bool = False  # the cell's value is a manual score
    manual_reason: str | None = None
    direction: str | None = None  # higher / lower / equal / qualitative
    computed: bool = False  # the cell's value was computed by perfdesk, not printed
    signatories: str | None = None  # every name of the signature row, under the standard labels


def compose(printed: str | None = None, manual: bool = False, manual_reason: str | None = None,
            direction: str | None = None, computed: bool = False, signatories: str | None = None) -> str | None:
    lines = []
    if signatories is not None:
        lines.append(f"{texts.SIGNATURE_NOTE}{signatories}")
    if computed:
        lines.append(texts.COMPUTED_NOTE)
    if printed is not None:
        lines.append(f"{texts.PRINTED_NOTE}{printed}")
    if direction is not None:
        lines.append(f"{texts.DIRECTION_NOTE}{texts.DIRECTION_NAMES[direction]}")
    if manual:
        lines.append(f"{texts.MANUAL_NOTE}{manual_reason or ''}")
    return "\n".join(lines) or None


def parse(note: str | None) -> Marks:
    if not note:
        return Marks()
    printed = reason = direction = signatories = None
    computed = manual = False
    lines = note.split("\n")
    for index, line in enumerate(lines):
        if line.startswith(texts.MANUAL_NOTE):
            manual, reason = True, "\n".join([line[len(texts.MANUAL_NOTE):], *lines[index + 1:]]) or None
            break
        if line.startswith(texts.PRINTED_NOTE):
            printed = line[len(texts.PRINTED_NOTE):]
        elif line.startswith(texts.DIRECTION_NOTE):
            direction = _DIRECTION_OF_NAME.get(line[len(texts.DIRECTION_NOTE):].strip())
        elif line.startswith(texts.SIGNATURE_NOTE):
            signatories = line[len(texts.SIGNATURE_NOTE):]
        elif line.strip() == texts.COMPUTED_NOTE:
            computed = True
    return Marks(printed, manual, reason, direction, computed, signatories)


_DIRECTION_OF_NAME = {name: key for key, name in texts.DIRECTION_NAMES.items()}
