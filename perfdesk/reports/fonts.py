"""Fonts for print: a bundled Song-style face (AR PL UMing), a bundled sans face (WenQuanYi Micro
Hei) for headings and as fallback, or an installed Windows 宋体/仿宋/黑体 chosen by the user.

Only TrueType-outline fonts embed with reportlab; both bundled faces are such `.ttc` collections.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from perfdesk.resources import resource


@dataclass(frozen=True)
class Face:
    name: str  # the name registered with reportlab
    path: Path
    index: int = 0  # sub-font of a .ttc collection


SONG = Face("PerfdeskSong", resource("fonts", "uming.ttc"))
SANS = Face("PerfdeskSans", resource("fonts", "wqy-microhei.ttc"))

# choice -> (Chinese name, file in the Windows font folder, sub-font index)
WINDOWS_FACES = {
    "simsun": ("宋体", "simsun.ttc", 0),
    "simfang": ("仿宋", "simfang.ttf", 0),
    "simhei": ("黑体", "simhei.ttf", 0),
}


def windows_font_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def installed_choices() -> dict[str, str]:
    """The Windows faces present on this machine: choice -> Chinese name (empty elsewhere)."""
    folder = windows_font_dir()
    return {key: name for key, (name, file, _) in WINDOWS_FACES.items() if (folder / file).is_file()}


def windows_face(choice: str) -> Face:
    if choice not in installed_choices():
        raise ValueError(f"字体不可用：{choice}")
    _, file, index = WINDOWS_FACES[choice]
    return Face(f"Perfdesk-{choice}", windows_font_dir() / file, index)


@lru_cache(maxsize=None)
def coverage(face: Face) -> frozenset[int]:
    """Register `face` with reportlab (once) and return the code points its cmap maps."""
    font = TTFont(face.name, str(face.path), subfontIndex=face.index)
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


@dataclass(frozen=True)
class FontSet:
    body: Face  # tables and report text
    heading: Face  # titles, headings, column headers

    def chain(self, name: str) -> tuple[tuple[str, frozenset[int]], ...]:
        """The faces to try for text set in face `name`: that face first, then the others."""
        faces = sorted(dict.fromkeys((self.body, self.heading, SONG, SANS)), key=lambda f: f.name != name)
        return tuple((f.name, coverage(f)) for f in faces)


def font_set(choice: str | None = None) -> FontSet:
    """The bundled faces, or the installed Windows face `choice` for body text."""
    fonts = FontSet(body=SONG if choice is None else windows_face(choice), heading=SANS)
    for face in (fonts.body, fonts.heading, SONG, SANS):
        coverage(face)  # registers it
    return fonts
