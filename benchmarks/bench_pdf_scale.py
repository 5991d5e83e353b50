"""PDF layout time against the size of a table: per indicator row for 100, 1,000 and 5,000
indicators, and per 1,000 characters for one long cell. Linear layout prints flat figures.

Run by hand:  .venv/bin/python benchmarks/bench_pdf_scale.py [--quick]
Target (issue 10): 5,000 indicators in < 30 s; per-row times flat.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfdesk.io import exchange  # noqa: E402
from perfdesk.reports import write_pdf  # noqa: E402
from perfdesk.scoring.evaluation import Indicator  # noqa: E402
from perfdesk.scoring.scheme import DEFAULT_SCHEME  # noqa: E402

FIXTURE = ROOT / "tests" / "data" / "fixtures" / "002_01_yiyao_zhaocai_jijin_jianguan_jingfei.json"
SENTENCE = "全面落实国家、省基金监管工作安排部署，不断强化基金监管，完善监管体制，创新监管方式。"


def base():
    return exchange.loads(FIXTURE.read_text(encoding="utf-8"))[0]


def with_indicators(ev, count: int):
    """`count` leaves: 一级 groups of 50, 二级 groups of 10, each with a reason of two lines."""
    tree = []
    for g in range(0, count, 50):
        seconds = []
        for s in range(g, min(g + 50, count), 10):
            leaves = tuple(Indicator(f"第{i + 1}项三级指标：按时完成年度工作任务", target="≥95%", actual="93%",
                                     weight=Decimal("0.1"), reason="部分任务因疫情推迟，已调整工作计划。")
                           for i in range(s, min(s + 10, count)))
            seconds.append(Indicator(f"二级指标{s // 10 + 1}", 2, leaves))
        tree.append(Indicator(f"一级指标{g // 50 + 1}", 1, tuple(seconds)))
    return replace(ev, indicators=tuple(tree))


def with_long_cell(ev, characters: int):
    text = (SENTENCE * (characters // len(SENTENCE) + 1))[:characters]
    return replace(ev, goal_target=text)


def seconds(ev, out: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        write_pdf(out, "table", [ev], DEFAULT_SCHEME)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    ev = base()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "t.pdf"
        write_pdf(out, "table", [ev], DEFAULT_SCHEME)  # fonts load once per process
        print("indicators   seconds   ms per row   pages")
        for count in ((100, 1000) if quick else (100, 1000, 5000)):
            table = with_indicators(ev, count)
            took = seconds(table, out, 3 if count < 5000 else 1)
            pages = write_pdf(out, "table", [table], DEFAULT_SCHEME).pages
            print(f"{count:10d} {took:9.2f} {took / count * 1000:12.2f} {pages:7d}")
        print("cell chars   seconds   ms per 1,000 chars")
        for chars in ((10_000, 40_000) if quick else (10_000, 40_000, 80_000)):
            took = seconds(with_long_cell(ev, chars), out, 3)
            print(f"{chars:10d} {took:9.2f} {took / chars * 1e6:12.2f}")


if __name__ == "__main__":
    main()
