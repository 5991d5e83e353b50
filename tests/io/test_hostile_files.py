"""Hostile table files are refused by cheap counts before they are parsed: quickly, with a Chinese
message, storing nothing (benchmarks/bench_import.py prints the time and peak memory of each)."""
from __future__ import annotations

import time

import pytest

from perfdesk.io.files import ImportRefused, read_tables
from tests.io.hostile import wide_document, wide_workbook, wide_xls


@pytest.mark.parametrize("make, name", [(wide_workbook, "wide.xlsx"), (wide_document, "wide.docx"), (wide_xls, "wide.xls")])
def test_far_too_many_cells_are_refused_before_parsing(make, name, tmp_path):
    path = tmp_path / name
    make(path)
    start = time.monotonic()
    with pytest.raises(ImportRefused, match="单元格超过 200000 个"):
        read_tables(path)
    assert time.monotonic() - start < 10  # generous: the refusal itself takes about 0.2 s
