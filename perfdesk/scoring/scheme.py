"""The workspace's scoring scheme: every choice GUIDE.md §3 leaves open, as one versioned value.

Percentages are stored as percent numbers (80 means 80%). `to_dict`/`from_dict` give a JSON-safe
form (Decimals as strings) that the workspace keeps in its settings.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation

from perfdesk.scoring import messages as msg

FUND_RULES = ("proportional", "steps")
LOWER_FORMULAS = ("ratio", "linear")
Pair = tuple[Decimal, Decimal]
GradeBand = tuple[Decimal, str]


def _d(*values) -> tuple[Decimal, ...]:
    return tuple(Decimal(str(v)) for v in values)


# The provincial cap some localities apply: rate below 80% -> total at most 89, and so on.
RATE_CAP = ((Decimal(80), Decimal(89)), (Decimal(70), Decimal(79)),
            (Decimal(60), Decimal(69)), (Decimal(50), Decimal(59)))


@dataclass(frozen=True)
class ScoringScheme:
    version: int = 1
    fund_rule: str = "proportional"
    # (lowest execution rate %, % of the fund weight earned), highest band first
    fund_steps: tuple[Pair, ...] = ()
    default_fund_weight: Decimal = Decimal(10)
    lower_formula: str = "ratio"
    # lower bounds (% of weight) of the 达成 and 部分达成 tiers
    tier_bands: Pair = _d(80, 60)
    # default % of weight for 达成 / 部分达成 / 未达成
    tier_defaults: tuple[Decimal, Decimal, Decimal] = _d(100, 70, 30)
    # (lowest total, grade), highest band first; the last band should start at 0
    grade_bands: tuple[GradeBand, ...] = ((Decimal(90), "优"), (Decimal(80), "良"),
                                          (Decimal(60), "中"), (Decimal(0), "差"))
    # (execution rate % below which, highest total allowed); empty = no cap
    total_cap: tuple[Pair, ...] = ()

    def __post_init__(self) -> None:
        _check(self)

    def to_dict(self) -> dict:
        return {
            "version": self.version,
            "fund_rule": self.fund_rule,
            "fund_steps": [[str(a), str(b)] for a, b in self.fund_steps],
            "default_fund_weight": str(self.default_fund_weight),
            "lower_formula": self.lower_formula,
            "tier_bands": [str(v) for v in self.tier_bands],
            "tier_defaults": [str(v) for v in self.tier_defaults],
            "grade_bands": [[str(a), g] for a, g in self.grade_bands],
            "total_cap": [[str(a), str(b)] for a, b in self.total_cap],
        }

    @classmethod
    def from_dict(cls, data: object) -> "ScoringScheme":
        """Validate and build; raises ValueError with a Chinese message on bad input."""
        if not isinstance(data, dict):
            raise ValueError(msg.SCHEME_NOT_OBJECT)
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(msg.SCHEME_UNKNOWN_KEYS.format(keys="、".join(sorted(map(str, unknown)))))
        values = {key: reader(key, data[key]) for key, reader in _READERS.items() if key in data}
        return cls(**values)



def _version(key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(msg.SCHEME_BAD_VERSION)
    return value


def _choice(choices: tuple[str, ...]):
    def read(key: str, value: object) -> str:
        if value not in choices:
            raise ValueError(msg.SCHEME_BAD_CHOICE.format(key=msg.SCHEME_FIELDS.get(key, key), value=value, choices="、".join(choices)))
        return value
    return read


def _number(key: str, value: object) -> Decimal:
    try:
        result = Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        result = None
    if result is None or not result.is_finite():
        raise ValueError(msg.SCHEME_BAD_NUMBER.format(key=msg.SCHEME_FIELDS.get(key, key), value=value))
    return result


def _list(key: str, value: object, size: int | None = None) -> list:
    if not isinstance(value, list) or (size is not None and len(value) != size):
        raise ValueError(msg.SCHEME_BAD_LIST.format(key=msg.SCHEME_FIELDS.get(key, key)))
    return value


def _pairs(second):
    def read(key: str, value: object) -> tuple:
        return tuple(_pair(key, item, second) for item in _list(key, value))
    return read


def _pair(key: str, item: object, second) -> tuple:
    if not isinstance(item, list) or len(item) != 2:
        raise ValueError(msg.SCHEME_BAD_PAIR.format(key=msg.SCHEME_FIELDS.get(key, key)))
    return _number(key, item[0]), second(key, item[1])


def _grade(key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(msg.SCHEME_BAD_GRADE.format(key=msg.SCHEME_FIELDS.get(key, key), value=value))
    return value


def _numbers(size: int):
    def read(key: str, value: object) -> tuple:
        return tuple(_number(key, v) for v in _list(key, value, size))
    return read


_READERS = {
    "version": _version,
    "fund_rule": _choice(FUND_RULES),
    "fund_steps": _pairs(_number),
    "default_fund_weight": _number,
    "lower_formula": _choice(LOWER_FORMULAS),
    "tier_bands": _numbers(2),
    "tier_defaults": _numbers(3),
    "grade_bands": _pairs(_grade),
    "total_cap": _pairs(_number),
}


def _check(scheme: ScoringScheme) -> None:
    for key in ("fund_steps", "grade_bands", "total_cap"):
        bounds = [pair[0] for pair in getattr(scheme, key)]
        if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds):
            raise ValueError(msg.SCHEME_NOT_DESCENDING.format(key=msg.SCHEME_FIELDS.get(key, key)))
    _within("default_fund_weight", [scheme.default_fund_weight], 0, 100)
    _within("fund_steps", [p for pair in scheme.fund_steps for p in pair], 0, 100)
    _within("total_cap", [p for pair in scheme.total_cap for p in pair], 0, 100)
    _within("tier_bands", scheme.tier_bands, 0, 100)
    _within("tier_defaults", scheme.tier_defaults, 0, 100)
    if not scheme.grade_bands:
        raise ValueError(msg.SCHEME_EMPTY_GRADES)
    if scheme.fund_rule == "steps" and not scheme.fund_steps:
        raise ValueError(msg.SCHEME_EMPTY_STEPS)
    high, low = scheme.tier_bands
    achieved, partial, missed = scheme.tier_defaults
    if not (low < high and achieved >= high and low <= partial < high and missed < low):
        raise ValueError(msg.SCHEME_TIER_DEFAULTS)


def _within(key: str, values, low: int, high: int) -> None:
    if any(not low <= v <= high for v in values):
        raise ValueError(msg.SCHEME_OUT_OF_RANGE.format(key=msg.SCHEME_FIELDS.get(key, key), low=low, high=high))


DEFAULT_SCHEME = ScoringScheme()
