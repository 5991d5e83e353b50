"""Group subtotals per tree row, template placeholders, the missing-fund finding, kept schemes."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.evaluation import Evaluation, FundLine, Indicator
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme
from perfdesk.scoring.totals import group_name
from tests.scoring.scoring_fixtures import load

D = Decimal


def _leaf(name, target, actual, weight, id_=None):
    return Indicator(name=name, level=3, target=target, actual=actual, weight=D(weight), id=id_)


def _fresh_table(funds=(FundLine("年度资金总额", weight=D(10)),)) -> Evaluation:
    """A new table from the 财政部 framework: 数量指标 filled, the other 二级 still empty."""
    output = Indicator("产出指标（50分）", level=1, id=1, children=(
        Indicator("数量指标", level=2, id=2, children=(_leaf("救助人次", "≥100人次", "100人次", 30, 3),
                                                     _leaf("覆盖人数", "≥50人", "40人", 20, 4))),
        Indicator("质量指标", level=2, id=5), Indicator("时效指标", level=2, id=6)))
    benefit = Indicator("效益指标（30分）", level=1, id=7, children=(Indicator("社会效益指标", level=2, id=8),))
    return Evaluation(form="project_self_eval", year=2023, funds=funds, indicators=(output, benefit))


def test_empty_second_level_rows_are_placeholders_without_findings():
    scored = score_evaluation(_fresh_table(funds=(FundLine("年度资金总额", annual=D(100), executed=D(100),
                                                           weight=D(10)),)))
    assert [r.indicator.name for r in scored.indicators] == ["救助人次", "覆盖人数"]
    assert not [f for f in scored.findings if f.code == "MISSING_ACTUAL"]
    assert not [f for f in scored.findings if "质量指标" in f.where or "社会效益" in f.where]


def test_a_second_level_row_with_a_target_is_still_an_indicator():
    ev = _fresh_table()
    quality = replace(ev.indicators[0].children[1], target="≥95%")
    output = replace(ev.indicators[0], children=(ev.indicators[0].children[0], quality))
    scored = score_evaluation(replace(ev, indicators=(output,)))
    assert "质量指标" in [r.indicator.name for r in scored.indicators]
    assert any(f.code == "MISSING_ACTUAL" and f.where.endswith("质量指标") for f in scored.findings)


def test_group_totals_are_per_tree_row_with_its_id():
    scored = score_evaluation(_fresh_table())
    groups = {g.indicator_id: g for g in scored.groups}
    assert set(groups) == {1, 2}  # groups with nothing scored below them have no total
    assert (groups[1].weight, groups[1].score, groups[1].declared) == (D(50), D(46), D(50))
    assert (groups[2].weight, groups[2].score, groups[2].path) == (D(50), D(46), ("产出指标（50分）", "数量指标"))


def test_group_totals_keep_tree_order_on_a_published_table():
    groups = score_evaluation(load("004_01")).groups
    assert [g.path for g in groups][:3] == [("产出指标 (50)",), ("产出指标 (50)", "数量指标"),
                                          ("产出指标 (50)", "质量指标")]


def test_group_name_ignores_the_declared_weight_and_blanks():
    assert group_name("效益指标（30分）") == group_name("效益指标 (30)") == group_name(" 效益指标") == "效益指标"
    assert group_name("满意度指标") != group_name("效益指标")


def test_missing_fund_figures_are_a_finding_when_the_fund_weight_counts():
    scored = score_evaluation(_fresh_table())
    [missing] = [f for f in scored.findings if f.code == "MISSING_FUND"]
    assert missing.severity == "warning" and missing.where == "项目资金 / 年度资金总额"
    assert "10" in missing.message
    assert scored.total_weight == D(60)  # the fund's 10 counts, its score does not
    filled = _fresh_table(funds=(FundLine("年度资金总额", annual=D(100), executed=D(80), weight=D(10)),))
    assert "MISSING_FUND" not in {f.code for f in score_evaluation(filled).findings}
    unscored = replace(_fresh_table(), form="transfer_payment_self_eval",
                       funds=(FundLine("年度资金总额"),))
    assert "MISSING_FUND" not in {f.code for f in score_evaluation(unscored).findings}
    assert "MISSING_FUND" not in {f.code for f in score_evaluation(load("004_02")).findings}


def _missing_fund(line: FundLine) -> str:
    [missing] = [f for f in score_evaluation(_fresh_table(funds=(line,))).findings if f.code == "MISSING_FUND"]
    return missing.message


def test_the_missing_fund_finding_names_what_is_missing_and_never_calls_a_zero_budget_blank():
    """realworld/02 prints 年度资金总额 0 | 0 | 0 with 分值 10: its figures are filled in, the budget is 0."""
    assert _missing_fund(FundLine("年度资金总额", weight=D(10))).startswith("未填写全年预算数和全年执行数：")
    assert _missing_fund(FundLine("年度资金总额", annual=D(90), weight=D(10))).startswith("未填写全年执行数：")
    assert _missing_fund(FundLine("年度资金总额", executed=D(90), weight=D(10))).startswith("未填写全年预算数：")
    zero = _missing_fund(FundLine("年度资金总额", annual=D(0), executed=D(0), weight=D(10)))
    assert zero.startswith("全年预算数为 0，无法计算执行率") and "未填写" not in zero and "10" in zero


def test_a_finalised_evaluation_is_scored_with_the_scheme_it_keeps():
    ev = load("004_02")
    strict = ScoringScheme(grade_bands=((D(99), "优"), (D(90), "良"), (D(0), "差")))
    assert score_evaluation(ev, strict).grade == "良"
    kept = replace(ev, status="final", final_scheme=DEFAULT_SCHEME)
    assert score_evaluation(kept, strict).grade == score_evaluation(ev).grade == "优"
