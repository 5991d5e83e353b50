"""The workspace file: peewee models, opening and migrating, snapshots and edit commands."""
from perfdesk.models import drivers  # noqa: F401  (first: peewee without psycopg, see there)
from perfdesk.models.errors import EvaluationFinal, WorkspaceError, WorkspaceLocked
from perfdesk.models.workspace import SUFFIX, Workspace

__all__ = ["Workspace", "WorkspaceError", "WorkspaceLocked", "EvaluationFinal", "SUFFIX"]
