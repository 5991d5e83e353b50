"""Shared helpers for the Excel import/export tests."""
from __future__ import annotations

import re
from pathlib import Path

from perfdesk.io import exchange

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"
WORKBOOKS = FIXTURES / "xlsx"
NOT_IN_WORKBOOK = ("source", "narrative_claims", "transcription_notes")
CHINESE = re.compile(r"[\u4e00-\u9fff]")

# Which fixture each table of each workbook transcribes, in sheet/table order.
WORKBOOK_FIXTURES = {
    "linshui_2021.xlsx": ["001_01", "001_02", "001_03", "001_04", "001_05", "001_06"],
    "xinzhou_2022.xlsx": ["002_01", "002_02", "002_03", "002_04", "002_05"],
    "yangpu_2022.xlsx": ["004_01", "004_02", "004_03", "004_05", "004_06"],
    "yangpu_transfer.xlsx": ["004_04"],
    "synthetic_dept_overall.xlsx": ["synthetic_dept_overall"],
}


def fixture_path(prefix: str) -> Path:
    found = [p for p in FIXTURES.glob("*.json") if p.name.startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


def all_fixture_paths() -> list[Path]:
    return sorted(FIXTURES.glob("*.json"))


def load_fixture(path: Path):
    return exchange.loads(path.read_text(encoding="utf-8"))[0]


def comparable(evaluation) -> dict:
    """The exchange table of an evaluation without the keys a workbook cannot hold."""
    table = exchange.evaluation_to_table(evaluation)
    for key in NOT_IN_WORKBOOK:
        table.pop(key)
    return table
