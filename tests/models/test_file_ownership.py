"""Every place in the code that opens, reads, writes or replaces a file, checked against the rule
in perfdesk/models/ownership.py (one owner of a workspace file).

If this test fails for your new code: a descriptor of the open workspace closed anywhere in
the editing process drops SQLite's locks, and another program may then delete the edits.
Make sure the path cannot be the open workspace (call `ownership.check_user_path` or
`ownership.refuse_open_workspace` first, or only touch files the program made itself), then
add the call below with the reason it is safe.
"""
from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "perfdesk"

# Calls that open, write, replace or delete a file: exact dotted names, or a last name part.
QUALIFIED = {
    "open", "io.open", "codecs.open", "os.open", "os.fdopen", "os.replace", "os.rename", "os.link", "os.unlink",
    "os.remove", "sqlite3.connect", "peewee.SqliteDatabase", "SqliteDatabase", "zipfile.ZipFile", "ZipFile",
    "openpyxl.load_workbook", "load_workbook", "xlrd.open_workbook", "open_workbook", "docx.Document",
    "pypdfium2.PdfDocument", "PdfDocument", "QFile", "QSaveFile", "QMimeDatabase", "QFileIconProvider", "QSettings",
    "QImageReader", "TTFont",
}
PREFIXES = ("shutil.copy", "shutil.move", "shutil.rmtree", "tempfile.", "QFileDialog")
METHODS = {"read_bytes", "read_text", "write_bytes", "write_text", "open", "unlink", "serialize", "backup",
           "addApplicationFont", "mimeTypeForFile"}
ONE_ARGUMENT_METHODS = {"replace", "rename"}  # Path.replace(target); str.replace takes two
# The sanctioned ways to open a workspace.
WORKSPACE_ENTRIES = {"Workspace.open", "Workspace.read", "Workspace.create", "cls.open", "WorkspaceFile.open",
                     "database.open_file", "ServerWorkspace.open", "server.ServerWorkspace.open"}


def _opens(node: ast.Call, name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    if name in WORKSPACE_ENTRIES:
        return False
    if name in QUALIFIED or name.startswith(PREFIXES):
        return True
    if "." in name and last in METHODS:
        return True
    return "." in name and last in ONE_ARGUMENT_METHODS and len(node.args) == 1 and not node.keywords


# (module, call) -> why it cannot touch an open workspace behind the editor's back.
ALLOWED = {
    ("models/filelock.py", "os.open"): "the workspace's own descriptor: the one the lock lives on",
    ("models/database.py", "sqlite3.connect"): "SQLite: checks through read-only/immutable connections, "
                                                "upgrades under the edit lock, in-memory copies",
    ("models/database.py", "peewee.SqliteDatabase"): "SQLite: the workspace's connection",
    ("models/database.py", "connection.serialize"): "an in-memory database",
    ("models/database.py", "source.backup"): "SQLite's backup API, from an immutable source into memory",
    ("models/database.py", "unlink"): "a -shm file this editor created for a file it refuses",
    ("models/integrity.py", "sqlite3.connect"): "an in-memory database",
    ("models/backups.py", "sqlite3.connect"): "a backup file (never the open workspace: checked), immutable",
    ("models/backups.py", "connection.serialize"): "reads through the open connection itself",
    ("models/backups.py", "source.backup"): "SQLite's backup API into the editing connection",
    ("models/backups.py", "unlink"): "old backups beyond the rotation",
    ("models/backups.py", "os.link"): "replace_damaged: a damaged workspace nobody has open (its edit lock held)",
    ("models/backups.py", "os.replace"): "replace_damaged: the damaged file's -wal/-shm moved aside with it",
    ("models/atomic.py", "os.open"): "its own new temporary files, and their folder",
    ("models/atomic.py", "os.replace"): "over a target checked by refuse_open_workspace",
    ("models/atomic.py", "os.rename"): "to a name checked not to exist",
    ("models/atomic.py", "os.link"): "to a name that must not exist",
    ("models/atomic.py", "unlink"): "its own temporary files",
    ("models/location.py", "open"): "/proc/mounts",
    ("models/ownership.py", "open"): "the header of an export's target, checked not to be open here",
    ("models/filelock.py", "read_text"): "the note of who edits, beside the workspace (never a workspace)",
    ("atomic_write.py", "tempfile.mkstemp"): "the export writer: its own new temporary file",
    ("atomic_write.py", "os.fdopen"): "the export writer: its own new temporary file",
    ("atomic_write.py", "os.replace"): "the export writer: over a target its callers checked (refuse_open_workspace)",
    ("atomic_write.py", "os.unlink"): "the export writer: its own temporary file",
    ("io/files.py", "atomic_write.write_bytes"): "after ownership.refuse_export_target",
    ("reports/pdf/document.py", "atomic_write.write_bytes"): "after ownership.refuse_export_target",
    ("reports/word/render.py", "atomic_write.write_bytes"): "after ownership.refuse_export_target",
    ("io/files.py", "read_bytes"): "after ownership.check_user_path",
    ("io/grid/sources.py", "path.open"): "after ownership.check_user_path (reader.read_file)",
    ("io/grid/sources.py", "path.read_bytes"): "after ownership.check_user_path (reader.read_file)",
    ("io/grid/package.py", "zipfile.ZipFile"): "after ownership.check_user_path (reader.read_file)",
    ("io/grid/package.py", "self.zip.open"): "a member of the zip archive",
    ("io/grid/docx.py", "docx.Document"): "after ownership.check_user_path (reader.read_file)",
    ("io/grid/xls.py", "path.read_bytes"): "after ownership.check_user_path (reader.read_file)",
    ("io/grid/xls.py", "xlrd.open_workbook"): "after ownership.check_user_path (reader.read_file)",
    ("io/grid/convert.py", "tempfile.TemporaryDirectory"): "its own folder for LibreOffice's output",
    ("io/templates.py", "path.read_text"): "a template among the program's resources",
    ("io/demo.py", "DEMO_TABLE.read_text"): "the demo table among the program's resources",
    ("models/copying.py", "unlink"): "the new file it was copying into (closed), after a failure",
    ("reports/pdf/fontcache.py", "open"): "fonts (resources, Windows' font folder) and the program's font cache",
    ("reports/pdf/fontcache.py", "tempfile.mkstemp"): "a new file in the program's font cache",
    ("reports/pdf/fontcache.py", "os.fdopen"): "a new file in the program's font cache",
    ("reports/pdf/fontcache.py", "os.replace"): "within the program's font cache",
    ("reports/pdf/fontcache.py", "os.unlink"): "its own temporary file in the font cache",
    ("ui/app.py", "QFontDatabase.addApplicationFont"): "the bundled font",
    ("ui/preferences.py", "QSettings"): "the program's own settings file",
    ("ui/pdf_preview.py", "pypdfium2.PdfDocument"): "the PDF just written by write_atomic (checked)",
    ("ui/file_dialogs.py", "QFileDialog"): "the one place dialogs are made: they never sniff files",
}


def _dotted(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value) or '(…)'}.{node.attr}"
    return ""


@functools.lru_cache(maxsize=1)
def _calls() -> tuple:
    return tuple(_scan())


def _scan():
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = _dotted(node.func)
                if name and _opens(node, name):
                    yield module, name, node.lineno


def _allowed(module: str, name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return (module, name) in ALLOWED or (module, last) in ALLOWED


def test_every_call_that_opens_a_file_is_known_to_keep_the_rule():
    unknown = [f"perfdesk/{m}:{line}: {name}(…)" for m, name, line in _calls() if not _allowed(m, name)]
    assert not unknown, ("These calls open, write or replace a file but are not checked against the rule in "
                         "perfdesk/models/ownership.py (see this test's docstring):\n" + "\n".join(unknown))


def test_the_list_has_no_stale_entries():
    found = {(m, n) for m, n, _ in _calls()} | {(m, n.rsplit(".", 1)[-1]) for m, n, _ in _calls()}
    stale = sorted(key for key in ALLOWED if key not in found)
    assert not stale, f"remove these entries, the code no longer has them: {stale}"


def test_no_file_dialog_outside_the_one_that_never_sniffs():
    users = {m for m, name, _ in _calls() if name.startswith("QFileDialog")}
    assert users == {"ui/file_dialogs.py"}, users
