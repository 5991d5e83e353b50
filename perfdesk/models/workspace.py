"""The workspace façade: one object that opens a file, hands out snapshots and applies edits.

The edit commands (models.commands, models.review) are imported by the methods that edit: a
command-line export, which only reads, starts faster without them.
"""
from __future__ import annotations

import functools
import getpass
import json
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path
from typing import Iterable

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee

from perfdesk.models import SUFFIX  # noqa: F401 - defined once in the package, re-exported here
from perfdesk.models import address, backups, database, dialect, faults, integrity, snapshots
from perfdesk.models import audit_trail as trail
from perfdesk.models import messages as msg
from perfdesk.models import schema as s
from perfdesk.models.conflicts import conflict_message
from perfdesk.models.errors import EditConflict, EvaluationFinal, WorkspaceError
from perfdesk.models.migrations import migrate
from perfdesk.scoring.audit import ERROR
from perfdesk.scoring.engine import score_evaluation
from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.scheme import DEFAULT_SCHEME, ScoringScheme
from perfdesk.scoring.signature import DEFAULT_SIGNATURE, SIGNATURE_KEY, SignatureBlock

SCHEME_KEY = "scoring_scheme"
RESTORED = "恢复备份"  # the audit action of a restore
RESTORE_MARKER = "restored"  # a setting changed by every restore: an open view reloads when it sees it change


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

    def __init__(self, path: Path, db: peewee.Database, opened: database.Opened | None = None):
        self.path = path
        self.db = db
        self._opened = opened  # a file's connection and descriptor (database.open_file); None on a server
        self.readonly = opened.readonly if opened is not None else True
        self.upgraded_from = opened.upgraded_from if opened is not None else None  # the backup before an upgrade
        self.readonly_reason = opened.readonly_reason if opened is not None else None  # why it fell back to read-only
        self._watch: tuple | None = None  # (data_version, restore marker) seen by outside_change
        self._settings: dict = {}
        self._scheme: tuple = (None, DEFAULT_SCHEME)
        self._seen: dict[int, int] = {}  # evaluation id -> the version last read or written here
        self._state: dict | None = None  # the (id -> version) map last polled by changes()
        self._written: dict[int, int] = {}  # evaluation id -> the version this workspace's last edit made

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
        """Open an existing workspace; a file open for editing elsewhere raises WorkspaceLocked,
        a damaged one WorkspaceDamaged (carrying its newest good backup).

        With `readonly` a file is a view for as long as it stays open (a window): it never keeps
        an editor out. On read-only media, a network share, or for a file with several names
        (hard links) the workspace opens read-only instead, with `readonly_reason` saying why. A `postgresql://user@host:port/dbname` address opens the
        workspace on that server (models.server); `password` is used only for that connection.
        """
        if address.is_server(path):
            from perfdesk.models.server import ServerWorkspace
            return ServerWorkspace.open(str(path), readonly=readonly, password=password)
        path = Path(path)
        opened = database.open_file(path, "view" if readonly else "edit")
        return cls(path, opened.db, opened)

    @classmethod
    def read(cls, path: str | Path, password: str | None = None) -> "Workspace":
        """Open read-only for a short read (a command): keeps editors of a file waiting until closed."""
        if address.is_server(path):
            return cls.open(path, readonly=True, password=password)
        path = Path(path)
        opened = database.open_file(path, "read")
        return cls(path, opened.db, opened)

    def close(self) -> None:
        if self._opened is not None:
            database.close(self._opened)

    def outside_change(self) -> str | None:
        """For a read-only view of a file: what another program did since the last call —
        "restored" (a backup was copied in), "edited", "replaced" (the path now names another
        file, or none) — or None; the first call only takes note of where things stand. Asks
        SQLite (PRAGMA data_version) and stat: never opens the file."""
        if self._opened is None:
            return None
        if self._opened.file is not None and not self._opened.file.still_there():
            return "replaced"
        try:
            version = self.db.execute_sql("PRAGMA data_version").fetchone()[0]
            if self._watch is not None and version == self._watch[0]:
                return None
            marker = self._read_setting(RESTORE_MARKER)
        except (WorkspaceError, sqlite3.Error, peewee.DatabaseError):
            return "replaced"
        seen, self._watch = self._watch, (version, marker)
        if seen is None:
            return None
        self._settings.clear()
        return "restored" if marker != seen[1] else "edited"

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
        """The evaluations others added, changed or removed since the last call.

        None on the first call, and when the workspace settings changed (reload everything).
        An evaluation whose version is the one this workspace's own edit made is left out: the
        window showed that edit when it was made, and reloading for it again would cost a
        load of every evaluation after each edit. Cheap enough to poll every second: one query
        of ids and versions.
        """
        cursor = self.db.execute_sql("SELECT id, version FROM evaluation")
        state = dict(cursor.fetchall())
        settings = dict(self.db.execute_sql("SELECT key, value FROM setting").fetchall())
        previous, self._state = self._state, {"evaluations": state, "settings": settings}
        if previous is None or previous["settings"] != settings:
            self._settings.clear()
            return None
        old = previous["evaluations"]
        for gone in old.keys() - state.keys():
            # out of sight (deleted, or no longer visible to this role): should it come back at
            # the version this workspace wrote, the window has removed it and must load it again
            self._written.pop(gone, None)
        return {i for i in old.keys() | state.keys()
                if old.get(i) != state.get(i) and (state.get(i) is None or self._written.get(i) != state[i])}

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
    def check(self) -> str:
        """The thorough check (every page and index, besides the checks made at open), as one
        Chinese line; raises WorkspaceDamaged."""
        connection = self.db.connection()
        try:
            integrity.check(connection, thorough=True)
        except integrity.Damaged as exc:
            raise database.damaged(self.path, str(exc)) from None
        evaluations = s.Evaluation.select().count()
        indicators = s.Indicator.select().where(s.Indicator.level == 3).count()
        latest = backups.latest_good(self.path)
        text = msg.CHECK_OK.format(path=self.path, evaluations=evaluations, indicators=indicators)
        return text + (msg.CHECK_NO_BACKUP if latest is None else msg.CHECK_BACKUP.format(taken=latest.taken))

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
            backups.copy_database(self.db.connection(), target, replace=True)
        except (sqlite3.Error, OSError) as exc:
            raise WorkspaceError(msg.BACKUP_FAILED.format(path=target, error=faults.reason(exc))) from None
        return target

    @_bound
    def take_backup(self) -> Path:
        """A rotating backup in the folder beside the workspace (see models.backups)."""
        return backups.take(self.db.connection(), self.path)

    def backups(self) -> list[backups.Backup]:
        return backups.backups(self.path)

    @_bound
    def restore_backup(self, backup: str | Path) -> None:
        """Replace this open workspace's content with a backup's, in one transaction (undoable
        only through another backup: take one first). Recorded in the audit trail."""
        self._guard_writable()
        connection = self.db.connection()
        backups.restore_into(connection, Path(backup))
        try:
            migrate(connection)  # a backup from before an upgrade
        except sqlite3.Error as exc:
            raise WorkspaceError(msg.RESTORE_FAILED.format(path=backup, error=faults.reason(exc))) from None
        self._settings.clear()
        self._scheme = (None, DEFAULT_SCHEME)
        self._seen.clear()
        with self._transaction():
            s.AuditEvent.create(at=datetime.now().isoformat(timespec="seconds"), actor=self.actor,
                                action=RESTORED, target=Path(backup).name)
            s.Setting.insert(key=RESTORE_MARKER, value=json.dumps(uuid.uuid4().hex)).on_conflict_replace().execute()

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
        self._wrote(claimed)
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
        self._wrote(claimed)
        return touched

    @_bound
    def import_evaluations(self, evaluations: list[Evaluation], replacing: Iterable[int] = ()) -> list[int]:
        """Store `evaluations` in one transaction, deleting the tables whose ids are in `replacing`
        in the same step; returns the new ids."""
        from perfdesk.models.commands import CreateEvaluation, DeleteEvaluation
        commands = [CreateEvaluation(e) for e in evaluations]
        self.apply_all([*(DeleteEvaluation(i) for i in replacing), *commands], "导入评价表")
        return [c.created.id for c in commands]

    def set_setting(self, key: str, value) -> None:
        from perfdesk.models.commands import SetSetting
        self.apply(SetSetting(key, value))

    def error_findings(self, evaluation_id: int) -> list:
        """The error-level audit findings of an evaluation as it is stored now."""
        scored = score_evaluation(self.evaluation(evaluation_id), self.scheme())
        return [f for f in scored.findings if f.severity == ERROR]

    def submit(self, evaluation_id: int, note: str | None = None) -> None:
        """提交审核: refused while error-level findings stand unexplained (models.review)."""
        from perfdesk.models import review
        self.apply(review.submit(evaluation_id, len(self.error_findings(evaluation_id)), note))

    def _run(self, command, action, label) -> None:
        self._guard_writable()
        claimed: dict[int, int | None] = {}
        with self._transaction():
            actor = self.actor  # before the action: it may change the user name itself
            evaluation_id = self._claim(command, claimed)
            action()
            self._record(command, label, evaluation_id, actor, claimed)
        self._wrote(claimed)

    def _wrote(self, claimed: dict[int, int | None]) -> None:
        """Note the versions an edit's transaction made, once it committed."""
        made = {k: v for k, v in claimed.items() if v is not None}
        self._seen.update(made)
        self._written.update(made)

    def _transaction(self):
        return _Transaction(self.db)

    def _guard(self, method, *args, **kwargs):
        """Run a bound method; a server workspace reconnects here when its connection was lost.

        For a file, a storage fault while reading (a vanished USB stick, damage SQLite meets
        only now) becomes a WorkspaceError in words, like every other refusal.
        """
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
            if faults.is_damage(exc):
                raise database.damaged(self.path, msg.DAMAGE_UNREADABLE) from None
            raise WorkspaceError(msg.STORAGE_FAILED.format(path=self.path, error=faults.reason(exc))) from None

    def _guard_writable(self) -> None:
        if self.readonly:
            raise WorkspaceError(self.readonly_reason or msg.READ_ONLY)
        if self._opened is not None and self._opened.file is not None and not self._opened.file.still_there():
            raise WorkspaceError(msg.VANISHED.format(path=self.path))

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
        from perfdesk.models.commands import SetSetting
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
            raise WorkspaceError(msg.WRITE_FAILED.format(error=faults.reason(error))) from None
        if isinstance(exc, _STORAGE_ERRORS):
            raise WorkspaceError(msg.WRITE_FAILED.format(error=faults.reason(exc))) from None
        return False
