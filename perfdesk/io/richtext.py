"""Every text of an imported evaluation made plain (see `perfdesk.models.richtext`)."""
from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from perfdesk.models.richtext import plain_text
from perfdesk.scoring.evaluation import Evaluation


def plain_evaluation(evaluation: Evaluation) -> Evaluation:
    return _plain(evaluation)


def _plain(value):
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if is_dataclass(value):
        changes = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        return replace(value, **changes)
    return value
