"""Headless LibreOffice recalculates an exported workbook and gets perfdesk's figures, also after
actuals were edited in the workbook.

Slow (LibreOffice starts twice, ~10 s): marked `slow`. CI installs libreoffice-calc-nogui
(scripts/test), so it runs there.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from perfdesk.io.xlsx_export import write_workbook
from perfdesk.io.reader import read_file
from tests.io.xlsx_helpers import all_fixture_paths, load_fixture, unprinted, with_user_work

pytestmark = pytest.mark.slow

# A LibreOffice profile that recalculates every formula of an .xlsx on load (its default is to
# trust the stored values, which would prove nothing).
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculate(source: Path, work: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (scripts/test installs libreoffice-calc-nogui)")
    profile = work / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    out = work / "recalculated"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    return out / source.name


def formula_values(path: Path, formulas_from: Path | None = None) -> dict[tuple[str, str], object]:
    """(sheet, cell) -> stored value of every formula cell (formulas located in `formulas_from`)."""
    formulas = openpyxl.load_workbook(formulas_from or path)
    values = openpyxl.load_workbook(path, data_only=True)
    return {(ws.title, c.coordinate): values[ws.title][c.coordinate].value
            for ws in formulas.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"}


def same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return (a in (None, "") and b in (None, "")) or a == b


@pytest.fixture(scope="module")
def evaluations():
    fixtures = [load_fixture(p) for p in all_fixture_paths()]
    return fixtures + [with_user_work(unprinted(ev)) for ev in fixtures]


def test_libreoffice_computes_the_figures_perfdesk_stored(evaluations, tmp_path):
    path = tmp_path / "export.xlsx"
    write_workbook(path, evaluations)
    stored = formula_values(path)
    computed = formula_values(recalculate(path, tmp_path), formulas_from=path)
    assert len(stored) > 700
    differ = {key: (stored[key], computed[key]) for key in stored if not same(stored[key], computed[key])}
    assert differ == {}


def test_editing_actuals_in_the_workbook_rescores_as_perfdesk_does(evaluations, tmp_path):
    """Lower every actual that a ratio formula reads, let LibreOffice recalculate, then import the
    recalculated workbook into perfdesk and export it again: every formula agrees."""
    path = tmp_path / "export.xlsx"
    write_workbook(path, evaluations)
    book = openpyxl.load_workbook(path)
    edited = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=IF(ISNUMBER("):
                    actual = ws[cell.value[len("=IF(ISNUMBER("):].split(")")[0]]
                    if isinstance(actual.value, (int, float)):
                        actual.value = actual.value * 0.8
                        edited += 1
    assert edited > 40
    changed = tmp_path / "edited.xlsx"
    book.save(changed)  # openpyxl keeps the formulas and drops their stored values
    recalculated = recalculate(changed, tmp_path)
    again = tmp_path / "again.xlsx"
    write_workbook(again, list(read_file(recalculated).evaluations))
    by_libreoffice = formula_values(recalculated, formulas_from=again)
    by_perfdesk = formula_values(again)
    differ = {key: (by_perfdesk[key], by_libreoffice[key]) for key in by_perfdesk
              if not same(by_perfdesk[key], by_libreoffice[key])}
    assert differ == {}
    before = formula_values(path)
    rescored = sum(1 for key, value in by_perfdesk.items() if not same(value, before.get(key)))
    assert rescored > 100  # the edit changed scores, subtotals, totals and the 汇总表
