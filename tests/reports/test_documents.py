"""汇总表, 自评报告, fonts, determinism and the atomic write."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from perfdesk.reports import KINDS, write_pdf
from perfdesk.reports.forms import scored
from perfdesk.reports.pdf.canvas import page_numbers
from perfdesk.reports.pdf.fonts import font_set
from perfdesk.reports.pdf.styles import make_styles
from perfdesk.reports.pdf.text import Typesetter
from perfdesk.reports.report import chinese_number
from perfdesk.reports.summary_table import totals
from perfdesk.scoring.evaluation import Signatories
from perfdesk.scoring.numbers import round2
from perfdesk.scoring.scheme import DEFAULT_SCHEME
from tests.reports.helpers import flat, fonts_table, load, page_texts

SCORED = ["002_01", "002_02", "002_03", "002_04", "002_05"]


def _typesetter() -> Typesetter:
    fonts = font_set()
    return Typesetter(fonts, make_styles(fonts))


def test_summary_overall_rate_is_sum_over_sum_not_mean():
    items = scored([load(p) for p in SCORED], DEFAULT_SCHEME)
    t = totals(items, DEFAULT_SCHEME.grade_bands)
    annual = sum(Decimal(str(i.scored.fund.annual)) for i in items)
    executed = sum(Decimal(str(i.scored.fund.executed)) for i in items)
    assert t.annual == annual and t.executed == executed
    assert round2(t.rate) == round2(executed / annual * 100)
    mean = sum(i.scored.fund.rate for i in items) / len(items)
    assert round2(t.rate) != round2(mean)
    assert t.total == round2(sum(i.scored.total for i in items) / len(items))
    assert sum(t.grades.values()) == len(items)


def test_summary_pdf_prints_rows_and_totals(tmp_path):
    evs = [load(p) for p in SCORED] + [load("004_01")]
    result = write_pdf(tmp_path / "s.pdf", "summary", evs, DEFAULT_SCHEME)
    text = flat("".join(page_texts(result.path)))
    items = scored(evs, DEFAULT_SCHEME)
    t = totals(items, DEFAULT_SCHEME.grade_bands)
    assert "部门项目支出绩效自评情况汇总表" in text and "合计（共6个项目）" in text
    assert f"{round2(t.annual):,.2f}" in text and f"{round2(t.executed):,.2f}" in text
    assert f"{round2(t.rate):.2f}%" in text
    assert "39,006.57" in text  # 004_01's 390,065,700 元 in 万元
    assert "优" in text and "个" in text
    for ev in evs:
        assert flat(ev.project) in text


def test_summary_one_table_per_year(tmp_path):
    result = write_pdf(tmp_path / "s.pdf", "summary", [load("001_01"), load("002_01")], DEFAULT_SCHEME)
    text = flat("".join(page_texts(result.path)))
    assert "（2021年度）" in text and "（2022年度）" in text


def test_report_fills_the_conclusion_sentence(tmp_path):
    ev = replace(load("002_01"), report_sections=(("measures", "加强预算编制。\n细化绩效目标。"),))
    result = write_pdf(tmp_path / "r.pdf", "report", [ev], DEFAULT_SCHEME)
    pages = page_texts(result.path)
    text = flat("".join(pages))
    assert "综合考虑预算执行情况得分7.23分、指标完成情况得分88分，总得分95.23分，等级为“优”。" in text
    for heading in ("一、基本情况", "二、自评工作开展情况", "三、评价结论", "四、绩效分析", "五、存在的问题及原因",
                    "六、改进措施及建议", "七、结果应用及公开", "八、其他需要说明的情况"):
        assert heading in text
    assert "加强预算编制。" in text and "细化绩效目标。" in text  # the user's own paragraphs
    assert "全年预算数合计8.65万元" in text and "总体预算执行率72.25%" in text
    # an indicator below full marks, with its reason
    assert "分值15分，得分14分；原因：全面落实国家" in text
    assert "各项目预算执行率（%）" in text and "附件2：项目支出绩效自评表" in text
    assert "偏差原因分析及改进措施" in text  # the 自评表 is appended
    assert all(f"— {number} —" in page for number, page in enumerate(pages, 1))  # GB/T 9704 §7.5


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_is_embedded(tmp_path, kind):
    evs = [load("002_01"), load("004_04"), load("synthetic")]
    evs = [replace(ev, year=evs[0].year) for ev in evs]  # one year, as a report is written
    result = write_pdf(tmp_path / "f.pdf", kind, evs, DEFAULT_SCHEME)
    rows = fonts_table(result.path)
    assert rows
    for row in rows:
        assert row[-5] == "yes", row  # emb


def test_rare_name_characters_print(tmp_path):
    people = Signatories(preparer="王喆", phone="0350-1234567", head="李堃", date="2023年3月1日")
    ev = replace(load("002_01"), project="珺镕项目喆堃经费", signatories=people)
    result = write_pdf(tmp_path / "n.pdf", "table", [ev], DEFAULT_SCHEME)
    text = flat("".join(page_texts(result.path)))
    assert result.missing_characters == ()
    for needle in ("珺镕项目喆堃经费", "填报人：王喆", "单位负责人：李堃", "0350-1234567"):
        assert needle in text


def test_character_no_font_has_is_reported(tmp_path):
    ev = replace(load("002_01"), project="专项经费\ue000")
    result = write_pdf(tmp_path / "m.pdf", "table", [ev], DEFAULT_SCHEME)
    assert result.missing_characters == ("\ue000",)


def test_characters_missing_from_song_fall_back_to_the_second_font():
    ts = _typesetter()
    rare = "刏"  # GBK, not in AR PL UMing
    assert ord(rare) not in ts.fonts.chain(ts.fonts.body.name)[0][1]
    assert ts.runs("甲" + rare, ts.fonts.body.name) == [("PerfdeskSong", "甲"), ("PerfdeskSans", rare)]
    assert not ts.missing


def test_output_is_deterministic(tmp_path):
    evs = [load("002_01"), load("004_01")]
    when = datetime(2026, 3, 25, 9, 30)
    first = write_pdf(tmp_path / "a.pdf", "report", evs, DEFAULT_SCHEME, created=when).path.read_bytes()
    second = write_pdf(tmp_path / "b.pdf", "report", evs, DEFAULT_SCHEME, created=when).path.read_bytes()
    assert first == second


def test_write_is_atomic_and_rejects_bad_input(tmp_path):
    target = tmp_path / "t.pdf"
    target.write_bytes(b"old")
    write_pdf(target, "table", [load("001_01")], DEFAULT_SCHEME)
    assert target.read_bytes().startswith(b"%PDF") and [p.name for p in tmp_path.iterdir()] == ["t.pdf"]
    with pytest.raises(ValueError):
        write_pdf(target, "poster", [load("001_01")], DEFAULT_SCHEME)
    with pytest.raises(ValueError):
        write_pdf(target, "table", [], DEFAULT_SCHEME)
    with pytest.raises(ValueError):
        write_pdf(target, "table", [load("001_01")], DEFAULT_SCHEME, font="no-such-font")


def test_page_numbers_count_within_each_group():
    assert page_numbers(["a", "a", "b", "c", "c", "c"]) == [(1, 2), (2, 2), (1, 1), (1, 3), (2, 3), (3, 3)]


def test_installed_windows_font_can_be_chosen(tmp_path, monkeypatch):
    from perfdesk.reports.pdf.fonts import installed_choices, resource

    (tmp_path / "Fonts").mkdir()
    (tmp_path / "Fonts" / "simsun.ttc").symlink_to(resource("fonts", "wqy-microhei.ttc"))
    monkeypatch.setenv("WINDIR", str(tmp_path))
    assert installed_choices() == {"simsun": "宋体"}
    result = write_pdf(tmp_path / "w.pdf", "table", [load("002_01")], DEFAULT_SCHEME, font="simsun")
    assert not any("UMing" in row[0] for row in fonts_table(result.path))
    assert "医药招采与基金监管工作经费" in flat("".join(page_texts(result.path)))


def test_report_sections_can_be_switched_off_and_are_renumbered(tmp_path):
    import pytest
    from pypdf import PdfReader
    result = write_pdf(tmp_path / "r.pdf", "report", [load("002_01")], DEFAULT_SCHEME,
                       sections=("basic", "conclusion", "measures"))
    text = "".join(page.extract_text() for page in PdfReader(str(result.path)).pages).replace(" ", "")
    assert "一、基本情况" in text and "二、评价结论" in text and "三、改进措施及建议" in text
    assert "自评工作开展情况" not in text and "存在的问题及原因" not in text
    with pytest.raises(ValueError, match="报告章节"):
        write_pdf(tmp_path / "x.pdf", "report", [load("002_01")], DEFAULT_SCHEME, sections=("nope",))


def test_report_amounts_in_wan_are_rounded_half_up(tmp_path):
    """12,250 元 is 1.225 万元: printed 1.23 (四舍五入), as the 汇总表 prints it, never 1.22."""
    ev = load("002_01")
    funds = (replace(ev.funds[0], annual=Decimal("12250"), executed=Decimal("12350")), *ev.funds[1:])
    ev = replace(ev, money_unit="元", funds=funds)
    text = flat("".join(page_texts(write_pdf(tmp_path / "r.pdf", "report", [ev], DEFAULT_SCHEME).path)))
    assert "全年预算数合计1.23万元，全年执行数合计1.24万元" in text


@pytest.mark.parametrize("n, spelled", [(1, "一"), (10, "十"), (12, "十二"), (25, "二十五"), (100, "一百"),
                                        (101, "一百零一"), (110, "一百一十"), (1010, "一千零一十"), (10001, "一万零一")])
def test_subheadings_are_numbered_past_ninety_nine(n, spelled):
    assert chinese_number(n) == spelled


def test_a_report_on_over_a_hundred_projects_numbers_each_one(tmp_path):
    evs = [replace(load("002_01"), project=f"项目{i}") for i in range(101)]
    text = flat("".join(page_texts(write_pdf(tmp_path / "r.pdf", "report", evs, DEFAULT_SCHEME,
                                             sections=["analysis"]).path)))
    assert "（一百零一）项目100" in text
