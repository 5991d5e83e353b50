"""Shared helpers for the workspace-layer tests (imported as a plain module: `import helpers`)."""
from __future__ import annotations

import hashlib
import os
import json
import re
import sqlite3
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = REPO_ROOT / "tests" / "data" / "fixtures"
DATA_DIR = REPO_ROOT / "tests" / "data"

CHINESE = re.compile(r"[\u4e00-\u9fff]")

# Tables whose rows make up the document (the audit trail is checked separately).
DOCUMENT_TABLES = ("evaluation", "fund_line", "indicator", "fund_management", "setting")
ALL_TABLES = DOCUMENT_TABLES + ("audit_event",)


def fixture_files() -> list[Path]:
    return sorted(FIXTURES_DIR.glob("*.json"))


def fixture(stem_prefix: str) -> Path:
    """The fixture whose file name starts with `stem_prefix` (e.g. "004_04")."""
    found = [p for p in fixture_files() if p.name.startswith(stem_prefix)]
    assert len(found) == 1, f"no single fixture for {stem_prefix}: {found}"
    return found[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def has_chinese(text: str) -> bool:
    return bool(CHINESE.search(text))


def side_files(path: Path) -> list[str]:
    """SQLite side files (-wal, -shm, -journal) next to `path`."""
    path = Path(path)
    return sorted(p.name for p in path.parent.glob(path.name + "-*")
                  if p.name.endswith(("-wal", "-shm", "-journal")))


def strict_json(text: str):
    """Parsed JSON that keeps key order and number spelling, so int/float/"1.50" all differ."""
    return json.loads(text, object_pairs_hook=lambda pairs: ("obj", pairs),
                      parse_float=lambda s: ("float", s), parse_int=lambda s: ("int", s))


# Bookkeeping that every edit changes, undo included: not part of the document.
VOLATILE_COLUMNS = ("version",)


def _rows(cursor) -> list[tuple]:
    keep = [i for i, d in enumerate(cursor.description) if d[0] not in VOLATILE_COLUMNS]
    return [tuple(row[i] for i in keep) for row in cursor.fetchall()]


def dump_tables(db_or_path, tables=DOCUMENT_TABLES) -> dict:
    """Every row of the given tables, ordered by key: exact ids, positions and stored text
    (without the version bookkeeping). Takes a file path or an open peewee database."""
    if isinstance(db_or_path, (str, Path)):
        connection = sqlite3.connect(f"{Path(db_or_path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return {t: _rows(connection.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in tables}
        finally:
            connection.close()
    return {t: _rows(db_or_path.execute_sql(f"SELECT * FROM {t} ORDER BY 1")) for t in tables}


def orphans(db) -> list:
    """Rows whose evaluation or parent row is missing (what a broken foreign key would leave)."""
    checks = [
        "SELECT 'indicator', id FROM indicator WHERE evaluation_id NOT IN (SELECT id FROM evaluation)"
        " OR (parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM indicator))",
        "SELECT 'fund_line', id FROM fund_line WHERE evaluation_id NOT IN (SELECT id FROM evaluation)",
        "SELECT 'fund_management', id FROM fund_management WHERE evaluation_id NOT IN (SELECT id FROM evaluation)",
    ]
    return [row for sql in checks for row in db.execute_sql(sql).fetchall()]


def read_fixture_tables(*prefixes: str):
    from perfdesk.io.files import read_tables
    return [t for p in prefixes for t in read_tables(fixture(p))]


def fill_disk(folder: Path) -> Path:
    """Write zeros into `folder` until its file system is full; the file written."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        return filler
    finally:
        os.close(fd)
