"""Mutated workbooks never escape as an exception: a clean import or a clear Chinese refusal."""
import io
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.helpers import import_or_refuse

WORKBOOKS = sorted((Path(__file__).resolve().parents[1] / "data" / "fixtures" / "xlsx").glob("*.xlsx"))
RAW = {p.name: p.read_bytes() for p in WORKBOOKS}
BUDGET = settings(max_examples=30, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

cell_values = st.one_of(
    st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=15), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["=1/0", "=A1", "≥", "—", "\u3000", "%", "=SUM("]),
)


def _import(tmp_path, data: bytes) -> None:
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data)
    import_or_refuse(path)


@BUDGET
@given(name=st.sampled_from(sorted(RAW)), flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)),
                                                          min_size=1, max_size=8))
def test_flipped_bytes_are_refused_or_imported(tmp_path, name, flips):
    data = bytearray(RAW[name])
    for where, value in flips:
        data[where % len(data)] = value
    _import(tmp_path, bytes(data))


@BUDGET
@given(name=st.sampled_from(sorted(RAW)), cut=st.integers(0, 10**7))
def test_truncated_workbooks_are_refused(tmp_path, name, cut):
    data = RAW[name]
    _import(tmp_path, data[: cut % len(data)])


@BUDGET
@given(name=st.sampled_from(sorted(RAW)), edits=st.lists(
    st.tuples(st.integers(1, 60), st.integers(1, 12), cell_values), min_size=1, max_size=12))
def test_workbooks_with_random_cell_values_import_or_are_refused(tmp_path, name, edits):
    book = openpyxl.load_workbook(io.BytesIO(RAW[name]))
    sheet = book.worksheets[0]
    merged = {c for r in sheet.merged_cells.ranges for row in r.cells for c in [row]}
    for row, column, value in edits:
        if (row, column) not in merged:
            sheet.cell(row=row, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    _import(tmp_path, out.getvalue())


@BUDGET
@given(members=st.dictionaries(st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                                "xl/sharedStrings.xml", "docProps/app.xml"]),
                               st.binary(max_size=300), min_size=1))
def test_random_zip_members_are_refused(tmp_path, members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    _import(tmp_path, out.getvalue())
