"""Fonts for print: a bundled Song-style face (AR PL UMing), a bundled sans face (WenQuanYi Micro
Hei) for headings and as fallback, or an installed Windows 宋体/仿宋/黑体 chosen by the user (then
the installed 黑体 and 楷体 set the headings of the 自评报告 as GB/T 9704 asks).

Only TrueType-outline fonts embed with reportlab; both bundled faces are such `.ttc` collections.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from perfdesk.reports.pdf.fontcache import CachedTTFont
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


# the 楷体 of second-level report headings; not offered for body text
KAI_FILE = ("simkai", "simkai.ttf", 0)


def windows_face(choice: str) -> Face:
    if choice not in installed_choices():
        raise ValueError(f"字体不可用：{choice}")
    _, file, index = WINDOWS_FACES[choice]
    return Face(f"Perfdesk-{choice}", windows_font_dir() / file, index)


def _installed(key: str, file: str, index: int = 0) -> Face | None:
    path = windows_font_dir() / file
    return Face(f"Perfdesk-{key}", path, index) if path.is_file() else None


@lru_cache(maxsize=None)
def metrics(face: Face) -> dict[int, float]:
    """Register `face` with reportlab (once); its advance widths (1/1000 em) by code point —
    the characters it can print."""
    font = CachedTTFont(face.name, str(face.path), subfontIndex=face.index)
    pdfmetrics.registerFont(font)
    return font.face.charWidths  # one entry per character the face maps


@dataclass(frozen=True)
class FontSet:
    body: Face  # tables and report text
    heading: Face  # titles, headings, column headers (黑体 style)
    kai: Face  # second-level report headings (楷体 where installed, else the body face)

    def chain(self, name: str) -> tuple[tuple[str, dict[int, float]], ...]:
        """The faces to try for text set in face `name`, with their widths: that face first."""
        faces = sorted(dict.fromkeys((self.body, self.heading, self.kai, SONG, SANS)), key=lambda f: f.name != name)
        return tuple((f.name, metrics(f)) for f in faces)


def font_set(choice: str | None = None) -> FontSet:
    """The bundled faces, or the installed Windows face `choice` for body text (with the
    installed 黑体/楷体 for headings when present)."""
    if choice is None:
        fonts = FontSet(body=SONG, heading=SANS, kai=SONG)
    else:
        body = windows_face(choice)
        fonts = FontSet(body=body, heading=_installed("simhei", "simhei.ttf") or SANS,
                        kai=_installed(*KAI_FILE) or body)
    for face in dict.fromkeys((fonts.body, fonts.heading, fonts.kai, SONG, SANS)):
        metrics(face)  # registers it
    return fonts
