"""One-line Chinese explanations of indicator scores, and completion status for unscored forms."""
from __future__ import annotations

from decimal import Decimal

from perfdesk.scoring import messages as msg
from perfdesk.scoring.numbers import ONE, ZERO, show
from perfdesk.scoring.rules import Outcome

MANUAL, PRINTED = "manual", "printed"
SOURCE_NAMES = {MANUAL: msg.SOURCE_MANUAL, PRINTED: msg.SOURCE_PRINTED}


def status_of(outcome: Outcome) -> str:
    """完成 / 部分完成 / 未完成 from the qualitative tier or the fraction earned."""
    if outcome.tier:
        return msg.TIER_STATUS[outcome.tier]
    if outcome.fraction >= ONE:
        return msg.DONE
    return msg.PARTLY_DONE if outcome.fraction > ZERO else msg.NOT_DONE


def score_text(outcome: Outcome, weight: Decimal, computed: Decimal) -> str:
    if outcome.fraction >= ONE:
        return msg.FULL_MARKS.format(w=show(weight))
    if outcome.fraction <= ZERO:
        return msg.NO_MARKS
    return msg.PRO_RATA.format(w=show(weight), formula=outcome.formula, score=show(computed))


def explain_rule(outcome: Outcome, remark: str, scored: bool, weight: Decimal | None,
                 computed: Decimal | None) -> str:
    """The comparison, then the score it earns (or the completion status on unscored forms)."""
    note = remark + outcome.note
    if not scored:
        return msg.WITH_STATUS.format(note=note, status=status_of(outcome))
    earned = msg.NO_WEIGHT if computed is None else score_text(outcome, weight, computed)
    return msg.WITH_SCORE.format(note=note, score=earned)


def explain_override(rule_text: str, computed: Decimal | None, recorded: Decimal | None, source: str | None) -> str:
    """The rule's explanation, plus which recorded score replaces it when they differ."""
    if recorded is None or recorded == computed:
        return rule_text
    return rule_text + msg.OVERRIDE.format(source=SOURCE_NAMES[source], recorded=show(recorded))
