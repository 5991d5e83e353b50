"""Errors a workspace reports to the user; every message is Chinese and fit to show as is."""


class WorkspaceError(Exception):
    """An operation on a workspace was refused; nothing was changed."""


class WorkspaceLocked(WorkspaceError):
    """Another program has the workspace open for editing."""


class EvaluationFinal(WorkspaceError):
    """The evaluation is final (定稿) and refuses edits until it is unlocked."""


class EditConflict(WorkspaceError):
    """Someone else changed the evaluation since this workspace read it; reload, then edit."""

    def __init__(self, message: str, evaluation_id: int):
        super().__init__(message)
        self.evaluation_id = evaluation_id


class ServerUnavailable(WorkspaceError):
    """The connection to the PostgreSQL server was lost (or never made); nothing was changed."""


class PasswordRequired(WorkspaceError):
    """The server asks for a password that neither .pgpass nor a service file supplies."""


class WorkspaceDamaged(WorkspaceError):
    """The file is a perfdesk workspace that fails its checks; it was neither opened nor written.

    `backup` is the newest backup that passes the checks (a backups.Backup), or None.
    """

    def __init__(self, message: str, path, backup=None):
        super().__init__(message)
        self.path = path
        self.backup = backup
