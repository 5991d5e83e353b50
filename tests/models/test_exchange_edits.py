"""Work done in perfdesk (manual scores, signatories, report text, status…) survives a JSON export."""
from dataclasses import replace
from decimal import Decimal

from perfdesk.io import exchange
from perfdesk.models import Workspace
from perfdesk.models.commands import SetField, SetFinal, SetReportSection
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.scheme import ScoringScheme
from tests.models.helpers import read_fixture_tables


def _without_ids(ev):
    def strip(node):
        return replace(node, id=None, children=tuple(strip(c) for c in node.children))
    return replace(ev, id=None, funds=tuple(replace(f, id=None) for f in ev.funds),
                   indicators=tuple(strip(n) for n in ev.indicators),
                   fund_management=tuple(replace(m, id=None) for m in ev.fund_management))


def test_edits_made_in_perfdesk_round_trip_through_json(new_target):
    with Workspace.create(new_target()) as ws:
        [evaluation_id] = ws.import_evaluations(read_fixture_tables("004_02"))
        leaf = next(ws.evaluation(evaluation_id).leaves())
        for command in (
            SetField("indicator", leaf.id, "target_adjusted", "≥99%"),
            SetField("indicator", leaf.id, "manual_score", "12.5"),
            SetField("indicator", leaf.id, "manual_reason", "抽查发现问题"),
            SetField("indicator", leaf.id, "direction", "lower"),
            SetField("evaluation", evaluation_id, "preparer", "张喆"),
            SetField("evaluation", evaluation_id, "finance_head", "钱七"),
            SetField("evaluation", evaluation_id, "fill_date", "2023-03-25"),
            SetField("evaluation", evaluation_id, "department_code", "303"),
            SetReportSection(evaluation_id, "problems", "部分指标设置不够细化。"),
            SetFinal(evaluation_id, True, ScoringScheme(grade_bands=((Decimal(95), "优"), (Decimal(0), "良"))),
                     "张喆", "2023-03-26T09:30:00"),
        ):
            ws.apply(command)
        edited = ws.evaluation(evaluation_id)
    text = exchange.dumps([edited])
    [back] = exchange.loads(text)
    assert "target_adjusted" in back.columns  # the adjusted target typed in perfdesk got its column
    assert _without_ids(back) == _without_ids(replace(edited, columns=back.columns))
    assert score_evaluation(back).total == score_evaluation(edited).total != score_evaluation(
        read_fixture_tables("004_02")[0]).total
    assert next(back.leaves()).manual_score == Decimal("12.5")
    # the finalised table keeps its own scheme (优 from 95) and who finalised it
    assert back.final_scheme == edited.final_scheme and back.final_scheme.grade_bands[0][0] == Decimal(95)
    assert (back.finalised_by, back.finalised_at) == ("张喆", "2023-03-26T09:30:00")
    assert back.signatories.finance_head == "钱七"
