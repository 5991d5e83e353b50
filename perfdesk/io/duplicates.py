"""One table imported twice: the same year and project as a table the workspace already holds.

Both the import preview and `perfdesk import` use this rule, and the same three answers:
replace the table held, keep both, or skip the new one (the default: importing a file twice
must not double the 汇总表).
"""
from __future__ import annotations

from typing import Iterable

from perfdesk.scoring.evaluation import Evaluation

REPLACE, BOTH, SKIP = "replace", "both", "skip"


def duplicate_of(year: int, project: str | None, held: Iterable[Evaluation]) -> Evaluation | None:
    """The first table in `held` of `year` and the same project name (spaces around it ignored);
    None for a table without a project name (nothing to match it by)."""
    name = (project or "").strip()
    if not name:
        return None
    return next((ev for ev in held if ev.year == year and (ev.project or "").strip() == name), None)
