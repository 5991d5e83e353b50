"""Import benchmark (run by hand): reading tables from files, and refusing hostile ones.

    .venv/bin/python benchmarks/bench_import.py [--repeat 3]

1. A 20-sheet workbook holding 200 evaluation tables (the 24 fixtures again and again, each laid out
   at random as offices do, 10 stacked per sheet), and the same tables as .xls and as one .docx.
   Targets: < 5 s and < 300 MB peak RSS per format.
2. Hostile files: issue 10's workbook (5,000 rows × 2,400 one-digit cells), the same idea as .docx
   and .xls, and a workbook just under every limit (199,000 cells, all read and recognized).
   Target: refused or read within 10 s and 500 MB.

Each read runs in a fresh process (so the peak RSS is its own); prints the median seconds and the
largest peak RSS of the runs.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.io.hostile import WORKBOOK_PARTS, wide_document, wide_workbook, wide_xls  # noqa: E402
from tests.io.render import lay_out, write_docx, write_xls, write_xlsx  # noqa: E402
from tests.io.xlsx_helpers import all_fixture_paths, load_fixture  # noqa: E402

CHILD = """
import json, re, sys, time
from pathlib import Path
from perfdesk.io.reader import read_file
from perfdesk.io.refusal import ImportRefused
start = time.perf_counter()
try:
    tables, outcome = len(read_file(sys.argv[1]).tables), "read"
except ImportRefused as exc:
    tables, outcome = 0, "refused: " + str(exc).split("：", 1)[-1][:40]
peak = int(re.search(r"VmHWM:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1))  # kB, this process only
print(json.dumps({"seconds": time.perf_counter() - start, "tables": tables, "outcome": outcome, "rss_mb": peak / 1024}))
"""


def two_hundred_tables(folder: Path) -> dict[str, Path]:
    fixtures = [load_fixture(p) for p in all_fixture_paths()]
    rng = random.Random(2026)
    sheets = {}
    document = None
    for number in range(200):
        ev = fixtures[number % len(fixtures)]
        ev = dataclasses.replace(ev, project=f"{ev.project or '项目'}（第 {number + 1} 号）")
        name = f"第{number // 10 + 1}组"
        sheets[name] = lay_out(ev, rng, sheets.get(name))
        document = lay_out(ev, rng, document, word=True)
    paths = {form: folder / f"200张表.{form}" for form in ("xlsx", "xls", "docx")}
    write_xlsx(paths["xlsx"], sheets)
    write_xls(paths["xls"], sheets)
    write_docx(paths["docx"], document)
    return paths


def just_under_the_limits(path: Path) -> None:
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in WORKBOOK_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for r in range(1, 19_901):
                sheet.write(b'<row r="%d">' % r + b"".join(
                    b'<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (bytes([65 + c]), r, f"文字{r * c}".encode())
                    for c in range(10)) + b"</row>")
            sheet.write(b"</sheetData></worksheet>")


def measure(path: Path, repeat: int) -> dict:
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                      check=True, cwd=REPO).stdout) for _ in range(repeat)]
    return {"seconds": statistics.median(r["seconds"] for r in runs), "rss_mb": max(r["rss_mb"] for r in runs),
            "tables": runs[0]["tables"], "outcome": runs[0]["outcome"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        print("200 tables (20 sheets × 10; one Word document)   target < 5 s, < 300 MB")
        for form, path in two_hundred_tables(folder).items():
            found = measure(path, args.repeat)
            print(f"  .{form:5} {path.stat().st_size / 1e6:6.2f} MB  {found['tables']:3} tables  "
                  f"median {found['seconds']:5.2f} s  peak RSS {found['rss_mb']:5.0f} MB")
        print("hostile files                                     target < 10 s, < 500 MB")
        for label, make, name in (("issue 10 workbook 5,000 × 2,400", wide_workbook, "wide.xlsx"),
                                  ("Word table of 300,000 cells", wide_document, "wide.docx"),
                                  (".xls with 250,000 cell records", wide_xls, "wide.xls"),
                                  ("199,000 cells, under every limit", just_under_the_limits, "max.xlsx")):
            path = folder / name
            make(path)
            found = measure(path, args.repeat)
            print(f"  {label:34} {path.stat().st_size / 1e6:6.2f} MB  median {found['seconds']:5.2f} s  "
                  f"peak RSS {found['rss_mb']:5.0f} MB  {found['outcome']}")


if __name__ == "__main__":
    main()
