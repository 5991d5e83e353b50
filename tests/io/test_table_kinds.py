"""Kinds of tables beyond the collected cases: a department-wide flat list (Chongqing style), the
year from the sheet or file name, .doc/.et through LibreOffice or a refusal that says how to re-save."""
from __future__ import annotations

import os
import stat
from decimal import Decimal

import pytest
from openpyxl import Workbook

from perfdesk.io.files import ImportRefused
from perfdesk.io.reader import read_file
from perfdesk.scoring.engine import score_evaluation
from tests.io.xlsx_helpers import FIXTURES

REALWORLD = FIXTURES.parent / "realworld"

CHONGQING = [
    ["部门整体绩效自评表"],
    ["主管部门", "示例区融媒体中心", None, "财政处室", "宣传文化科", None, "自评总分（分）", 96.6],
    ["部门联系人", "张某", None, "联系电话", "023-00000000"],
    ["部门预算执行情况（万元）", "资金", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"],
    [None, "年度资金总额", 1000, 1000, 760, "76%", 10, 7.6],
    ["当年绩效目标", "年初绩效目标", None, "全年（调整）绩效目标", None, "全年目标实际完成情况"],
    [None, "无", None, "保障中心正常运转，做好新闻宣传", None, "较好完成了履职任务"],
    ["绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数（%）",
     "指标权重（分）", "指标得分（分）", "是否核心指标"],
    [None, "财政供养人员控制率", "%", "定量指标", "100%", None, "92%", "100%", 20, 20, "否"],
    [None, "党性教育培训次数", "次", "定量指标", 26, None, 12, "100%", 30, 30, "是"],
    [None, "播发稿件数量", "篇", "定量指标", 2200, None, 2859, "100%", 30, 30, "是"],
    [None, "资金使用合规性", None, "定性指标", "好", None, "好", "100%", 10, 9, "否"],
]


def _workbook(path, rows, sheet="Sheet1"):
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_a_flat_department_list_imports_as_a_one_level_tree(tmp_path):
    _workbook(tmp_path / "部门整体.xlsx", CHONGQING, "2021年")
    [table] = read_file(tmp_path / "部门整体.xlsx").tables
    ev = table.evaluation
    assert (ev.form, ev.year, ev.department) == ("department_overall_eval", 2021, "示例区融媒体中心")
    assert [(n.name, n.level, n.children, n.target, n.actual, n.weight, n.score_printed) for n in ev.indicators] == [
        ("财政供养人员控制率", 1, (), "100%", "92%", 20, 20), ("党性教育培训次数", 1, (), "26次", "12", 30, 30),
        ("播发稿件数量", 1, (), "2200篇", "2859", 30, 30), ("资金使用合规性", 1, (), "好", "好", 10, 9)]
    fund = ev.funds[0]
    assert (fund.annual, fund.executed, fund.rate_printed, fund.weight, fund.score_printed) == (1000, 760, "76%", 10, Decimal("7.6"))
    assert (ev.goal_target, ev.goal_actual) == ("保障中心正常运转，做好新闻宣传", "较好完成了履职任务")
    assert ev.total_score_printed == Decimal("96.6") and (ev.signatories.preparer, ev.signatories.phone) == ("张某", "023-00000000")
    assert any("是否核心指标" in u.label and u.field is None for u in table.columns)
    scored = score_evaluation(ev)
    assert scored.fund.score == Decimal("7.60") and scored.total_weight == 100


@pytest.mark.parametrize("sheet, file, year, source", [("2021年", "表.xlsx", 2021, "工作表名"),
                                                        ("Sheet1", "2019年度自评表.xlsx", 2019, "文件名")])
def test_the_year_from_the_sheet_or_file_name(tmp_path, sheet, file, year, source):
    rows = [["项目支出绩效自评表"], ["项目名称", "示例"], ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "人数", "≥10人", "12人", 90, 90]]
    _workbook(tmp_path / file, rows, sheet)
    [table] = read_file(tmp_path / file).tables
    assert (table.evaluation.year, table.year_source) == (year, source)


def test_doc_without_libreoffice_is_refused_saying_how_to_resave(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere
    for name in ("自评表.doc", "自评表.et"):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100 if name.endswith(".doc") else b"WPS" * 40)
        with pytest.raises(ImportRefused, match=r"需要 LibreOffice.*另存为” \.(docx|xlsx)"):
            read_file(tmp_path / name)


def test_doc_and_et_are_converted_by_libreoffice_when_it_is_installed(tmp_path, monkeypatch):
    """A stand-in `soffice` on PATH (the real one converts the same way): the converted file is read."""
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(f"""#!/bin/sh
# --convert-to TARGET --outdir DIR FILE
while [ $# -gt 1 ]; do case "$1" in --convert-to) target=$2;; --outdir) out=$2;; esac; shift; done
name=$(basename "$1"); cp "{REALWORLD}/12_yinchuan_word_table.docx" "$out/${{name%.*}}.$target" 2>/dev/null
[ "$target" = xlsx ] && cp "{REALWORLD}/11_xls_biff8_jishan.resaved_by_libreoffice.xlsx" "$out/${{name%.*}}.xlsx"
exit 0
""")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    (tmp_path / "自评表.doc").write_bytes(b"not OLE2 but a .doc by name")
    (tmp_path / "自评表.et").write_bytes(b"WPS's own format")
    word = read_file(tmp_path / "自评表.doc")
    assert word.evaluations[0].project == "初中公用经费" and "已用 LibreOffice 转换为 .docx 后读取" in word.notes[0]
    sheet = read_file(tmp_path / "自评表.et")
    assert sheet.evaluations[0].project == "建档立卡个人缴费县级配套资金"
