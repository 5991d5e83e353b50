"""Indicator scoring rules: a table of small functions keyed by rule name.

A rule turns a read target and actual into an `Outcome`: the fraction of the weight earned
(0..1), the comparison in words and the formula of the fraction, so the engine can explain
every score with its numbers. `choose_rule` picks the rule from the indicator's direction.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfdesk.scoring import messages as msg
from perfdesk.scoring.criteria import Deduction, read_deduction
from perfdesk.scoring.evaluation import Indicator
from perfdesk.scoring.numbers import HUNDRED, ONE, ZERO, show
from perfdesk.scoring.qualitative import infer_tier
from perfdesk.scoring.scheme import ScoringScheme
from perfdesk.scoring.targets import AT_LEAST, AT_MOST, EQUAL, LESS, MORE, RANGE, Target

HIGHER, LOWER, EQUAL_DIRECTION, QUALITATIVE = "higher", "lower", "equal", "qualitative"
DIRECTIONS = (HIGHER, LOWER, EQUAL_DIRECTION, QUALITATIVE)
_DIRECTION_OF_OP = {AT_LEAST: HIGHER, MORE: HIGHER, AT_MOST: LOWER, LESS: LOWER,
                    EQUAL: EQUAL_DIRECTION, None: EQUAL_DIRECTION, RANGE: "range"}
_TIER_ORDER = ("achieved", "partial", "missed")


@dataclass(frozen=True)
class RuleInput:
    target: Target
    actual: Target | None
    weight: Decimal | None
    scheme: ScoringScheme
    direction: str = HIGHER
    deduction: Deduction | None = None


@dataclass(frozen=True)
class Outcome:
    fraction: Decimal  # of the weight, 0..1
    note: str  # the comparison, with the numbers
    formula: str = ""  # how a partial fraction is formed, e.g. "90 ÷ 95"
    tier: str | None = None  # qualitative tier key


@dataclass(frozen=True)
class RuleChoice:
    name: str
    direction: str
    remark: str = ""  # a prefix for the explanation (e.g. units that do not match)


def _numbers(r: RuleInput) -> tuple[Decimal, Decimal]:
    return r.target.value, r.actual.value


def _in_target_scale(r: RuleInput, value: Decimal) -> str:
    return show(value / r.target.scale)


def _texts(r: RuleInput) -> dict[str, str]:
    return {"t": r.target.show(), "a": r.actual.show()}


def higher_is_better(r: RuleInput) -> Outcome:
    t, a = _numbers(r)
    if a >= t:
        return Outcome(ONE, msg.MET_AT_LEAST.format(**_texts(r)))
    formula = f"{_in_target_scale(r, a)} ÷ {_in_target_scale(r, t)}"
    fraction = max(ZERO, a / t) if t > 0 else ZERO
    return Outcome(fraction, msg.SHORT_OF.format(**_texts(r)), formula)


def lower_is_better(r: RuleInput) -> Outcome:
    t, a = _numbers(r)
    if a <= t:
        return Outcome(ONE, msg.MET_AT_MOST.format(**_texts(r)))
    formula = f"{_in_target_scale(r, t)} ÷ {_in_target_scale(r, a)}"
    return Outcome(t / a if t > 0 else ZERO, msg.OVER.format(**_texts(r)), formula)


def lower_is_better_linear(r: RuleInput) -> Outcome:
    t, a = _numbers(r)
    if a <= t:
        return Outcome(ONE, msg.MET_AT_MOST.format(**_texts(r)))
    ta, aa = _in_target_scale(r, t), _in_target_scale(r, a)
    fraction = max(ZERO, ONE - (a - t) / t) if t > 0 else ZERO
    return Outcome(fraction, msg.OVER.format(**_texts(r)), f"(1 − ({aa} − {ta}) ÷ {ta})")


def zero_target(r: RuleInput) -> Outcome:
    a = r.actual.value
    template = msg.ZERO_MET if a <= 0 else msg.ZERO_MISSED
    return Outcome(ONE if a <= 0 else ZERO, template.format(**_texts(r)))


def in_range(r: RuleInput) -> Outcome:
    low, high, a = r.target.value, r.target.upper_value, r.actual.value
    texts = {"a": r.actual.show(), "lo": r.target.show(), "hi": r.target.show(r.target.upper)}
    if a < low:
        fraction = max(ZERO, a / low) if low > 0 else ZERO
        return Outcome(fraction, msg.BELOW_RANGE.format(**texts), f"{_in_target_scale(r, a)} ÷ {show(r.target.number)}")
    if a > high:
        fraction = high / a if high > 0 else ZERO
        return Outcome(fraction, msg.ABOVE_RANGE.format(**texts), f"{show(r.target.upper)} ÷ {_in_target_scale(r, a)}")
    return Outcome(ONE, msg.IN_RANGE.format(**texts))


def deduct_per_point(r: RuleInput) -> Outcome:
    t, a = _numbers(r)
    gap = (a - t) if r.direction == LOWER else (t - a)
    if gap <= 0:
        met = msg.MET_AT_MOST if r.direction == LOWER else msg.MET_AT_LEAST
        return Outcome(ONE, met.format(**_texts(r)))
    d = r.deduction
    loss, amount = _deduction_loss(gap, d, r.weight)
    note = msg.DEDUCT_SHORT.format(gap=show(gap), step=show(d.step), amount=amount, **_texts(r))
    return Outcome(max(ZERO, ONE - loss), note, f"(1 − {show(loss)})")


def _deduction_loss(gap: Decimal, d: Deduction, weight: Decimal | None) -> tuple[Decimal, str]:
    if d.of_weight:
        return gap / d.step * d.amount / HUNDRED, msg.DEDUCT_OF_WEIGHT.format(pct=show(d.amount))
    per_point = msg.DEDUCT_POINTS.format(points=show(d.amount))
    return (gap / d.step * d.amount / weight if weight else ONE), per_point


def qualitative(r: RuleInput) -> Outcome:
    tier, how = infer_tier(r.target.text, r.actual.text)
    template = {"same": msg.TIER_SAME, "words": msg.TIER_WORDS, "default": msg.TIER_DEFAULT}[how]
    note = template.format(t=r.target.text, a=r.actual.text, tier=msg.TIER_NAMES[tier])
    percent = r.scheme.tier_defaults[_TIER_ORDER.index(tier)]
    return Outcome(percent / HUNDRED, note, f"{show(percent)}%", tier)


def no_actual(r: RuleInput) -> Outcome:
    return Outcome(ZERO, msg.NO_ACTUAL)


RULES = {
    "higher_is_better": higher_is_better,
    "lower_is_better": lower_is_better,
    "lower_is_better_linear": lower_is_better_linear,
    "zero_target": zero_target,
    "in_range": in_range,
    "deduct_per_point": deduct_per_point,
    "qualitative": qualitative,
    "no_actual": no_actual,
}
QUANTITATIVE_RULES = frozenset(RULES) - {"qualitative", "no_actual"}
_LOWER_RULES = {"ratio": "lower_is_better", "linear": "lower_is_better_linear"}
_RULE_OF_DIRECTION = {
    HIGHER: lambda t, s: "higher_is_better",
    LOWER: lambda t, s: _LOWER_RULES[s.lower_formula],
    EQUAL_DIRECTION: lambda t, s: "zero_target" if t.value == 0 else "higher_is_better",
    "range": lambda t, s: "in_range",
}


def direction_of(leaf: Indicator, target: Target) -> str:
    """The typed override when valid, else inferred from the target's operator."""
    if leaf.direction in DIRECTIONS:
        return leaf.direction
    return _DIRECTION_OF_OP.get(target.op, HIGHER) if target.quantitative else QUALITATIVE


def choose_rule(leaf: Indicator, target: Target, actual: Target | None, scheme: ScoringScheme) -> RuleChoice:
    direction = direction_of(leaf, target)
    if actual is None:
        return RuleChoice("no_actual", direction)
    if direction == QUALITATIVE or not (target.quantitative and actual.quantitative):
        return RuleChoice("qualitative", direction)
    if target.unit and actual.unit and target.unit != actual.unit:
        return RuleChoice("qualitative", direction, msg.UNIT_MISMATCH.format(t=target.show(), a=actual.show()))
    if direction != "range" and read_deduction(leaf.scoring_rule):
        return RuleChoice("deduct_per_point", direction)
    return RuleChoice(_RULE_OF_DIRECTION[direction](target, scheme), direction)


def apply_rule(choice: RuleChoice, leaf: Indicator, target: Target, actual: Target | None,
               weight: Decimal | None, scheme: ScoringScheme) -> Outcome:
    deduction = read_deduction(leaf.scoring_rule) if choice.name == "deduct_per_point" else None
    inputs = RuleInput(target, actual, weight, scheme, choice.direction, deduction)
    return RULES[choice.name](inputs)
