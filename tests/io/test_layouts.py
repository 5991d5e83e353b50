"""Property: every fixture, laid out at random the way offices do (see render.py), written as .xlsx,
.xls and .docx, reads back as the fixture."""
from __future__ import annotations

import random
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdesk.io.reader import read_file
from tests.io.accounted import unaccounted
from tests.io.render import lay_out, write_docx, write_xls, write_xlsx
from tests.io.xlsx_helpers import all_fixture_paths, comparable, load_fixture

FIXTURES = {p.stem[:6] if not p.stem.startswith("synthetic") else "synthetic": load_fixture(p) for p in all_fixture_paths()}
WRITERS = {
    "xlsx": lambda path, printed: write_xlsx(path, {"表1": printed}),
    "xls": lambda path, printed: write_xls(path, {"表1": printed}),
    "docx": write_docx,
}


def round_trip(ev, form: str, seed: int):
    printed = lay_out(ev, random.Random(seed), word=form == "docx")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"表.{form}"
        WRITERS[form](path, printed)
        found = read_file(path)
    assert len(found.tables) == 1, found.lines()
    return found


def check(name: str, form: str, seed: int) -> None:
    ev = FIXTURES[name]
    found = round_trip(ev, form, seed)
    table = found.tables[0]
    assert comparable(table.evaluation) == comparable(ev), (name, form, seed, table.lines)
    assert unaccounted(found) == [], (name, form, seed)  # every cell read or named in the report


@pytest.mark.parametrize("form", sorted(WRITERS))
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_fixture_reads_back_from_a_random_layout(name, form):
    check(name, form, zlib.crc32(f"{name}.{form}".encode()))


@pytest.mark.parametrize("form", sorted(WRITERS))
def test_all_fixtures_stacked_in_one_sheet_or_document_read_back_in_order(form, tmp_path):
    """Several tables of every form one under another (as offices keep a year's tables)."""
    rng = random.Random(form)
    printed = None
    for ev in FIXTURES.values():
        printed = lay_out(ev, rng, printed, word=form == "docx")
    path = tmp_path / f"全部.{form}"
    WRITERS[form](path, printed)
    found = read_file(path)
    assert [comparable(e) for e in found.evaluations] == [comparable(e) for e in FIXTURES.values()]


@pytest.mark.slow
@pytest.mark.parametrize("form", sorted(WRITERS))
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=st.sampled_from(sorted(FIXTURES)), seed=st.integers(0, 10**9))
def test_many_random_layouts(form, name, seed):
    check(name, form, seed)
