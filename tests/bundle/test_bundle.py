"""Build the PyInstaller bundle from build.spec and drive the bundled program headless.

Slow (about a minute): marked `slow`; CI runs it. Skip with  -m "not slow".
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "data" / "fixtures"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("PyInstaller is not installed")
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [str(Path(sys.executable).parent / "pyinstaller"), "--noconfirm", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(REPO / "build.spec")],
        cwd=REPO, check=True, capture_output=True, timeout=600,
    )
    return work / "dist" / "perfdesk" / ("perfdesk.exe" if os.name == "nt" else "perfdesk")


def run(bundle, *args, cwd):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_DATA_DIR=str(cwd / "userdata"))
    return subprocess.run([str(bundle), *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_bundled_program_runs_the_command_line(bundle, tmp_path):
    from perfdesk import __version__
    assert run(bundle, "--version", cwd=tmp_path).stdout.strip() == f"perfdesk {__version__}"
    ws = tmp_path / "w.perfdesk"
    assert run(bundle, "new", ws, cwd=tmp_path).returncode == 0
    imported = run(bundle, "import", ws, FIXTURES / "004_01_yibao_guanli_shiwu.json", cwd=tmp_path)
    assert imported.returncode == 0 and imported.stdout.split() == ["1"]
    scored = run(bundle, "score", ws, "--json", cwd=tmp_path)
    [ev] = json.loads(scored.stdout)["evaluations"]
    assert (ev["total"], ev["grade"]) == (99.99, "优")
    pdf = tmp_path / "table.pdf"
    exported = run(bundle, "export", ws, "--all", "--pdf", pdf, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "table.xlsx"
    assert run(bundle, "export", ws, "--all", "--xlsx", xlsx, cwd=tmp_path).returncode == 0
    import openpyxl
    assert openpyxl.load_workbook(xlsx, data_only=True)["2022年汇总表"]["I5"].value == 99.99
    refused = run(bundle, "list", FIXTURES / "FORMAT.md", cwd=tmp_path)
    assert refused.returncode == 1 and "perfdesk" in refused.stderr and "Traceback" not in refused.stderr
