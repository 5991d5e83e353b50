"""The 自评报告's GB/T 9704-2012 set-up, its metadata, its closing, and its facts stated once."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pypdf import PdfReader
from reportlab.lib.units import mm

from perfdesk.reports import write_pdf
from perfdesk.scoring.evaluation import Signatories
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.reports import pdf_checks as check
from tests.reports.helpers import load

WHEN = datetime(2026, 3, 25, 9, 30, tzinfo=timezone.utc)


def _report(tmp_path, evs, **kw):
    return write_pdf(tmp_path / "r.pdf", "report", evs, DEFAULT_SCHEME, created=WHEN, **kw).path


def _lines(path, number=0):
    """(text, left x, right x, top y from the page top, font size) of each text line of a page."""
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[number]
    height = page.get_height()
    textpage = page.get_textpage()
    lines, current = [], None
    for i in range(textpage.count_chars()):
        ch = textpage.get_text_range(i, 1)
        if raw.FPDFText_IsGenerated(textpage, i) or not ch.strip():
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        if current is None or abs(current[3] - (height - top)) > 1:
            current = [ch, left, right, height - top, raw.FPDFText_GetFontSize(textpage, i)]
            lines.append(current)
        else:
            current[0] += ch
            current[2] = right
    pdf.close()
    return [line for line in lines if line[3] < (37 + 225) * mm]  # the text block, not the page number


def test_gb9704_margins_body_size_and_headings(tmp_path):
    path = _report(tmp_path, [load("002_01")])
    lines = _lines(path)
    title, first_heading = lines[0], next(line for line in lines if line[0].startswith("一、"))
    assert abs(title[3] - 37 * mm - (34 - 22) / 2) < 2  # the text block starts 37 mm from the top …
    assert abs(first_heading[1] - 28 * mm) < 1  # … and 28 mm from the left
    assert title[4] == 22 and first_heading[4] == 16  # 2号 title, 3号 headings
    body = [line for line in lines if line[4] == 16 and not line[0].startswith(("一、", "二、"))]
    assert body and all(line[2] <= (28 + 156) * mm + 1 for line in body)  # within the 156 mm text block
    assert abs(body[0][1] - (28 * mm + 32)) < 1  # paragraphs indented two characters


def test_headings_are_hei_then_kai_when_windows_fonts_are_installed(tmp_path, monkeypatch):
    from perfdesk.reports.pdf.fonts import font_set, resource
    from perfdesk.reports.pdf.styles import make_styles
    fonts = tmp_path / "Fonts"
    fonts.mkdir()
    for name, bundled in (("simfang.ttf", "uming.ttc"), ("simhei.ttf", "wqy-microhei.ttc"), ("simkai.ttf", "uming.ttc")):
        (fonts / name).symlink_to(resource("fonts", bundled))
    monkeypatch.setenv("WINDIR", str(tmp_path))
    chosen = font_set("simfang")
    assert [f.path.name for f in (chosen.body, chosen.heading, chosen.kai)] == ["simfang.ttf", "simhei.ttf", "simkai.ttf"]
    styles = make_styles(chosen)
    assert (styles["body"].face, styles["h1"].face, styles["h2"].face) == (
        chosen.body.name, chosen.heading.name, chosen.kai.name)  # 仿宋 text, 黑体 then 楷体 headings
    path = _report(tmp_path, [load("002_01"), load("004_01")], font="simfang")
    text = "".join(PdfReader(str(path)).pages[i].extract_text() for i in range(4)).replace(" ", "")
    assert "（一）医药招采与基金监管工作经费" in text and "（二）医疗保障管理事务" in text  # the subheadings


def test_metadata_title_and_creation_date(tmp_path):
    path = _report(tmp_path, [load("002_01")])
    meta = PdfReader(str(path)).metadata
    assert meta.title == "303-忻州市医疗保障局2022年度项目支出绩效自评报告"
    assert meta["/CreationDate"].startswith("D:20260325093000")


def test_closing_unit_and_date_are_right_aligned_under_the_text(tmp_path):
    ev = replace(load("002_01"), signatories=Signatories(date="2023年3月20日"))
    path = _report(tmp_path, [ev], sections=("basic", "other"))
    lines = [line for number in range(3) for line in _lines(path, number)]
    at = next(i for i, line in enumerate(lines) if line[0] == "303-忻州市医疗保障局")
    unit, day = lines[at], lines[at + 1]
    assert day[0] == "2023年3月20日" and lines[at - 1][0] == "无。"  # right after the last section
    right = (28 + 156) * mm
    assert abs(unit[2] - right) < 2 and abs(day[2] - right) < 2 and unit[3] < day[3]


def test_closing_date_is_the_export_date_when_no_table_has_one(tmp_path):
    path = _report(tmp_path, [load("002_01")], sections=("work",))
    assert _lines(path)[-1][0] == "2026年3月25日"


def test_weights_written_in_a_level1_name_are_not_repeated(tmp_path):
    path = _report(tmp_path, [load("004_01")], sections=("analysis",))
    text = check.flat("".join(page.extract_text() for page in PdfReader(str(path)).pages))
    assert "产出指标(50)" in text  # the 自评表 appended prints the name as written
    assert "产出指标50分（分值50分）" in text
    assert "(50)50分" not in text


def test_a_long_title_breaks_into_even_lines_with_words_whole(tmp_path):
    """GB/T 9704-2012 §7.3.3: no line of the title is a lone character ("…自评报/告")."""
    ev = replace(load("002_01"), department="中江县水利局")
    runs = [line for line in _lines(_report(tmp_path, [ev])) if line[4] == 22]
    title = []  # runs of one line (digits come from another face, boxed a little higher)
    for text, left, right, top, _ in runs:
        if title and abs(title[-1][3] - top) < 6:
            title[-1] = [title[-1][0] + text, title[-1][1], right, title[-1][3]]
        else:
            title.append([text, left, right, top])
    assert [line[0] for line in title] == ["中江县水利局2022年度", "项目支出绩效自评报告"]
    assert abs((title[0][1] + title[0][2]) / 2 - (title[1][1] + title[1][2]) / 2) < 2  # both centred


def test_balanced_lines_are_no_more_than_the_greedy_ones_and_even():
    from perfdesk.reports.linebreak import break_balanced, break_lines
    from perfdesk.reports.texts import TITLE_WORDS
    title = "上海市杨浦区医疗保障局所属事业单位2022年度部门整体支出绩效自评报告"
    for width in (10, 14, 20, 26):  # in ems
        greedy = break_lines(title, width, lambda ch: 1.0, TITLE_WORDS)
        even = break_balanced(title, width, lambda ch: 1.0, TITLE_WORDS)
        assert "".join(even) == title and len(even) == len(greedy)
        assert max(map(len, even)) - min(map(len, even)) <= max(map(len, greedy)) - min(map(len, greedy))
        assert min(map(len, even)) >= 6


def test_a_number_keeps_its_unit_when_a_line_breaks():
    from perfdesk.reports.linebreak import break_lines
    lines = break_lines("编制自评报告2022年度", 8.5, lambda ch: 0.5 if ch.isdigit() else 1.0)
    assert lines == ["编制自评报告", "2022年度"]  # not "编制自评报告2022" / "年度"


def test_a_balanced_title_is_never_wider_than_its_line():
    """A word wider than the line (a long project code) is cut as in any text, not set past the margin."""
    from perfdesk.reports.linebreak import break_balanced
    from perfdesk.reports.texts import TITLE_WORDS

    def width(ch):
        return 0.5 if ord(ch) < 0x2E80 else 1.0

    title = "某某县交通运输局XM-2022-0001-0012-ABCDEFGHIJKLMNOPQRSTUVWX项目支出绩效自评报告"
    for line_width in (12, 16, 20):
        lines = break_balanced(title, line_width, width, TITLE_WORDS)
        assert "".join(lines) == title
        assert max(sum(map(width, line)) for line in lines) <= line_width, lines


def test_a_report_title_with_a_long_code_stays_inside_the_margins(tmp_path):
    ev = replace(load("002_01"), department="某某县交通运输局XM-2022-0001-0012-0003-0004-0005-0006-0007")
    runs = [line for line in _lines(_report(tmp_path, [ev])) if line[4] == 22]
    page_width = 210 * mm
    assert runs and all(left >= 28 * mm - 1 and right <= page_width - 26 * mm + 1 for _, left, right, _, _ in runs), \
        [(text, left / mm, right / mm) for text, left, right, _, _ in runs]


def test_a_title_typed_with_full_width_digits_keeps_its_numbers_whole(tmp_path):
    """"…参保县级２|０２２年度…": a balanced break must not fall between a number's digits."""
    title = "某某县城乡居民基本医疗保险参保县级２０２２年度匹配资金项目支出绩效自评表"
    ev = replace(load("002_01"), title=title, year=2022)
    path = write_pdf(tmp_path / "t.pdf", "table", [ev], DEFAULT_SCHEME, created=WHEN).path
    text = []  # runs on one line joined (full-width digits may come from another face)
    for run, _, _, top, size in _lines(path):
        if size != 17:
            continue
        if text and abs(text[-1][1] - top) < 6:
            text[-1] = (text[-1][0] + run, text[-1][1])
        else:
            text.append((run, top))
    text = [t for t, _ in text]
    assert "".join(text) == title and len(text) == 2
    assert not text[0][-1].isdecimal(), text
    from perfdesk.reports.linebreak import break_lines
    for line_width in (8, 10, 12):
        lines = break_lines("项目编号２０２２０００１号", line_width, lambda ch: 1.0)
        assert not any(a[-1].isdecimal() and b[0].isdecimal() for a, b in zip(lines, lines[1:])), lines
