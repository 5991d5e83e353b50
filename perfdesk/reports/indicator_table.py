"""The indicator table of every form: 一级 and 二级 cells merged over their rows, the header row
repeated wherever the table continues, then the 总分/等级 rows."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from perfdesk.reports import texts
from perfdesk.reports.content import Block, Cell, Row
from perfdesk.reports.form_parts import spread
from perfdesk.scoring.engine import IndicatorResult


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # mm on a portrait page
    value: Callable[[IndicatorResult], str | None]
    style: str = "cell"
    role: str = ""  # "weight" / "score": where the 总分 row puts its figures


@dataclass(frozen=True)
class Layout:
    caption: str | None  # the left column spanning the table ("绩效指标"); None for none
    levels: tuple[float, float]  # widths of the 一级 and 二级 columns
    columns: tuple[Column, ...]
    caption_width: float = 12

    @property
    def widths(self) -> tuple[float, ...]:
        lead = (self.caption_width,) if self.caption else ()
        return lead + tuple(self.levels) + tuple(c.width for c in self.columns)

    @property
    def lead(self) -> int:
        """Columns before the value columns: caption, 一级, 二级."""
        return len(self.widths) - len(self.columns)


def level1(r: IndicatorResult) -> str:
    return r.path[0] if len(r.path) > 1 else ""


def level2(r: IndicatorResult) -> tuple[str, ...]:
    return r.path[:2] if len(r.path) > 2 else (level1(r), "")


def leaf_name(r: IndicatorResult) -> str:
    return r.path[-1]


def indicator_table(layout: Layout, results: Sequence[IndicatorResult]) -> Block:
    head = Row(tuple(Cell(h, "head") for h in (texts.LEVEL1, texts.LEVEL2, *(c.header for c in layout.columns))))
    rows = tuple(Row((Cell(level1(r), "center"), Cell(level2(r)[1], "center"),
                      *(Cell(c.value(r), c.style) for c in layout.columns)),
                     keys=((level1(r),), level2(r)))
                 for r in results)
    caption = Cell(layout.caption, "head") if layout.caption else None
    return Block(layout.widths, rows, head=(head,), caption=caption, merge=(0, 1))


def total_block(layout: Layout, weight: str, score: str, grade: str | None) -> Block:
    """总分 with the weight and score under their columns; 等级 beside them or on its own row."""
    ncols = len(layout.widths)
    at = {c.role: layout.lead + i for i, c in enumerate(layout.columns) if c.role}
    w_at, s_at = at["weight"], at["score"]
    cells = [(Cell(texts.TOTAL, "head"), w_at), (Cell(weight, "number"), 1)]
    if s_at - w_at > 1:
        cells.append((Cell(""), s_at - w_at - 1))
    cells.append((Cell(score, "number"), 1))
    if s_at < ncols - 1:
        cells.append((Cell(texts.GRADE_VALUE.format(grade=grade or ""), "center"), ncols - 1 - s_at))
        return Block(layout.widths, (spread(cells),))
    grade_row = spread([(Cell(texts.GRADE, "head"), ncols - 1), (Cell(grade or "", "center"), 1)])
    return Block(layout.widths, (spread(cells), grade_row))
