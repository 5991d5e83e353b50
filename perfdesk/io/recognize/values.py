"""Cell values as fields: text as displayed, numbers from number cells or from text that holds one."""
from __future__ import annotations

import re
from decimal import Decimal

from perfdesk.io.grid.model import NUMBER, PERCENT, GridCell
from perfdesk.io.recognize.labels import fold
from perfdesk.scoring.evaluation import Cell, to_cell

_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
_POINTS = re.compile(r"(-?\d+(?:\.\d+)?)分")
_AMOUNT = re.compile(r"(-?[\d,]+(?:\.\d+)?)(万元|万|元)")
_BLANK_MARKS = ("—", "-", "--", "——", "/", "－", "–", "无", "／")


def text_of(cell: GridCell | None) -> str | None:
    return None if cell is None else cell.text


def number_of(cell: GridCell | None) -> Cell:
    """A numeric field: the number of a number cell, or of text such as "4,878,000" or "１２"; other text as is.

    A percent cell reads as its printed percentage ("99.87%"), never as the fraction.
    """
    if cell is None:
        return None
    if cell.kind == NUMBER:
        return cell.number
    if cell.kind == PERCENT:
        return cell.text
    compact = fold(cell.text).replace(" ", "")
    if _THOUSANDS.fullmatch(compact):
        compact = compact.replace(",", "")
    value = to_cell(compact)
    return value if isinstance(value, Decimal) else cell.text


def points_of(cell: GridCell | None) -> Cell:
    """A 分值/得分 cell: as `number_of`, and "100分" read as 100."""
    value = number_of(cell)
    if isinstance(value, str) and (match := _POINTS.fullmatch(fold(value).replace(" ", ""))):
        return Decimal(match.group(1))
    return value


def amount_of(cell: GridCell | None, unit: str | None) -> Cell:
    """A money cell: as `number_of`, and "3359.62万" read as 3359.62 when the table counts in 万元
    (or names no unit); an amount in another unit than the table's stays text."""
    value = number_of(cell)
    if not isinstance(value, str) or (match := _AMOUNT.fullmatch(fold(value).replace(" ", ""))) is None:
        return value
    suffix = "万元" if match.group(2).startswith("万") else "元"
    if unit not in (None, suffix):
        return value
    number = number_of(GridCell(match.group(1)))
    return number if isinstance(number, Decimal) else value


def decimal_of(cell: GridCell | None) -> Decimal | None:
    value = number_of(cell)
    return value if isinstance(value, Decimal) else None


def is_numeric(cell: GridCell | None) -> bool:
    """A number, percentage, or an amount written with its money unit ("3359.62万")."""
    return cell is not None and (cell.kind in (NUMBER, PERCENT) or decimal_of(cell) is not None
                                 or fold(cell.text).rstrip("%").replace(",", "").replace(".", "", 1).isdigit()
                                 or isinstance(amount_of(cell, None), Decimal))


def is_blank_mark(cell: GridCell | None) -> bool:
    """"—", "-", "/" and the like: printed in a cell that has nothing to say."""
    return cell is not None and cell.text.strip() in _BLANK_MARKS
