"""部门整体支出绩效自评表: 决策/过程/履职/效益/满意度 with 权重, 评分标准, 完成情况 and 自评得分."""
from __future__ import annotations

from perfdesk.reports import figures, texts
from perfdesk.reports.form_parts import Context, header_block, signature, title
from perfdesk.reports.indicator_table import Column, Layout, indicator_table, leaf_name, total_block
from perfdesk.scoring.engine import ScoredEvaluation
from perfdesk.scoring.evaluation import Evaluation

LAYOUT = Layout(None, (14, 18), (
    Column(texts.LEVEL3, 28, leaf_name),
    Column(texts.DEPT_TARGET, 18, lambda r: r.target, "center"),
    Column(texts.DEPT_WEIGHT, 11, lambda r: figures.score(r.weight), "number", "weight"),
    Column(texts.DEPT_RULE, 40, lambda r: r.indicator.scoring_rule, "small"),
    Column(texts.DEPT_ACTUAL, 39, lambda r: r.actual, "small"),
    Column(texts.DEPT_SCORE, 12, lambda r: figures.score(r.score), "number", "score"),
))


def department_story(ev: Evaluation, scored: ScoredEvaluation, ctx: Context) -> list:
    weight = scored.indicator_weight
    return [
        *title(ev, ctx),
        header_block(ctx, [[(texts.DEPARTMENT_NAME, ev.department or ev.implementer)]]),
        indicator_table(ctx, LAYOUT, scored.indicators),
        total_block(ctx, LAYOUT, figures.score(weight), figures.score(scored.total), scored.grade),
        signature(ctx, ev.signatories),
    ]
