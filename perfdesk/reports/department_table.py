"""部门整体支出绩效自评表: 决策/过程/履职/效益/满意度 with 权重, 评分标准, 完成情况 and 自评得分."""
from __future__ import annotations

from perfdesk.reports import figures, texts
from perfdesk.reports.content import Form
from perfdesk.reports.form_parts import continued, header_block, signature, title
from perfdesk.reports.indicator_table import Column, Layout, indicator_table, leaf_name, total_block
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.signature import SignatureBlock

LAYOUT = Layout(None, (14, 18), (
    Column(texts.LEVEL3, 28, leaf_name),
    Column(texts.DEPT_TARGET, 18, lambda r: r.target, "center"),
    Column(texts.DEPT_WEIGHT, 11, lambda r: figures.score(r.weight), "number", "weight"),
    Column(texts.DEPT_RULE, 40, lambda r: r.indicator.scoring_rule, "small"),
    Column(texts.DEPT_ACTUAL, 39, lambda r: r.actual, "small"),
    Column(texts.DEPT_SCORE, 12, lambda r: figures.score(r.score), "number", "score"),
))


def department_form(ev: Evaluation, scored: ScoredEvaluation, sign: SignatureBlock) -> Form:
    name = ev.department or ev.implementer
    return Form(
        title=title(ev), continued=continued(texts.DEPARTMENT_NAME, name),
        body=(header_block([[(texts.DEPARTMENT_NAME, name)]]),),
        table=indicator_table(LAYOUT, scored.indicators),
        tail=(total_block(LAYOUT, figures.score(scored.indicator_weight), figures.score(scored.total), scored.grade),
              signature(sign, ev.signatories)),
    )
