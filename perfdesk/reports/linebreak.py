"""Line breaking for Chinese print, with the usual 禁则 (GB/T 15834 usage, as in Word/WPS):

- no line starts with closing punctuation (。，、；：？！）」』 …) and none ends with an opening
  one (（「『 …): the punctuation moves together with its neighbour to the next line, it never
  hangs past the margin;
- a run of Latin letters, digits and signs (≥95%, 4,878,000, 0350-1234567, (50)) is one word,
  and a number keeps the unit character that follows it (2022年, 34次); full-width digits
  (２０２２年) hold together the same way;
- optionally, known words (满意度, 指标 …) are kept whole, so short labels do not break inside a word;
- a word wider than the line is cut by characters: no text ever runs past the width it was given.

Pure and linear in the length of the text: widths come from the caller.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

Width = Callable[[str], float]

NO_START = frozenset("。，、；：？！）」』】〕〉》”’．,.;:?!)]}%‰℃…—～·・々ー")
NO_END = frozenset("（「『【〔〈《“‘([{￥$")
UNITS = frozenset("年月日时万亿千百元个分项次人户座所家名件台套处条")
IDEOGRAPHIC_SPACE = "\u3000"  # a typed full-width space is kept, like a character
_CJK_START = 0x2E80  # below this: Latin, digits, signs (≥, ±, ×) — they join into words


def _is_word_char(ch: str) -> bool:
    return ord(ch) < _CJK_START and not ch.isspace() and ch not in "，。、；：？！"


def atoms(text: str, words: Iterable[str] = ()) -> list[str]:
    """`text` (one paragraph, no newlines) cut into unbreakable pieces: single CJK characters,
    Latin words, single spaces, and the `words` given (longest match first)."""
    vocabulary = _by_first_character(tuple(words))
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() and ch != IDEOGRAPHIC_SPACE:
            out.append(" ")
            while i < n and text[i].isspace() and text[i] != IDEOGRAPHIC_SPACE:
                i += 1
            continue
        if _is_word_char(ch):
            j = i + 1
            while j < n and _is_word_char(text[j]):
                j += 1
            out.append(text[i:j])
            i = j
            continue
        word = next((w for w in vocabulary.get(ch, ()) if text.startswith(w, i)), ch)
        out.append(word)
        i += len(word)
    return out


@lru_cache(maxsize=8)
def _by_first_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words starting with each character, longest first."""
    found: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        found.setdefault(word[0], []).append(word)
    return {ch: tuple(found_words) for ch, found_words in found.items()}


def _may_break_before(prev: str, atom: str) -> bool:
    if atom == " " or prev == " ":
        return True
    if prev[-1].isdigit() and atom[0] in UNITS:  # a number keeps its unit: "2022年", "34次"
        return False
    if prev[-1].isdecimal() and atom[0].isdecimal():  # full-width digits (２０２２) are one number too
        return False
    return atom[0] not in NO_START and prev[-1] not in NO_END


def break_lines(text: str, width: float, char_width: Width, words: Iterable[str] = (),
                indent: float = 0.0) -> list[str]:
    """The lines of `text` set in `width` (the first line of each paragraph `indent` narrower);
    newlines are kept as hard breaks (empty lines too)."""
    lines: list[str] = []
    vocabulary = tuple(words)
    for paragraph in text.split("\n"):
        lines += _break_paragraph(paragraph, width, char_width, vocabulary, indent)
    return lines


def break_balanced(text: str, width: float, char_width: Width, words: Iterable[str] = ()) -> list[str]:
    """The lines of a title: no more than `width` needs, made as even as the legal breaks allow,
    so a title never ends with one orphaned character (GB/T 9704-2012 §7.3.3: title lines
    "排列对称，长短适宜", words kept whole)."""
    vocabulary = tuple(words)
    lines = break_lines(text, width, char_width, vocabulary)
    if len(lines) < 2:
        return lines
    # a word wider than the line is cut at `width` as break_lines cuts it: never set wider
    narrow, wide = min(widest_unbreakable(text, char_width, vocabulary), width), width
    for _ in range(24):  # bisect the narrowest width that still needs no more lines
        middle = (narrow + wide) / 2
        if len(break_lines(text, middle, char_width, vocabulary)) <= len(lines):
            wide = middle
        else:
            narrow = middle
    return break_lines(text, wide, char_width, vocabulary)


def _break_paragraph(text: str, width: float, char_width: Width, words: tuple[str, ...],
                     indent: float) -> list[str]:
    pieces = atoms(text.strip(" \t\r\f\v"), words)
    if not pieces:
        return [""]
    widths = [sum(char_width(ch) for ch in piece) for piece in pieces]
    lines: list[str] = []
    start, used, last_break = 0, 0.0, -1
    i = 0
    while i < len(pieces):
        limit = width - indent if not lines else width
        if i > start and _may_break_before(pieces[i - 1], pieces[i]):
            last_break = i
        if used + widths[i] <= limit or (i == start and len(pieces[i]) == 1):
            used += widths[i]
            i += 1
            continue
        if i == start:  # one word wider than the line: cut it by characters
            head, tail = _cut(pieces[i], limit, char_width)
            pieces[i:i + 1] = [head, tail]
            widths[i:i + 1] = [sum(map(char_width, head)), sum(map(char_width, tail))]
            continue
        cut = last_break if last_break > start else i  # no legal break on the line: break anyway
        lines.append(_join(pieces[start:cut]))
        start, i, last_break = cut, cut, -1
        while start < len(pieces) and pieces[start] == " ":
            start += 1
        i, used = start, 0.0
    tail = _join(pieces[start:])
    if tail or not lines:
        lines.append(tail)
    return lines


def _cut(word: str, width: float, char_width: Width) -> tuple[str, str]:
    used, k = 0.0, 0
    for k, ch in enumerate(word):
        used += char_width(ch)
        if used > width:
            break
    k = max(k, 1)  # at least one character per line, however narrow
    return word[:k], word[k:]


def _join(pieces: list[str]) -> str:
    return "".join(pieces).strip(" ")


def widest_unbreakable(text: str, char_width: Width, words: Iterable[str] = ()) -> float:
    """The width of the widest piece of `text` that no legal line break can split: the narrowest
    column that sets it without cutting a word or breaking a 禁则 rule."""
    widest = 0.0
    vocabulary = tuple(words)
    for paragraph in text.split("\n"):
        run, previous = 0.0, None
        for atom in atoms(paragraph.strip(" \t\r\f\v"), vocabulary):
            if previous is not None and _may_break_before(previous, atom):
                run = 0.0
            if atom != " ":
                run += sum(char_width(ch) for ch in atom)
                widest = max(widest, run)
            previous = atom
    return widest
