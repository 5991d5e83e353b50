"""Numbers as a spreadsheet displays them: dates in their (Chinese) formats, percentages with
their printed decimals, words a format prints around a number ('"≥"0%' shows "≥95%") and
thousands separators, other numbers exact.

Excel and WPS store the Chinese built-in formats by id only (ECMA-376 §18.8.30 lists them per
locale; ids 27–36 and 50–58 are the zh-CN dates) and write no format code for them, so a
reader that knows only the international table shows 44531 where the user sees 2021年12月.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from perfdesk.io.grid.model import DATE, NUMBER, PERCENT, GridCell

_YM, _MD, _YMD = 'yyyy"年"m"月"', 'm"月"d"日"', 'yyyy"年"m"月"d"日"'
_HM, _HMS = 'h"时"mm"分"', 'h"时"mm"分"ss"秒"'
# The zh-CN meaning of the locale-dependent built-in ids.
ZH_CN_FORMATS = {
    14: "yyyy/m/d", 22: "yyyy/m/d h:mm",
    27: _YM, 28: _MD, 29: _MD, 30: "m-d-yy", 31: _YMD, 32: _HM, 33: _HMS, 34: "上午/下午" + _HM,
    35: "上午/下午" + _HMS, 36: _YM, 50: _YM, 51: _MD, 52: _YM, 53: _MD, 54: _MD, 55: "上午/下午" + _HM,
    56: "上午/下午" + _HMS, 57: _YM, 58: _MD,
}
EXCEL_DIGITS = 15  # Excel keeps and shows 15 significant digits
MAX_PLACES = 30  # decimals Excel lets a format show; a longer run of zeros is no real format
_PERCENT = re.compile(r"(?:0|#)(?:\.([0#]+))?\s*%")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_SYSTEM_LONG_DATE = "[$-F800]"
_WEEKDAYS = "一二三四五六日"


def format_code(number_format_id: int | None, custom: dict[int, str]) -> str:
    """The format code of a style's numFmtId: a custom code, the zh-CN built-in, or General."""
    if number_format_id is None:
        return "General"
    return custom.get(number_format_id) or ZH_CN_FORMATS.get(number_format_id) or BUILTIN_FORMATS.get(number_format_id, "General")


def exact(text: str) -> Decimal | None:
    """A stored number as Excel holds it: at most 15 significant digits ("0.30000000000000004" -> 0.3)."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if number and len(number.as_tuple().digits) > EXCEL_DIGITS:
        number = round(number, EXCEL_DIGITS - number.adjusted() - 1)
    return Decimal(plain(number))


def plain(number: Decimal) -> str:
    """A number without exponent or trailing zeros ("387664.62", "100")."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent_text(fraction: Decimal, places: int) -> str:
    return f"{rounded(fraction * 100, places):f}%"


def rounded(value: Decimal, places: int) -> Decimal:
    """`value` rounded ROUND_HALF_UP to `places` decimals, however many digits it has before them."""
    with localcontext() as context:  # room for every digit of a large amount
        context.prec = max(context.prec, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent_places(code: str) -> int | None:
    """Decimals of a percent format ("0.00%" -> 2, at most MAX_PLACES); None when it is not a percentage."""
    match = _PERCENT.search(_QUOTED.sub("", code.split(";")[0]))
    return None if match is None else min(len(match.group(1) or ""), MAX_PLACES)


def is_date(code: str) -> bool:
    return _SYSTEM_LONG_DATE in code.upper() or is_date_format(code)


def number_cell(number: Decimal, code: str, date1904: bool = False) -> GridCell:
    """A stored number shown through its format code."""
    if is_date(code):
        shown = date_text(number, code, date1904)
        if shown is not None:
            return GridCell(shown, DATE)
    shown = with_words(number, code)
    if shown is not None:
        return GridCell(shown, PERCENT if "%" in _QUOTED.sub("", code) else NUMBER, number)
    places = percent_places(code)
    if places is not None:
        return GridCell(percent_text(number, places), PERCENT, number)
    return GridCell(plain(number), NUMBER, number)


def date_text(serial: Decimal, code: str, date1904: bool = False) -> str | None:
    try:
        moment = from_excel(float(serial), CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900)
    except (ValueError, OverflowError):
        return None
    return render_date(moment, code) if isinstance(moment, (dt.datetime, dt.date, dt.time)) else None


def render_date(moment: dt.datetime | dt.date | dt.time, code: str) -> str:
    """Render a date/time through the first section of a format code."""
    if _SYSTEM_LONG_DATE in code.upper():
        code = _YMD
    if isinstance(moment, dt.time):
        moment = dt.datetime.combine(dt.date(1900, 1, 1), moment)
    elif not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time())
    tokens = _tokens(code.split(";")[0])
    out = []
    for i, (kind, token) in enumerate(tokens):
        if kind == "literal":
            out.append(token)
        else:
            out.append(ampm_text(moment, token) if kind == "ampm" else _field(token, moment, tokens, i))
    return "".join(out).strip()


_TOKEN = re.compile(r'"([^"]*)"|\\(.)|(\[[^\]]*\])|(上午/下午|AM/PM|A/P)|(y+|e+|m+|d+|h+|s+)|(.)', re.IGNORECASE)


def _tokens(code: str) -> list[tuple[str, str]]:
    tokens = []
    for quoted, escaped, bracket, ampm, field, other in _TOKEN.findall(code):
        if quoted or escaped:
            tokens.append(("literal", quoted or escaped))
        elif bracket:
            continue  # locale, colour or calendar tags print nothing
        elif ampm:
            tokens.append(("ampm", ampm))
        elif field:
            tokens.append(("field", field.lower()))
        elif other not in "_*":
            tokens.append(("literal", other))
    return tokens


def _field(token: str, moment: dt.datetime, tokens: list, i: int) -> str:
    letter, width = token[0], len(token)
    if letter in "ye":
        return f"{moment.year % 100:02d}" if width == 2 else str(moment.year)
    if letter == "m":
        if width <= 2 and _is_minute(tokens, i):
            return f"{moment.minute:0{width}d}"
        return f"{moment.month:0{width}d}" if width <= 2 else f"{moment.month}月"
    if letter == "d":
        if width >= 3:
            return ("周" if width == 3 else "星期") + _WEEKDAYS[moment.weekday()]
        return f"{moment.day:0{width}d}"
    if letter == "h":
        hour = moment.hour
        if any(kind == "ampm" for kind, _ in tokens):
            hour = hour % 12 or 12
        return f"{hour:0{min(width, 2)}d}"
    if letter == "s":
        return f"{moment.second:0{min(width, 2)}d}"
    return token


def _is_minute(tokens: list, i: int) -> bool:
    fields = [(j, t) for j, (kind, t) in enumerate(tokens) if kind == "field"]
    position = next(k for k, (j, _) in enumerate(fields) if j == i)
    before = fields[position - 1][1] if position > 0 else ""
    after = fields[position + 1][1] if position + 1 < len(fields) else ""
    return before.startswith("h") or after.startswith("s")


def ampm_text(moment: dt.datetime, token: str) -> str:
    morning = moment.hour < 12
    if token == "上午/下午":
        return "上午" if morning else "下午"
    return ("AM" if morning else "PM") if len(token) > 3 else ("A" if morning else "P")


# A format of words around one number part, as offices write them (0"人", #,##0.00"元", "≥"0%) and
# as perfdesk's export writes typed quantities. Words are quoted, or single characters escaped with
# a backslash, as LibreOffice rewrites them on saving ('\\≤0"个月"').
_WORDS = r'(?:"[^"]*"|\\.)*'
_WORDED = re.compile(rf'(?P<pre>{_WORDS})(?P<body>#,##0|0)(?:\.(?P<places>0+))?(?P<percent>%)?(?P<post>{_WORDS})')


def with_words(number: Decimal, code: str) -> str | None:
    """The text a number shows through a format of words or thousands separators, else None.

    More decimals than the format has are shown when the cell holds them (typed in Excel), so
    the text says what the cell computes with."""
    match = _WORDED.fullmatch(code or "")
    if not match or not (match["pre"] or match["post"] or match["body"] == "#,##0"):
        return None
    value = number * 100 if match["percent"] else number
    exponent = value.normalize().as_tuple().exponent
    places = max(min(len(match["places"] or ""), MAX_PLACES), -exponent if isinstance(exponent, int) and exponent < 0 else 0)
    shown = format(rounded(value, places), "," if match["body"] == "#,##0" else "")
    return _words(match["pre"]) + shown + ("%" if match["percent"] else "") + _words(match["post"])


def _words(quoted: str) -> str:
    return "".join(a or b for a, b in re.findall(r'"([^"]*)"|\\(.)', quoted))
