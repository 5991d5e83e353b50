"""Parsed font metrics kept between runs.

reportlab reads a face's character map, widths and glyph offsets in pure Python: about 0.2 s for
each bundled CJK face, most of the time a one-table PDF export takes. The figures it reads are
stored once per face file in the user's cache folder (JSON, keyed by the file's path, size and
time and by the reportlab version) and read back in a few milliseconds; everything else about the
face is still read from the font file. A missing, stale or damaged cache is simply rebuilt.
Embedding a subset copies only the glyphs it uses out of the memory-mapped file.
"""
from __future__ import annotations

import gc
import hashlib
import json
import mmap
import os
from array import array
from collections.abc import Mapping, Sequence
from fnmatch import fnmatch
import tempfile
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, TTFontFile, unShapedFontGlob

# what TTFontFile.extractInfo reads from cmap/hmtx/loca (the slow part), by attribute
PARSED = ("charToGlyph", "glyphToChar", "charWidths", "hmetrics", "glyphPos", "defaultWidth")


def cache_folder() -> Path:
    folder = os.environ.get("PERFDESK_CACHE_DIR")
    if folder:
        return Path(folder)
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("perfdesk", appauthor=False))


class CachedFace(TTFontFace):
    """A TTFontFace whose character metrics come from the cache when they can, reading its
    file through a memory map (a .ttc holds several faces: only the pages used are read)."""

    def __init__(self, filename: str, subfontIndex: int = 0):
        with open(filename, "rb") as source:
            self._ttf_data = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
        self.filename = filename
        super().__init__(filename, subfontIndex=subfontIndex)

    def extractInfo(self, charInfo=1):
        TTFontFile.extractInfo(self, charInfo=0)  # names and global metrics: cheap
        if not charInfo:
            return
        path = _cache_path(Path(self.filename), bytes(self.subfontNameX).decode("ascii", "replace"))
        if path is not None:
            collecting = gc.isenabled()
            gc.disable()  # ~140,000 small containers at once: no collections over the whole heap meanwhile
            try:
                if _restore(self, path):
                    return
            finally:
                if collecting:
                    gc.enable()
        TTFontFile.extractInfo(self, charInfo=1)
        if path is not None:
            _store(self, path)

    def get_table(self, tag):
        if tag == "glyf":  # read by makeSubset glyph by glyph: copy only the glyphs used
            start, length = self.get_table_pos(tag)
            return _Slices(self._ttf_data, start, length)
        return super().get_table(tag)


class _Slices:
    """A table of the font file of which only the slices asked for are copied (a bundled CJK
    face's glyf table is megabytes; a subset uses a few hundred glyphs of it)."""

    def __init__(self, data: mmap.mmap, start: int, length: int):
        self.data, self.start, self.length = data, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: slice) -> bytes:
        begin, end, step = index.indices(self.length)
        if step != 1:
            raise ValueError("only contiguous slices of a font table")
        return self.data[self.start + begin: self.start + max(begin, end)]


class CachedTTFont(TTFont):
    """TTFont (reportlab) built on a CachedFace; the rest as TTFont.__init__ sets it."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0):
        self.fontName = name
        self.face = CachedFace(filename, subfontIndex=subfontIndex)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)


def _cache_path(font: Path, index: str) -> Path | None:
    try:
        stat = font.stat()
    except OSError:
        return None
    key = f"{font.stem}{index}-{stat.st_size}-{stat.st_mtime_ns}-rl{reportlab.Version}"
    return cache_folder() / "fonts" / f"{key}.metrics"


# The cache file: one JSON line naming the arrays that follow as raw machine values (reading
# them back is a copy; decoding the same numbers as JSON text took ~0.1 s a face).
ARRAYS = ("codes", "glyphs", "widths", "back_glyphs", "back_codes", "more_glyphs", "more_codes", "advances",
          "bearings", "positions")


def _restore(face: TTFontFile, path: Path) -> bool:
    try:
        with open(path, "rb") as source:
            head = json.loads(source.readline())
            body = source.read()
        if hashlib.sha256(body).hexdigest() != head["sha256"]:
            return False
        a, at = {}, 0
        for name in ARRAYS:
            typecode, count = head[name]
            a[name] = array(typecode)
            a[name].frombytes(body[at: at + count * a[name].itemsize])
            at += count * a[name].itemsize
        default = head["default_width"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not (len(a["codes"]) == len(a["glyphs"]) == len(a["widths"]) and len(a["back_glyphs"]) == len(a["back_codes"])
            and len(a["more_glyphs"]) == len(a["more_codes"]) and not set(a["more_glyphs"]).difference(a["back_glyphs"])
            and len(a["advances"]) == len(a["bearings"]) == face.numGlyphs
            and len(a["positions"]) == face.numGlyphs + 1):
        return False
    codes = a["codes"].tolist()
    face.charToGlyph = dict(zip(codes, a["glyphs"].tolist()))
    face.charWidths = dict(zip(codes, a["widths"].tolist()))
    # read by reportlab only for the glyphs a document uses (hmetrics) or only while parsing
    # (glyphToChar): built on first use
    face.glyphToChar = _GlyphChars(a["back_glyphs"], a["back_codes"], a["more_glyphs"], a["more_codes"])
    face.hmetrics = _Pairs(a["advances"], a["bearings"])
    face.glyphPos = a["positions"]
    face.defaultWidth = default
    return True


class _Pairs(Sequence):
    """(advance, left side bearing) per glyph, as the list reportlab builds, from two arrays."""

    def __init__(self, first: array, second: array):
        self.first, self.second = first, second

    def __len__(self) -> int:
        return len(self.first)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(zip(self.first[index], self.second[index]))
        return self.first[index], self.second[index]

    def __eq__(self, other) -> bool:
        return list(self) == list(other)


class _GlyphChars(Mapping):
    """glyph -> the characters drawn with it, as reportlab builds it, made on first use."""

    def __init__(self, glyphs: array, codes: array, more_glyphs: array, more_codes: array):
        self._parts = (glyphs, codes, more_glyphs, more_codes)
        self._made: dict | None = None

    def _table(self) -> dict:
        if self._made is None:
            glyphs, codes, more_glyphs, more_codes = self._parts
            self._made = dict(zip(glyphs.tolist(), map(list, zip(codes.tolist()))))
            for glyph, code in zip(more_glyphs.tolist(), more_codes.tolist()):
                self._made[glyph].append(code)
        return self._made

    def __getitem__(self, glyph):
        return self._table()[glyph]

    def __iter__(self):
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def _numbers(values) -> array:
    """Whole numbers as 64-bit integers, otherwise doubles (reportlab scales some metrics)."""
    values = list(values)
    return array("q", values) if all(isinstance(v, int) for v in values) else array("d", values)


def _store(face: TTFontFile, path: Path) -> None:
    codes = list(face.charToGlyph)
    arrays = {
        "codes": _numbers(codes), "glyphs": _numbers(face.charToGlyph[c] for c in codes),
        "widths": _numbers(face.charWidths.get(c, face.defaultWidth) for c in codes),
        # glyphToChar maps a glyph to the characters drawn with it: the first of each, then the others
        "back_glyphs": _numbers(face.glyphToChar), "back_codes": _numbers(c[0] for c in face.glyphToChar.values()),
        "more_glyphs": _numbers(g for g, chars in face.glyphToChar.items() for _ in chars[1:]),
        "more_codes": _numbers(c for chars in face.glyphToChar.values() for c in chars[1:]),
        "advances": _numbers(aw for aw, _ in face.hmetrics), "bearings": _numbers(b for _, b in face.hmetrics),
        "positions": _numbers(face.glyphPos),
    }
    body = b"".join(arrays[name].tobytes() for name in ARRAYS)
    head = {name: [a.typecode, len(a)] for name, a in arrays.items()}
    head.update(default_width=face.defaultWidth, sha256=hashlib.sha256(body).hexdigest())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError:
        return  # no cache this time (read-only home): the next run parses again
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(json.dumps(head).encode("ascii") + b"\n" + body)
        os.replace(temp, path)
    except OSError:
        os.unlink(temp)  # a full disk: no cache this time
