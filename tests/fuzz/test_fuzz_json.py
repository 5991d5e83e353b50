"""Mutated and random JSON never escapes as an exception: a clean import or a clear refusal."""
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdesk.io.files import ImportRefused, read_tables
from perfdesk.models import Workspace, WorkspaceError
from tests.fuzz.helpers import import_or_refuse

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
TABLES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]
BUDGET = settings(max_examples=120, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, prefix + (i,))


@st.composite
def mutated_tables(draw):
    table = json.loads(json.dumps(draw(st.sampled_from(TABLES))))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(table) if p]
        path = draw(st.sampled_from(paths))
        parent = table
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_values)
    return table


def _check_file(tmp_path, text: str) -> None:
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    evaluations = import_or_refuse(path)
    if not evaluations:
        return
    target = tmp_path / "fuzz.perfdesk"
    if not target.exists():
        Workspace.create(target).close()
    with Workspace.open(target) as ws:
        try:
            ws.import_evaluations(evaluations)
        except WorkspaceError as exc:
            assert not str(exc).isascii()


@BUDGET
@given(table=mutated_tables())
def test_mutated_fixture_tables_import_cleanly_or_are_refused(tmp_path, table):
    _check_file(tmp_path, json.dumps(table, ensure_ascii=False))


@BUDGET
@given(value=json_values)
def test_random_json_is_refused_or_imported(tmp_path, value):
    _check_file(tmp_path, json.dumps(value))


@BUDGET
@given(text=st.text(max_size=200))
def test_random_text_is_refused(tmp_path, text):
    _check_file(tmp_path, text)


@BUDGET
@given(cut=st.integers(0, 4000), table=st.sampled_from(TABLES))
def test_truncated_files_are_refused(tmp_path, cut, table):
    text = json.dumps(table, ensure_ascii=False)
    _check_file(tmp_path, text[:cut % len(text)])


def test_deeply_nested_json_is_refused(tmp_path):
    with pytest.raises(ImportRefused):
        path = tmp_path / "deep.json"
        path.write_text("[" * 100000 + "]" * 100000)
        read_tables(path)


def test_decimal_values_round_trip_exactly():
    assert isinstance(read_tables(FIXTURES / "004_01_yibao_guanli_shiwu.json")[0].funds[0].executed, Decimal)
