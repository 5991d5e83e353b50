"""Reading evaluation tables from files and writing exports, with Chinese refusals."""
from __future__ import annotations

from pathlib import Path

from perfdesk import atomic_write
from perfdesk.io import exchange, texts
from perfdesk.io.refusal import ImportRefused
from perfdesk.models import WorkspaceError, faults, ownership
from perfdesk.scoring.evaluation import Evaluation

MAX_JSON_BYTES = 50 * 1024 * 1024

__all__ = ["ImportRefused", "read_tables", "read_text", "write_atomically", "write_bytes_atomically"]


def read_tables(path: Path, default_year: int | None = None) -> list[Evaluation]:
    """Evaluations from a JSON exchange file, a workbook (.xlsx/.xls) or a Word document; raises
    ImportRefused. Tables without a year get `default_year` (else last year)."""
    path = Path(path)
    try:
        ownership.check_user_path(path)  # never the open workspace; never a FIFO that blocks
    except WorkspaceError as exc:
        raise ImportRefused(str(exc)) from None
    if path.suffix.lower() != ".json":
        from perfdesk.io.reader import read_file  # the readers' libraries only when a table file is read
        return read_file(path, default_year).evaluations
    try:
        return exchange.loads(read_text(path))
    except exchange.ExchangeError as exc:
        raise ImportRefused(f"{path.name}：{exc}") from None


def read_text(path: Path) -> str:
    """A JSON file's text (UTF-8), refused in Chinese when missing, unreadable or too large."""
    path = Path(path)
    try:
        ownership.check_user_path(path)
    except WorkspaceError as exc:
        raise ImportRefused(str(exc)) from None
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise ImportRefused(f"{path.name}：" + texts.FILE_TOO_LARGE.format(mb=MAX_JSON_BYTES // 1024 // 1024))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(texts.FILE_MISSING.format(path=path)) from None
    except OSError as exc:
        raise ImportRefused(texts.FILE_UNREADABLE.format(path=path, reason=faults.reason(exc))) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(f"{path.name}：不是 UTF-8 编码的 JSON 文件") from None


def write_atomically(path: Path, text: str) -> None:
    """Write next to the target and rename, so a failed export never leaves half a file."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Raises WorkspaceError for a workspace file or its side files (ownership.refuse_export_target)."""
    ownership.refuse_export_target(path)
    atomic_write.write_bytes(Path(path), data)
