"""The 自评报告's charts as printed: the value axis holds the largest value, no label leaves the
chart or runs into its title, and a rate or score that cannot be computed prints "—" with no bar."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from perfdesk.reports import texts, write_docx, write_pdf
from perfdesk.reports.pdf.charts import HEIGHT
from perfdesk.reports.report import axis_top
from perfdesk.scoring.evaluation import FundLine
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.reports import pdf_checks as check
from tests.reports.helpers import load, with_indicators

WHEN = datetime(2026, 3, 25, 9, 30)
BAR_RGB = (0x4A, 0x6F, 0xA5)
VALUE = re.compile(r"\d+\.\d\d|—")


def _project(name: str, annual, executed, leaves: int = 67):
    """A project whose 67 leaves (66 × 1.5 + 1 = 100 分值) are all met, with a fund row of 分值 10:
    110 points when the budget is executed in full."""
    base = with_indicators(load("002_01"), leaves)
    return replace(base, project=name, funds=(FundLine("年度资金总额", annual=annual, executed=executed,
                                                        weight=Decimal(10)),))


@pytest.fixture(scope="module")
def charts(tmp_path_factory):
    evs = [
        _project("满分项目", Decimal(100), Decimal(100)),  # 110 points, 100.00 %
        _project("预算为零", Decimal(0), Decimal(0)),  # rate cannot be computed
        _project("预算空白", None, None),  # neither
        _project("普通项目", Decimal(100), Decimal(60), leaves=41),  # 41 leaves: 60 + 1 分值, 60.00 %
    ]
    path = write_pdf(tmp_path_factory.mktemp("charts") / "r.pdf", "report", evs, DEFAULT_SCHEME, created=WHEN).path
    return _chart_regions(path)


def _chart_regions(path):
    """{chart title: (title word, words, bar rectangles)} of every chart, read from the page."""
    pages = check.read(path)
    pdf = pdfium.PdfDocument(str(path))
    found = {}
    try:
        for page in pages:
            titles = [w for w in page.words if w["text"] in (texts.CHART_RATE, texts.CHART_SCORE)]
            if not titles:
                continue
            bars = _bars(pdf[page.number - 1])
            titles.sort(key=lambda w: -w["top"])
            for i, title in enumerate(titles):
                floor = max(titles[i + 1]["top"] if i + 1 < len(titles) else 0, title["top"] - HEIGHT)
                inside = [w for w in page.words if floor < w["top"] <= title["top"] and w is not title]
                found[title["text"]] = (title, inside, [b for b in bars if floor < b[3] < title["bottom"]])
    finally:
        pdf.close()
    return found


def _bars(page) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of the filled rectangles in the bar colour."""
    out = []
    for obj in page.get_objects():
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        r, g, b, a = (raw.c_uint(), raw.c_uint(), raw.c_uint(), raw.c_uint())
        if raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a) and (r.value, g.value, b.value) == BAR_RGB:
            out.append(obj.get_bounds())
    return out


def _axis(words, labels):
    """The value axis' tick labels: the whole numbers left of every bar label."""
    left = min(w["x0"] for w in labels)
    return sorted((w for w in words if w["text"].isdigit() and w["x1"] < left), key=lambda w: int(w["text"]))


def _centre(word) -> float:
    return (word["top"] + word["bottom"]) / 2


@pytest.mark.parametrize("title", [texts.CHART_RATE, texts.CHART_SCORE])
def test_the_value_axis_holds_the_largest_value_and_labels_stay_under_the_title(charts, title):
    head, words, bars = charts[title]
    labels = [w for w in words if VALUE.fullmatch(w["text"])]
    ticks = _axis(words, labels)
    largest = max(float(w["text"]) for w in labels if w["text"] != "—")
    assert int(ticks[-1]["text"]) >= largest
    # the tallest bar ends at or under the top tick
    assert max(b[3] for b in bars) <= _centre(ticks[-1]) + 0.5
    for label in labels:
        assert label["top"] < head["bottom"] - 2, label["text"]  # clear of the title
        assert label["bottom"] > ticks[0]["bottom"], label["text"]  # inside the chart


def test_a_score_of_110_gets_an_axis_past_it_with_round_steps(charts):
    _, words, _ = charts[texts.CHART_SCORE]
    labels = [w for w in words if VALUE.fullmatch(w["text"])]
    assert "110.00" in [w["text"] for w in labels]
    steps = [int(w["text"]) for w in _axis(words, labels)]
    assert steps == [0, 20, 40, 60, 80, 100, 120]


def test_a_rate_that_cannot_be_computed_is_a_dash_without_a_bar(charts):
    _, words, bars = charts[texts.CHART_RATE]
    labels = sorted((w for w in words if VALUE.fullmatch(w["text"])), key=lambda w: w["x0"])
    assert [w["text"] for w in labels] == ["100.00", "—", "—", "60.00"]
    assert len(bars) == 2  # budget 0 and blank budget: no bar, not even a flat one
    assert "0.00" not in [w["text"] for w in words]


def test_axis_top_is_a_round_number_at_or_above_the_largest_value():
    assert axis_top([96.0, 90.0, 110.0, 100.0]) == (120.0, 20.0)
    assert axis_top([100.0, None]) == (100.0, 20.0)
    assert axis_top([None, None]) == (100.0, 20.0)
    assert axis_top([60.0]) == (100.0, 20.0)
    assert axis_top([250.5]) == (300.0, 50.0)
    assert axis_top([105.25]) == (120.0, 20.0)
    assert axis_top([1234.0]) == (1500.0, 500.0)


def test_the_note_says_what_the_dash_means(charts):
    _, words, _ = charts[texts.CHART_SCORE]
    assert any(check.flat(texts.CHART_NOTE_BLANK) in w["text"] for w in words)


def test_the_word_report_prints_a_dash_for_a_rate_it_cannot_compute(tmp_path):
    evs = [_project("满分项目", Decimal(100), Decimal(100)), _project("预算为零", Decimal(0), Decimal(0))]
    document = docx.Document(str(write_docx(tmp_path / "r.docx", "report", evs, DEFAULT_SCHEME, created=WHEN)))
    (figures,) = [t for t in document.tables if [c.text for c in t.rows[0].cells] ==
                  [texts.CHART_NUMBER, texts.CHART_RATE, texts.CHART_SCORE]]
    assert [[c.text for c in row.cells] for row in figures.rows[1:]] == [["1", "100.00", "110.00"],
                                                                        ["2", "—", "100.00"]]
    notes = "".join(p.text for p in document.paragraphs)
    assert texts.CHART_TABLE_NOTE + texts.CHART_NOTE_BLANK in notes and "横轴" not in notes  # a table has no axis
