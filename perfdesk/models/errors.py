"""Errors a workspace reports to the user; every message is Chinese and fit to show as is."""


class WorkspaceError(Exception):
    """An operation on a workspace was refused; nothing was changed."""


class WorkspaceLocked(WorkspaceError):
    """Another program has the workspace open for editing."""


class EvaluationFinal(WorkspaceError):
    """The evaluation is final (定稿) and refuses edits until it is unlocked."""
