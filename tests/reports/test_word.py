"""The Word export read back with python-docx: every figure and label of its tables, every section
of the report, real merged cells, named styles with East-Asian faces, A4 and the PDF's margins."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import datetime

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from perfdesk.io import exchange
from perfdesk.models import Workspace
from perfdesk.reports import write_docx
from perfdesk.scoring.evaluation import Signatories
from perfdesk.scoring.messages import REPORT_SECTIONS
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.reports.helpers import all_fixtures, flat, load
from tests.reports.test_tables import LABELS
from tests.scoring.scoring_fixtures import path_of

WHEN = datetime(2026, 3, 25, 9, 30)


def cell_texts(document) -> str:
    return flat("".join(cell.text for table in document.tables for row in table.rows for cell in row.cells))


def body_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def near(length, mm: float) -> bool:
    """Word stores lengths in twentieths of a point."""
    return abs(length - Mm(mm)) < Mm(0.1)


def test_every_label_and_figure_of_a_table(tmp_path):
    ev = replace(load("002_01"), signatories=Signatories(preparer="张三", finance_head="钱七"))
    document = docx.Document(str(write_docx(tmp_path / "t.docx", "table", [ev], DEFAULT_SCHEME)))
    text = cell_texts(document)
    for label in LABELS:
        assert flat(label) in text, label
    for figure in ("8.65", "6.25", "2.40", "72.25%", "7.23", "95.23", "100", "20", "14"):
        assert figure in text, figure
    for leaf in ev.leaves():
        for value in (leaf.name, leaf.target, leaf.actual, leaf.reason):
            assert value is None or flat(value) in text, value
    assert flat(ev.goal_target) in text and flat(ev.goal_actual) in text
    assert "张三" in text and "钱七" in text
    assert [p.text for p in document.paragraphs[:2]] == ["医药招采与基金监管工作经费项目支出绩效自评表", "（2022年度）"]


def test_every_fixture_of_every_form_kind_keeps_its_figures(tmp_path):
    evaluations = all_fixtures()
    document = docx.Document(str(write_docx(tmp_path / "all.docx", "table", evaluations, DEFAULT_SCHEME)))
    text = cell_texts(document)
    for ev in evaluations:
        for leaf in ev.leaves():
            assert flat(leaf.name) in text, leaf.name
        for line in ev.funds:
            for amount in (line.annual, line.executed):
                if amount is not None and not isinstance(amount, str):
                    assert f"{amount:,}".rstrip("0").rstrip(".") in text or f"{amount:,.2f}" in text, amount
    assert len(document.sections) == len(evaluations)  # one section (own page numbers) per form


def test_level1_and_level2_cells_are_merged_down_as_in_the_pdf(tmp_path):
    document = docx.Document(str(write_docx(tmp_path / "t.docx", "table", [load("004_01")], DEFAULT_SCHEME)))
    table = next(t for t in document.tables if any(c.text == "三级指标" for c in t.rows[0].cells))
    column = [row.cells[1] for row in table.rows[1:]]  # 一级指标, after the 绩效指标 caption
    assert column[0].text.startswith("产出指标")
    assert len({c._tc for c in column}) < len(column)  # runs merged into one cell each
    first = table.rows[1].cells
    assert all(row.cells[0]._tc is first[0]._tc for row in table.rows[1:])  # the caption spans every row
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the head row repeats on each page


def test_report_holds_every_section_facts_closing_and_appendices(tmp_path):
    ev = replace(load("002_01"), report_sections=(("measures", "加强预算编制。\n细化绩效目标。"),),
                 signatories=Signatories(date="2023年3月20日"))
    path = write_docx(tmp_path / "r.docx", "report", [ev, load("004_01")], DEFAULT_SCHEME, created=WHEN)
    document = docx.Document(str(path))
    paragraphs = body_texts(document)
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert paragraphs[0] == "303-忻州市医疗保障局2022年度\n项目支出绩效自评报告" and styles[paragraphs[0]] == "Title"
    for number, (_, heading) in enumerate(REPORT_SECTIONS):
        assert styles[heading] == "Heading 1", heading
    assert styles["（一）医药招采与基金监管工作经费"] == "Heading 2"
    text = flat("".join(paragraphs))
    assert "综合考虑预算执行情况得分7.23分、指标完成情况得分88分，总得分95.23分，等级为“优”。" in text
    assert "（医药招采与基金监管工作经费）加强预算编制。" in text and "细化绩效目标。" in text
    assert "产出指标50分（分值50分）" in text and "(50)50分" not in text
    closing = [p for p in document.paragraphs if p.text in ("303-忻州市医疗保障局", "2023年3月20日")]
    assert [p.style.name for p in closing] == ["落款", "落款"]
    assert closing[0].style.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert "附件1：部门项目支出绩效自评情况汇总表" in paragraphs and "附件2：项目支出绩效自评表" in paragraphs
    cells = cell_texts(document)
    assert "99.99" in cells and "95.23" in cells and "合计（共2个项目）" in cells
    assert document.core_properties.title == paragraphs[0].replace("\n", "")
    assert document.core_properties.created.replace(tzinfo=None) == WHEN


def test_named_styles_with_east_asian_faces_a4_and_the_pdf_margins(tmp_path):
    document = docx.Document(str(write_docx(tmp_path / "r.docx", "report", [load("002_01")], DEFAULT_SCHEME)))

    def east_asian(name):
        return document.styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert [east_asian(n) for n in ("Normal", "Heading 1", "Heading 2", "表格文字", "表头")] == [
        "仿宋", "黑体", "楷体", "宋体", "黑体"]
    aliases = {name: document.styles[name].element.find(qn("w:aliases")).get(qn("w:val"))
               for name in ("Normal", "Heading 1", "Heading 2")}
    assert aliases == {"Normal": "正文", "Heading 1": "标题 1", "Heading 2": "标题 2"}
    assert document.styles["Normal"].font.size.pt == 16
    body, form = document.sections[0], document.sections[-1]
    assert near(body.page_width, 210) and near(body.page_height, 297)
    assert near(body.top_margin, 37) and near(body.left_margin, 28)  # GB/T 9704
    assert near(form.top_margin, 15) and near(form.left_margin, 15)  # as the PDF's forms
    footer = body.footer._element.xml
    assert 'w:instr="PAGE"' in footer and "— " in footer


def test_landscape_forms_and_summary(tmp_path):
    evs = [load("002_01"), load("004_01")]
    document = docx.Document(str(write_docx(tmp_path / "s.docx", "summary", evs, DEFAULT_SCHEME, landscape=True)))
    section = document.sections[0]
    assert near(section.page_width, 297) and near(section.page_height, 210)
    text = cell_texts(document)
    assert all(flat(ev.project) in text for ev in evs) and "合计（共2个项目）" in text


def test_user_text_is_plain_text(tmp_path):
    hostile = '=HYPERLINK("http://example.invalid","点此")<p>段落</p>&nbsp;\x01\ud800{ PAGE }'
    ev = replace(load("002_01"), project=hostile, goal_target=hostile)
    path = write_docx(tmp_path / "h.docx", "table", [ev], DEFAULT_SCHEME)
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:fldSimple") == 0 and "<w:instrText" not in xml  # no field in the body
    assert "<w:t>=HYPERLINK(\"http://example.invalid\",\"点此\")&lt;p&gt;段落&lt;/p&gt;&amp;nbsp;{ PAGE }</w:t>" in xml
    assert "\x01" not in xml


def test_cli_exports_word(tmp_path):
    ws_path = tmp_path / "w.perfdesk"
    with Workspace.create(ws_path) as ws:
        ws.import_evaluations(exchange.loads(path_of("002_01").read_text(encoding="utf-8")))
    out = tmp_path / "r.docx"
    run = subprocess.run([sys.executable, "-m", "perfdesk", "export", str(ws_path), "--docx", str(out),
                          "--kind", "report", "--sections", "basic,conclusion"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    paragraphs = body_texts(docx.Document(str(out)))
    assert "一、基本情况" in paragraphs and "二、评价结论" in paragraphs and "三、绩效分析" not in paragraphs
    bad = subprocess.run([sys.executable, "-m", "perfdesk", "export", str(ws_path), "--docx", str(out),
                          "--kind", "report", "--sections", "nope"], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.strip().startswith("报告章节选择不正确，可选：basic（基本情况）、work（")
    assert "other（其他需要说明的情况）" in bad.stderr


@pytest.mark.slow
def test_libreoffice_opens_the_word_report_with_its_figures(tmp_path):
    """LibreOffice (CI installs libreoffice-writer-nogui) converts the .docx to PDF."""
    import shutil

    from tests.reports.helpers import page_texts
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice is needed for this test (scripts/test installs it)"
    path = write_docx(tmp_path / "r.docx", "report", [load("002_01"), load("004_04")], DEFAULT_SCHEME)
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
    text = flat("".join(page_texts(tmp_path / "r.pdf")))
    for needle in ("一、基本情况", "八、其他需要说明的情况", "总得分95.23分", "附件2：项目支出绩效自评表",
                   "医药招采与基金监管工作经费", "资金管理情况", "72.25%"):
        assert needle in text, needle


def test_a_word_export_loads_no_pdf_library(tmp_path):
    """The Word renderer shares content with the PDF one, not its modules: reportlab stays unloaded."""
    probe = ("import sys; from perfdesk.reports import write_docx; from tests.reports.helpers import load; "
             "from perfdesk.scoring.scheme import DEFAULT_SCHEME; "
             f"write_docx({str(tmp_path / 'a.docx')!r}, 'report', [load('002_01')], DEFAULT_SCHEME); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=path_of("002_01").parents[3])
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_a_long_report_title_is_broken_evenly_not_left_to_word(tmp_path):
    ev = replace(load("002_01"), department="中江县水利局")
    title = docx.Document(str(write_docx(tmp_path / "t.docx", "report", [ev], DEFAULT_SCHEME))).paragraphs[0]
    assert title.style.name == "Title" and title.text == "中江县水利局2022年度\n项目支出绩效自评报告"
