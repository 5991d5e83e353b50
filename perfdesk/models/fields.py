"""Column types that keep Decimal values exact in SQLite (which would store NUMERIC as REAL)."""
from __future__ import annotations

from decimal import Decimal

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee

from perfdesk.scoring.evaluation import to_cell


class DecimalText(peewee.TextField):
    """An exact Decimal, stored as its text."""

    def db_value(self, value):
        return None if value is None else str(Decimal(value))

    def python_value(self, value):
        return None if value is None else Decimal(value)


class CellText(peewee.TextField):
    """A printed numeric cell: a number (stored as exact text) or a mark such as "—"."""

    def db_value(self, value):
        return None if value is None else str(value)

    def python_value(self, value):
        return to_cell(value)
