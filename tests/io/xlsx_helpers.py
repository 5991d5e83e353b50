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


def map_leaves(ev, change):
    """The evaluation with change(index, leaf) applied to every leaf, in order."""
    from dataclasses import replace
    count = [0]

    def walk(node):
        if node.children:
            return replace(node, children=tuple(walk(c) for c in node.children))
        count[0] += 1
        return change(count[0] - 1, node)
    return replace(ev, indicators=tuple(walk(n) for n in ev.indicators))


def unprinted(ev):
    """A table as built in perfdesk: nothing printed, every figure computed."""
    from dataclasses import replace
    ev = map_leaves(ev, lambda i, leaf: replace(leaf, score_printed=None))
    funds = tuple(replace(f, rate_printed=None, score_printed=None) for f in ev.funds)
    return replace(ev, funds=funds, total_score_printed=None, total_weight_printed=None, grade_printed=None)


def with_user_work(ev):
    """Work done in perfdesk on an imported table: a manual score with a reason over two lines,
    a typed direction, report texts (one starting with "="), signatories."""
    from dataclasses import replace
    from decimal import Decimal

    from perfdesk.scoring.evaluation import Signatories

    def change(i, leaf):
        if i == 0 and ev.scored:
            return replace(leaf, manual_score=Decimal("1.5"), manual_reason="抽查发现问题\n扣分")
        return replace(leaf, direction="lower") if i == 1 else leaf
    ev = map_leaves(ev, change)
    return replace(ev, report_sections=(("basic", "基本情况。\n第二段"), ("other", "=其他说明")),
                   signatories=Signatories(preparer="张喆", phone="021-65000000", finance_head="李堃",
                                           date="2023-03-25"))
