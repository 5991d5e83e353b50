"""The workspace file: peewee models, opening and migrating, snapshots and edit commands.

Importing the package is light: `Workspace` is imported when first used (the window shows before
it opens a workspace), and every module here that uses peewee imports `models.drivers` first, so
peewee comes without psycopg.
"""
from perfdesk.models.errors import EvaluationFinal, WorkspaceDamaged, WorkspaceError, WorkspaceLocked

SUFFIX = ".perfdesk"

__all__ = ["Workspace", "WorkspaceError", "WorkspaceLocked", "WorkspaceDamaged", "EvaluationFinal", "SUFFIX"]


def __getattr__(name: str):
    if name == "Workspace":
        from perfdesk.models.workspace import Workspace
        return Workspace
    raise AttributeError(f"module 'perfdesk.models' has no attribute {name!r}")
