"""Evaluations laid out the way offices print them, with the layout chosen at random, written as
.xlsx (openpyxl), .xls (xlwt) or .docx (python-docx).

What varies: lines above the title, label variants from the vocabulary, the order of the indicator
columns, a target split over 指标性质 | 指标值 | 度量单位 (with 一级/二级/三级 in the first or in the
second header row), where the 项目资金 label sits, goals as columns or as rows, merged / filled /
blank-below 一级 and 二级 cells, the 绩效指标 column started again after a page break, blank and hidden
placeholder rows, and cells stored as percentages, dates, numbers, text with thousands separators or
amounts written with their unit ("3359.62万").
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from perfdesk.io.grid.numfmt import plain
from perfdesk.scoring.engine import leaf_paths
from perfdesk.scoring.evaluation import Evaluation

@dataclass(frozen=True)
class Percent:
    fraction: Decimal
    places: int

    @property
    def text(self) -> str:
        return f"{self.fraction * 100:.{self.places}f}%"


@dataclass(frozen=True)
class Date:
    day: dt.date
    code: str = "yyyy-mm-dd"

    @property
    def text(self) -> str:
        return self.day.isoformat()


@dataclass
class Printed:
    """One sheet (or one Word document) of laid-out tables."""

    lines_above: dict[int, list[str]] = field(default_factory=dict)  # Word paragraphs before a table's first row
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: set[int] = field(default_factory=set)
    tables: list[tuple[int, int]] = field(default_factory=list)  # first and last row of each table
    row: int = 0

    @property
    def width(self) -> int:
        return max((c for _, c in self.cells), default=1)

    def line(self, values: list, merge_to: int | None = None) -> int:
        self.row += 1
        for col, value in enumerate(values, 1):
            if value is not None and value != "":
                self.cells[(self.row, col)] = value
        if merge_to and merge_to > len(values):
            self.merges.append((self.row, len(values), self.row, merge_to))
        return self.row


def _variant(rng: random.Random, *labels: str) -> str:
    return rng.choice(labels)


_SPLIT = re.compile(r"^(≥|≤|=|>|<|≧|≦)?(\d+(?:\.\d+)?)(%|人次|人|个|次|元|万元|天|户|家|项)?$")
_PERCENT = re.compile(r"^(\d+(?:\.(\d+))?)%$")


def _number_or_text(value, rng: random.Random):
    """A numeric cell as a number, or as text the way WPS exports it (thousands separators)."""
    if not isinstance(value, Decimal) or rng.random() < 0.5:
        return value
    if abs(value) >= 1000 and value == value.to_integral_value():
        return f"{int(value):,}"
    return plain(value)


_AMOUNTS = ("declared", "initial", "annual", "executed", "balance")


def _amount(value, unit: str | None, rng: random.Random):
    """A money cell; in a 万元 table sometimes written with its unit, as "3359.62万"."""
    if unit == "万元" and isinstance(value, Decimal) and rng.random() < 0.2:
        return f"{plain(value)}万"
    return _number_or_text(value, rng)


def _text_cell(text: str | None, rng: random.Random):
    """A text field stored as a percentage or number cell when it reads back identically."""
    if text is None or rng.random() < 0.5:
        return text
    match = _PERCENT.fullmatch(text)
    if match:
        return Percent(Decimal(match.group(1)) / 100, len(match.group(2) or ""))
    if re.fullmatch(r"\d+(\.\d+)?", text) and plain(Decimal(text)) == text:
        return Decimal(text)
    return text


def lay_out(ev: Evaluation, rng: random.Random, printed: Printed | None = None, *, word: bool = False) -> Printed:
    """Append one evaluation to `printed` (a new sheet when None)."""
    sheet = printed or Printed()
    if sheet.row:
        sheet.row += 2  # blank rows between stacked tables
    first = sheet.row + 1
    above = [_variant(rng, "附件1", "附件：", "公开14表", "报表编号：510000_0013zp")] if rng.random() < 0.5 else []
    if ev.department and rng.random() < 0.3:
        above.append(f"部门：{ev.department}")
    above.append(ev.title or "项目支出绩效自评表")
    if str(ev.year) not in (ev.title or ""):
        above.append(_variant(rng, f"（{ev.year}年度）", f"{ev.year}年度）", f"( {ev.year} 年度)"))
    if ev.money_unit and not ev.funds:
        above.append(f"单位：{ev.money_unit}")
    if word:
        sheet.lines_above[first] = above
    else:
        for text in above:
            sheet.line([text])
    width = 10
    _header(sheet, ev, rng, width)
    if ev.funds:
        _funds(sheet, ev, rng)
    if ev.goal_target or ev.goal_actual:
        _goals(sheet, ev, rng, width)
    if ev.form == "transfer_payment_self_eval":
        _management(sheet, ev)
    _indicators(sheet, ev, rng, word)
    if "transfer" in ev.columns:
        sheet.line(["说明", ev.remarks])
    _signatures(sheet, ev)
    sheet.tables.append((first, sheet.row))
    return sheet


def _header(sheet: Printed, ev: Evaluation, rng: random.Random, width: int) -> None:
    if ev.form == "transfer_payment_self_eval":
        sheet.line(["转移支付（项目）名称", ev.project], width)
        sheet.line(["中央主管部门", ev.central_department], width)
        sheet.line(["地方主管部门", ev.department, None, None, "资金使用单位", ev.implementer])
    elif ev.form == "department_overall_eval" and ev.department == ev.implementer:
        sheet.line([_variant(rng, "评价单位", "部门（单位）名称"), ev.department], width)
    else:
        sheet.line([_variant(rng, "项目名称"), ev.project], width)
        sheet.line([_variant(rng, "主管部门", "主管部门及代码"), ev.department, None, None,
                    _variant(rng, "实施单位", "项目实施单位", "预算单位"), ev.implementer])


def _funds(sheet: Printed, ev: Evaluation, rng: random.Random) -> None:
    columns = [("declared", "目标申报数"), ("initial", "预算编制数")] if "initial_declared" in ev.columns else \
        [("initial", _variant(rng, "年初预算数", "预算编制数"))]
    columns += [("annual", _variant(rng, "全年预算数", "全年预算数(A)", "调整后预算数", "全年（调整）预算数")),
                ("executed", _variant(rng, "全年执行数", "全年执行数(B)", "实际执行数"))]
    if "balance" in ev.columns:
        columns.append(("balance", "资金结(转)余"))
    if ev.scored or any(f.weight is not None for f in ev.funds):
        columns.append(("weight", _variant(rng, "分值", "权重")))
    columns.append(("rate", _variant(rng, "执行率", "执行率(B/A)", "预算执行率")))
    if ev.scored or any(f.score_printed is not None for f in ev.funds):
        columns.append(("score", _variant(rng, "得分", "自评得分")))
    section = f"{_variant(rng, '项目资金', '资金情况', '预算执行情况')}（{ev.money_unit or '万元'}）"
    label_in_data = rng.random() < 0.3
    split = "initial_declared" in ev.columns
    header = sheet.line([None if label_in_data else section, None] + [
        "年初预算数" if split and name == "declared" else (None if split and name == "initial" else label)
        for name, label in columns])
    if split:
        sheet.merges.append((header, 3, header, 4))
        sheet.line([None, None, "目标申报数", "预算编制数"])
    for index, line in enumerate(ev.funds):
        values = {"declared": line.declared, "initial": line.initial, "annual": line.annual,
                  "executed": line.executed, "balance": line.balance, "weight": line.weight,
                  "score": line.score_printed, "rate": _text_cell(line.rate_printed, rng)}
        sheet.line([section if label_in_data and index == 0 else None, line.label or None]
                   + [_amount(values[name], ev.money_unit, rng) if name in _AMOUNTS else _number_or_text(values[name], rng)
                      for name, _ in columns])


def _goals(sheet: Printed, ev: Evaluation, rng: random.Random, width: int) -> None:
    target = _variant(rng, "预期目标", "年初设定目标", "年度目标")
    actual = _variant(rng, "实际完成情况", "年度总体目标完成情况综述", "全年实际完成情况")
    if rng.random() < 0.5:
        top = sheet.line(["年度总体目标", target, None, None, None, actual])
        sheet.line([None, ev.goal_target, None, None, None, ev.goal_actual])
        sheet.merges += [(top, 1, top + 1, 1), (top, 2, top, 5), (top + 1, 2, top + 1, 5), (top, 6, top, width),
                         (top + 1, 6, top + 1, width)]
    else:
        top = sheet.line(["年度总体目标", target, ev.goal_target], width)
        sheet.line([None, actual, ev.goal_actual], width)
        sheet.merges.append((top, 1, top + 1, 1))


def _management(sheet: Printed, ev: Evaluation) -> None:
    top = sheet.line(["资金管理情况", None, "情况说明", None, None, "存在问题和改进措施"])
    for row in ev.fund_management:
        sheet.line([None, row.item, row.status, None, None, row.issues])
    sheet.merges.append((top, 1, top + len(ev.fund_management), 1))


def _indicator_columns(ev: Evaluation, rng: random.Random) -> list[tuple[str, str]]:
    leaves = list(ev.leaves())
    department = ev.form == "department_overall_eval"
    columns = [("l1", "一级指标"), ("l2", "二级指标"), ("name", _variant(rng, "三级指标", "指标名称"))]
    if "target_adjusted" in ev.columns:
        columns += [("target", _variant(rng, "年初指标值", "年初目标值(A)")), ("target_adjusted", "调整后指标值")]
    else:
        columns.append(("target", _variant(rng, "全年指标值", "年度指标值") if department else
                        _variant(rng, "年度指标值", "指标值(A)", "年初目标值(A)", "年度指标值")))
    columns.append(("actual", _variant(rng, "完成情况") if department else
                    _variant(rng, "实际完成值", "全年实际值", "全年实际值(B)", "实际完成指标值")))
    if ev.scored or any(leaf.weight is not None for leaf in leaves):
        columns.append(("weight", _variant(rng, "分值", "参考分值", "权重", "指标权重")))
    if ev.scored or any(leaf.score_printed is not None for leaf in leaves):
        columns.append(("score", _variant(rng, "得分", "自评得分", "指标得分")))
    columns.append(("reason", "未完成原因和改进措施" if "transfer" in ev.columns else
                    _variant(rng, "偏差原因分析及改进措施", "未完成原因及拟采取的改进措施", "偏差原因")))
    if department or "scoring_rule" in ev.columns:
        columns.append(("scoring_rule", "评分标准"))
    rest = columns[3:]
    rng.shuffle(rest)  # 分值 before 年度指标值 and the like
    return columns[:3] + rest


def _splittable(ev: Evaluation) -> bool:
    return "target_adjusted" not in ev.columns and all(
        leaf.target is None or _SPLIT.fullmatch(leaf.target) or not re.search(r"\d", leaf.target) for leaf in ev.leaves())


def _indicators(sheet: Printed, ev: Evaluation, rng: random.Random, word: bool) -> None:
    columns = _indicator_columns(ev, rng)
    split = _splittable(ev) and rng.random() < 0.4
    section = 0 if word or rng.random() < 0.3 else 1  # a 绩效指标 column on the left, or none
    headings = [label for _, label in columns]
    fields = [name for name, _ in columns]
    levels_below = split and section == 0 and rng.random() < 0.5  # 绩效指标 over 一级/二级/三级 in the 2nd row
    if split:
        at = fields.index("target")
        fields[at:at + 1] = ["target_op", "target", "unit"]
        headings[at:at + 1] = ["年度指标值", None, None]
    if levels_below:
        headings[:3] = ["绩效指标", None, None]
    header = sheet.line(["绩效指标"] * section + headings)
    cols = {name: section + i + 1 for i, name in enumerate(fields)}
    if split:
        sheet.merges.append((header, cols["target_op"], header, cols["unit"]))
        lower = {"target_op": "指标性质", "target": "指标值", "unit": "度量单位"}
        if levels_below:
            lower.update((name, label) for name, label in columns[:3])
            sheet.merges.append((header, cols["l1"], header, cols["name"]))
        sub = sheet.line([None] * section + [lower.get(name) for name in fields])
        for name in fields:
            if name not in lower:
                sheet.merges.append((header, cols[name], sub, cols[name]))
    groups = rng.choice(("merged", "filled", "blank"))
    spans: dict[str, list] = {"l1": [], "l2": []}
    previous = (None, None)
    page_break = None  # the row where the 绩效指标 column starts again (a page break in the printed table)
    for path, leaf in leaf_paths(ev):
        l1, l2 = (list(path[:-1]) + [None, None])[:2]
        row = sheet.line([])
        if section and page_break is None and previous[0] is not None and l1 != previous[0] and rng.random() < 0.3:
            page_break = row
            sheet.cells[(row, 1)] = "绩效指标"
        for level, label in (("l1", l1), ("l2", l2)):
            key = (l1,) if level == "l1" else (l1, l2)
            same = key == (previous[:1] if level == "l1" else previous)
            if groups == "filled" or not same:
                sheet.cells[(row, cols[level])] = label
            if groups == "merged":
                if same:
                    spans[level][-1][1] = row
                else:
                    spans[level].append([row, row])
        previous = (l1, l2)
        _leaf_cells(sheet, row, cols, leaf, rng, split)
        if rng.random() < 0.15:  # a template placeholder row, often hidden by the office
            placeholder = sheet.line([])
            sheet.cells[(placeholder, cols["name"])] = rng.choice(("指标2：", "……"))
            if not word and rng.random() < 0.5:
                sheet.hidden.add(placeholder)
            for level in spans:
                if groups == "merged" and spans[level]:
                    spans[level][-1][1] = placeholder
    for level, ranges in spans.items():
        sheet.merges += [(a, cols[level], b, cols[level]) for a, b in ranges if b > a]
    if section:
        sheet.merges += [(header, 1, page_break - 1, 1), (page_break, 1, sheet.row, 1)] if page_break else \
            [(header, 1, sheet.row, 1)]
    _total(sheet, ev, cols, rng)


def _leaf_cells(sheet: Printed, row: int, cols: dict[str, int], leaf, rng: random.Random, split: bool) -> None:
    values = {"name": leaf.name or None, "target": leaf.target, "target_adjusted": leaf.target_adjusted,
              "actual": _text_cell(leaf.actual, rng), "weight": _number_or_text(leaf.weight, rng),
              "score": _number_or_text(leaf.score_printed, rng), "reason": leaf.reason, "scoring_rule": leaf.scoring_rule}
    if split and leaf.target is not None:
        match = _SPLIT.fullmatch(leaf.target)
        if match:
            values["target_op"], values["target"], values["unit"] = match.group(1), match.group(2), match.group(3)
        else:
            values["target_op"] = "定性"
    for name, col in cols.items():
        value = values.get(name)
        if name not in ("l1", "l2") and value is not None:
            sheet.cells[(row, col)] = value


def _total(sheet: Printed, ev: Evaluation, cols: dict[str, int], rng: random.Random) -> None:
    if ev.total_weight_printed is None and ev.total_score_printed is None and ev.grade_printed is None:
        return
    row = sheet.line([_variant(rng, "总分", "合计", "总得分")])
    if "weight" in cols and ev.total_weight_printed is not None:
        sheet.cells[(row, cols["weight"])] = ev.total_weight_printed
    if "score" in cols and ev.total_score_printed is not None:
        sheet.cells[(row, cols["score"])] = ev.total_score_printed
    if ev.grade_printed is not None:
        sheet.cells[(row, max(cols.get("weight", 0), cols.get("score", 0)) + 1)] = ev.grade_printed


def _signatures(sheet: Printed, ev: Evaluation) -> None:
    s = ev.signatories
    if not any((s.preparer, s.phone, s.reviewer, s.head, s.date)):
        return
    date = s.date
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = Date(dt.date.fromisoformat(date))
    sheet.line([f"填报人：{s.preparer or ''}", f"联系电话：{s.phone or ''}", f"审核人：{s.reviewer or ''}",
                f"单位负责人：{s.head or ''}", "填报日期：", date])


# -- writers ---------------------------------------------------------------------------------

def write_xlsx(path: Path, sheets: dict[str, Printed]) -> None:
    from openpyxl import Workbook
    book = Workbook()
    book.remove(book.active)
    for name, printed in sheets.items():
        ws = book.create_sheet(name)
        for (r, c), value in printed.cells.items():
            cell = ws.cell(r, c)
            if isinstance(value, Percent):
                cell.value, cell.number_format = float(value.fraction), "0" + ("." + "0" * value.places if value.places else "") + "%"
            elif isinstance(value, Date):
                cell.value, cell.number_format = dt.datetime.combine(value.day, dt.time()), value.code
            else:
                cell.value = value
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"
        for top, left, bottom, right in printed.merges:
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        for r in printed.hidden:
            ws.row_dimensions[r].hidden = True
    book.save(path)


def write_xls(path: Path, sheets: dict[str, Printed]) -> None:
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}

    def style(code: str):
        if code not in styles:
            styles[code] = xlwt.easyxf(num_format_str=code)
        return styles[code]

    for name, printed in sheets.items():
        ws = book.add_sheet(name, cell_overwrite_ok=True)
        covered = {(r, c) for t, l, b, rr in printed.merges for r in range(t, b + 1) for c in range(l, rr + 1)} - \
            {(t, l) for t, l, _, _ in printed.merges}
        for (r, c), value in printed.cells.items():
            if (r, c) in covered:
                continue
            if isinstance(value, Percent):
                ws.write(r - 1, c - 1, float(value.fraction), style("0" + ("." + "0" * value.places if value.places else "") + "%"))
            elif isinstance(value, Date):
                ws.write(r - 1, c - 1, dt.datetime.combine(value.day, dt.time()), style(value.code))
            elif isinstance(value, Decimal):
                ws.write(r - 1, c - 1, float(value))
            else:
                ws.write(r - 1, c - 1, value)
        for top, left, bottom, right in printed.merges:
            ws.merge(top - 1, bottom - 1, left - 1, right - 1)
        for r in printed.hidden:
            ws.row(r - 1).hidden = True
    book.save(str(path))


def write_docx(path: Path, printed: Printed) -> None:
    """Each table as a Word table, the lines above it as paragraphs; cells hold what Word shows."""
    import docx
    document = docx.Document()
    for first, last in printed.tables:
        for text in printed.lines_above.get(first, []):
            document.add_paragraph(text)
        rows = range(first, last + 1)
        used = [r for r in rows if any((r, c) in printed.cells for c in range(1, printed.width + 1))
                or any(t <= r <= b for t, _, b, _ in printed.merges)]
        width = max(c for (r, c) in printed.cells if first <= r <= last)
        table = document.add_table(rows=len(used), cols=width)
        index = {r: i for i, r in enumerate(used)}
        cells = [row.cells for row in table.rows]
        for (r, c), value in printed.cells.items():
            if r in index:
                cells[index[r]][c - 1].text = _shown(value)
        for top, left, bottom, right in printed.merges:
            if top in index and bottom in index:
                cells[index[top]][left - 1].merge(cells[index[bottom]][min(right, width) - 1])
        document.add_paragraph("")
    document.save(str(path))


def _shown(value) -> str:
    if isinstance(value, (Percent, Date)):
        return value.text
    return plain(value) if isinstance(value, Decimal) else str(value)
