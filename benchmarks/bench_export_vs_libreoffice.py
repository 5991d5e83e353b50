"""The whole `perfdesk export --pdf` process for one table against headless LibreOffice
converting the same table as a workbook (what offices do today), in alternating runs.

Run by hand:  .venv/bin/python benchmarks/bench_export_vs_libreoffice.py [runs]
Target (issue 13): perfdesk ≥ 3× faster. Needs LibreOffice (libreoffice-calc-nogui).
Prints wall-clock and CPU medians: on a machine shared with other work the wall clock of both
grows with the load, so read the wall figures from a quiet machine (the load average is shown).

The table is 医疗保障管理事务 (fixture 004_01, 19 indicators); the workbook is the published
yangpu_2022.xlsx with only that table's sheet kept. Both are warmed up once first (perfdesk's
font metrics cache, LibreOffice's user profile), as on an office PC that has exported before.
"""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "fixtures"
SHEET = "医疗保障管理事务"


def one_sheet_workbook(target: Path) -> Path:
    book = openpyxl.load_workbook(FIXTURES / "xlsx" / "yangpu_2022.xlsx")
    for sheet in list(book.worksheets):
        if sheet.title != SHEET:
            book.remove(sheet)
    book.save(target)
    return target


# As installed (pip, or the PyInstaller bundle) perfdesk runs from compiled bytecode; a shell
# with PYTHONDONTWRITEBYTECODE would make every run compile perfdesk's modules again.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and everything it started)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=ENVIRONMENT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        sys.exit("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    perfdesk = [sys.executable, "-m", "perfdesk"]
    load = f"{os.getloadavg()[0]:.2f}"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        workspace = out / "bench.perfdesk"
        subprocess.run([*perfdesk, "new", str(workspace)], check=True, capture_output=True, env=ENVIRONMENT)
        subprocess.run([*perfdesk, "import", str(workspace), str(FIXTURES / "004_01_yibao_guanli_shiwu.json")],
                       check=True, capture_output=True)
        workbook = one_sheet_workbook(out / "table.xlsx")
        ours = [*perfdesk, "export", str(workspace), "--evaluation", "1", "--pdf", str(out / "perfdesk.pdf")]
        theirs = [office, "--headless", f"-env:UserInstallation=file://{out}/lo-profile", "--convert-to", "pdf",
                  "--outdir", str(out / "lo"), str(workbook)]
        timed(ours), timed(theirs)  # warm up both
        times = {"perfdesk": [], "LibreOffice": []}
        for _ in range(runs):  # alternating, so both meet the same machine load
            times["perfdesk"].append(timed(ours))
            times["LibreOffice"].append(timed(theirs))
    print(f"load average before/after: {load} / {os.getloadavg()[0]:.2f}")
    for index, what in ((0, "wall"), (1, "CPU")):
        medians = {name: statistics.median(v[index] for v in values) for name, values in times.items()}
        for name, values in times.items():
            print(f"{what:4s} {name:12s} median {medians[name] * 1000:6.0f} ms   runs: "
                  + " ".join(f"{v[index] * 1000:.0f}" for v in values))
        print(f"{what:4s} ratio: perfdesk is {medians['LibreOffice'] / medians['perfdesk']:.2f}× faster")


if __name__ == "__main__":
    main()
