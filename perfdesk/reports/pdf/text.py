"""Plain text set on the page: `TextBlock`, a flowable that breaks its lines once (Chinese 禁则,
see reports.linebreak), splits between lines in constant time per page, and draws each run of
characters in the first face that has them.

Text is never parsed as markup: "<p>" prints as the four characters it is. Nothing drawn is wider
than the width the block was given (figures shrink to fit first, when their style says so; a
figure that is one word is never cut, it shrinks as far as it must).
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from perfdesk.reports.linebreak import break_balanced, break_lines, widest_unbreakable
from perfdesk.reports.pdf.fonts import FontSet

# Where the baseline sits in a line of type: CJK faces fill about 0.8 em above it.
ASCENT = 0.8
MIN_FIT_SIZE = 6.0


@dataclass(frozen=True)
class TextStyle:
    face: str  # a registered font name
    size: float  # points
    leading: float  # points per line
    align: str = "left"  # left / center / right / justify
    indent: float = 0.0  # first line of each paragraph, points
    space_before: float = 0.0
    space_after: float = 0.0
    fit: bool = False  # a figure: shrink to one line before wrapping
    words: tuple[str, ...] = ()  # words kept whole when lines break (labels)
    keep_with_next: bool = False
    balance: bool = False  # a title: lines made even (see linebreak.break_balanced)


class Typesetter:
    """Faces and widths for text: each character in the first face of the chain that has it;
    characters no face has are collected in `missing` (they print as boxes)."""

    def __init__(self, fonts: FontSet, styles: dict[str, TextStyle]):
        self.fonts = fonts
        self.styles = styles
        self.missing: set[str] = set()
        self._faces: dict[str, dict[str, tuple[str, float]]] = {}

    def text(self, text: str | None, style: str = "cell", **changes) -> "TextBlock":
        sheet = self.styles[style]
        if changes:
            sheet = TextStyle(**{**sheet.__dict__, **changes})
        return TextBlock(self, text or "", sheet)

    def glyph(self, ch: str, face: str) -> tuple[str, float]:
        """(face that prints `ch`, its advance in 1/1000 em) for text set in `face`."""
        table = self._faces.get(face)
        if table is None:
            table = self._faces[face] = {}
        found = table.get(ch)
        if found is None:
            found = table[ch] = self._find(ch, face)
        return found

    def _find(self, ch: str, face: str) -> tuple[str, float]:
        chain = self.fonts.chain(face)
        code = ord(ch)
        for name, widths in chain:
            if code in widths:
                return name, widths[code]
        if not ch.isspace():
            self.missing.add(ch)
        return chain[0][0], 1000.0

    def min_width(self, text: str, style: str) -> float:
        """The narrowest width that sets `text` in `style` without cutting a word (points)."""
        sheet = self.styles[style]
        return widest_unbreakable(text, lambda ch: self.glyph(ch, sheet.face)[1] * sheet.size / 1000, sheet.words)

    def width(self, text: str, face: str, size: float) -> float:
        return sum(self.glyph(ch, face)[1] for ch in text) * size / 1000

    def runs(self, line: str, face: str) -> list[tuple[str, str]]:
        """`line` cut into (face, characters) runs."""
        runs: list[tuple[str, str]] = []
        for ch in line:
            name = self.glyph(ch, face)[0]
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + ch)
            else:
                runs.append((name, ch))
        return runs


@dataclass(frozen=True)
class Line:
    text: str
    first: bool  # first line of a paragraph (indented)
    last: bool  # last line of a paragraph (never justified)


class TextBlock(Flowable):
    def __init__(self, ts: Typesetter, text: str, style: TextStyle, lines: list[Line] | None = None,
                 size: float | None = None, laid_width: float | None = None, top: bool = True):
        super().__init__()
        self.ts, self.text, self.style = ts, text, style
        self.lines = lines
        self.size = size or style.size
        self.laid_width = laid_width
        self.top = top  # holds the start of the text (space before applies)
        self.keepWithNext = style.keep_with_next

    # -- layout ---------------------------------------------------------------------------
    def _layout(self, width: float) -> None:
        if self.lines is not None and self.laid_width is not None and abs(self.laid_width - width) < 0.01:
            return
        style, size = self.style, self.style.size
        if self.lines is not None:  # a continuation given another width: re-break what is left
            text = "\n".join(line.text for line in self.lines)
        else:
            text = self.text
        self.laid_width = width
        if style.fit and "\n" not in text:
            natural = self.ts.width(text, style.face, size)
            if natural > width > 0:
                size = size * width / natural
                if size < MIN_FIT_SIZE and self._breakable(text):
                    size = MIN_FIT_SIZE  # words of a figure may go on lines of their own
                else:  # one word (a number): one line, never cut between its digits
                    self.size, self.lines = size, [Line(text, True, True)]
                    return
        self.size = size
        self.lines = []

        def char_width(ch: str) -> float:
            return self.ts.glyph(ch, style.face)[1] * size / 1000

        for paragraph in text.split("\n"):
            if style.balance:
                broken = break_balanced(paragraph, width, char_width, style.words)
            else:
                broken = break_lines(paragraph, width, char_width, style.words, indent=style.indent)
            self.lines += [Line(t, i == 0, i == len(broken) - 1) for i, t in enumerate(broken)]

    def _breakable(self, text: str) -> bool:
        """True when `text` has a legal line break (it is not one word)."""
        def char_width(ch: str) -> float:
            return self.ts.glyph(ch, self.style.face)[1]

        return widest_unbreakable(text, char_width, self.style.words) < sum(map(char_width, text)) - 1e-6

    @property
    def leading(self) -> float:
        return self.style.leading * self.size / self.style.size

    def _before(self) -> float:
        return self.style.space_before if self.top else 0.0

    def wrap(self, availWidth, availHeight):
        self._layout(availWidth)
        self.width = availWidth
        self.height = self._before() + len(self.lines) * self.leading + self.style.space_after
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self._layout(availWidth)
        fit = int((availHeight - self._before() + 1e-6) // self.leading)
        if fit >= len(self.lines):
            return [self]
        if fit <= 0:
            return []
        return [self._part(self.lines[:fit], self.top), self._part(self.lines[fit:], False)]

    def _part(self, lines: list[Line], top: bool) -> "TextBlock":
        return TextBlock(self.ts, self.text, self.style, lines, self.size, self.laid_width, top)

    def getSpaceBefore(self):
        return self._before()

    def getSpaceAfter(self):
        return 0

    # -- drawing --------------------------------------------------------------------------
    def draw(self):
        canvas, size = self.canv, self.size
        leading = self.leading
        y = self.height - self._before() - (leading - size) / 2 - size * ASCENT
        for line in self.lines:
            self._draw_line(canvas, line, y, size)
            y -= leading

    def _draw_line(self, canvas, line: Line, y: float, size: float) -> None:
        if not line.text:
            return
        style = self.style
        indent = style.indent if line.first else 0.0
        room = self.width - indent
        used = self.ts.width(line.text, style.face, size)
        spacing = 0.0
        if style.align == "center":
            x = indent + (room - used) / 2
        elif style.align == "right":
            x = self.width - used
        else:
            x = indent
            if style.align == "justify" and not line.last and len(line.text) > 1:
                spacing = max(0.0, (room - used) / (len(line.text) - 1))
        text = canvas.beginText(x, y)
        text.setCharSpace(spacing)
        for face, chars in self.ts.runs(line.text, style.face):
            text.setFont(face, size)
            text.textOut(chars)
        canvas.drawText(text)
