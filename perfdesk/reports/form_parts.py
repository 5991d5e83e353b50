"""Parts the official forms are stacked from: title lines, labelled header rows, captioned blocks
(fund, goal), the signature block, and the "（续）" line of continuation pages."""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from perfdesk.reports import figures, texts
from perfdesk.reports.content import Block, Cell, Row, Signature, SignatureLine, Text
from perfdesk.scoring import funds
from perfdesk.scoring.evaluation import Evaluation, FundLine, Signatories
from perfdesk.scoring.messages import FORM_TITLES
from perfdesk.scoring.signature import SEAL, SignatureBlock

HEADER_WIDTHS = (30, 60, 30, 60)


def title(ev: Evaluation) -> tuple[Text, ...]:
    """The form's title, and the "（2022年度）" line under it unless the title names that year."""
    name = ev.title or FORM_TITLES[ev.form]
    if names_year(name, ev.year):
        return (Text(name, "title"),)
    return Text(name, "title"), Text(texts.YEAR_LINE.format(year=ev.year), "subtitle")


def names_year(text: str, year: int) -> bool:
    """True when `text` holds `year` as a number of its own ("2022年度…", "（２０２２）"), not
    inside a longer one (20221)."""
    return re.search(rf"(?<!\d){year}(?!\d)", unicodedata.normalize("NFKC", text)) is not None


def continued(label: str, name: str | None) -> str:
    return texts.CONTINUED.format(label=label, name=name or texts.UNTITLED)


def spread(cells: Sequence[tuple[Cell, int]]) -> Row:
    """A row from (cell, columns it covers) pairs."""
    out: list[Cell | None] = []
    for cell, span in cells:
        out += [Cell(cell.text, cell.style, span)] + [None] * (span - 1)
    return Row(tuple(out))


def header_block(rows: Sequence[Sequence[tuple[str, str | None]]]) -> Block:
    """Header rows: one (label, value) pair spans the width; two pairs share a row."""
    out = []
    for pairs in rows:
        if len(pairs) == 1:
            (label, value), = pairs
            out.append(spread([(Cell(label, "head"), 1), (Cell(value), 3)]))
        else:
            (l1, v1), (l2, v2) = pairs
            out.append(Row((Cell(l1, "head"), Cell(v1), Cell(l2, "head"), Cell(v2))))
    return Block(HEADER_WIDTHS, tuple(out))


def money_unit(ev: Evaluation) -> str:
    return texts.MONEY.format(unit=ev.money_unit or texts.DEFAULT_UNIT)


def captioned(caption: str, head: Sequence[str], body: Sequence[Sequence], widths_mm: Sequence[float]) -> Block:
    """A block with a caption column spanning all its rows at the left, a head row, and body
    rows whose cells are strings (set as figures when they look like figures) or Cells."""
    return Block(tuple(widths_mm), tuple(Row(tuple(_cell(c) for c in row)) for row in body),
                 head=(Row(tuple(Cell(h, "head") for h in head)),), caption=Cell(caption, "head"))


def _cell(value) -> Cell:
    if isinstance(value, Cell):
        return value
    style = "center" if value == texts.DASH else "number" if _figure(value) else "cell"
    return Cell(value, style)


def _figure(text: str | None) -> bool:
    return bool(text) and all(ch.isdigit() or ch in ",.%-" for ch in text)


def line_rate(line: FundLine) -> str:
    """The execution rate of one fund row, computed from its own cells."""
    return figures.rate(funds.line_rate(line))


def budget_block(caption: str, heads: tuple[str, str, str], ev: Evaluation) -> Block:
    """The unscored forms' fund block: per fund row its budget, its execution and its rate."""
    rows = [[line.label, figures.money(line.annual), figures.money(line.executed), line_rate(line)] for line in ev.funds]
    return captioned(caption + money_unit(ev), ["", *heads], rows, (12, 48, 40, 40, 40))


def goal_block(caption: str, heads: tuple[str, str], ev: Evaluation) -> Block:
    return captioned(caption, heads, [[Cell(ev.goal_target), Cell(ev.goal_actual)]], (12, 84, 84))


def signature(config: SignatureBlock, who: Signatories) -> Signature:
    """填报人 … 单位（盖章）, the lines the workspace shows, in the official order."""
    lines = tuple(SignatureLine(item.label, "" if item.key == SEAL else (getattr(who, item.key) or ""),
                                seal=item.key == SEAL)
                  for item in config.shown())
    return Signature(lines)
