"""The page rules on every fixture, portrait and landscape, every form kind, the 汇总表 and the
自评报告, checked on the printed words and rules of the PDF (issue 13)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest

from perfdesk.reports import write_pdf
from perfdesk.scoring.evaluation import FORM_KINDS
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from perfdesk.scoring.signature import DEFAULT_SIGNATURE
from tests.reports import pdf_checks as check
from tests.reports.helpers import all_fixtures, load, with_indicators

WHEN = datetime(2026, 3, 25, 9, 30)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every fixture as tables (portrait and landscape), the 汇总表 and the 自评报告, read back."""
    folder = tmp_path_factory.mktemp("rules")
    evaluations = all_fixtures()
    assert {ev.form for ev in evaluations} == set(FORM_KINDS)
    out = {}
    for name, kind, landscape, evs in (
        ("tables", "table", False, evaluations), ("tables-landscape", "table", True, evaluations),
        ("summary", "summary", False, evaluations),
        ("report", "report", False, [ev for ev in evaluations if ev.year == 2022]),
    ):
        path = write_pdf(folder / f"{name}.pdf", kind, evs, DEFAULT_SCHEME, landscape=landscape, created=WHEN).path
        out[name] = (evs, check.read(path))
    return out


@pytest.mark.parametrize("name", ["tables", "tables-landscape", "summary", "report"])
def test_no_word_crosses_a_cell_border(printed, name):
    _, pages = printed[name]
    crossing = {page.number: check.crossing_words(page) for page in pages}
    assert not {n: words for n, words in crossing.items() if words}


@pytest.mark.parametrize("name", ["tables", "tables-landscape", "summary", "report"])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(printed, name):
    _, pages = printed[name]
    bad = {page.number: check.forbidden_line_ends(page) for page in pages}
    assert not {n: words for n, words in bad.items() if words}


@pytest.mark.parametrize("name", ["tables", "tables-landscape", "summary", "report"])
def test_no_page_holds_only_a_signature_block_a_note_or_headers(printed, name):
    _, pages = printed[name]
    assert [page.number for page in pages if check.furniture_only(page)] == []


@pytest.mark.parametrize("name", ["tables", "tables-landscape", "summary", "report"])
def test_no_markup_prints(printed, name):
    """Rich text in imported goal texts (004_01 has <p>…</p>) became plain paragraphs at import."""
    _, pages = printed[name]
    assert not [page.number for page in pages if re.search(r"</?p>|<br\s*/?>|&nbsp;", page.text)]


@pytest.mark.parametrize("name", ["tables", "tables-landscape"])
def test_every_continuation_page_names_its_project_and_repeats_the_headers(printed, name):
    evaluations, pages = printed[name]
    forms = _forms(pages)
    assert len(forms) == len(evaluations)
    continued = 0
    for ev, form in zip(evaluations, forms):
        name = ev.project if ev.form != "department_overall_eval" else (ev.department or ev.implementer)
        assert check.flat(name) in form[0].text
        for page in form[1:]:
            continued += 1
            assert check.flat(f"{name}（续）") in page.text, (ev.project, page.number)
            assert check.continues_table(page), (ev.project, page.number)
    assert continued >= 5  # the check ran on real continuation pages


def test_summary_and_report_continuation_pages(printed):
    _, summary = printed["summary"]
    assert all(check.flat("汇总表") in page.text for page in summary)
    _, report = printed["report"]
    appendix = [page for page in report if "（续）" in page.text]
    assert appendix and all(check.continues_table(page) for page in appendix)


def test_signature_block_stays_with_the_total_row_and_last_rows(tmp_path):
    """From 8 to 40 indicators the block moves across the page break: it always shares its page
    with the 总分 row and at least two indicator rows."""
    for count in range(8, 41, 3):
        path = write_pdf(tmp_path / "t.pdf", "table", [with_indicators(load("002_01"), count)], DEFAULT_SCHEME).path
        pages = check.read(path)
        holding = [page for page in pages if "填报人" in page.text]
        assert len(holding) == 1, count
        page = holding[0]
        assert "总分" in page.text and len(re.findall(r"第\d+项三级指标|服务对象满意度", page.text)) >= 2, count
        assert all(check.flat(label) in page.text for label in ("财务负责人", "单位（盖章）"))


def test_rows_and_cells_of_any_length_stay_inside_the_page_and_their_borders(tmp_path):
    ev = replace(load("002_01"), goal_target="预期目标" * 2000, project="长" * 300)
    path = write_pdf(tmp_path / "t.pdf", "table", [with_indicators(ev, 120)], DEFAULT_SCHEME).path
    pages = check.read(path)
    assert len(pages) > 8
    assert all(not check.crossing_words(page) for page in pages)
    assert all(re.search("项目名称：长{20,}…（续）", page.text) for page in pages[1:])  # cut to one line


def test_signature_lines_follow_the_workspace_setting(tmp_path):
    sign = DEFAULT_SIGNATURE.with_item("reviewer", shown=False).with_item("head", label="分管领导")
    ev = replace(load("002_01"), signatories=replace(load("002_01").signatories, finance_head="钱七", preparer="张三"))
    text = check.flat("".join(p.text for p in check.read(
        write_pdf(tmp_path / "t.pdf", "table", [ev], DEFAULT_SCHEME, signature=sign).path)))
    assert "审核人" not in text and "单位负责人" not in text
    order = [text.index(s) for s in ("填报人：张三", "联系电话：", "分管领导：", "财务负责人：钱七", "填报日期：", "单位（盖章）")]
    assert order == sorted(order)


def _forms(pages):
    """Pages grouped per form by their "第 1 页" footer."""
    forms = []
    for page in pages:
        if "第1页共" in page.text:
            forms.append([])
        forms[-1].append(page)
    return forms


def test_the_checks_see_text_across_a_border_and_a_line_starting_with_a_comma(tmp_path):
    """The checks above can fail: a word drawn over a rule and a line that starts with "，"."""
    from reportlab.pdfgen.canvas import Canvas

    from perfdesk.reports.pdf.fonts import font_set
    font = font_set().body.name
    canvas = Canvas(str(tmp_path / "bad.pdf"))
    canvas.setFont(font, 10)
    canvas.line(100, 600, 100, 700)
    canvas.drawString(90, 650, "越界文字")
    canvas.drawString(200, 650, "，开头")
    canvas.save()
    [page] = check.read(tmp_path / "bad.pdf")
    assert check.crossing_words(page) == ["越界文字"]
    assert check.forbidden_line_ends(page) == ["，开头"]
    assert check.furniture_only(check.Page(1, check.flat("填报人：联系电话：第1页共2页"), [], [], []))


def test_labels_in_narrow_columns_break_between_words(tmp_path):
    """"满意度指/标" was printed; the 二级 column holds "满意度指标" whole or breaks before "指标"."""
    path = write_pdf(tmp_path / "t.pdf", "table", [load("002_01")], DEFAULT_SCHEME).path
    words = [w["text"] for page in check.read(path) for w in page.words]
    for label in ("满意度指标", "偏差原因分析及改进措施", "年初指标值", "调整后指标值"):
        pieces = _lines_of(words, label)
        assert pieces, label
        assert all(len(piece) > 1 for piece in pieces), pieces  # no character left alone on a line
    assert _lines_of(words, "年初指标值") == ["年初", "指标值"]
    assert _lines_of(words, "偏差原因分析及改进措施") == ["偏差原因分析及", "改进措施"]


def _lines_of(words: list[str], label: str) -> list[str]:
    """The consecutive printed lines that together spell `label` (first occurrence)."""
    for start in range(len(words)):
        joined, end = "", start
        while end < len(words) and len(joined) < len(label) and label.startswith(joined + words[end]):
            joined += words[end]
            end += 1
        if joined == label:
            return words[start:end]
    return []
