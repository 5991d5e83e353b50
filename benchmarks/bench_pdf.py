"""Median time to print one 自评表, and 50 evaluations as 汇总表 and 自评报告; for comparison, what
offices do today: headless LibreOffice converting the equivalent workbook (when it is installed).

Run by hand:  .venv/bin/python benchmarks/bench_pdf.py
Targets: one table ≥ 10× faster than LibreOffice; 50 evaluations < 5 s.
"""
from __future__ import annotations

from dataclasses import replace

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfdesk.io import exchange  # noqa: E402
from perfdesk.reports import write_pdf  # noqa: E402
from perfdesk.scoring.scheme import DEFAULT_SCHEME  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "fixtures"
WORKBOOK = FIXTURES / "xlsx" / "yangpu_2022.xlsx"


def fixture_evaluations():
    return [exchange.loads(p.read_text(encoding="utf-8"))[0] for p in sorted(FIXTURES.glob("*.json"))]


def median_seconds(run, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def libreoffice_seconds(out: Path, repeats: int) -> float | None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return None
    command = [office, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(WORKBOOK)]
    return median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeats)


def main() -> None:
    evaluations = fixture_evaluations()
    one = next(ev for ev in evaluations if ev.project == "医疗保障管理事务")  # 004_01, 19 indicators
    fifty = [replace(ev, year=2022) for ev in islice(cycle(evaluations), 50)]  # a report covers one year
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        write_pdf(out / "warm.pdf", "table", [one], DEFAULT_SCHEME)  # font loading is paid once per process
        table = median_seconds(lambda: write_pdf(out / "t.pdf", "table", [one], DEFAULT_SCHEME), 21)
        summary = median_seconds(lambda: write_pdf(out / "s.pdf", "summary", fifty, DEFAULT_SCHEME), 5)
        report = median_seconds(lambda: write_pdf(out / "r.pdf", "report", fifty, DEFAULT_SCHEME), 5)
        pages = write_pdf(out / "r.pdf", "report", fifty, DEFAULT_SCHEME).pages
        office = libreoffice_seconds(out, 3)
    print(f"one 自评表 (004_01):                {table * 1000:8.1f} ms")
    print(f"50 evaluations, 汇总表:            {summary * 1000:8.1f} ms")
    print(f"50 evaluations, 自评报告 ({pages} pages): {report * 1000:8.1f} ms")
    if office is None:
        print("LibreOffice not on PATH: comparison skipped")
    else:
        print(f"LibreOffice, {WORKBOOK.name}:     {office * 1000:8.1f} ms  ({office / table:.0f}× the 自评表)")


if __name__ == "__main__":
    main()
