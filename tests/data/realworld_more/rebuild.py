"""Writes the case files of this folder from the transcriptions below (run it after editing one:
`python tests/data/realworld_more/rebuild.py`). Each table is laid out cell for cell and merge for
merge as published; see README.md and each *.expected.md for the sources and what is filler.

A table is a list of rows (column A first, None = empty cell) with its merged ranges ("A5:A7").
Cells: str = text, int/float = number, N("238.93") = number shown with its printed decimals,
P("97.80%") = percentage cell, T("0.00") = a number stored as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class N:
    text: str

    @property
    def value(self) -> float:
        return float(self.text.replace(",", ""))

    @property
    def code(self) -> str:
        places = len(self.text.partition(".")[2])
        return ("#,##0" if "," in self.text else "0") + ("." + "0" * places if places else "")


@dataclass(frozen=True)
class P:
    text: str

    @property
    def value(self) -> float:
        return float(Decimal(self.text.rstrip("%")) / 100)

    @property
    def code(self) -> str:
        places = len(self.text.rstrip("%").partition(".")[2])
        return "0" + ("." + "0" * places if places else "") + "%"


@dataclass(frozen=True)
class T:
    text: str


@dataclass
class Table:
    rows: list[list]
    merges: list[str] = field(default_factory=list)
    above: list[str] = field(default_factory=list)  # Word: paragraphs before the table
    below: list[str] = field(default_factory=list)  # Word: paragraphs after it
    hidden: list[int] = field(default_factory=list)  # rows (1-based, within the table)


def shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (N, P, T)):
        return value.text
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _span(ref: str) -> tuple[int, int, int, int]:
    """"B5:D7" -> (top, left, bottom, right), 1-based."""
    def one(cell: str) -> tuple[int, int]:
        letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", cell).groups()
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        return int(digits), col
    first, _, last = ref.partition(":")
    (t, l), (b, r) = one(first), one(last or first)
    return t, l, b, r


def _stacked(tables: list[Table], gap: int) -> tuple[list[list], list[tuple[int, int, int, int]], list[int]]:
    """Tables one under another with `gap` blank rows between them (merges and hidden rows shifted)."""
    rows, merges, hidden = [], [], []
    for i, table in enumerate(tables):
        if i:
            rows += [[]] * gap
        offset = len(rows)
        rows += table.rows
        merges += [(t + offset, l, b + offset, r) for t, l, b, r in map(_span, table.merges)]
        hidden += [r + offset for r in table.hidden]
    return rows, merges, hidden


def write_xlsx(path: Path, sheets: dict[str, list[Table]], gap: int = 2) -> None:
    from openpyxl import Workbook
    book = Workbook()
    book.remove(book.active)
    for name, tables in sheets.items():
        ws = book.create_sheet(name)
        rows, merges, hidden = _stacked(tables, gap)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is None:
                    continue
                cell = ws.cell(r, c)
                if isinstance(value, (N, P)):
                    cell.value, cell.number_format = value.value, value.code
                elif isinstance(value, T):
                    cell.value, cell.data_type = value.text, "s"
                else:
                    cell.value = value
        for t, l, b, r in merges:
            ws.merge_cells(start_row=t, start_column=l, end_row=b, end_column=r)
        for r in hidden:
            ws.row_dimensions[r].hidden = True
    book.save(path)


def write_xls(path: Path, sheets: dict[str, list[Table]], gap: int = 2) -> None:
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}

    def style(code: str):
        if code not in styles:
            styles[code] = xlwt.easyxf(num_format_str=code)
        return styles[code]

    for name, tables in sheets.items():
        ws = book.add_sheet(name, cell_overwrite_ok=True)
        rows, merges, hidden = _stacked(tables, gap)
        covered = {(r, c) for t, l, b, rr in merges for r in range(t, b + 1) for c in range(l, rr + 1)} - \
            {(t, l) for t, l, _, _ in merges}
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, (N, P)):
                    ws.write(r - 1, c - 1, value.value, style(value.code))
                else:
                    ws.write(r - 1, c - 1, value.text if isinstance(value, T) else value)
        for t, l, b, r in merges:
            ws.merge(t - 1, b - 1, l - 1, r - 1)
        for r in hidden:
            ws.row(r - 1).hidden = True
    book.save(str(path))


def write_docx(path: Path, tables: list[Table]) -> None:
    """Each table as a Word table with its merged cells; the lines above and below as paragraphs."""
    import docx
    document = docx.Document()
    for table in tables:
        for line in table.above:
            document.add_paragraph(line)
        width = max(len(row) for row in table.rows)
        word = document.add_table(rows=len(table.rows), cols=width)
        word.style = "Table Grid"
        cells = [row.cells for row in word.rows]
        spans = [_span(ref) for ref in table.merges]
        covered = {(r, c) for t, l, b, rr in spans for r in range(t, b + 1) for c in range(l, rr + 1)} - \
            {(t, l) for t, l, _, _ in spans}
        for t, l, b, r in spans:
            cells[t - 1][l - 1].merge(cells[b - 1][r - 1])
        cells = [row.cells for row in word.rows]
        for r, row in enumerate(table.rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None and (r, c) not in covered:
                    cells[r - 1][c - 1].text = shown(value)
        for line in table.below:
            document.add_paragraph(line)
    document.save(str(path))


def write_tsv(path: Path, table: Table, first: int, last: int) -> None:
    """Rows first..last as Excel puts them on the clipboard: tab-separated, merged cells' value in
    their first cell, the others empty."""
    lines = []
    width = max(len(row) for row in table.rows[first - 1:last])
    for row in table.rows[first - 1:last]:
        cells = [shown(v).replace("\n", "") for v in row] + [""] * (width - len(row))
        lines.append("\t".join(cells))
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# The tables. Long texts are paraphrased, names and phone numbers made up (see README.md).

SICHUAN_NOTE = ("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；"
                "2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款.")
SICHUAN_PROMPTS = ("结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。（200字以内）",
                   "结合自评情况，分析存在的问题及原因。（200字以内）",
                   "针对项目自评中发现的问题，提出下一步改进完善的意见及有关政策性建议。（200字以内）")


def sichuan(project, department, implementer_label, implementer, goal, done, content, funds, indicators, total,
            closing, signature, code_line="报表编号：510000_0013zp") -> Table:
    """四川 部门预算项目支出绩效自评表（2023年度）: 11 columns A-K."""
    rows = [
        [code_line],
        ["部门预算项目支出绩效自评表（2023年度）"],
        ["项目名称", project],
        ["主管部门", department, None, None, None, implementer_label, None, implementer],
        ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", None, None, None, "年度目标完成情况"],
        [None, None, goal, None, None, None, done],
        [None, "2.项目实施内容及过程概述", content],
        ["预算执行情况\n（10分）", "年度预算数\n（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
         "得分", "原因"],
    ]
    merges = ["A2:K2", "B3:K3", "B4:E4", "F4:G4", "H4:K4", "A5:A7", "B5:B6", "C5:F5", "G5:K5", "C6:F6", "G6:K6",
              "C7:K7", "A8:A13", "I8:K8", "I9:K13"]
    for i, line in enumerate(funds):
        rows.append([None, *line, SICHUAN_NOTE] if i == 0 else [None, *line])
    first = len(rows) + 1
    rows.append(["绩效指标\n（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重",
                 "得分", "未完成原因分析"])
    rows += [[None, *line] for line in indicators]
    merges.append(f"A{first}:A{len(rows)}")
    rows.append(["合计", None, None, None, None, None, None, None, *total])
    merges.append(f"A{len(rows)}:H{len(rows)}")
    for label, text in zip(("评价结论", "存在问题", "改进措施"), closing):
        rows.append([label, text])
        merges.append(f"B{len(rows)}:K{len(rows)}")
    rows.append([signature[0], None, None, None, None, signature[1]])
    merges += [f"A{len(rows)}:E{len(rows)}", f"F{len(rows)}:K{len(rows)}"]
    return Table(rows, merges)


QINGSHEN = sichuan(
    project="51000021R000000019951-工资性支出", department="青神县发展和改革局本级", implementer_label="实施单位\n（盖章）",
    implementer="青神县发展和改革局",
    goal="严格执行相关政策，保障工资及时、足额发放或社保及时、足额缴纳，预算编制科学合理，减少结余资金。",
    done="对照年度目标，说明相关任务目标的完成情况（100字以内）", content=None,
    funds=[["总额", N("238.93"), N("251.89"), N("251.89"), P("100.00%"), 10, None],
           ["其中：财政资金", N("238.93"), N("251.89"), N("251.89"), P("100.00%"), "/", "/"],
           ["财政专户管理资金", N("0.00"), N("0.00"), N("0.00"), P("0.00%"), "/", "/"],
           ["单位资金", N("0.00"), N("0.00"), N("0.00"), P("0.00%"), "/", "/"],
           ["其他资金", None, None, None, None, "/", "/"]],
    indicators=[["产出指标", "数量指标", "发放（缴纳）覆盖率", "=", 100, "%", None, 60, None],
                ["效益指标", "社会效益指标", "足额保障率（参保率）", "=", 100, "%", None, 30, None]],
    total=[100, None], closing=SICHUAN_PROMPTS, signature=("项目负责人：", "财务负责人："))

DAYING = sichuan(
    project="51092324T000010263357-2023年全县安可替代补助资金项目", department="大英县司法局部门", implementer_label="实施单位",
    implementer="大英县司法局", goal="根据要求购买安可设备，并完成项目资金支付。", done="完成",
    content="2023年购买13台安可电脑，并于12月前完成资金支付。",
    funds=[["总额", N("0.00"), N("3.36"), N("3.36"), P("100.00%"), 10, 10],
           ["其中：财政资金", N("0.00"), N("3.36"), N("3.36"), P("100.00%"), "/", "/"],
           ["财政专户管理资金", N("0.00"), N("0.00"), N("0.00"), P("0.00%"), "/", "/"],
           ["单位资金", N("0.00"), N("0.00"), N("0.00"), P("0.00%"), "/", "/"],
           ["其他资金", None, None, None, None, "/", "/"]],
    indicators=[["产出指标", "质量指标", "完成安可产品购买并按要求支付资金", "=", 100, "%", 100, 90, 90]],
    total=[100, 100], closing=("项目按要求完成安可设备购买和资金支付，自评得分100分。", "无", "无"),
    signature=("项目负责人：张某", "财务负责人：王某"))


HUOSHAN = Table([
    ["医疗救助补助资金转移支付项目绩效目标自评表"],
    ["（2024年度）"],
    ["转移支付（项目）名称", None, "医疗救助补助资金"],
    ["中央主管部门", None, "医疗保障局"],
    ["地方主管部门", None, "医疗保障局", None, "资金使用单位", None, "医疗保障局"],
    ["资金投入情况（万元）", None, "全年预算数（A）", None, "全年执行数（B）", None, "预算执行率（B/A×100%）"],
    ["年度资金总额：", None, "3359.62万", None, "3359.62万", None, P("100%")],
    ["其中：中央财政资金", None, "829.3万", None, "829.3万", None, P("100%")],
    ["彩票公益金用于医疗救助", None, 0, None, 0, None, P("100%")],
    ["地方资金", None, "2530.32万", None, "2530.32万", None, P("100%")],
    ["其他资金"],
    ["资金管理情况", None, "情况说明", None, None, "存在问题和改进措施"],
    ["分配科学性", None, "资金分配科学", None, None, "暂无"],
    ["下达及时性", None, "资金下达及时", None, None, "暂无"],
    ["拨付合规性", None, "资金拨付合规", None, None, "暂无"],
    ["使用规范性", None, "资金使用规范", None, None, "暂无"],
    ["执行准确性", None, "资金执行准确", None, None, "暂无"],
    ["预算绩效管理情况", None, "资金预算绩效管理科学", None, None, "暂无"],
    ["支出责任履行情况", None, "资金支出责任履行到位", None, None, "暂无"],
    ["总体目标完成情况", "总体目标", None, None, None, "全年实际完成情况"],
    [None, "通过医疗救助改善困难群众就医待遇，防范和化解因病致贫返贫。", None, None, None,
     "2024年度医疗救助惠及11万人次，完成了预期目标。"],
    ["绩效指标", "一级\n指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
    [None, "产\n出\n指\n标", "数量指标", "享受医疗救助人次", "≥50000人次", 110406],
    [None, None, "质量指标", "医疗救助合规率", P("100%"), P("100%")],
    [None, None, "时效指标", "救助资金及时拨付率", P("100%"), P("100%")],
    [None, "效益\n指标", "社会效益指标", "困难群众医疗费用负担", "有效减轻", "有效减轻"],
    [None, "满意度\n指标", "服务对象满意度指标", "救助对象满意度", "≥90%", P("96%")],
    ["说明", "无"],
], ["A1:H1", "A2:H2", "A3:B3", "C3:H3", "A4:B4", "C4:H4", "A5:B5", "C5:D5", "E5:F5", "G5:H5",
    "A6:B6", "C6:D6", "E6:F6", "G6:H6", "A7:B7", "C7:D7", "E7:F7", "G7:H7", "A8:B8", "C8:D8", "E8:F8", "G8:H8",
    "A9:B9", "C9:D9", "E9:F9", "G9:H9", "A10:B10", "C10:D10", "E10:F10", "G10:H10", "A11:B11", "C11:D11", "E11:F11",
    "G11:H11", "A12:B12", "C12:E12", "F12:H12", *[f"A{r}:B{r}" for r in range(13, 20)],
    *[f"C{r}:E{r}" for r in range(13, 20)], *[f"F{r}:H{r}" for r in range(13, 20)],
    "A20:A21", "B20:E20", "F20:H20", "B21:E21", "F21:H21", "A22:A27", "G22:H22", "B23:B25",
    *[f"G{r}:H{r}" for r in range(23, 28)], "B28:H28"])


SHOUXIAN = Table([
    ["2023年度部门整体支出绩效评价自评表"],
    ["单位"],
    ["序号", "一级\n指标", "二级\n指标", "三级\n指标", "指标分值", "指标解释", "指标说明及评分标准", "自评得分"],
    [1, "规划\n（15分）", "基础信息\n（3分）", "基础信息\n完整性", 3,
     "部门及所属二级单位预算基础信息是否符合相关规定，信息资料是否真实、完整。",
     "1、基础数据信息是否真实（1分）；2、基础数据信息是否完整（1分）；3、基础数据信息是否准确（1分）。", 3],
    [2, None, "工作计划\n（6分）", "年度工作\n计划完整性", 3, "部门及所属二级单位年度工作计划制定是否完整可行。",
     "年度工作计划是否完整可行（3分）", 3],
    [3, None, None, "年度工作\n计划明确性", 3, "部门及所属二级单位年度工作计划制定是否明确可操作。",
     "年度工作计划是否明确可操作（3分）", 3],
    [4, None, "绩效目标\n（6分）", "年度绩效\n目标合理性", 4, "单位是否设置年度绩效目标，绩效目标设定是否符合单位实际，是否合理。",
     "1、设置年度绩效目标（2分）；2、绩效目标设置依据充分（1分）；3、绩效目标合理，符合实际，可操作（1分）；4、未设置绩效目标，该栏不得分", 4],
    [5, None, None, "年度绩效\n目标明确性", 2, "是否制定明确、细化、量化的绩效目标。", "绩效目标明确，且细化、量化（2分）；", 2],
    [6, "执行\n（35分）", "预算执行\n（18分）", "预算执行率", 5,
     "部门及所属二级单位本年度预算执行数与预算数的比率。预算执行率=（预算执行数/预算数）×100%。",
     "1、除上级政策性因素影响外，年度无预算追加（1分）；……", 5],
], ["A1:H1", "B2:H2", "B4:B8", "C5:C6", "C7:C8"])


XIANGYANG = Table([
    ["项目名称", "东津院区建设补助"],
    ["主管部门", "襄阳市卫生健康委", None, "项目实施单位", "襄阳市中心医院"],
    ["项目类别", "1、部门预算项目☑    2、财政专项□    3、市对下转移支付项目□"],
    ["项目属性", "1、持续性项目□    2、新增性项目□"],
    ["项目类型", "1、常年性项目□    2、延续性项目☑    3、一次性项目□"],
    ["预算执行情况\n（万元）\n（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分\n（20分*执行率）"],
    ["年度财政\n资金总额", 1000, 1000, P("100%"), 20],
    ["年度绩效\n目标\n（80分）", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    [None, "产出\n指标", "数量指标", "成本控制", "不超过预算", "不超过预算", 10],
    [None, None, "质量指标", "保证财政建设补助专款专用", "专款专用", "专款专用", 10],
    [None, None, "成本", "每年财政补助1000万元", "1000万元", "1000万元", 10],
    [None, None, "时效", "1年", "1年", "1年", 10],
    [None, "效益\n指标", "经济效益", "完成东津院区建设，医院东津医疗收入达到5亿元", "5亿元", "6.47亿元", 10],
    [None, None, "可持续性", "院区建成后，可持续为周边群众提供医疗服务", "服务范围扩大", "服务范围扩大", 10],
    [None, "满意度\n指标", "服务对象满意度", "就诊群众满意度", "≥90%", "96%", 20],
    ["总分", None, None, None, None, None, 100],
    ["偏差大或目标未完成原因分析", "无"],
    ["改进措施及结果应用方案", "继续加强项目资金管理。"],
], ["B1:G1", "B2:C2", "E2:G2", "B3:G3", "B4:G4", "B5:G5", "E6:G6", "E7:G7", "A8:A15", "B9:B12", "B13:B14",
    "A16:F16", "B17:G17", "B18:G18"],
    above=["2021年度财政项目绩效自评表", "单位名称：襄阳市中心医院　　　　　　填报日期：2022年3月18日"],
    below=["备注：1.预算执行情况口径：预算数为调整后财政资金预算数，执行数为财政资金实际支出数。"])


HUANGGANG = Table([
    ["2020年度水土保持监测项目绩效自评表"],
    ["单位名称：黄冈市水土保持与农田水利科研所", None, None, None, "填报日期：2021年3月10日"],
    ["项目名称", "水土保持监测"],
    ["主管部门", "黄冈市水利和湖泊局", None, "项目实施单位", "本单位"],
    ["项目类别", "1、上级专项□    2、本级专项☑"],
    ["项目属性", "1、持续性项目☑    2、新增性项目□"],
    ["项目类型", "1、常年性项目☑    2、延续性项目□    3、一次性项目□"],
    ["预算执行情况\n（万元）\n（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分\n（20分*执行率）"],
    ["年度财政资金总额", 10, 10, P("100%"), 20],
    ["年度绩效\n目标1\n（40分）", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    [None, "产出指标", "质量指标", "监测数据必须合格", P("100%"), P("100%"), 10],
    [None, None, "进度指标", "取得2018-2022监测资料", P("100%"), P("100%"), 10],
    [None, "效益指标"],
    [None, "满意度指标", "服务对象满意度指标", "整编资料审核", P("98%"), P("98%"), 19.6],
    ["年度绩效\n目标2\n（40分）", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    [None, "产出指标", "质量指标", "监测数据资料整编", P("100%"), P("100%"), 20],
    [None, None, "进度指标", "完成年度资料上报", P("100%"), P("100%"), 20],
    [None, "效益指标", "社会效益指标"],
    [None, "满意度指标", "服务对象满意度指标"],
    ["总分", None, None, None, None, None, 99.6],
    ["偏差大或目标未完成原因分析"],
    ["改进措施及结果应用方案"],
    ["备注：1.预算执行情况口径：预算数为调整后财政资金预算数，执行数为财政资金实际支出数。"],
], ["A1:G1", "A2:D2", "E2:G2", "B3:G3", "B4:C4", "E4:G4", "B5:G5", "B6:G6", "B7:G7", "E8:G8", "E9:G9",
    "A10:A14", "B11:B12", "A15:A19", "B16:B17", "A20:F20", "B21:G21", "B22:G22", "A23:G23"])


LIJIANG = Table([
    ["2020年度项目支出绩效自评表"],
    ["项目名称", None, "2020年省级自然资源卫片执法补助经费支出绩效自评表"],
    ["主管部门", None, "丽江市自然资源和规划局", None, None, "实施单位", "丽江市古城区自然资源局"],
    ["项目资金\n（万元）", None, "年初预算数", None, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", None, N("7.29"), None, N("7.29"), N("7.29"), N("10.00"), P("100%"), N("10.00")],
    ["其中：当年财政拨款", None, N("7.29"), None, N("7.29"), N("7.29"), None, P("100%")],
    ["上年结转资金"],
    ["其他资金"],
    ["年度\n总体\n目标", "预期目标", None, None, None, None, "实际完成情况"],
    [None, "自然资源卫片执法补助经费", None, None, None, None, "自然资源卫片执法补助经费"],
    ["绩效指标", None, None, "年度指标值", None, None, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "卫片执法补助经费", "﹦", 72890, "元", 72890, N("10.00"), N("9.00")],
    [None, "质量指标", "项目验收合格率", "﹦", 100, "%", 100, 20, 19],
    [None, "时效指标", "项目完成及时率", "﹦", 100, "%", 100, N("20.00"), N("19.00")],
    ["效益指标", "社会效益指标", "违法行为责停率", "≥", 95, "%", 95, N("30.00"), N("27.00")],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥", 95, "%", 95, N("10.00"), N("9.00")],
    ["总分", None, None, None, None, None, None, 100, N("93.00")],
], ["A1:K1", "A2:B2", "C2:K2", "A3:B3", "C3:E3", "G3:K3", "A4:B4", "C4:D4", "I4:K4", "A5:B5", "C5:D5", "I5:K5",
    "A6:B6", "C6:D6", "I6:K6", "A7:B7", "A8:B8", "A9:A10", "B9:F9", "G9:K9", "B10:F10", "G10:K10", "A11:C11",
    "D11:F11", "G11:G12", "H11:H12", "I11:I12", "J11:K12", "A13:A15", *[f"J{r}:K{r}" for r in range(13, 19)],
    "A18:G18"])


HENGSHAN = Table([
    ["专项资金名称", "县级储备粮", None, "负责人及电话", None, "刘某、陈某"],
    ["县级主管部门", "衡山县商务和粮食局", None, "实施单位", None, "粮食调控储备与产业发展股"],
    ["项目资金\n（万元）", None, None, "全年预算数（A）", "全年执行数（B）", "执行率（B/A）"],
    [None, "年度资金总额", None, 194.9, 194.9, "100%"],
    [None, "其中：中央、省、市补助县级资金", None, 194.9, 194.9, "100%"],
    [None, "其他资金"],
    ["年度\n总体\n目标", "年初设定目标", None, None, "全年实际完成情况"],
    [None, "保持和稳定地方粮食储备机制", None, None, "地方储备粮食规模达标"],
    ["绩\n效\n指\n标", "一级\n指标", "二级\n指标", "三级指标", "年度指标值", "全年\n完成值", "未完成原因和\n改进措施"],
    [None, "产\n出\n指\n标", "数量\n指标", "5000吨稻谷、500吨成品粮储备到位率", "100%", "100%"],
    [None, None, None, "库存数量真实率", "100%", "100%"],
    [None, None, "质量\n指标", "县级储备粮管理制度严格执行率", "100%", "100%"],
    [None, None, None, "储备粮管理专户管理率", "100%", "100%"],
    [None, None, None, "县级储备粮库存粮食明显变质比例", "0", "0"],
    [None, None, "时效\n指标", "县级储备粮贷款付息及时率", "100%", "100%"],
    [None, None, None, "县级储备粮应急保障率", "100%", "100%"],
    [None, None, "成本\n指标", "国家政策性粮收购价格执行率", "100%", "100%"],
    [None, None, None, "县级储备粮库存成本核算率", "100%", "100%"],
    [None, "效\n益\n指\n标", "经济\n效益\n指标", "利息费用保障率", "100%", "100%"],
    [None, None, None, "政策性挂账利息补贴保障率", "100%", "无", "没有轮换、动用库存"],
    ["绩效\n指标", "效\n益\n指\n标", "生态\n效益\n指标", "低温、低氧、低剂量科学保粮率", "100%", "100%"],
    [None, None, None, "食品安全指标达标率", "100%", "100%"],
    [None, None, "可持\n续影\n响指标", "粮食储备设备维护及安全性", "高", "高"],
    [None, "满意\n度指\n标", "服务\n对象\n满意\n度指\n标", "因粮食市场波动引起的粮食安全事件发生数", "0起", "0起"],
    [None, None, None, "市民满意度调查", "90%", "100%"],
    ["说明", "无"],
], ["B1:C1", "D1:E1", "B2:C2", "D2:E2", "F2:G2", "F1:G1", "A3:A6", "B3:C3", "F3:G3", "B4:C4", "F4:G4", "B5:C5",
    "F5:G5", "B6:C6", "F6:G6", "A7:A8", "B7:D7", "E7:G7", "B8:D8", "E8:G8", "A9:A20", "B10:B18", "C10:C11",
    "C12:C14", "C15:C16", "C17:C18", "B19:B20", "C19:C20", "A21:A25", "B21:B23", "C21:C22", "B24:B25", "C24:C25",
    "B26:G26"],
    above=["2020年度县级专项资金绩效目标自评表"],
    below=["注：1、其他资金包括和中央、省、市补助、地方财政资金共同投入到同一项目的自有资金、社会资金等。"])


XIAOXIAN = Table([
    ["绩效目标自评表"],
    ["（2023年度）"],
    ["项目名称", "河西村特色种养补贴到户项目", None, None, None, "项目负责人及电话", None, "李某0557-0000000"],
    ["主管部门", "县农业农村局", None, None, None, "实施单位", None, "张庄寨镇人民政府"],
    ["资金情况\n（万元）", None, None, None, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
    [None, "年度资金总额：", None, None, 9.48, 9.48, 10, P("100%"), 10],
    [None, "其中：本年财政拨款", None, None, 9.48, 9.48, 10, P("100%"), 10],
    [None, "其他资金", None, None, "-", "-"],
    ["年度总体目标", "年初设定目标", None, None, None, "年度总体目标完成情况综述"],
    [None, "落实39户特色种养业奖补政策，增加脱贫户家庭收入", None, None, None, "落实39户特色种养业奖补政策，增加脱贫户家庭收入"],
    ["绩效指标", "一级\n指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
    [None, "产\n出\n指\n标\n（50分）", "数量指标", "★补助各类瓜果蔬菜种植面积", 20, "29.5亩", "29.5亩", 20],
    [None, None, None, "其中桃树种植面积", None, "1.5亩", "1.5亩"],
    [None, None, None, "其中苹果树种植面积", None, "5亩", "5亩"],
    [None, None, None, "其中露天蔬菜", None, "20亩", "20亩"],
    [None, None, None, "其中大棚蔬菜", None, "3亩", "3亩"],
    [None, None, None, "★补助鱼塘面积", 10, "3亩", "3亩", 10],
    [None, None, None, "其中鱼塘养殖面积", None, "3亩", "3亩"],
    [None, None, None, "★补助家畜家禽养殖数量", 10, "192只", "192只", 10],
    [None, None, None, "其中羊养殖数量", None, "180只", "180只"],
    [None, None, None, "其中猪养殖数量", None, "12头", "12头"],
    [None, None, "质量指标"],
    [None, None, None, "种植作物成活率", 5, P("95%"), P("95%"), 5],
    [None, None, None, "养殖家畜家禽成活率", 5, P("95%"), P("100%"), 5],
    [None, None, None, "……"],
    [None, "效\n益\n指\n标\n（30分）", "经济效益\n指标"],
    [None, None, None, "特色产业带动增加受益农户收入（总收入）", 20, "≥11.376万元", "12万元", 20],
    [None, None, "社会效益\n指标", "受益人口数量", 10, "90人", "90人", 10],
    [None, None, "生态效益\n指标"],
    [None, None, "可持续影响指标"],
    [None, None, None, "……"],
    [None, "满意度\n指标\n（10分）", "服务对象\n满意度指标", "受益脱贫户满意度", 10, "≥95%", P("100%"), 10],
    ["总分", None, None, None, 100, None, None, 100],
], ["A1:I1", "A2:I2", "B3:E3", "F3:G3", "H3:I3", "B4:E4", "F4:G4", "H4:I4", "A5:D5", "A6:A8", "B6:D6", "B7:D7",
    "B8:D8", "A9:A10", "B9:E9", "F9:I9", "B10:E10", "F10:I10", "A11:A32", "B12:B25", "C12:C21", "C22:C25",
    "B26:B31", "C26:C27", "C30:C31", "A33:D33"])


JINZHAI = Table([
    ["部门整体支出绩效自评表"],
    ["（2023年度）"],
    ["部门", "金寨县茶谷和美丽乡村建设服务中心"],
    ["预算资金\n（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额", 329.77, 329.77, 338.31, 10, P("102.59%")],
    [None, "其中：当年财政拨款", 329.77, 329.77, 338.31, "—", P("102.59%"), "—"],
    [None, "上年结转资金", None, None, None, "—", None, "—"],
    [None, "其他资金", None, None, None, "—", None, "—"],
    ["年度总体目标", "预期目标", None, None, "实际完成情况"],
    [None, "1.建设徽风皖韵美丽乡村；2.整治美丽宜居自然村庄；3.推进农村改厕提质增效。", None, None,
     "1.启动4个精品示范村建设；2.整治美丽宜居自然村庄202个；3.完成农村户用卫生厕所改造3061户。"],
    ["绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分",
     "偏差原因分析及改进措施"],
    [None, "产出指标", "数量指标", "指标1：开展精品示范村建设数量", "≤4", 4, 10, 10],
    [None, None, None, "指标2：建设美丽宜居自然村庄数量", "≥200", 202, 10, 10],
    [None, None, None, "指标3：完成农村户用卫生厕所改造数量", "≥2000", 3061, 10, 10],
    [None, None, None, "指标4：新建省级中心村数量", "≥10", 10, 10, 10],
    [None, None, "质量指标", "指标1：美丽宜居自然村庄验收通过率", "≥95%", P("100%"), 5, 5],
    [None, None, None, "指标2：户用卫生厕所改造验收通过率", "≥95%", P("100%"), 5, 5],
    [None, None, "时效指标", "指标1：完成美丽宜居自然村庄验收时间", "9月前", "7月", 5, 5],
    [None, None, None, "指标2：完成户用卫生厕所改造验收时间", "11月前", "10月", 5, 5],
    [None, None, "成本指标", "指标1：户用卫生厕所改造补助标准", "≤1000元/户", "1000元/户", 10, 10],
    [None, "效益指标", "社会效益指标", "指标1：农村人居环境改善情况", "明显改善", "明显改善", 10, 10],
    [None, "满意度指标", "服务对象满意度指标", "指标1：受益群众满意度", "≥90%", P("95%"), 10, 10],
    ["总分", None, None, None, None, None, 100],
], ["A1:I1", "A2:I2", "B3:I3", "A4:A8", "H4:I4", "H5:I5", "H6:I6", "H7:I7", "H8:I8", "A9:A10", "B9:D9",
    "E9:I9", "B10:D10", "E10:I10", "A11:A22", "B12:B20", "C12:C15", "C16:C17", "C18:C19", "A23:F23"])


DAZHOU = Table([
    ["部门整体支出绩效评价得分表"],
    ["一级指标", "二级指标", "三级指标", "得分"],
    ["部门决策（25分）", "目标任务（15分）", "相关性（5分）"],
    [None, None, "明确性（5分）"],
    [None, None, "合理性（5分）"],
    [None, "预算编制（10分）", "测算依据（5分）"],
    [None, None, "目标管理（5分）"],
    ["综合管理（30分）", "专项资金分配时限（2分）", "市级财力专项预算分配时限（1分）"],
    [None, None, "中央专款分配合规率（1分）"],
    [None, "中期评估（2分）", "执行中期评估（2分）"],
    [None, "绩效监控（5分）", "预算执行进度监控（2分）"],
    [None, None, "绩效目标动态监控（3分）"],
    [None, "非税收入执收情况（2分）", "非税收入征收情况（1分）"],
    [None, None, "非税收入上缴情况（1分）"],
    [None, "资产管理（6分）", "资产管理信息化情况（2分）"],
    [None, None, "行政事业单位资产报告情况（2分）"],
    [None, None, "资产管理与预算管理相结合（2分）"],
    [None, "内控制度管理（2分）", "内部控制度健全完整（2分）"],
    [None, "信息公开（6分）", "预算公开（2分）"],
    [None, None, "决算公开（2分）"],
    [None, None, "绩效信息公开（2分）"],
    [None, "绩效评价（5分）", "绩效评价开展（2分）"],
    [None, None, "评价结果应用（3分）"],
    ["部门绩效情况（45分）", "履职成效（20分）", "部门特性指标"],
    [None, None, None],
    [None, None, None],
    [None, "可持续发展能力（15分）", "重点改革（重点工作）完成情况（5分）"],
    [None, None, "科技（制度、方法、机制等）创新（5分）"],
    [None, None, "人才培养（5分）"],
    [None, "满意度（10分）", "协作部门满意度（3分）"],
    [None, None, "管理对象满意度（3分）"],
    [None, None, "社会公众满意度（4分）"],
], ["A1:D1", "A3:A7", "B3:B5", "B6:B7", "A8:A23", "B8:B9", "B11:B12", "B13:B14", "B15:B17", "B19:B21", "B22:B23",
    "A24:A32", "B24:B26", "C24:C26", "B27:B29", "B30:B32"])


HAINAN = Table([
    ["一、项目基本情况"],
    ["项目实施单位", "省商务厅服务贸易和商贸服务业处", None, "主管部门", "省商务厅"],
    ["项目负责人", "赵某", None, "联系电话", "0898-00000000"],
    ["地址", "海口市国兴大道省政府办公楼2楼", None, "邮编", "570204"],
    ["项目类型", "经常性项目（√）    一次性项目（  ）"],
    ["计划投资额\n（万元）", 570, "实际到位资金\n（万元）", 398.88, "实际使用情况\n（万元）", 395.86],
    ["其中：中央财政", 0, "其中：中央财政", 0, "其中：中央财政", 0],
    ["省财政", 570, "省财政", 398.88, "省财政", 395.86],
    ["市县财政", 0, "市县财政", 0, "市县财政", 0],
    ["其他", 0, "其他", 0, "其他", 0],
    ["二、绩效评价指标评分"],
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["项目决策", 20, "项目目标", 4, "目标内容", 4, 4],
    [None, None, "决策过程", 8, "决策依据", 3, 3],
    [None, None, None, None, "决策程序", 5, 5],
    [None, None, "资金分配", 8, "分配办法", 2, 2],
    [None, None, None, None, "分配结果", 6, 6],
    ["项目管理", 25, "资金到位", 5, "到位率", 3, 3],
    [None, None, None, None, "到位时效", 2, 2],
    [None, None, "资金管理", 10, "资金使用", 7, 7],
    [None, None, None, None, "财务管理", 3, 3],
    [None, None, "组织实施", 10, "组织机构", 1, 1],
    [None, None, None, None, "管理制度", 9, 9],
    ["项目绩效", 55, "项目产出", 15, "产出数量", 5, 5],
    [None, None, None, None, "产出质量", 4, 4],
    [None, None, None, None, "产出时效", 3, 3],
    [None, None, None, None, "产出成本", 3, 3],
    [None, None, "项目效益", 40, "经济效益", 10, 8],
    [None, None, None, None, "社会效益", 10, 9],
    [None, None, None, None, "环境效益", 10, 10],
    [None, None, None, None, "可持续影响", 5, 5],
    [None, None, None, None, "服务对象满意度", 5, 4],
    ["合计", 100, None, None, None, 100, 96],
], ["A1:F1", "B2:C2", "E2:G2", "B3:C3", "E3:G3", "B4:C4", "E4:G4", "B5:G5", "F6:G6", "F7:G7", "F8:G8",
    "F9:G9", "F10:G10", "A11:G11", "A13:A17", "B13:B17", "C14:C15", "D14:D15", "C16:C17", "D16:D17",
    "A18:A23", "B18:B23", "C18:C19", "D18:D19", "C20:C21", "D20:D21", "C22:C23", "D22:D23", "A24:A32", "B24:B32",
    "C24:C27", "D24:D27", "C28:C32", "D28:D32"],
    above=["服务贸易项目绩效自评表"])


NANHUA = Table([
    ["项目名称", None, "南华县乡村振兴示范园罗家屯社区野生菌加工车间建设项目（续建）"],
    ["主管部门", None, "南华县农业农村局", None, None, "实施单位", "南华县国有资本管理有限公司"],
    ["项目资金\n（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", None, 1100, 1100, 1100, 10, P("100%"), 10],
    ["其中：当年财政拨款", None, 1100, 1100, 1100, "—", P("100%"), "—"],
    ["上年结转资金", None, None, None, None, "—", None, "—"],
    ["其他资金", None, None, None, None, "—", None, "—"],
    ["年度总体目标", None, "预期目标", None, None, "实际完成情况"],
    [None, None, "目标1：1290.3平方米冷库仓储建设及配套设备安装；目标2：配套烘干杀菌设备及包装设备购置及安装；"
     "目标3：配套电力设施1250KVA变压器3台。", None, None, "目标1至目标3均已完成。"],
    ["绩\n效\n指\n标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [None, "产出指标（50分）", "数量指标", "1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装",
     "≥1290.3平方米", "1290.3平方米", 10.3, 10.3],
    [None, None, None, "配套烘干杀菌设备及包装设备购置及安装", 550, 20, 9.3, 9.3],
    [None, None, None, "配套电力设施1250KVA变压器3台", 3, None, 9.3, 9.3],
    [None, None, "经济效益\n指标", "奖补资金兑付率（%）", "≥100%", "≥100%", 10.8, 10.8],
    [None, None, "时效指标", "任务完成时限（月）", 10, 10, 10.3, 10.3],
    [None, None, "成本指标"],
    ["绩\n效\n指\n标", "效益指标（30分）", "社会效益指标", "带动就业人数", "≥50人", "56人", 15, 15],
    [None, None, "可持续影响指标", "项目持续发挥效益年限", "≥10年", "10年", 15, 15],
    [None, "满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, 10],
    ["总分", None, None, None, None, None, 100, 100],
], ["A1:B1", "C1:I1", "A2:B2", "C2:E2", "G2:I2", "A3:B3", "H3:I3", "A4:B4", "H4:I4", "A5:B5", "H5:I5", "A6:B6",
    "H6:I6", "A7:B7", "H7:I7", "A8:B9", "C8:E8", "F8:I8", "C9:E9", "F9:I9", "A10:A16", "B11:B16", "C11:C13",
    "A17:A19", "B17:B18", "A20:F20"])


LINXIANG = Table([
    ["项目支出绩效自评表"],
    ["（ 2023年度）"],
    ["项目名称", "2023年马鹿坑国有林场新建野生动物收容所建设项目"],
    ["主管部门", "临沧市临翔区林业和草原局", None, None, "实施单位", "临沧市临翔区林业和草原局"],
    ["项目资金\n（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额", None, 32.4, 31.69, 10, P("97.80%"), 9],
    [None, "其中：当年财政拨款", None, 32.4, 31.69, 10, P("97.80%"), 9],
    ["年度\n总体\n目标", "预期目标", None, None, "实际完成情况"],
    [None, "新建马鹿坑国有林场临时野生动物收容所1间200平方米，钢结构圈养围栏120米。", None, None,
     "完成临时野生动物收容所1间200平方米，钢结构圈养围栏120米。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [None, "产出指标", "数量指标", "野生动物收容所", "≥200平方米", "204.46平方米", 10, 10, "无"],
    [None, None, "数量指标", "钢结构圈养围栏", "≥120米", "121.5米", 10, 10, "无"],
    [None, None, "时效指标", "项目完工时限", "2023年12月", "2023年10月", 15, 15, "无"],
    [None, None, "质量指标", "项目竣工验收率", "100%", "100%", 15, 15, "无"],
    [None, "效益指标", "经济效益指标", "务工人员年人均增收", "≥8400元", "8400元", 10, 10, "无"],
    [None, None, "社会效益指标", "提供务工岗位", "≥5个", "5个", 10, 10, "无"],
    [None, None, "可持续影响指标", "项目建成后可持续影响年限", "≥15年", "15年", 10, 10, "无"],
    [None, "满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "95%", 10, 10, "无"],
    ["总分", None, None, None, None, None, 100, 99, "优"],
], ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A7", "A8:A9", "B8:D8", "E8:I8", "B9:D9", "E9:I9",
    "A10:A18", "B11:B14", "B15:B17", "A19:F19"])


LIANGPING = Table([
    ["重庆市梁平区林业局2023年度部门整体绩效自评表"],
    ["主管部门", "重庆市梁平区林业局", None, "部门联系人", "周某", "联系电话", "023-00000000", "自评总分（分）", 97.93],
    ["部门预算执行情况（万元）", "资金", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"],
    [None, "年度总金额", 8632.32, 9154.06, 7256.5, P("79.27%"), 10, 7.93],
    [None, "其中：财政拨款", 8632.32, 9154.06, 7256.5],
    ["当年绩效目标", "年初绩效目标", None, None, "全年（调整）绩效目标", None, "全年目标实际完成情况"],
    [None, "维护林业、林区安全稳定，全区森林资源、陆生野生动物资源得到有效保护。", None, None,
     "维护林业、林区安全稳定，松材线虫病疫情发生面积和病死松树株树实现双下降。", None,
     "全区森林资源、陆生野生动物资源得到有效保护，成功创建国家森林城市。"],
    ["绩效指标", "指标名称", "计量单位", "指标性质", "指标值", "指标权重（分）", "全年完成值", "指标得分（分）", "说明"],
    [None, "天然林和公益林管护当期任务完成率", "%", None, 90, 10, 100, 10],
    [None, "森林火灾受害率", "%", None, 0.9, 10, 0, 10],
    [None, "主要林业有害生物成灾率", "%", None, 0.4, 10, 0.1, 10],
], ["A1:I1", "A3:A5", "F4:F5", "G4:G5", "H4:H5", "A6:A7", "B6:D6", "E6:F6", "G6:I6", "B7:D7", "E7:F7", "G7:I7", "A8:A11"])


TANGHU = Table([
    ["单位名称：塘湖镇政府　　　　　　　　填报日期：2021.5.18"],
    ["单位名称", "塘湖镇人民政府"],
    ["基本支出总额", "864.2万", None, "项目支出总额", None, 0],
    ["预算执行情况（万元）\n（20分）", "预算数（A）", None, "执行数（B）", None, "执行率（B/A）", None, "得分\n（20分*执行率）"],
    ["部门整体支出总额", 864.2, None, None, None, P("100%"), None, 20],
    ["年度目标1：\n（80分）", "增强政府工作效率、改善乡镇居住环境"],
    ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    [None, "产出指标", "数量指标", "办结信访案件", "168起", "168起", 10],
    [None, None, "数量指标", "拆除活人墓、豪华墓", "32座", "32座", 20],
    [None, None, "日效性指标", "解决群众问题时间", "2天以内", "2天以内", 10],
    [None, "效益指标", "社会效益指标", "改善人居环境", "有效改善", "有效改善", 10],
    [None, None, "社会效益指标", "提升出行效率", "有效提升", "有效提升", 10],
    [None, "满意度指标", "群众满意度\n指标", "群众对政府工作满意度", "≧90%", P("95%"), 20],
    ["总分", "100分"],
    ["偏差大或\n目标未完成\n原因分析", "无"],
    ["改进措施及\n结果应用方案", "无"],
    ["备注：\n1.预算执行情况口径：预算数为调整后财政资金总额（包括上年结余结转），执行数为资金使用单位财政资金实际支出数。\n"
     "2.定量指标计分原则：正向指标（即目标值为≥X，得分=权重*B/A），反向指标（即目标值为≤X，得分=权重*A/B），得分不得突破权重总额。"],
], ["A1:I1", "B2:I2", "B3:C3", "D3:E3", "F3:I3", "B4:C4", "D4:E4", "F4:G4", "H4:I4", "B5:E5", "F5:G5", "H5:I5",
    "B6:I6", "A7:A13", "B8:B10", "B11:B12", "B14:I14", "B15:I15", "B16:I16", "A17:I17"])


TAIBAI = Table([
    ["部门整体支出绩效自评表"],
    ["单位（盖章）：绥阳县太白镇人民政府", None, None, None, None, "填报日期：2022年2月3日"],
    ["部门（单位）名称", "绥阳县太白镇人民政府"],
    ["部门（单位）总体\n资金（万元）", "资金来源", "年初预算数（A）", "全年执行数（B）", "分值（10分）", "得分", "得分计算方法"],
    [None, "年度资金总额：", 1172.55, 1268.72, 10, 10, "执行率*该指标分值，最高不得超过分值上限。"],
    [None, "基本支出", 985.19, 914.97, 10, 10],
    [None, "项目支出", 187.36, 353.75, 10, 10],
    [None, "其他"],
    ["年度总体目标", "年初设定目标", None, None, None, "年度总体目标完成情况"],
    [None, "制定和组织实施经济、科技和社会发展计划，部署重点工程建设，管好财政资金，完成上级政府交办的其它事项。", None, None, None,
     "积极履职，强化管理，较好地完成本年工作任务；部门整体支出管理水平得到提升。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值（A）", "全年实际值（B）", "分值", "得分计算方法", "得分"],
    [None, "产出指标", "数量指标", "完成上级交办任务数量", "≥10项", "12项", 30, "全年实际值/年度指标值*分值，最高不超过分值", 30],
    [None, "效益指标", "社会效益指标", "群众办事一次办结率", "≥90%", "95%", 30, "全年实际值/年度指标值*分值，最高不超过分值", 30],
    [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", 30, "全年实际值/年度指标值*分值，最高不超过分值", 30],
], ["A1:I1", "A2:E2", "F2:I2", "B3:I3", "A4:A8", "G4:I4", "G5:I8", "A9:A10", "B9:E9", "F9:I9", "B10:E10", "F10:I10",
    "A11:A14"])


CASES = {
    "01_qingshen_sichuan_unfilled_template.xlsx": lambda p: write_xlsx(p, {"Sheet1": [QINGSHEN]}),
    "02_daying_sichuan_filled.xlsx": lambda p: write_xlsx(p, {"Sheet1": [DAYING]}),
    "02_daying_sichuan_filled.b_stacked_with_01.xlsx": lambda p: write_xlsx(p, {"项目自评表": [DAYING, QINGSHEN]}),
    "03_huoshan_transfer_amounts_with_wan.xlsx": lambda p: write_xlsx(p, {"Sheet1": [HUOSHAN]}),
    "04_shouxian_department_rule_column.xlsx": lambda p: write_xlsx(p, {"Sheet1": [SHOUXIAN]}),
    "05_xiangyang_hubei_no_weight_column.docx": lambda p: write_docx(p, [XIANGYANG]),
    "06_huanggang_hubei_two_goal_blocks.xls": lambda p: write_xls(p, {"Sheet1": [HUANGGANG]}),
    "07_lijiang_yunnan_levels_in_second_header_row.xlsx": lambda p: write_xlsx(p, {"Sheet1": [LIJIANG]}),
    "08_hengshan_hunan_unscored_page_split.docx": lambda p: write_docx(p, [HENGSHAN]),
    "09_xiaoxian_anhui_sub_items.xlsx": lambda p: write_xlsx(p, {"Sheet1": [XIAOXIAN]}),
    "09_xiaoxian_anhui_sub_items.clipboard.tsv": lambda p: write_tsv(p, XIAOXIAN, 11, 32),
    "10_jinzhai_anhui_department_project_layout.xlsx": lambda p: write_xlsx(p, {"Sheet1": [JINZHAI]}),
    "11_dazhou_department_weights_in_labels.xls": lambda p: write_xls(p, {"Sheet1": [DAZHOU]}),
    "12_hainan_weight_column_per_level.docx": lambda p: write_docx(p, [HAINAN]),
    "13_nanhua_yunnan_no_year_split_block.xlsx": lambda p: write_xlsx(p, {"Sheet1": [NANHUA]}),
    "14_linxiang_yunnan_forestry.docx": lambda p: write_docx(p, [LINXIANG]),
    "15_liangping_chongqing_flat_list.xlsx": lambda p: write_xlsx(p, {"2023": [LIANGPING]}),
    "16_tanghu_anhui_hubei_form_total_in_words.xlsx": lambda p: write_xlsx(p, {"Sheet1": [TANGHU]}),
    "17_taibai_guizhou_initial_budget_as_a.xlsx": lambda p: write_xlsx(p, {"Sheet1": [TAIBAI]}),
}


def main() -> None:
    for name, write in CASES.items():
        write(HERE / name)


if __name__ == "__main__":
    main()
