"""The open workspace as the window sees it: edits through an undo stack, change notifications.

Every edit is a workspace command; the QUndoStack only holds thin adapters that call the
workspace's apply/revert, so undo is as durable as the edit itself.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from perfdesk.models import Workspace, WorkspaceError
from perfdesk.models import messages as msg
from perfdesk.models.errors import EditConflict, ServerUnavailable
from perfdesk.scoring.engine import ScoredEvaluation, score_evaluation
from perfdesk.scoring.scheme import ScoringScheme

_SET_FIELD_ID = 1001


class _Step(QUndoCommand):
    """One undo step: one command, or several applied as one transaction."""

    def __init__(self, document: "Document", commands: list, label: str, session: object | None):
        super().__init__(label)
        self.document = document
        self.commands = commands
        self.session = session
        self.mergeable = session is not None and len(commands) == 1 and hasattr(commands[0], "merge_key")
        self._applied = True  # pushed after a successful first apply

    def redo(self):
        if self._applied:
            self._applied = False
            return
        if not self.document.run(lambda ws: ws.apply_all(self.commands, self.text())):
            self.setObsolete(True)  # refused (e.g. now final): drop the step rather than lie

    def undo(self):
        if not self.document.run(lambda ws: ws.revert_all(self.commands, self.text())):
            self.setObsolete(True)

    def id(self):
        return _SET_FIELD_ID if self.mergeable else -1

    def mergeWith(self, other):
        """Successive keystrokes in the same text box are one undo step."""
        mine, theirs = self.commands[0], other.commands[0]
        if other.session is not self.session or mine.merge_key() != theirs.merge_key():
            return False
        mine.value = theirs.value
        return True


class Document(QObject):
    changed = Signal(object)  # the evaluation id that changed, or None for the whole workspace
    failed = Signal(str)  # a Chinese message for the user: an edit was refused
    notice = Signal(str)  # a Chinese message for the status bar: something was done

    def __init__(self, ws: Workspace, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = QUndoStack(self)

    # -- editing -------------------------------------------------------------------------
    def execute(self, command, label: str | None = None, session: object | None = None) -> bool:
        return self.execute_all([command], label or command.label, session)

    def execute_all(self, commands: list, label: str, session: object | None = None) -> bool:
        """Apply now; on success push one undo step. A refused edit reports and changes nothing.

        Edits of one field carrying the same `session` (one stint of typing in a text box)
        merge into a single undo step.
        """
        if not self.run(lambda ws: ws.apply_all(commands, label)):
            return False
        self.undo_stack.push(_Step(self, commands, label, session))
        return True

    def run(self, action) -> bool:
        try:
            touched = action(self.ws)
        except EditConflict as exc:  # someone else changed it first: reload, and say who and what
            self.changed.emit(exc.evaluation_id)
            self.failed.emit(str(exc))
            return False
        except ServerUnavailable as exc:
            # If it was saved after all, its new version shows through the live updates.
            self.failed.emit(str(exc))
            return False
        except WorkspaceError as exc:
            self.failed.emit(str(exc))
            return False
        self.changed.emit(touched.pop() if len(touched) == 1 else None)
        return True

    # -- reading -------------------------------------------------------------------------
    def locked_reason(self, ev) -> str | None:
        """Why this evaluation's figures cannot be typed in here, or None: final (定稿/已通过),
        or, on a server, submitted for review and not this reviewer's to score."""
        if ev is None:
            return None
        if ev.status == "final":
            return msg.FINAL
        if ev.status == "submitted" and self.ws.is_server and not self.ws.is_reviewer:
            return msg.SUBMITTED
        return None

    def scheme(self) -> ScoringScheme:
        return self.ws.scheme()

    def scored(self, evaluation) -> ScoredEvaluation:
        return _scored(evaluation, self.scheme())


@lru_cache(maxsize=256)
def _scored(evaluation, scheme) -> ScoredEvaluation:
    """Snapshots are immutable values: the editor, navigator and charts share one scoring."""
    return score_evaluation(evaluation, scheme)
