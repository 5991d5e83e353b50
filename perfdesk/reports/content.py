"""What a document says, before it is set in a PDF or a Word file: plain values, no layout engine.

Every form, the 汇总表 and the 自评报告 are built once as these values (`forms`, `summary_table`,
`report`); `perfdesk.reports.pdf` and `perfdesk.reports.word` set the same values, so each fact is
computed in one place. All text is plain text: nothing in it is markup.

Cell styles are names both renderers know: "cell", "center", "number", "head", "small",
"small_center", "small_number", "small_head" (and for free text "title", "subtitle", "note",
"caption", "body", "closing").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Sequence, Union


@dataclass(frozen=True)
class Cell:
    text: str | None
    style: str = "cell"
    span: int = 1  # columns covered; the row holds None for the span-1 columns after it


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell | None, ...]
    keys: tuple = ()  # one key per merged column of the block: equal consecutive keys merge


@dataclass(frozen=True)
class Block:
    """A ruled grid of the form. Widths are mm on a portrait page (they sum to 180).

    `head` rows repeat wherever the block continues on a new page; `caption` is the label
    column at the left spanning every row (绩效指标, 项目资金（万元）); the columns in `merge`
    (counted after the caption) merge down over rows with equal keys, like the 一级/二级 cells."""

    widths: tuple[float, ...]
    rows: tuple[Row, ...]
    head: tuple[Row, ...] = ()
    caption: Cell | None = None
    merge: tuple[int, ...] = ()

    @property
    def columns(self) -> int:
        return len(self.widths) - (1 if self.caption else 0)


def merged_runs(rows: Sequence, merge: Sequence[int], first: int = 0) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of every run of two or more `rows` (anything with `keys`)
    whose keys are equal down to each merged column's depth; rows are numbered from `first`."""
    found = []
    for depth, column in enumerate(merge):
        start = first
        for _, run in groupby(rows, key=lambda row: row.keys[: depth + 1]):
            count = len(list(run))
            if count > 1:
                found.append((column, start, start + count - 1))
            start += count
    return found


@dataclass(frozen=True)
class Text:
    text: str
    style: str = "body"


@dataclass(frozen=True)
class SignatureLine:
    label: str  # "填报人", "单位（盖章）" …
    value: str = ""  # printed above the line; blank leaves the line to sign on
    seal: bool = False  # the unit's stamp: room to stamp, no line


@dataclass(frozen=True)
class Signature:
    """The signature block, in the official order; `per_row` items on a portrait line."""

    lines: tuple[SignatureLine, ...]
    per_row: int = 3

    def rows(self, per_row: int) -> list[list[SignatureLine | None]]:
        """The lines `per_row` to a row, the seal alone at the end of the last row (None: an empty
        place before it); [] when the block shows nothing."""
        lines = [line for line in self.lines if not line.seal]
        seals = [line for line in self.lines if line.seal]
        if not lines and not seals:
            return []
        rows: list[list[SignatureLine | None]] = [lines[i:i + per_row] for i in range(0, len(lines), per_row)] or [[]]
        if seals:
            if len(rows[-1]) == per_row:
                rows.append([])
            rows[-1] = rows[-1] + [None] * (per_row - 1 - len(rows[-1])) + [seals[0]]
        return rows


Part = Union[Block, Text, Signature]


@dataclass(frozen=True)
class Form:
    """One printed table: title lines, the blocks above the main table, the main table, and the
    tail (total rows, remarks, signature, notes) that never leaves the last rows of the table."""

    title: tuple[Text, ...]
    continued: str  # heads every page after the first: "项目名称：…（续）"
    body: tuple[Block, ...]
    table: Block
    tail: tuple[Part, ...] = ()
    code: str = ""  # fingerprint printed in the footer
    name: str = ""  # document title of a file holding only this form


@dataclass(frozen=True)
class Chart:
    title: str
    values: tuple[float | None, ...]  # one bar per evaluation, numbered 1…n; None: not computable ("—")
    top: float  # the value axis runs from 0 to this (at least the largest value)
    step: float  # between its ticks


@dataclass(frozen=True)
class Section:
    heading: str  # "一、基本情况" (numbered after the chosen sections)
    paragraphs: tuple["Text", ...]  # body text, and "h2" subheadings between projects
    charts: tuple[Chart, ...] = ()
    chart_note: str = ""


@dataclass(frozen=True)
class Appendix:
    caption: str  # "附件1：…"
    forms: tuple[Form, ...]


@dataclass(frozen=True)
class Report:
    title: str
    sections: tuple[Section, ...]
    closing: tuple[str, ...]  # unit name, date: right-aligned under the text
    appendices: tuple[Appendix, ...] = field(default=())
    code: str = ""
