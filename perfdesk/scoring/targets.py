"""Reading typed targets and actuals: operator + number + scale + unit, or qualitative text.

Nothing here raises on any input: text that cannot be read as a quantity is kept as
qualitative text (`Target.quantitative` is False).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfdesk.scoring.numbers import show

AT_LEAST, MORE, AT_MOST, LESS, EQUAL, RANGE = ">=", ">", "<=", "<", "=", "range"

# Operator spellings (after NFKC, which already turns ＞＝ into >= and ＝ into =).
_PREFIX_OPS = {
    ">=": AT_LEAST, "=>": AT_LEAST, "≥": AT_LEAST, "≧": AT_LEAST, "》=": AT_LEAST, "≮": AT_LEAST,
    "大于等于": AT_LEAST, "大于或等于": AT_LEAST, "不低于": AT_LEAST, "不少于": AT_LEAST,
    "不小于": AT_LEAST, "至少": AT_LEAST, "达到": AT_LEAST,
    "<=": AT_MOST, "=<": AT_MOST, "≤": AT_MOST, "≦": AT_MOST, "《=": AT_MOST, "≯": AT_MOST,
    "小于等于": AT_MOST, "小于或等于": AT_MOST, "不超过": AT_MOST, "不高于": AT_MOST,
    "不多于": AT_MOST, "不大于": AT_MOST, "最多": AT_MOST,
    ">": MORE, "》": MORE, "大于": MORE, "高于": MORE, "超过": MORE, "多于": MORE,
    "<": LESS, "《": LESS, "小于": LESS, "低于": LESS, "少于": LESS,
    "=": EQUAL, "==": EQUAL, "等于": EQUAL, "═": EQUAL,  # U+2550, typed for "=" in some Yunnan tables
}
_SUFFIX_OPS = {
    "以上": AT_LEAST, "及以上": AT_LEAST, "(含)以上": AT_LEAST,
    "以下": AT_MOST, "及以下": AT_MOST, "(含)以下": AT_MOST, "以内": AT_MOST, "之内": AT_MOST,
    "左右": EQUAL,
}
SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
UNITS = (
    "%", "‰", "元/人/年", "元/人", "元/月", "元", "人次", "户次", "人", "次", "批次", "批", "个工作日",
    "工作日", "个月", "个百分点", "个", "家", "天", "分钟", "小时", "年", "月", "日", "周", "台(套)",
    "台/套", "台", "套", "项", "份", "户", "篇", "期", "场", "所", "件", "条", "张", "本", "辆", "名",
    "位", "座", "处", "间", "册", "例", "种", "类", "课时", "学时", "平方米", "公里", "分",
    "米", "厘米", "毫米", "千米", "平方公里", "立方米", "亩", "公顷", "吨", "公斤", "千克",
    "只", "头", "株", "棵", "起", "元/户", "元/亩", "元/吨", "元/平方米",
)
# Unit words written out, read as their sign ("≥100百分比" is "≥100%").
_UNIT_WORDS = {"百分比": "%"}
_TRAILING_PUNCTUATION = "。.;,、!?"
# A lone number in a sentence is read as the actual value, unless it is a date ("2021年底").
_CALENDAR_UNITS = ("年", "月", "日")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_SCALE = f"(?:{_alternation(SCALES)})"
_UNIT = f"(?:{_alternation(UNITS)})"


def _quantity(tag: str) -> str:
    return rf"(?P<num{tag}>{_NUM})\s*(?P<scale{tag}>{_SCALE})?\s*(?P<unit{tag}>{_UNIT})?"


_PREFIX = rf"(?P<pre>{_alternation(_PREFIX_OPS)})?\s*"
_SINGLE = re.compile(
    rf"{_PREFIX}(?P<sign>-)?{_quantity('')}\s*(?P<suf>{_alternation(_SUFFIX_OPS)})?", re.ASCII
)
_RANGE = re.compile(rf"{_PREFIX}{_quantity('')}\s*[-~至到—–]\s*{_quantity('2')}", re.ASCII)
_EMBEDDED = re.compile(_quantity(""), re.ASCII)
_ANY_OPERATOR = re.compile(rf"^\s*(?:{_alternation(_PREFIX_OPS)})\s*")
_DIGIT = re.compile(r"[0-9]")
_DATE = re.compile(r"[0-9]{4}\s*(?:年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?|[-/.][0-9]{1,2}[-/.][0-9]{1,2})")


@dataclass(frozen=True)
class Target:
    """A read target or actual. `number`/`upper` are as written; `value` applies the scale."""

    text: str
    op: str | None = None
    number: Decimal | None = None
    scale_word: str = ""
    unit: str | None = None
    upper: Decimal | None = None

    @property
    def quantitative(self) -> bool:
        return self.number is not None

    @property
    def scale(self) -> Decimal:
        return SCALES.get(self.scale_word, Decimal(1))

    @property
    def value(self) -> Decimal | None:
        return None if self.number is None else self.number * self.scale

    @property
    def upper_value(self) -> Decimal | None:
        return None if self.upper is None else self.upper * self.scale

    def show(self, number: Decimal | None = None) -> str:
        """The quantity as people write it ("95%", "7.3393万人"); qualitative text as is."""
        if not self.quantitative:
            return self.text
        return f"{show(self.number if number is None else number)}{self.scale_word}{self.unit or ''}"


def normalize(text: str) -> str:
    """Full-width forms to ASCII (NFKC), blanks squeezed, trailing full stops dropped."""
    folded = unicodedata.normalize("NFKC", text)
    for word, sign in _UNIT_WORDS.items():
        folded = folded.replace(word, sign)
    return " ".join(folded.split()).rstrip(_TRAILING_PUNCTUATION).strip()


@lru_cache(maxsize=8192)
def parse_target(text: str | None) -> Target:
    """Read a whole cell as one quantity, a range, or qualitative text."""
    source = text or ""
    clean = normalize(source)
    return _read_range(source, clean) or _read_single(source, clean) or Target(source)


@lru_cache(maxsize=8192)
def read_actual(text: str | None) -> Target | None:
    """An actual: the whole cell as a quantity, else the single number inside a sentence."""
    if text is None or not text.strip():
        return None
    whole = parse_target(text)
    if whole.quantitative:
        return whole
    found = list(_EMBEDDED.finditer(normalize(text)))
    if len(found) != 1 or found[0]["unit"] in _CALENDAR_UNITS:
        return whole
    return _from_match(text, found[0], None) or whole


def looks_numeric(target: Target) -> bool:
    """Qualitative text that nevertheless contains digits (worth an UNPARSED_TARGET note); a cell
    holding just a date ("2021年12月", "2022-03-15") is a deadline, not a number."""
    text = normalize(target.text)
    return not target.quantitative and not _DATE.fullmatch(text) and bool(_DIGIT.search(text))


def strip_operator(text: str) -> str:
    """The words of a qualitative target without a leading "=" or "≥" ("=相符" -> "相符")."""
    clean = normalize(text)
    return _ANY_OPERATOR.sub("", clean, count=1)


def _read_single(source: str, clean: str) -> Target | None:
    match = _SINGLE.fullmatch(clean)
    if not match:
        return None
    op = _PREFIX_OPS.get(match["pre"] or "") or _SUFFIX_OPS.get(match["suf"] or "")
    found = _from_match(source, match, op)
    if found and match["sign"]:
        return Target(source, found.op, -found.number, found.scale_word, found.unit)
    return found


def _read_range(source: str, clean: str) -> Target | None:
    match = _RANGE.fullmatch(clean)
    if not match or match["pre"]:
        return None
    low, high = _decimal(match["num"]), _decimal(match["num2"])
    if low is None or high is None or low > high:
        return None
    scale = match["scale"] or match["scale2"] or ""
    unit = match["unit"] or match["unit2"]
    return Target(source, RANGE, low, scale, unit, high)


def _from_match(source: str, match: re.Match, op: str | None) -> Target | None:
    value = _decimal(match["num"])
    if value is None:
        return None
    return Target(source, op, value, match["scale"] or "", match["unit"])


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None
