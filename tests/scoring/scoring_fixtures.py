"""Loading the published tables in tests/data/fixtures."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from perfdesk.io import exchange
from perfdesk.scoring.engine import ScoredEvaluation, score_evaluation
from perfdesk.scoring.evaluation import Evaluation

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "data" / "fixtures"
NAMES = sorted(p.stem for p in FIXTURE_DIR.glob("*.json"))


def path_of(prefix: str) -> Path:
    """The fixture file whose name starts with `prefix` ("004_01", "synthetic")."""
    (match,) = [p for p in FIXTURE_DIR.glob(f"{prefix}*.json")]
    return match


@lru_cache(maxsize=None)
def load(prefix: str) -> Evaluation:
    return exchange.loads(path_of(prefix).read_text(encoding="utf-8"))[0]


def raw(prefix: str) -> dict:
    return json.loads(path_of(prefix).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def scored(prefix: str) -> ScoredEvaluation:
    return score_evaluation(load(prefix))


def codes(prefix: str) -> list[str]:
    return [f.code for f in scored(prefix).findings]


def findings_at(prefix: str, code: str) -> list[str]:
    """The `where` of every finding of `code` in the fixture."""
    return [f.where for f in scored(prefix).findings if f.code == code]
