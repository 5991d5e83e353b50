"""The 评分规则 sheet: the scoring scheme in words, and the grade table the 等级 formulas look up.

The grade names are the user's own (the scheme is configurable), so formulas refer to their
cells instead of quoting them. Bounds are listed ascending, as LOOKUP needs.
"""
from __future__ import annotations

from perfdesk.io import texts
from perfdesk.io import xlsx_style as style
from perfdesk.io.xlsx_book import Sheet, on_sheet, ref
from perfdesk.io.grid.numfmt import plain
from perfdesk.io.xlsx_sheet import GradeTable
from perfdesk.scoring.scheme import ScoringScheme

WIDTHS = {1: 14, 2: 90}


def write_rules(sheet: Sheet, scheme: ScoringScheme) -> GradeTable:
    sheet.text(1, 1, texts.RULES_TITLE, **style.TITLE)
    sheet.merge(1, 1, 1, 2)
    sheet.heights[1] = 24
    row = 2
    for line in [texts.RULES_NOTE, *rule_lines(scheme)]:
        sheet.text(row, 1, line, **style.NOTE)
        sheet.merge(row, 1, row, 2)
        sheet.fit_height(row, line, sum(WIDTHS.values()))
        row += 1
    header = row + 1
    for col, label in enumerate(texts.RULES_GRADES_HEADER, 1):
        sheet.text(header, col, label, **style.LABEL)
    bands = list(reversed(scheme.grade_bands))  # ascending bounds
    for offset, (bound, name) in enumerate(bands, 1):
        sheet.number(header + offset, 1, bound)
        sheet.text(header + offset, 2, name)
    first, last = header + 1, header + len(bands)
    sheet.frame(header, last, 1, 2)
    sheet.widths = dict(WIDTHS)
    sheet.setup = {"width": 2, "last_row": last}
    name = sheet.name
    return GradeTable(
        bounds=on_sheet(name, f"{ref(first, 1, True)}:{ref(last, 1, True)}"),
        names=on_sheet(name, f"{ref(first, 2, True)}:{ref(last, 2, True)}"),
        lowest=on_sheet(name, ref(first, 2, True)),
        name_cells=tuple(on_sheet(name, ref(row, 2, True)) for row in range(last, first - 1, -1)),
    )


def rule_lines(scheme: ScoringScheme) -> list[str]:
    """The scheme in words, one rule a line."""
    lines = texts.RULES_LINES
    if scheme.fund_rule == "steps":
        steps = texts.RULES_JOIN.join(lines["fund_step"].format(bound=plain(b), earned=plain(e)) for b, e in scheme.fund_steps)
        found = [lines["fund_steps"].format(steps=steps)]
    else:
        found = [lines["fund_proportional"]]
    found.append(lines["default_fund_weight"].format(weight=plain(scheme.default_fund_weight)))
    found.append(lines["higher"])
    found.append(lines["lower_linear" if scheme.lower_formula == "linear" else "lower_ratio"])
    a, b, c = (plain(v) for v in scheme.tier_defaults)
    found.append(lines["tiers"].format(a=a, b=b, c=c))
    if scheme.total_cap:
        caps = texts.RULES_JOIN.join(lines["cap_item"].format(bound=plain(b), cap=plain(c)) for b, c in scheme.total_cap)
        found.append(lines["cap"].format(caps=caps))
    found.append(lines["rounding"])
    return found
