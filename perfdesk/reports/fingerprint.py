"""A short hash of what a table prints: the evaluation's content and the scoring scheme."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from decimal import Decimal

from perfdesk.scoring.evaluation import Evaluation
from perfdesk.scoring.scheme import ScoringScheme

LENGTH = 8


def fingerprint(ev: Evaluation, scheme: ScoringScheme) -> str:
    """8 hex digits; any change of a figure or text of the evaluation (or of the scheme) changes it."""
    content = json.dumps([_plain(ev), scheme.to_dict()], ensure_ascii=False, sort_keys=True)
    return _short(content)


def combined(codes: list[str]) -> str:
    """One fingerprint for a document printing several evaluations."""
    return _short("|".join(codes))


def _short(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:LENGTH].upper()


def _plain(value):
    """A JSON-safe form of a snapshot, without database ids (they are not content)."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "id"}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, Decimal):
        return str(value)
    return value
