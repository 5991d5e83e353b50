"""Nothing a table carries runs in Excel: user text is always a string cell, formulas never carry
user text (sheet names included), odd characters and over-long cells are written without loss."""
from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from decimal import Decimal

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdesk.io.richtext import plain_evaluation
from perfdesk.io.xlsx_export import write_workbook
from perfdesk.io.reader import read_file
from perfdesk.scoring.evaluation import Signatories
from perfdesk.scoring.scheme import ScoringScheme
from tests.io.xlsx_helpers import comparable, fixture_path, load_fixture, map_leaves, unprinted

HOSTILE = ['=HYPERLINK("http://example.invalid/x","点此")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "=1+1", "=A1", "http://example.invalid/", "=\"quoted\"&'x'"]
FUNCTIONS = {"IF", "OR", "NOT", "ISNUMBER", "N", "ROUND", "MIN", "MAX", "SUM", "IFERROR", "LOOKUP", "COUNT",
             "AVERAGE", "COUNTIF"}
LITERALS = {"", "个", "、"}
GENERATED_SHEET = re.compile(r"(\d{4}年(表\d+|汇总表)|评分规则)")


def _formulas(path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    return [re.sub(r"&(amp|lt|gt|quot|apos);", lambda m: {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[m[1]], f)
            for xml in sheets for f in re.findall(r"<f>(.*?)</f>", xml, re.S)]


def assert_formulas_carry_no_user_text(path) -> int:
    """Every formula is made of generated sheet names, references, numbers, known functions and
    fixed words only; returns how many were checked."""
    formulas = _formulas(path)
    for formula in formulas:
        rest = formula
        for literal in re.findall(r'"((?:[^"]|"")*)"', rest):
            assert literal in LITERALS, formula
        rest = re.sub(r'"(?:[^"]|"")*"', "", rest)
        for sheet in re.findall(r"'([^']*)'!", rest):
            assert GENERATED_SHEET.fullmatch(sheet), formula
        rest = re.sub(r"'[^']*'!", "", rest)
        assert re.fullmatch(r"[A-Z0-9$:(),.*/+\-<>=&E ]*", rest), formula
        for name in re.findall(r"([A-Z]+)\(", rest):
            assert name in FUNCTIONS, formula
    return len(formulas)


def _hostile_table(texts: list[str]):
    """004_02 built in perfdesk (every figure a formula) with every text replaced by hostile ones."""
    pick = iter(texts * 200)
    ev = unprinted(load_fixture(fixture_path("004_02")))

    def leaf(i, node):
        return replace(node, name=next(pick), actual=next(pick), reason=next(pick), target=next(pick) if i % 2 else node.target,
                       manual_score=Decimal(3) if i == 3 else None, manual_reason=next(pick) if i == 3 else None)
    ev = map_leaves(ev, leaf)
    ev = replace(ev, indicators=tuple(replace(root, name=next(pick), children=tuple(
        replace(group, name=next(pick)) for group in root.children)) for root in ev.indicators))
    funds = (replace(ev.funds[0], label=next(pick)),) + tuple(
        replace(f, label=next(pick), initial=next(pick)) for f in ev.funds[1:])
    return replace(ev, title=next(pick), project=next(pick), department=next(pick), implementer=next(pick),
                   goal_target=next(pick), goal_actual=next(pick), funds=funds,
                   signatories=Signatories(preparer=_name(next(pick)), phone=_name(next(pick))),
                   report_sections=(("basic", next(pick)), (next(pick), next(pick))))


def _name(text: str) -> str:
    """A name on the signature row, which separates names with spaces, colons and bars."""
    return text.rstrip(" \u3000:：|") or "="


def test_hostile_texts_are_strings_and_no_formula_carries_them(tmp_path):
    ev = _hostile_table(HOSTILE)
    scheme = ScoringScheme(grade_bands=((Decimal(90), HOSTILE[0]), (Decimal(0), HOSTILE[3])))
    path = tmp_path / "hostile.xlsx"
    write_workbook(path, [ev], scheme)
    assert assert_formulas_carry_no_user_text(path) > 30
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        shared = archive.read("xl/sharedStrings.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
    assert not any("hyperlink" in archive_name.lower() for archive_name in names)
    assert all(GENERATED_SHEET.fullmatch(s) or s == "自评报告" for s in re.findall(r'<sheet name="([^"]*)"', workbook))
    assert "HYPERLINK(&quot;http" in shared or 'HYPERLINK("http' in shared  # kept as text
    book = openpyxl.load_workbook(path)
    seen = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in HOSTILE:
                    seen += 1
                    assert cell.data_type == "s", (ws.title, cell.coordinate)
                    assert cell.quotePrefix or not cell.value.startswith(("=", "+", "-", "@")), (ws.title, cell.coordinate)
    assert seen > 40
    [back] = read_file(path).evaluations
    assert comparable(back) == comparable(ev)


def test_grade_names_reach_formulas_only_through_their_cells(tmp_path):
    scheme = ScoringScheme(grade_bands=((Decimal(90), '=HYPERLINK("x")'), (Decimal(60), "+1"), (Decimal(0), "@A1")))
    path = tmp_path / "grades.xlsx"
    write_workbook(path, [unprinted(load_fixture(fixture_path("004_01")))], scheme)
    assert_formulas_carry_no_user_text(path)
    shown = openpyxl.load_workbook(path, data_only=True)
    assert shown["2022年表1"]["I32"].value == '=HYPERLINK("x")'  # the grade, a stored result, not a formula
    assert shown["2022年汇总表"]["J6"].value == '=HYPERLINK("x")1个、+10个、@A10个'


def test_control_characters_surrogates_and_noncharacters_still_write_a_file(tmp_path):
    odd = ["a\x00b", "\x01\x08\x0b\x0c\x0e\x1f\x7f", "lone \ud800 surrogate", "non\ufffe\uffffchar", "_x0041_ literal",
           "tab\tand\nnewline\r"]
    ev = _hostile_table(odd)
    path = tmp_path / "odd.xlsx"
    write_workbook(path, [ev])
    ws = openpyxl.load_workbook(path)["2022年表1"]
    assert ws["A1"].value == "lone \ufffd surrogate" and ws["B3"].value == "non\ufffd\ufffdchar"
    assert ws["B4"].value == "_x0041_ literal"  # a literal escape-like text stays itself
    with zipfile.ZipFile(path) as archive:
        shared = archive.read("xl/sharedStrings.xml").decode()
    assert "a_x0000_b" in shared and "_x0001__x0008__x000B__x000C__x000E__x001F_" in shared  # OOXML escapes
    assert read_file(path).evaluations  # the reader opens what was written


def test_cells_over_the_excel_limit_are_kept_whole_on_their_own_sheet(tmp_path):
    goal = "目标" * 20000  # 40,000 characters
    astral = "𠀀说明" * 12000  # 36,000 characters, 48,000 UTF-16 units
    ev = load_fixture(fixture_path("004_02"))
    ev = map_leaves(ev, lambda i, leaf: replace(leaf, reason=astral) if i == 0 else
                    replace(leaf, manual_score=Decimal(2), manual_reason=goal) if i == 1 else leaf)
    ev = replace(ev, goal_target=goal, report_sections=(("basic", astral),))
    path = tmp_path / "long.xlsx"
    write_workbook(path, [ev])
    book = openpyxl.load_workbook(path)
    ws = book["2022年表1"]
    shown = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("目标目标")]
    assert len(shown) == 1 and shown[0].endswith("……（全文共 40000 字，超出 Excel 单元格上限，完整内容见“长文本”工作表第 1 项）")
    assert len(shown[0].encode("utf-16-le")) // 2 <= 32767
    assert "长文本" in book.sheetnames
    parts = [row for row in book["长文本"].iter_rows(min_row=3, values_only=True)]
    assert "".join(p[3] for p in parts if p[0] == 1) == goal and parts[0][1] == "2022年表1!B11"
    [back] = read_file(path).evaluations
    assert back.goal_target == goal and next(back.leaves()).reason == astral
    assert list(back.leaves())[1].manual_reason == goal and back.report_sections == (("basic", astral),)


# Texts a unit's file may carry: formula starters and whatever follows them (no control characters
# or surrogates, which the workspace refuses at import; no surrounding spaces, which every import strips).
hostile_text = st.builds(
    lambda start, body: (start + body).strip() or start,
    st.sampled_from(["=", "+", "-", "@", "=HYPERLINK(", "=cmd|", "'=", "\t="]),
    st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029\ufffe\uffff"),
            max_size=40),
)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(hostile_text, min_size=5, max_size=12))
def test_generated_hostile_texts_never_become_formulas_and_come_back(tmp_path, texts):
    ev = _hostile_table(texts)
    path = tmp_path / "fuzz.xlsx"
    write_workbook(path, [ev])
    assert_formulas_carry_no_user_text(path)
    [back] = read_file(path).evaluations
    assert comparable(back) == comparable(plain_evaluation(ev))  # markup becomes plain text at every import


def test_numbers_a_float_cannot_hold_are_written_as_text_and_come_back_exactly(tmp_path):
    ev = load_fixture(fixture_path("004_02"))
    huge, precise = Decimal("1" + "0" * 40), Decimal("12345678901234567.891")
    ev = replace(ev, funds=(replace(ev.funds[0], initial=huge, balance=None),) + ev.funds[1:],
                 total_weight_printed=precise)
    path = tmp_path / "numbers.xlsx"
    write_workbook(path, [ev])
    [back] = read_file(path).evaluations
    assert back.funds[0].initial == huge and back.total_weight_printed == precise
