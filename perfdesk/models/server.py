"""A workspace on a PostgreSQL server: connecting, creating and upgrading the schema, the
database role edits are made as, and PostgreSQL's refusals turned into Chinese sentences.

The same models, snapshots and edit commands run here as on a workspace file; what differs
is in this module (and in models.dialect). psycopg 3 finds passwords the PostgreSQL way
(.pgpass, a service file, PGPASSWORD); perfdesk never stores one.
"""
from __future__ import annotations

import re
from pathlib import Path

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee
import psycopg

from perfdesk.models import address, migrations
from perfdesk.models import messages as msg
from perfdesk.models.drivers import postgresql_ready
from perfdesk.models.errors import PasswordRequired, ServerUnavailable, WorkspaceError
from perfdesk.models.workspace import Workspace

CONNECT_TIMEOUT = 5  # seconds
# Ask the server to say a blocked statement is stuck rather than wait forever for a lock.
LOCK_TIMEOUT_MS = 10_000

postgresql_ready()  # peewee was loaded without psycopg (models.drivers)


def original(exc: BaseException) -> BaseException:
    """The psycopg error peewee wrapped (peewee passes it as the first argument)."""
    if isinstance(exc, psycopg.Error):
        return exc
    if exc.args and isinstance(exc.args[0], psycopg.Error):
        return exc.args[0]
    return exc.__cause__ or exc.__context__ or exc


def connection_message(url: str, exc: BaseException) -> WorkspaceError:
    """A refused or failed connection, in Chinese, with the reason libpq gave."""
    text = str(original(exc)).strip()
    lowered = text.lower()
    parts = address.urlsplit(url)
    where = f"{parts.hostname or '本机'}:{parts.port or 5432}"
    if "no password supplied" in lowered or "password is required" in lowered:
        return PasswordRequired(msg.PASSWORD_REQUIRED.format(user=parts.username or ""))
    if "password authentication failed" in lowered:
        return WorkspaceError(msg.BAD_PASSWORD.format(user=parts.username or ""))
    if "database" in lowered and "does not exist" in lowered:
        return WorkspaceError(msg.NO_DATABASE.format(database=address.database_name(url), where=where))
    if "role" in lowered and "does not exist" in lowered:
        return WorkspaceError(msg.NO_ROLE.format(user=parts.username or "", where=where))
    first = text.splitlines()[0] if text else type(exc).__name__
    return ServerUnavailable(msg.CANNOT_CONNECT.format(where=where, error=first))


class _Database(peewee.PostgresqlDatabase):
    def _initialize_connection(self, conn):
        super()._initialize_connection(conn)
        # JIT compiling is for long reports: for a workspace's short queries it costs more than
        # it saves (tens of ms when the row-level security's cost estimates look high). Servers
        # without JIT (before PostgreSQL 11, some compatible ones) do not know the setting.
        try:
            conn.execute("SET jit = off")
        except psycopg.errors.UndefinedObject:
            pass


def connect(url: str, password: str | None = None, readonly: bool = False) -> peewee.PostgresqlDatabase:
    """An open connection (autocommit outside transactions, as peewee expects)."""
    options = f"-c lock_timeout={LOCK_TIMEOUT_MS}" + (" -c default_transaction_read_only=on" if readonly else "")
    params = {"connect_timeout": CONNECT_TIMEOUT, "application_name": "perfdesk", "options": options}
    if password:
        params["password"] = password
    db = _Database(address.check(url), prefer_psycopg3=True, **params)
    try:
        db.connect()
    except (peewee.DatabaseError, psycopg.Error) as exc:
        raise connection_message(url, exc) from None
    return db


def run_script(db, sql: str) -> None:
    """Run SQL text with no parameters (percent signs and $$ bodies left alone)."""
    db.connection().execute(sql)


def schema_version(db) -> int | None:
    """The workspace schema version in this database; None when it holds no perfdesk workspace."""
    found = db.execute_sql("SELECT to_regclass('perfdesk_schema') IS NOT NULL").fetchone()[0]
    if not found:
        return None
    return db.execute_sql("SELECT version FROM perfdesk_schema").fetchone()[0]


class ServerRows:
    """A data migration's reads and updates on PostgreSQL (psycopg marks parameters with %s)."""

    def __init__(self, db):
        self.db = db

    def select(self, sql: str) -> list[tuple]:
        return self.db.execute_sql(sql).fetchall()

    def update(self, sql: str, params: tuple) -> None:
        self.db.execute_sql(sql.replace("?", "%s"), params)


def migrate(db, target: int = migrations.CURRENT_VERSION) -> int:
    """Create or upgrade the schema, one transaction per migration; returns the version before."""
    before = schema_version(db)
    if before is None:
        if db.execute_sql("SELECT to_regclass('evaluation') IS NOT NULL").fetchone()[0]:
            raise WorkspaceError(msg.FOREIGN_DATABASE)
        with db.atomic():
            run_script(db, "CREATE TABLE perfdesk_schema (version INTEGER NOT NULL); INSERT INTO perfdesk_schema VALUES (0)")
    version = before or 0
    for number in range(version + 1, target + 1):
        with db.atomic():
            for statement in migrations.statements(number, migrations.POSTGRESQL):
                run_script(db, statement)
            if (step := migrations.data_step(number)) is not None:
                step.run(ServerRows(db))
            db.execute_sql("UPDATE perfdesk_schema SET version = %s", (number,))
            if db.execute_sql("SELECT to_regclass('perfdesk_member') IS NOT NULL").fetchone()[0]:
                db.execute_sql("SELECT perfdesk_apply_grants(role) FROM perfdesk_member")
    return version


# -- refusals ---------------------------------------------------------------------------
_REASONS = {
    "locked:submitted": msg.SUBMITTED,
    "locked:final": msg.FINAL_ON_SERVER,
    "status:final": msg.ONLY_REVIEWER_APPROVES,
    "status:returned": msg.ONLY_REVIEWER_RETURNS,
    "status:draft": msg.CANNOT_WITHDRAW,
    "return_comment": msg.RETURN_NEEDS_COMMENT,
    "review_only": msg.REVIEW_SCORE_ONLY,
    "unit_needed": msg.UNIT_NEEDED,
}
_REVIEW = re.compile(r"perfdesk:review:\w+")


def refusal(exc: BaseException, role: str | None, reviewer: bool) -> WorkspaceError | None:
    """PostgreSQL's refusal of an edit as a Chinese WorkspaceError; None if it is not one."""
    source = original(exc)
    state = getattr(source, "sqlstate", None)
    text = str(source)
    if state == "42501":
        found = re.search(r"perfdesk:([\w:]+)", text)
        if found and found.group(1) in _REASONS:
            return WorkspaceError(_REASONS[found.group(1)])
        if _REVIEW.search(text):
            return WorkspaceError(msg.REVIEW_ONLY_SUBMITTED)
        if "row-level security" in text:
            return WorkspaceError(msg.OTHER_UNIT.format(role=role))
        return WorkspaceError(msg.REVIEWER_CANNOT_EDIT if reviewer else msg.NOT_PERMITTED.format(role=role))
    if state == "25006":  # read_only_sql_transaction
        return WorkspaceError(msg.READ_ONLY)
    if state in ("40P01", "40001", "55P03"):  # deadlock, serialization, lock timeout
        return WorkspaceError(msg.BUSY)
    return None


def is_connection_lost(db, exc: BaseException) -> bool:
    conn = getattr(db._state, "conn", None)
    source = original(exc)
    return conn is None or conn.closed or getattr(conn, "broken", False) or \
        isinstance(source, (psycopg.OperationalError, psycopg.InterfaceError)) and \
        getattr(source, "sqlstate", None) in (None, "57P01", "57P02", "57P03", "08000", "08003", "08006")


def _drop(db) -> None:
    """Forget a broken connection (closing it quietly) so the next use connects afresh."""
    conn = getattr(db._state, "conn", None)
    if conn is not None:
        try:
            conn.close()
        except psycopg.Error:
            pass
    db._state.reset()


class ServerWorkspace(Workspace):
    """A workspace in a PostgreSQL database (see models.server_sql for who may do what)."""

    is_server = True

    def __init__(self, url: str, db: peewee.PostgresqlDatabase, readonly: bool):
        super().__init__(Path(address.database_name(url)), db, None)
        self.url = url
        self.readonly = readonly
        self._role, self.is_admin, self.is_reviewer = db.execute_sql(
            "SELECT current_user, perfdesk_is_admin(), perfdesk_is_reviewer()").fetchone()
        self.units: list[str] = [row[0] for row in db.execute_sql(
            "SELECT unit FROM perfdesk_member_unit WHERE role = current_user ORDER BY unit")]

    # -- opening and closing -------------------------------------------------------------
    @classmethod
    def create(cls, url: str, password: str | None = None) -> "ServerWorkspace":
        """The schema in a database that holds no perfdesk workspace yet; then open it."""
        db = connect(url, password)
        try:
            if schema_version(db) is not None:
                raise WorkspaceError(msg.ALREADY_INITIALISED.format(database=address.database_name(url)))
            migrate(db)
        except peewee.DatabaseError as exc:
            raise WorkspaceError(msg.INIT_FAILED.format(error=original(exc))) from None
        finally:
            db.close()
        return cls.open(url, password=password)

    @classmethod
    def open(cls, url: str, readonly: bool = False, password: str | None = None) -> "ServerWorkspace":
        db = connect(url, password, readonly)
        try:
            try:
                version = schema_version(db)
            except peewee.ProgrammingError:
                raise WorkspaceError(msg.NOT_MEMBER.format(database=address.database_name(url))) from None
            if version is None:
                raise WorkspaceError(msg.NOT_INITIALISED.format(database=address.database_name(url)))
            if version > migrations.CURRENT_VERSION:
                raise WorkspaceError(msg.SERVER_NEWER.format(version=version, current=migrations.CURRENT_VERSION))
            if version < migrations.CURRENT_VERSION:
                raise WorkspaceError(msg.SERVER_OLDER.format(url=address.redact(url)))
            return cls(url, db, readonly)
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    @property
    def location(self) -> str:
        return address.redact(self.url)

    @property
    def role(self) -> str:
        return self._role

    @property
    def actor(self) -> str:
        return self._role

    # -- files that belong to workspace files only ----------------------------------------
    def backup_to(self, target: str | Path) -> Path:
        """A copy of this server workspace (what this role may see) as a new workspace file."""
        from perfdesk.models.copying import copy_workspace
        target = Path(target)
        copy_workspace(self, target)
        return target

    def take_backup(self) -> Path:
        raise WorkspaceError(msg.SERVER_BACKUP)

    def backups(self) -> list:
        return []

    # -- failures --------------------------------------------------------------------------
    def _transaction(self):
        return _ServerTransaction(self)

    def _refuse_locked(self, status: str) -> None:
        if status == "final":
            from perfdesk.models.errors import EvaluationFinal
            raise EvaluationFinal(msg.FINAL_ON_SERVER)
        if status == "submitted" and not self.is_reviewer:
            from perfdesk.models.errors import EvaluationFinal
            raise EvaluationFinal(msg.SUBMITTED)

    def reconnect(self) -> None:
        """Drop a broken connection and make a new one (raises ServerUnavailable if it cannot)."""
        if not self.db.is_closed():
            try:
                self.db.close()
            except (peewee.DatabaseError, psycopg.Error):
                _drop(self.db)
        try:
            self.db.connect()
        except (peewee.DatabaseError, psycopg.Error) as exc:
            raise connection_message(self.url, exc) from None

    def _guard(self, method, *args, **kwargs):
        """Reads are retried once on a fresh connection; edits report (their transaction did)."""
        try:
            return method(self, *args, **kwargs)
        except (peewee.DatabaseError, psycopg.Error) as exc:
            if not is_connection_lost(self.db, exc):
                raise refusal(exc, self.role, self.is_reviewer) or WorkspaceError(
                    msg.SERVER_ERROR.format(error=original(exc))) from None
            _drop(self.db)
            self.reconnect()
        try:
            return method(self, *args, **kwargs)
        except (peewee.DatabaseError, psycopg.Error) as exc:
            raise ServerUnavailable(msg.CANNOT_CONNECT.format(where=self.location, error=original(exc))) from None

    def _lost(self, exc: BaseException) -> ServerUnavailable:
        try:
            self.reconnect()
        except WorkspaceError:
            return ServerUnavailable(msg.CONNECTION_LOST)
        return ServerUnavailable(msg.CONNECTION_RESET)


class _ServerTransaction:
    """One edit's transaction; PostgreSQL's refusals and lost connections become WorkspaceErrors."""

    def __init__(self, ws: ServerWorkspace):
        self.ws = ws
        self._atomic = ws.db.atomic()

    def __enter__(self):
        try:
            self._atomic.__enter__()
        except (peewee.DatabaseError, psycopg.Error) as exc:
            raise self.ws._lost(exc) from None

    def __exit__(self, exc_type, exc, tb):
        ws = self.ws
        if exc is not None and isinstance(exc, (peewee.DatabaseError, psycopg.Error)) and is_connection_lost(ws.db, exc):
            _drop(ws.db)
            raise ws._lost(exc) from None
        try:
            self._atomic.__exit__(exc_type, exc, tb)
        except (peewee.DatabaseError, psycopg.Error) as error:
            if is_connection_lost(ws.db, error):
                _drop(ws.db)
                raise ws._lost(error) from None  # the commit's outcome is unknown: the caller reloads
            raise refusal(error, ws.role, ws.is_reviewer) or WorkspaceError(msg.WRITE_FAILED.format(error=original(error))) from None
        if isinstance(exc, (peewee.DatabaseError, psycopg.Error)):
            raise refusal(exc, ws.role, ws.is_reviewer) or WorkspaceError(msg.WRITE_FAILED.format(error=original(exc))) from None
        return False
