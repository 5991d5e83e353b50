"""自评报告: the GUIDE §6 outline, each section holding the user's own paragraphs and the facts
filled in from the scored data; charts; the 汇总表 and the 自评表s as appendices."""
from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from perfdesk.reports import figures, texts
from perfdesk.reports.charts import report_charts
from perfdesk.reports.document import TABLE, Job, Printed
from perfdesk.reports.fingerprint import combined
from perfdesk.reports.self_eval_table import tables_story
from perfdesk.reports.styles import REPORT_MARGINS, page_size
from perfdesk.reports.summary_table import grade_counts, shortfall, summary_story, totals
from perfdesk.scoring.messages import REPORT_SECTIONS
from perfdesk.scoring.numbers import show


def report_story(items: list[Printed], job: Job) -> list:
    first = items[0].ev
    department = first.department or first.implementer or ""
    story = [job.marker("report", combined([item.code for item in items])),
             job.ts.para(texts.REPORT_TITLE.format(department=department, year=first.year), "report_title")]
    chosen = [(key, heading) for key, heading in REPORT_SECTIONS if job.sections is None or key in job.sections]
    for number, (key, heading) in enumerate(chosen):
        # renumbered, so switching a section off leaves no gap (一、二、三…)
        story.append(job.ts.para(f"{texts.NUMERALS[number]}、{heading.split('、', 1)[1]}", "h1"))
        paragraphs = user_paragraphs(items, key) + FACTS.get(key, _none)(items, job)
        story += [job.ts.para(text, "body") for text in paragraphs or [texts.NOTHING]]
        if key == "conclusion":
            story += _charts(items, job)
    return story + _appendices(items, job)


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


def _none(items, job) -> list[str]:
    return []


def basic_facts(items: list[Printed], job: Job) -> list[str]:
    t = totals(items, job.scheme.grade_bands)
    head = texts.FACT_BASIC.format(count=t.count, annual=_wan(t.annual), executed=_wan(t.executed),
                                   rate=figures.rate(t.rate) or texts.DASH)
    goals = [texts.FACT_GOAL.format(project=_name(i), goal=i.ev.goal_target) for i in items if i.ev.goal_target]
    return [head, *goals]


def _wan(value: Decimal) -> str:
    return f"{value:,.2f}"


def work_facts(items: list[Printed], job: Job) -> list[str]:
    return [texts.FACT_WORK.format(count=len(items), indicators=sum(len(i.scored.indicators) for i in items))]


def conclusion_facts(items: list[Printed], job: Job) -> list[str]:
    lines = [conclusion(item) for item in items]
    grades = totals(items, job.scheme.grade_bands).grades
    return lines + [texts.FACT_GRADES.format(counts=grade_counts(grades))]


def conclusion(item: Printed) -> str:
    """"综合考虑预算执行情况得分7.23分、指标完成情况得分88分，总得分95.23分，等级为“优”。" """
    s, name = item.scored, _name(item)
    if s.total is None:
        return texts.FACT_UNSCORED.format(project=name, rate=figures.rate(s.fund.rate if s.fund else None) or texts.DASH)
    if s.fund is None or s.fund.score is None:
        return texts.FACT_TOTAL_ONLY.format(project=name, total=show(s.total), grade=s.grade)
    return texts.FACT_CONCLUSION.format(project=name, fund=show(s.fund.score), indicators=show(s.indicator_total),
                                        total=show(s.total), grade=s.grade)


def analysis_facts(items: list[Printed], job: Job) -> list[str]:
    lines = []
    for item in items:
        fund, unit = item.scored.fund, item.ev.money_unit or texts.DEFAULT_UNIT
        if fund is not None:
            lines.append(texts.FACT_EXECUTION.format(
                project=_name(item), annual=figures.money(fund.annual), executed=figures.money(fund.executed),
                unit=unit, rate=figures.rate(fund.rate) or texts.DASH))
        groups = [texts.FACT_GROUP.format(name=g.path[0], score=show(g.score), weight=show(g.weight))
                  for g in item.scored.groups if len(g.path) == 1]
        if groups:
            lines.append(texts.FACT_GROUPS.format(groups=texts.GRADE_JOIN.join(groups)))
    return lines


def problem_facts(items: list[Printed], job: Job) -> list[str]:
    lines = [_shortfall_line(item, r) for item in items for r in item.scored.indicators if shortfall(r)]
    return lines or [texts.FACT_NO_SHORTFALL]


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


def _charts(items: list[Printed], job: Job) -> list:
    rates = [float(i.scored.fund.rate) if i.scored.fund and i.scored.fund.rate is not None else 0.0 for i in items]
    scores = [float(i.scored.total) if i.scored.total is not None else 0.0 for i in items]
    width = page_size(False)[0] - REPORT_MARGINS["left"] - REPORT_MARGINS["right"]
    drawings = report_charts(job.ts.fonts, rates, scores, width)
    return [Spacer(1, 6), drawings[0], Spacer(1, 6), drawings[1], job.ts.para(texts.CHART_NOTE, "note")]


def _appendices(items: list[Printed], job: Job) -> list:
    summary = summary_story(items, job, group="report")
    summary[1:1] = [job.ts.para(texts.APPENDIX_SUMMARY, "caption"), Spacer(1, 6)]
    tables = tables_story(items, job, group="report")
    tables[1:1] = [job.ts.para(texts.APPENDIX_TABLES, "caption"), Spacer(1, 6)]
    return [NextPageTemplate(TABLE), PageBreak(), *summary, PageBreak(), *tables]
