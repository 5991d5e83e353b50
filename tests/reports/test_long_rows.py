"""Long 自评表s: a row too tall for what is left of a page starts there without a second header
row above it, and the figures of the 分值/得分 columns and the 总分 row print whole, at their size."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from perfdesk.reports import texts, write_pdf
from perfdesk.scoring.evaluation import FundLine
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.reports import pdf_checks as check
from tests.reports.helpers import load, with_indicators

FIGURE_SIZE = 10  # the "number" style of the form's cells


def _leaves(ev, change):
    """`ev` with `change(index, leaf)` applied to its leaves in order."""
    count = 0

    def walk(node):
        nonlocal count
        if node.is_leaf:
            count += 1
            return change(count - 1, node)
        return replace(node, children=tuple(walk(child) for child in node.children))

    return replace(ev, indicators=tuple(walk(node) for node in ev.indicators))


def _long_reason(at: int, length: int, leaves: int = 40):
    base = with_indicators(load("002_01"), leaves)
    reason = ("受疫情影响，部分参保人员未能及时完成缴费，导致实际完成值低于年度指标值。" * 100)[:length]
    return _leaves(base, lambda i, leaf: replace(leaf, reason=reason) if i == at else leaf)


@pytest.mark.parametrize("at, length", [(3, 1900), (0, 1900), (6, 900), (12, 4000), (30, 1900)])
def test_a_header_row_prints_only_at_the_top_of_the_table_and_of_each_continuation(tmp_path, at, length):
    path = write_pdf(tmp_path / "t.pdf", "table", [_long_reason(at, length)], DEFAULT_SCHEME).path
    pages = check.read(path)
    head = check.flat(texts.LEVEL3)
    for page in pages:
        heads = [w for w in page.words if w["text"] == head]
        assert len(heads) <= 1, (page.number, len(heads))
        rows = [w for w in page.words if "项三级指标" in w["text"] or "满意度" in w["text"]]
        if heads and rows:  # the head row is the table's top row on its page
            assert all(w["top"] < heads[0]["bottom"] for w in rows), page.number
    # the long row started on the page where the rows before it ended: its cell was split
    assert sum(1 for page in pages if "受疫情影响" in page.text) >= 2


def _total(total: str):
    """A project whose 总分 and 分值 are both `total`: its fund row executed in full (10 points)
    and 40 leaves sharing the rest, every target met, so the totals are the widest figures."""
    base = with_indicators(load("002_01"), 40)
    base = replace(base, funds=(FundLine("年度资金总额", annual=Decimal(100), executed=Decimal(100),
                                         weight=Decimal(10)),))
    share = ((Decimal(total) - 10) / 40).quantize(Decimal("0.01"))
    last = Decimal(total) - 10 - 39 * share
    return _leaves(base, lambda i, leaf: replace(leaf, weight=last if i == 39 else share))


@pytest.mark.parametrize("total", ["105.25", "513.91", "1234.56", "99.5"])
@pytest.mark.parametrize("landscape", [False, True])
def test_the_widest_figure_prints_whole_at_its_size(tmp_path, total, landscape):
    ev = _total(total)
    ev = _leaves(ev, lambda i, leaf: replace(leaf, reason="原因" * 300) if i == 5 else leaf)  # a wide neighbour
    path = write_pdf(tmp_path / "t.pdf", "table", [ev], DEFAULT_SCHEME, landscape=landscape).path
    pages = check.read(path)
    words = [w for page in pages for w in page.words]
    figures = [w for w in words if w["text"] == total]
    assert len(figures) == 2  # 分值 and 得分 of the 总分 row, each on one line
    assert all(w["size"] == pytest.approx(FIGURE_SIZE) for w in figures)
    assert all(not check.crossing_words(page) for page in pages)


def test_a_figure_with_no_room_shrinks_on_one_line_and_is_never_cut():
    """The last resort, when no column can give room: smaller type, the digits together."""
    from perfdesk.reports.pdf.fonts import font_set
    from perfdesk.reports.pdf.styles import make_styles
    from perfdesk.reports.pdf.text import Typesetter

    fonts = font_set()
    ts = Typesetter(fonts, make_styles(fonts))
    for text, width in (("513.91", 25.2), ("105.25", 25.2), ("389,545,477.10", 20.0)):
        block = ts.text(text, "number")
        _, height = block.wrap(width, 1000)
        assert [line.text for line in block.lines] == [text]
        assert ts.width(text, block.style.face, block.size) <= width + 1e-6
    words = ts.text("1,234 万元", "number")  # a figure with a legal break may still wrap
    words.wrap(20, 1000)
    assert len(words.lines) == 2
