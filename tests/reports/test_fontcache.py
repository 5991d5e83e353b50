"""The font metrics cache: the same figures as reportlab's own parse, rebuilt when damaged."""
from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

from perfdesk.reports.pdf.fontcache import CachedTTFont
from perfdesk.reports.pdf.fonts import SANS, SONG

SKIP = ("_pdfScale", "_pos")  # a lambda, and where the parser stopped reading


def _parsed(font) -> dict:
    """The face's parsed figures as plain values (the cache keeps some as arrays, or builds them
    on first use; the font file is memory-mapped)."""
    found = {k: v for k, v in vars(font.face).items() if k not in SKIP}
    found["_ttf_data"] = bytes(found["_ttf_data"])
    found["glyphToChar"] = dict(found["glyphToChar"])
    for name in ("hmetrics", "glyphPos"):
        found[name] = list(found[name])
    return found


def test_cached_faces_equal_reportlabs_own_parse(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFDESK_CACHE_DIR", str(tmp_path))
    for face in (SONG, SANS):
        plain = TTFont(face.name, str(face.path), subfontIndex=face.index)
        first = CachedTTFont(face.name, str(face.path), face.index)  # parses and stores
        second = CachedTTFont(face.name, str(face.path), face.index)  # reads the cache
        assert sorted(vars(first)) == sorted(vars(plain))  # built like reportlab's TTFont
        assert _parsed(first) == _parsed(second) == _parsed(plain)
    assert len(list((tmp_path / "fonts").glob("*.metrics"))) == 2


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFDESK_CACHE_DIR", str(tmp_path))
    CachedTTFont(SONG.name, str(SONG.path), SONG.index)
    [stored] = (tmp_path / "fonts").glob("*.metrics")
    whole = stored.read_bytes()
    plain = _parsed(TTFont(SONG.name, str(SONG.path), subfontIndex=SONG.index))
    flipped = bytearray(whole)
    flipped[-100] ^= 0xFF  # one changed width
    for damage in (whole[: len(whole) // 2], b"not json\n" + whole, b'{"codes": ["q", 3]}\n\x00\x00', bytes(flipped)):
        stored.write_bytes(damage)
        assert _parsed(CachedTTFont(SONG.name, str(SONG.path), SONG.index)) == plain
        assert stored.read_bytes() == whole  # written again


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PERFDESK_CACHE_DIR", str(blocker))  # a file where the folder should be
    plain = _parsed(TTFont(SANS.name, str(SANS.path), subfontIndex=SANS.index))
    assert _parsed(CachedTTFont(SANS.name, str(SANS.path), SANS.index)) == plain


def test_a_pdf_set_with_cached_metrics_is_the_same_file(tmp_path):
    """The first process parses the fonts and stores their metrics; the second reads them."""
    import os
    import subprocess
    import sys
    script = ("import sys; from datetime import datetime; from perfdesk.reports import write_pdf; "
              "from perfdesk.scoring.scheme import DEFAULT_SCHEME; from tests.reports.helpers import load; "
              "write_pdf(sys.argv[1], 'report', [load('002_01'), load('004_04')], DEFAULT_SCHEME, "
              "created=datetime(2026, 3, 25))")
    env = {**os.environ, "PERFDESK_CACHE_DIR": str(tmp_path / "cache")}
    for name in ("parsed.pdf", "cached.pdf"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / name)], check=True, env=env)
    assert len(list((tmp_path / "cache" / "fonts").glob("*.metrics"))) == 2
    assert (tmp_path / "parsed.pdf").read_bytes() == (tmp_path / "cached.pdf").read_bytes()


def test_font_subsets_equal_reportlabs_own(tmp_path, monkeypatch):
    """The glyph table is read glyph by glyph from the mapped file: the embedded subset is the
    same bytes as reportlab makes from its own copy of the file (composite glyphs included)."""
    monkeypatch.setenv("PERFDESK_CACHE_DIR", str(tmp_path))
    for face in (SONG, SANS):
        plain = TTFont(face.name, str(face.path), subfontIndex=face.index).face
        cached = CachedTTFont(face.name, str(face.path), face.index).face
        composite = [code for code, glyph in sorted(plain.charToGlyph.items())[:3000]
                     if _is_composite(plain, glyph)][:20]
        assert composite
        codes = [ord(c) for c in "预算绩效自评表（续）,。0123456789%"] + composite
        assert cached.makeSubset(codes) == plain.makeSubset(codes)


def _is_composite(face, glyph: int) -> bool:
    """A glyph made of other glyphs (negative contour count), whose references a subset renumbers."""
    start = face.get_table_pos("glyf")[0] + face.glyphPos[glyph]
    return face.glyphPos[glyph + 1] > face.glyphPos[glyph] and face._ttf_data[start] & 0x80
