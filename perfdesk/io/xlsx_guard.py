"""Checks run on the raw file before openpyxl reads it, so hostile files fail fast and cheaply.

Refuses: OLE2 containers (password-protected workbooks and old .xls), non-zip files, truncated
zips, zip bombs (declared sizes and compression ratios), and sheets with too many rows (counted
while streaming the sheet XML, stopping as soon as the limit is passed).
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from perfdesk.io import texts

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed ÷ compressed, checked for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 100
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
_SHEET = re.compile(r"xl/worksheets/sheet\d+\.xml")
_CHUNK = 64 * 1024


class Refusal(ValueError):
    """The file is refused; the message is Chinese (without the file name)."""


def check_file(path: Path) -> None:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise Refusal(texts.FILE_TOO_LARGE.format(mb=MAX_FILE_BYTES // 1024 // 1024))
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == OLE2_MAGIC:
        raise Refusal(texts.ENCRYPTED)
    if not magic.startswith(ZIP_MAGIC):
        raise Refusal(texts.NOT_XLSX)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(archive)
            for name in archive.namelist():
                if _SHEET.fullmatch(name):
                    _check_rows(archive, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        raise Refusal(texts.BROKEN_ZIP) from None  # a damaged deflate stream raises zlib.error


def _check_members(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if "xl/workbook.xml" not in {i.filename for i in infos}:
        raise Refusal(texts.NO_WORKBOOK_PART)
    total = sum(i.file_size for i in infos)
    bomb = any(i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos)
    if total > MAX_UNCOMPRESSED or bomb:
        raise Refusal(texts.ZIP_BOMB.format(mb=total // 1024 // 1024))


def _check_rows(archive: zipfile.ZipFile, name: str) -> None:
    """Count <row elements while decompressing; stop at the first chunk past the limit."""
    rows = 0
    tail = b""
    with archive.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            rows += data.count(b"<row ") + data.count(b"<row>") - tail.count(b"<row ") - tail.count(b"<row>")
            if rows > MAX_ROWS:
                raise Refusal(texts.TOO_MANY_ROWS_PART.format(part=name.rsplit("/", 1)[-1], limit=MAX_ROWS))
            tail = data[-5:]
