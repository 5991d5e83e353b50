"""The workspace façade: one object that opens a file, hands out snapshots and applies edits."""
from __future__ import annotations

import functools
import getpass
import json
import sqlite3
from datetime import datetime
from pathlib import Path

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee

from perfdesk.models import SUFFIX  # noqa: F401 - defined once in the package, re-exported here
from perfdesk.models import address, backups, database, dialect, location, review, snapshots
from perfdesk.models import audit_trail as trail
from perfdesk.models import messages as msg
from perfdesk.models import schema as s
from perfdesk.models.commands import CreateEvaluation, SetSetting
from perfdesk.models.conflicts import conflict_message
from perfdesk.models.errors import EditConflict, EvaluationFinal, WorkspaceError, WorkspaceLocked
from perfdesk.models.filelock import FileLock
from perfdesk.scoring.audit import ERROR
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme
from perfdesk.scoring.signature import DEFAULT_SIGNATURE, SIGNATURE_KEY, SignatureBlock

SCHEME_KEY = "scoring_scheme"


def _bound(method):
    """Run with the models bound to this workspace's database, so several can be open at once."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self.db.bind_ctx(s.MODELS):
            return self._guard(method, *args, **kwargs)
    return run


class Workspace:
    """An open workspace: a file, or (models.server.ServerWorkspace) a PostgreSQL database.

    Use `Workspace.open` / `Workspace.create` with a path or a `postgresql://` address; close
    when done. Every edit is checked against the version of its evaluation this workspace last
    read, so an edit based on what another editor has since changed is refused (EditConflict).
    """

    is_server = False

    def __init__(self, path: Path, db: peewee.SqliteDatabase, lock: FileLock | None,
                 upgraded_from: Path | None = None, readonly_reason: str | None = None):
        self.path = path
        self.db = db
        self._lock = lock
        self.readonly = lock is None
        self.upgraded_from = upgraded_from  # the backup written before an upgrade, if any
        self.readonly_reason = readonly_reason  # why an edit-open fell back to read-only
        self._settings: dict = {}
        self._scheme: tuple = (None, DEFAULT_SCHEME)
        self._seen: dict[int, int] = {}  # evaluation id -> the version last read or written here
        self._state: dict | None = None  # the (id -> version) map last polled by changes()

    # -- opening and closing -------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, password: str | None = None) -> "Workspace":
        """A new, empty workspace: a file, or the schema in an empty PostgreSQL database."""
        if address.is_server(path):
            from perfdesk.models.server import ServerWorkspace
            return ServerWorkspace.create(str(path), password=password)
        path = Path(path)
        database.create_file(path)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False, password: str | None = None) -> "Workspace":
        """Open an existing workspace; a file open for editing elsewhere raises WorkspaceLocked.

        On read-only media or a network share the workspace opens read-only instead, with
        `readonly_reason` saying why. A `postgresql://user@host:port/dbname` address opens the
        workspace on that server (models.server); `password` is used only for that connection.
        """
        if address.is_server(path):
            from perfdesk.models.server import ServerWorkspace
            return ServerWorkspace.open(str(path), readonly=readonly, password=password)
        path = Path(path)
        version = database.inspect_file(path)
        reason = location.readonly_reason(path)
        if readonly or reason:
            copy = reason is not None or version < database.CURRENT_VERSION
            try:
                db = database.copy_in_memory(path, immutable=reason is not None) if copy \
                    else database.connect(path, readonly=True)
            except (sqlite3.Error, peewee.DatabaseError) as exc:
                raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=exc)) from None
            return cls(path, db, None, readonly_reason=reason)
        lock = FileLock(path)
        try:
            locked = lock.acquire()
        except OSError as exc:
            raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=exc.strerror)) from None
        if not locked:
            raise WorkspaceLocked(msg.LOCKED.format(holder=lock.holder() or msg.HOLDER_UNKNOWN))
        try:
            backup = database.upgrade_file(path, version) if version < database.CURRENT_VERSION else None
            return cls(path, database.connect(path, readonly=False), lock, backup)
        except (sqlite3.Error, peewee.DatabaseError, OSError) as exc:
            lock.release()
            raise WorkspaceError(msg.CANNOT_READ.format(path=path, error=exc)) from None

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def location(self) -> str:
        """Where the workspace lives, fit to show and to remember (a path, or an address without password)."""
        return str(self.path)

    @property
    def role(self) -> str | None:
        """The database role edits are made as (servers only)."""
        return None

    # -- reading -------------------------------------------------------------------------
    @_bound
    def evaluations(self, ids: list[int] | None = None) -> list[Evaluation]:
        return self._saw(snapshots.load(ids))

    @_bound
    def evaluation(self, evaluation_id: int) -> Evaluation:
        found = snapshots.load([evaluation_id])
        if not found:
            raise WorkspaceError(msg.NO_EVALUATION.format(id=evaluation_id))
        return self._saw(found)[0]

    def _saw(self, evaluations: list[Evaluation]) -> list[Evaluation]:
        for ev in evaluations:
            self._seen[ev.id] = ev.version
        return evaluations

    @_bound
    def changes(self) -> set[int] | None:
        """The evaluations added, changed or removed (by anyone) since the last call.

        None on the first call, and when the workspace settings changed (reload everything).
        Cheap enough to poll every second: one query of ids and versions.
        """
        cursor = self.db.execute_sql("SELECT id, version FROM evaluation")
        state = dict(cursor.fetchall())
        settings = dict(self.db.execute_sql("SELECT key, value FROM setting").fetchall())
        previous, self._state = self._state, {"evaluations": state, "settings": settings}
        if previous is None or previous["settings"] != settings:
            self._settings.clear()
            return None
        old = previous["evaluations"]
        return {i for i in old.keys() | state.keys() if old.get(i) != state.get(i)}

    @_bound
    def evaluation_ids(self) -> list[int]:
        query = s.Evaluation.select(s.Evaluation.id).order_by(s.Evaluation.year, s.Evaluation.id)
        return [row.id for row in query]

    def setting(self, key: str, default=None):
        """A workspace setting. Read once and kept: only SetSetting commands here change them
        (a read-only view reads afresh, since the editing program may change them)."""
        if self.readonly or key not in self._settings:
            self._settings[key] = self._read_setting(key)
        value = self._settings[key]
        return default if value is None else value

    @_bound
    def _read_setting(self, key: str):
        row = s.Setting.get_or_none(s.Setting.key == key)
        return None if row is None else json.loads(row.value)

    def scheme(self) -> ScoringScheme:
        """The workspace's scoring scheme; the default when none (or an unreadable one) is stored."""
        stored = self.setting(SCHEME_KEY)
        if stored != self._scheme[0]:
            try:
                self._scheme = (stored, ScoringScheme.from_dict(stored) if stored else DEFAULT_SCHEME)
            except ValueError:
                self._scheme = (stored, DEFAULT_SCHEME)
        return self._scheme[1]

    def signature_block(self) -> SignatureBlock:
        """The lines of the signature block (setting `signature_block`, see scoring.signature);
        the official default when none (or an unreadable one) is stored."""
        stored = self.setting(SIGNATURE_KEY)
        try:
            return SignatureBlock.from_dict(stored) if stored is not None else DEFAULT_SIGNATURE
        except ValueError:
            return DEFAULT_SIGNATURE

    @_bound
    def audit_trail(self, evaluation_id: int | None = None) -> list[s.AuditEvent]:
        query = s.AuditEvent.select().order_by(s.AuditEvent.id)
        if evaluation_id is not None:
            query = query.where(s.AuditEvent.evaluation_id == evaluation_id)
        return list(query)

    @_bound
    def audit_entries(self, chosen: trail.AuditFilter = trail.AuditFilter()) -> list[trail.AuditEntry]:
        """The audit trail in words (who, when, what, old → new), newest first, filtered."""
        return trail.entries(chosen)

    @_bound
    def audit_actors(self) -> list[str]:
        return trail.actors()

    @_bound
    def backup_to(self, target: str | Path) -> Path:
        """A consistent copy of the open workspace (SQLite backup API), e.g. for 另存为 or 备份."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise WorkspaceError(msg.SAME_FILE)
        try:
            backups.copy_database(self.db.connection(), target)
        except (sqlite3.Error, OSError) as exc:
            raise WorkspaceError(msg.BACKUP_FAILED.format(path=target, error=exc)) from None
        return target

    @_bound
    def take_backup(self) -> Path:
        """A rotating backup in the folder beside the workspace (see models.backups)."""
        return backups.take(self.db.connection(), self.path)

    def backups(self) -> list[backups.Backup]:
        return backups.backups(self.path)

    # -- editing -------------------------------------------------------------------------
    @property
    def actor(self) -> str:
        return self.setting("user_name") or getpass.getuser()

    @_bound
    def apply(self, command) -> None:
        """Apply a command in one transaction with its audit event; refused edits change nothing."""
        self._run(command, command.apply, command.label)

    @_bound
    def revert(self, command) -> None:
        self._run(command, command.revert, f"撤销{command.label}")

    @_bound
    def apply_all(self, commands, label: str) -> set[int | None]:
        """Several commands as one transaction (an import, a paste); returns the evaluations touched."""
        self._guard_writable()
        touched = set()
        with self._transaction():
            actor = self.actor
            claimed: dict[int, int | None] = {}
            for command in commands:
                evaluation_id = self._claim(command, claimed)
                command.apply()
                touched.add(self._record(command, label, evaluation_id, actor, claimed))
        self._seen.update((k, v) for k, v in claimed.items() if v is not None)
        return touched

    @_bound
    def revert_all(self, commands, label: str) -> set[int | None]:
        """Undo several commands (in reverse order) as one transaction; returns the evaluations touched."""
        self._guard_writable()
        touched = set()
        with self._transaction():
            actor = self.actor
            claimed: dict[int, int | None] = {}
            for command in reversed(commands):
                evaluation_id = self._claim(command, claimed)
                command.revert()
                touched.add(self._record(command, f"撤销{label}", evaluation_id, actor, claimed))
        self._seen.update((k, v) for k, v in claimed.items() if v is not None)
        return touched

    @_bound
    def import_evaluations(self, evaluations: list[Evaluation]) -> list[int]:
        commands = [CreateEvaluation(e) for e in evaluations]
        self.apply_all(commands, "导入评价表")
        return [c.created.id for c in commands]

    def set_setting(self, key: str, value) -> None:
        self.apply(SetSetting(key, value))

    def error_findings(self, evaluation_id: int) -> list:
        """The error-level audit findings of an evaluation as it is stored now."""
        scored = score_evaluation(self.evaluation(evaluation_id), self.scheme())
        return [f for f in scored.findings if f.severity == ERROR]

    def submit(self, evaluation_id: int, note: str | None = None) -> None:
        """提交审核: refused while error-level findings stand unexplained (models.review)."""
        self.apply(review.submit(evaluation_id, len(self.error_findings(evaluation_id)), note))

    def _run(self, command, action, label) -> None:
        self._guard_writable()
        claimed: dict[int, int | None] = {}
        with self._transaction():
            actor = self.actor  # before the action: it may change the user name itself
            evaluation_id = self._claim(command, claimed)
            action()
            self._record(command, label, evaluation_id, actor, claimed)
        self._seen.update((k, v) for k, v in claimed.items() if v is not None)

    def _transaction(self):
        return _Transaction(self.db)

    def _guard(self, method, *args, **kwargs):
        """Run a bound method; a server workspace reconnects here when its connection was lost."""
        return method(self, *args, **kwargs)

    def _guard_writable(self) -> None:
        if self.readonly:
            raise WorkspaceError(msg.READ_ONLY)

    def _claim(self, command, claimed: dict[int, int]) -> int | None:
        """The evaluation a command touches (looked up before it runs), given a new version.

        Refuses final ones (and, on a server, submitted ones) unless the command unlocks, and
        refuses when the evaluation changed since this workspace last read it: the row stays
        locked to this transaction from here on, so two editors of one evaluation take turns
        and the second is told, while editors of different evaluations never wait for each other.
        """
        evaluation_id = command.evaluation_id()
        if evaluation_id is None or evaluation_id in claimed:
            return evaluation_id
        db = s.Evaluation._meta.database
        seen = self._seen.get(evaluation_id)
        # One statement takes the row lock, checks the version and hands out the new one.
        sql = (f"UPDATE evaluation SET version = {dialect.next_version(db).sql} WHERE id = {db.param}"
               + ("" if seen is None else f" AND version = {db.param}") + " RETURNING status, version")
        found = db.execute_sql(sql, (evaluation_id,) if seen is None else (evaluation_id, seen)).fetchone()
        if found is None:
            if s.Evaluation.select(s.Evaluation.id).where(s.Evaluation.id == evaluation_id).scalar() is None:
                claimed[evaluation_id] = None  # gone (or never there): the command restores it or refuses
                return evaluation_id
            raise EditConflict(conflict_message(evaluation_id), evaluation_id)
        status, version = found
        if not getattr(command, "unlocks", False):
            self._refuse_locked(status)
        claimed[evaluation_id] = version
        return evaluation_id

    def _refuse_locked(self, status: str) -> None:
        if status == "final":
            raise EvaluationFinal(msg.FINAL)
        if status == "submitted":
            raise EvaluationFinal(msg.SUBMITTED)

    def _record(self, command, label, evaluation_id, actor, claimed) -> int | None:
        if isinstance(command, SetSetting):
            self._settings.pop(command.key, None)
        target, old, new = command.audit()
        created = getattr(command, "created", None)
        if evaluation_id is None and created is not None:
            evaluation_id = created.id
        if evaluation_id is not None and claimed.get(evaluation_id) is None:  # created or restored just now
            version = s.Evaluation.select(s.Evaluation.version).where(s.Evaluation.id == evaluation_id).scalar()
            if version is not None:
                claimed[evaluation_id] = version
        s.AuditEvent.create(
            at=datetime.now().isoformat(timespec="seconds"),
            actor=actor,
            evaluation_id=evaluation_id,
            action=label,
            target=target,
            old=old,
            new=new,
            role=self.role,
        )
        return evaluation_id


# A full disk, an I/O error, or a constraint the checks above let through: rolled back, reported.
_STORAGE_ERRORS = (sqlite3.OperationalError, sqlite3.IntegrityError, peewee.OperationalError, peewee.IntegrityError)


class _Transaction:
    """db.atomic() that turns storage failures (disk full, I/O) into a WorkspaceError."""

    def __init__(self, db):
        self._atomic = db.atomic()

    def __enter__(self):
        self._atomic.__enter__()

    def __exit__(self, exc_type, exc, tb):
        try:
            self._atomic.__exit__(exc_type, exc, tb)
        except _STORAGE_ERRORS as error:
            raise WorkspaceError(msg.WRITE_FAILED.format(error=error)) from None
        if isinstance(exc, _STORAGE_ERRORS):
            raise WorkspaceError(msg.WRITE_FAILED.format(error=exc)) from None
        return False
