"""Typed quantities as number cells whose format shows the text, and reading such cells back."""
from decimal import Decimal

import pytest

from perfdesk.io.grid.numfmt import number_cell, with_words
from perfdesk.io.xlsx_quantity import quantity_of
from perfdesk.scoring.targets import parse_target, read_actual


@pytest.mark.parametrize("text, value, num_format, factor", [
    ("≥95%", "0.95", '"≥"0%', 100),
    ("98.50%", "0.985", "0.00%", 100),
    ("34次", "34", '0"次"', 1),
    ("4,878,000", "4878000", "#,##0", 1),
    ("7.3393万人", "7.3393", '0.0000"万人"', 10000),
    ("》=90%", "0.9", '"》="0%', 100),
    ("大于90%以上", "0.9", '"大于"0%"以上"', 100),
    ("100", "100", "General", 1),
    ("完成34次培训", "34", '"完成"0"次培训"', 1),
])
def test_a_quantity_becomes_a_number_shown_as_typed(text, value, num_format, factor):
    q = quantity_of(text, read_actual(text))
    assert (q.value, q.num_format, q.factor) == (Decimal(value), num_format, factor)
    assert q.value * q.factor == read_actual(text).value
    assert number_cell(Decimal(repr(float(q.value))), q.num_format).text == text  # what the reader shows


@pytest.mark.parametrize("text", ["0.50", "007", "-5", "80%-100%", "280元*30%", "按时完成", '≥"9"', "=1" + "0" * 20])
def test_what_a_number_cannot_show_exactly_stays_text(text):
    assert quantity_of(text, parse_target(text)) is None


def test_formats_rewritten_by_libreoffice_and_values_typed_in_excel_still_read():
    assert with_words(Decimal(12), '\\≤0"个月"') == "≤12个月"
    assert with_words(Decimal("0.744"), '"网上可办率"0%\\。') == "网上可办率74.4%。"  # more digits than the format: all shown
    assert with_words(Decimal("4878000.5"), "#,##0.00") == "4,878,000.50"
    assert with_words(Decimal(3), "0.00") is None and with_words(Decimal(3), "General") is None
