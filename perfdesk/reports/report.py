"""自评报告 content: the GUIDE §6 outline, each section holding the user's own paragraphs and the
facts filled in from the scored data; charts; the closing unit and date; the 汇总表 and the
自评表s as appendices. The PDF and the Word report are both set from this one `Report`."""
from __future__ import annotations

import math
from datetime import date

from perfdesk.reports import figures, texts
from perfdesk.reports.content import Appendix, Chart, Report, Section, Text
from perfdesk.reports.fingerprint import combined
from perfdesk.reports.forms import Printed, form_of
from perfdesk.reports.summary_table import summary_forms
from perfdesk.scoring.messages import REPORT_SECTIONS
from perfdesk.scoring.numbers import show
from perfdesk.scoring.signature import SignatureBlock
from perfdesk.scoring.totals import group_name
from perfdesk.scoring.yearly import grade_counts, shortfall, totals


def report_title(items: list[Printed]) -> str:
    return texts.REPORT_TITLE.format(department=department(items), year=items[0].ev.year)


def department(items: list[Printed]) -> str:
    first = items[0].ev
    return first.department or first.implementer or ""


def report_content(items: list[Printed], grade_bands, sign: SignatureBlock, sections: tuple[str, ...] | None = None,
                   today: date | None = None) -> Report:
    """The report on `items` with the chosen `sections` (keys of REPORT_SECTIONS; None: all),
    dated with the latest 填报日期 of the tables, or `today` when none is filled in."""
    chosen = [(key, heading) for key, heading in REPORT_SECTIONS if sections is None or key in sections]
    built = []
    for number, (key, heading) in enumerate(chosen):
        # renumbered, so switching a section off leaves no gap (一、二、三…)
        paragraphs = [Text(t) for t in user_paragraphs(items, key)] + FACTS.get(key, _none)(items, grade_bands)
        charts = _charts(items) if key == "conclusion" else ()
        built.append(Section(f"{texts.NUMERALS[number]}、{heading.split('、', 1)[1]}",
                             tuple(paragraphs or [Text(texts.NOTHING)]), charts,
                             chart_note(charts) if charts else ""))
    appendices = (
        Appendix(texts.APPENDIX_SUMMARY, tuple(summary_forms(items, grade_bands))),
        Appendix(texts.APPENDIX_TABLES, tuple(form_of(item, sign) for item in items)),
    )
    return Report(report_title(items), tuple(built), (department(items), closing_date(items, today)),
                  appendices, combined([item.code for item in items]))


def closing_date(items: list[Printed], today: date | None) -> str:
    filled = sorted({item.ev.signatories.date for item in items if item.ev.signatories.date})
    if filled:
        return filled[-1]
    day = today or date.today()
    return texts.DATE.format(year=day.year, month=day.month, day=day.day)


def user_paragraphs(items: list[Printed], key: str) -> list[str]:
    """The user's text of section `key`, one paragraph per line, named by project when several."""
    found = []
    for item in items:
        text = dict(item.ev.report_sections).get(key) or ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(items) > 1 and lines:
            lines[0] = texts.USER_TEXT.format(project=_name(item), text=lines[0])
        found += lines
    return found


def _name(item: Printed) -> str:
    return item.ev.project or item.ev.department or texts.UNTITLED


def _none(items, grade_bands) -> list[Text]:
    return []


def basic_facts(items: list[Printed], grade_bands) -> list[Text]:
    t = totals(items, grade_bands)
    head = texts.FACT_BASIC.format(count=t.count, annual=figures.wan(t.annual), executed=figures.wan(t.executed),
                                   rate=figures.rate(t.rate) or texts.DASH)
    goals = [texts.FACT_GOAL.format(project=_name(i), goal=i.ev.goal_target) for i in items if i.ev.goal_target]
    return [Text(head), *map(Text, goals)]




def work_facts(items: list[Printed], grade_bands) -> list[Text]:
    return [Text(texts.FACT_WORK.format(count=len(items), indicators=sum(len(i.scored.indicators) for i in items)))]


def conclusion_facts(items: list[Printed], grade_bands) -> list[Text]:
    lines = [Text(conclusion(item)) for item in items]
    grades = totals(items, grade_bands).grades
    return lines + [Text(texts.FACT_GRADES.format(counts=grade_counts(grades)))]


def conclusion(item: Printed) -> str:
    """"综合考虑预算执行情况得分7.23分、指标完成情况得分88分，总得分95.23分，等级为“优”。" """
    s, name = item.scored, _name(item)
    if s.total is None:
        return texts.FACT_UNSCORED.format(project=name, rate=figures.rate(s.fund.rate if s.fund else None) or texts.DASH)
    if s.fund is None or s.fund.score is None:
        return texts.FACT_TOTAL_ONLY.format(project=name, total=show(s.total), grade=s.grade)
    return texts.FACT_CONCLUSION.format(project=name, fund=show(s.fund.score), indicators=show(s.indicator_total),
                                        total=show(s.total), grade=s.grade)


def analysis_facts(items: list[Printed], grade_bands) -> list[Text]:
    """Per project (under a 楷体 subheading when there are several): execution and group scores."""
    out = []
    for number, item in enumerate(items):
        lines = []
        fund, unit = item.scored.fund, item.ev.money_unit or texts.DEFAULT_UNIT
        if fund is not None:
            lines.append(texts.FACT_EXECUTION.format(
                project=_name(item), annual=figures.money(fund.annual), executed=figures.money(fund.executed),
                unit=unit, rate=figures.rate(fund.rate) or texts.DASH))
        groups = [texts.FACT_GROUP.format(name=group_name(g.path[0]), score=show(g.score), weight=show(g.weight))
                  for g in item.scored.groups if len(g.path) == 1]
        if groups:
            lines.append(texts.FACT_GROUPS.format(groups=texts.GRADE_JOIN.join(groups)))
        if len(items) > 1 and lines:
            out.append(Text(texts.SUBHEADING.format(number=chinese_number(number + 1), title=_name(item)), "h2"))
        out += [Text(line) for line in lines]
    return out


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 25 -> 二十五, 101 -> 一百零一, 110 -> 一百一十, 10000 -> 一万
    (for （一）（二）… headings; n ≥ 1)."""
    text = _spelled(n)
    return text[1:] if text.startswith("一十") else text


def _spelled(n: int) -> str:
    if n >= 10_000:
        head, rest = divmod(n, 10_000)
        return _spelled(head) + "万" + ("零" if 0 < rest < 1000 else "") + (_spelled(rest) if rest else "")
    digits, out, zero = texts.NUMERALS[:9], "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero else "") + digits[digit - 1] + unit
            zero = False
        elif out:
            zero = True  # one 零 for any run of zeros followed by a digit
    return out


def problem_facts(items: list[Printed], grade_bands) -> list[Text]:
    lines = [_shortfall_line(item, r) for item in items for r in item.scored.indicators if shortfall(r)]
    return [Text(line) for line in lines or [texts.FACT_NO_SHORTFALL]]


def _shortfall_line(item: Printed, r) -> str:
    reason = r.indicator.reason if r.indicator.reason and r.indicator.reason != "无" else texts.NO_REASON
    common = dict(project=_name(item), indicator=r.path[-1], target=r.target or texts.DASH,
                  actual=r.actual or texts.DASH, reason=reason)
    if r.score is None:
        return texts.FACT_NOT_DONE.format(status=r.status, **common)
    return texts.FACT_SHORTFALL.format(weight=show(r.weight), score=show(r.score), **common)


FACTS = {
    "basic": basic_facts, "work": work_facts, "conclusion": conclusion_facts,
    "analysis": analysis_facts, "problems": problem_facts,
}


def _charts(items: list[Printed]) -> tuple[Chart, ...]:
    """Execution rate and total score per project; a rate or score that cannot be computed
    (budget 0 or blank, table not scored) is None: printed "—" with no bar, never as 0."""
    rates = tuple(float(i.scored.fund.rate) if i.scored.fund and i.scored.fund.rate is not None else None
                  for i in items)
    scores = tuple(float(i.scored.total) if i.scored.total is not None else None for i in items)
    return Chart(texts.CHART_RATE, rates, *axis_top(rates)), Chart(texts.CHART_SCORE, scores, *axis_top(scores))


def chart_note(charts: tuple[Chart, ...]) -> str:
    """The note under the charts; it says what "—" means when a value could not be computed."""
    blank = any(value is None for chart in charts for value in chart.values)
    return texts.CHART_NOTE + (texts.CHART_NOTE_BLANK if blank else "")


AXIS_STEPS = 6  # most steps on a value axis


def axis_top(values, least: float = 100.0) -> tuple[float, float]:
    """(top, step) of a value axis from 0 holding every value and at least `least` (100: points
    and %): the step is 1, 2 or 5 × 10^k, the top a whole number of steps, at most 6 of them.
    [96, 110] -> (120, 20); [250.5] -> (300, 50); None values are ignored."""
    largest = max([least, *(v for v in values if v is not None)])
    exponent = math.floor(math.log10(largest)) - 1
    while True:
        for factor in (1, 2, 5):
            step = factor * 10.0 ** exponent
            steps = math.ceil(largest / step - 1e-9)
            if steps <= AXIS_STEPS:
                return steps * step, step
        exponent += 1
