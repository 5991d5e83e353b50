"""The year line under a form's title ("（2022年度）") prints only when the title does not name
that year already, in the PDF and in Word."""
from __future__ import annotations

from dataclasses import replace

import docx
import pytest

from perfdesk.reports import write_docx, write_pdf
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.reports import pdf_checks as check
from tests.reports.helpers import load

CASES = [
    # title, year, year line expected
    ("2022年度项目支出绩效自评表", 2022, False),
    ("２０２２年度项目支出绩效自评表", 2022, False),  # full-width digits, as some offices type them
    ("项目支出绩效自评表（2022年）", 2022, False),
    ("2021年部门预算项目绩效目标自评表", 2022, True),  # another year: the line says which
    ("项目支出绩效自评表", 2022, True),
    ("第20221号项目支出绩效自评表", 2022, True),  # 2022 only inside a longer number
]


@pytest.mark.parametrize("title, year, line", CASES)
def test_pdf_prints_the_year_line_only_when_the_title_lacks_the_year(tmp_path, title, year, line):
    ev = replace(load("002_01"), title=title, year=year)
    (first, *_) = check.read(write_pdf(tmp_path / "t.pdf", "table", [ev], DEFAULT_SCHEME).path)
    assert check.flat(title) in first.text
    assert (f"（{year}年度）" in first.text) is line


@pytest.mark.parametrize("title, year, line", CASES)
def test_word_prints_the_year_line_only_when_the_title_lacks_the_year(tmp_path, title, year, line):
    ev = replace(load("002_01"), title=title, year=year)
    document = docx.Document(str(write_docx(tmp_path / "t.docx", "table", [ev], DEFAULT_SCHEME)))
    heading = [p.text for p in document.paragraphs[:2]]
    assert heading[0].replace("\n", "") == title
    assert (heading[1] == f"（{year}年度）") is line
