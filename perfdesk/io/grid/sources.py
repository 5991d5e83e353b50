"""Which grid source reads a file: told by its content (zip or OLE2, and what the package holds),
with the file name only to word a refusal."""
from __future__ import annotations

from pathlib import Path

from perfdesk.io import texts
from perfdesk.io.grid import limits
from perfdesk.io.grid.convert import converted
from perfdesk.io.grid.docx import read_docx
from perfdesk.io.grid.limits import Refusal
from perfdesk.io.grid.model import Grid
from perfdesk.io.grid.package import Package
from perfdesk.io.grid.xls import ole_streams, read_xls
from perfdesk.io.grid.xlsx import is_strict, read_xlsx

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Names offices give their files, and what each is called in a refusal.
FORMAT_NAMES = {".xls": "Excel 97-2003 工作簿（.xls）", ".et": "WPS 表格文件（.et）", ".ett": "WPS 表格模板（.ett）",
                ".doc": "Word 97-2003 文档（.doc）", ".wps": "WPS 文字文件（.wps）", ".xlsx": "Excel 工作簿（.xlsx）",
                ".docx": "Word 文档（.docx）"}
_SHEET_SUFFIXES = (".xls", ".et", ".ett", ".xlsx", ".xlsm", ".xltx")
_OOXML_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".docx", ".docm", ".dotx")


def read_grids(path: Path) -> tuple[list[Grid], list[str]]:
    """The grids of a file and notes about what was left out; raises Refusal (or OSError)."""
    size = path.stat().st_size
    if not path.is_file():
        raise Refusal(texts.NOT_A_FILE)
    if size > limits.MAX_FILE_BYTES:
        raise Refusal(texts.FILE_TOO_LARGE.format(mb=limits.MAX_FILE_BYTES // 1024 // 1024))
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC):
        return _package(path)
    if head == OLE2_MAGIC:
        return _ole2(path, suffix)
    if suffix in (".et", ".ett", ".wps", ".doc"):
        return _convert(path, suffix)
    if suffix in FORMAT_NAMES or suffix in _SHEET_SUFFIXES or suffix in _OOXML_SUFFIXES:
        raise Refusal(texts.NOT_A_TABLE_FILE.format(what=FORMAT_NAMES.get(suffix, suffix)))
    raise Refusal(texts.UNSUPPORTED_SUFFIX.format(suffix=suffix or texts.NO_SUFFIX))


def _package(path: Path) -> tuple[list[Grid], list[str]]:
    with Package(path) as package:
        main = package.main_part() or ""
    if main.startswith("word/") or main.endswith("document.xml"):
        return read_docx(path)
    if main.startswith("xl/") or "workbook" in main:
        grids, notes = read_xlsx(path)
        if is_strict(path):
            notes.insert(0, texts.READ_STRICT)
        return grids, notes
    raise Refusal(texts.NO_WORKBOOK_PART)


def _ole2(path: Path, suffix: str) -> tuple[list[Grid], list[str]]:
    data = path.read_bytes()
    streams = ole_streams(data)
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise Refusal(texts.ENCRYPTED)
    if streams & {"Workbook", "Book"}:
        if suffix in _OOXML_SUFFIXES:
            raise Refusal(texts.RENAMED_OLD_FORMAT.format(what=FORMAT_NAMES[".xls"], suffix=suffix, right=".xls"))
        grids, notes = read_xls(path, data)
        return grids, ([texts.READ_AS_XLS.format(suffix=suffix)] if suffix != ".xls" else []) + notes
    if "WordDocument" in streams:
        if suffix in _OOXML_SUFFIXES:
            raise Refusal(texts.RENAMED_OLD_FORMAT.format(what=FORMAT_NAMES[".doc"], suffix=suffix, right=".doc"))
        return _convert(path, ".doc")
    return _convert(path, suffix)


def _convert(path: Path, suffix: str) -> tuple[list[Grid], list[str]]:
    what = FORMAT_NAMES.get(suffix, suffix)
    target = "xlsx" if suffix in _SHEET_SUFFIXES else "docx"
    with converted(path, target, what) as result:
        grids, notes = read_xlsx(result) if target == "xlsx" else read_docx(result)
    return grids, [texts.CONVERTED.format(what=what, target=target)] + notes
