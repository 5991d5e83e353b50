"""Text to Paragraphs, one font run at a time: characters the style's face lacks are set in the
next face that has them; characters no face has are collected for the caller to report."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from perfdesk.reports.fonts import FontSet


class Typesetter:
    def __init__(self, fonts: FontSet, styles: dict[str, ParagraphStyle]):
        self.fonts = fonts
        self.styles = styles
        self.missing: set[str] = set()
        self._chains: dict[str, tuple] = {}

    def para(self, text: str | None, style: str = "cell") -> Paragraph:
        sheet = self.styles[style]
        return Paragraph(self.markup(text or "", sheet.fontName), sheet)

    def markup(self, text: str, face: str) -> str:
        """Paragraph markup of plain `text` with `<font>` runs for the fallback faces."""
        chain = self._chains.get(face) or self._chains.setdefault(face, self.fonts.chain(face))
        runs: list[tuple[str, str]] = []
        for ch in text:
            name = self._face_for(ch, chain)
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + ch)
            else:
                runs.append((name, ch))
        return "".join(_run(name, chars, face) for name, chars in runs)

    def _face_for(self, ch: str, chain) -> str:
        if ch.isspace():
            return chain[0][0]
        for name, cmap in chain:
            if ord(ch) in cmap:
                return name
        self.missing.add(ch)
        return chain[0][0]


def _run(name: str, chars: str, face: str) -> str:
    text = escape(chars).replace("\n", "<br/>")
    return text if name == face else f'<font face="{name}">{text}</font>'
