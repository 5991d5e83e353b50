"""Import then export through the command line gives back every fixture, byte for byte in meaning,
on a workspace file and on a PostgreSQL server."""
from __future__ import annotations

import json
import re

import pytest

from helpers import fixture, fixture_files, has_chinese, strict_json
from perfdesk.cli import main
from perfdesk.models import Workspace
from perfdesk.models.richtext import plain_text

FIXTURES = fixture_files()


def test_all_fixtures_are_present():
    assert len(FIXTURES) == 24, [p.name for p in FIXTURES]


def plain_strings(text: str) -> str:
    """The JSON text with rich text in its strings made plain, as every import does (004_01's
    goals are wrapped in <p>…</p>); everything else byte for byte."""
    def plain(match):
        return json.dumps(plain_text(json.loads(match.group(0))), ensure_ascii=False)
    return re.sub(r'"(?:[^"\\]|\\.)*"', plain, text)


def _new(new_target):
    ws = new_target()
    assert main(["new", str(ws)]) == 0
    return ws


def _count(ws_path) -> int:
    with Workspace.open(ws_path, readonly=True) as ws:
        return len(ws.evaluations())


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_round_trips_through_import_and_export(path, new_target, tmp_path, capsys):
    ws = _new(new_target)
    capsys.readouterr()
    assert main(["import", str(ws), str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    new_ids = [int(line) for line in out.split()]
    assert len(new_ids) == 1

    exported = tmp_path / "out.json"
    assert main(["export", str(ws), "--evaluation", str(new_ids[0]), "--json", str(exported)]) == 0
    original = plain_strings(path.read_text(encoding="utf-8"))
    again = exported.read_text(encoding="utf-8")
    # Same values, same key order, same number spelling (int vs float, digits).
    assert strict_json(again) == strict_json(original)
    assert json.dumps(json.loads(again), ensure_ascii=False) == json.dumps(json.loads(original), ensure_ascii=False)

    # A second trip (export of the re-imported export) is stable too.
    assert main(["import", str(ws), str(exported)]) == 0
    second_id = int(capsys.readouterr().out.split()[0])
    exported2 = tmp_path / "out2.json"
    assert main(["export", str(ws), "--evaluation", str(second_id), "--json", str(exported2)]) == 0
    assert strict_json(exported2.read_text(encoding="utf-8")) == strict_json(original)


def test_list_of_tables_imports_every_table(new_target, tmp_path, capsys):
    chosen = [fixture("001_01"), fixture("002_03"), fixture("004_04"), fixture("synthetic")]
    tables = [json.loads(p.read_text(encoding="utf-8")) for p in chosen]
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps(tables, ensure_ascii=False, indent=1), encoding="utf-8")
    ws = _new(new_target)
    capsys.readouterr()

    assert main(["import", str(ws), str(bundle)]) == 0
    ids = [int(line) for line in capsys.readouterr().out.split()]
    assert len(ids) == len(tables) == len(set(ids))

    assert main(["list", str(ws)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(tables)
    projects = {line.split("\t")[3] for line in lines}
    assert projects == {t["project"] or t["title"] or "" for t in tables}

    exported = tmp_path / "all.json"
    assert main(["export", str(ws), "--evaluation", *map(str, ids), "--json", str(exported)]) == 0
    assert strict_json(exported.read_text(encoding="utf-8")) == strict_json(json.dumps(tables, ensure_ascii=False))


def _bad_variants(tmp_path):
    good = json.loads(fixture("004_02").read_text(encoding="utf-8"))
    wrong_form = dict(good, form="no_such_form")
    missing_funds = {k: v for k, v in good.items() if k != "funds"}
    bad_weight = json.loads(json.dumps(good))
    bad_weight["indicators"][2]["weight"] = [1, 2]
    files = {
        "not_json.json": "{这不是 JSON",
        "wrong_form.json": json.dumps(wrong_form, ensure_ascii=False),
        "missing_funds.json": json.dumps(missing_funds, ensure_ascii=False),
        "bad_weight.json": json.dumps(bad_weight, ensure_ascii=False),
        "bad_year.json": json.dumps(dict(good, year="二〇二二"), ensure_ascii=False),
        "empty_list.json": "[]",
        # second table of a list is broken: the first must not be stored either
        "half_list.json": json.dumps([good, wrong_form], ensure_ascii=False),
    }
    paths = []
    for name, text in files.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes("{\"title\": \"é\"}".encode("latin-1"))
    paths.append(latin1)
    paths.append(tmp_path / "missing.json")
    xlsx = tmp_path / "table.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 not really")
    paths.append(xlsx)
    return paths


@pytest.mark.parametrize("position", ["first", "middle", "last"])
def test_bad_file_among_several_changes_nothing(new_target, tmp_path, capsys, position):
    ws = _new(new_target)
    assert main(["import", str(ws), str(fixture("004_01"))]) == 0
    capsys.readouterr()
    before = _count(ws)
    good = [fixture("001_02"), fixture("002_01"), fixture("004_04")]
    for bad in _bad_variants(tmp_path):
        files = list(good)
        files.insert({"first": 0, "middle": 1, "last": 3}[position], bad)
        code = main(["import", str(ws), *map(str, files)])
        out, err = capsys.readouterr()
        assert code == 1, bad.name
        assert out == "", bad.name
        lines = err.splitlines()
        assert len(lines) == 1, (bad.name, err)
        assert has_chinese(lines[0]), (bad.name, err)
        assert "Traceback" not in err and "内部错误" not in err, (bad.name, err)
        assert _count(ws) == before, bad.name


def test_import_into_a_missing_workspace_fails_cleanly(tmp_path, capsys):
    code = main(["import", str(tmp_path / "nope.perfdesk"), str(fixture("004_02"))])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and has_chinese(err) and "Traceback" not in err
    assert not (tmp_path / "nope.perfdesk").exists()
