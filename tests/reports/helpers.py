"""Generating PDFs from the fixtures and reading them back (pypdf text, pdffonts)."""
from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from perfdesk.scoring.evaluation import Evaluation, Indicator
from tests.scoring.scoring_fixtures import load  # noqa: F401  (re-exported for the tests)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """Text without whitespace: cells wrap, so compare strings with their spaces removed."""
    return re.sub(r"\s+", "", text)


def fonts_table(path: Path) -> list[list[str]]:
    """The rows of `pdffonts`: name, type, encoding, emb, sub, uni, …"""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def with_indicators(ev: Evaluation, count: int) -> Evaluation:
    """`ev` with `count` leaves under 产出指标 (数量/质量/时效 by tens) and one 满意度 leaf."""
    groups = {}
    for i in range(count - 1):
        leaf = Indicator(name=f"第{i + 1}项三级指标：按时完成年度工作任务并提高服务质量", target="≥95%",
                         actual="96%", weight=Decimal("1.5"))
        groups.setdefault(("数量指标", "质量指标", "时效指标")[i * 3 // count], []).append(leaf)
    output = Indicator("产出指标", 1, tuple(Indicator(name, 2, tuple(leaves)) for name, leaves in groups.items()))
    happy = Indicator("满意度指标", 1, (Indicator("服务对象满意度指标", 2, (
        Indicator("服务对象满意度", target="≥90%", actual="92%", weight=Decimal(1)),)),))
    return replace(ev, indicators=(output, happy))


def all_fixtures() -> list[Evaluation]:
    """Every published table in tests/data/fixtures, in file order."""
    from tests.scoring.scoring_fixtures import NAMES
    return [load(name) for name in NAMES]
