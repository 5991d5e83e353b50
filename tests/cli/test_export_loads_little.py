"""`perfdesk export WS --pdf OUT` is a short process whose time is mostly imports
(benchmarks/bench_export_vs_libreoffice.py): a one-table PDF loads only what a PDF needs."""
import json
import subprocess
import sys

from perfdesk.cli import main

PROBE = ("import json, sys; from perfdesk.cli import main; code = main(sys.argv[1:]); "
         "print(json.dumps([code, sorted(sys.modules)]))")

# the other formats' libraries, the window, the server driver, Pillow (reportlab wants it only
# for bitmap images), and perfdesk's modules for other exports and for editing
NOT_FOR_A_PDF = ("PySide6", "pyqtgraph", "openpyxl", "xlrd", "docx", "lxml", "xlsxwriter", "psycopg",
                 "PIL._imaging", "reportlab.graphics", "perfdesk.ui", "perfdesk.io.exchange", "perfdesk.io.reader",
                 "perfdesk.reports.word", "perfdesk.reports.report", "perfdesk.reports.summary_table",
                 "perfdesk.models.server", "perfdesk.models.commands")


def test_a_one_table_pdf_export_loads_no_other_formats_libraries(tmp_path, fixtures_dir, capsys):
    ws, out = tmp_path / "ws.perfdesk", tmp_path / "out.pdf"
    main(["new", str(ws)])
    main(["import", str(ws), str(fixtures_dir / "004_01_yibao_guanli_shiwu.json")])
    capsys.readouterr()
    run = subprocess.run([sys.executable, "-c", PROBE, "export", str(ws), "--evaluation", "1", "--pdf", str(out)],
                         capture_output=True, text=True, check=True)
    code, modules = json.loads(run.stdout.splitlines()[-1])
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert {"peewee", "reportlab.platypus", "perfdesk.models.integrity"} <= set(modules)  # the probe sees them
    assert [m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_FOR_A_PDF)] == []
