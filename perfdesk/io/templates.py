"""Indicator-framework templates (resources/templates/*.json) as indicator subtrees."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from perfdesk.resources import resource
from perfdesk.scoring.evaluation import Indicator


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    source: str
    indicators: tuple[Indicator, ...]


def _node(data: dict, level: int) -> Indicator:
    return Indicator(name=data["name"], level=level,
                     children=tuple(_node(c, level + 1) for c in data.get("children", ())))


def load_template(path: Path) -> Template:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Template(path.stem, data["name"], data.get("source", ""),
                    tuple(_node(n, 1) for n in data["indicators"]))


def templates() -> list[Template]:
    return [load_template(p) for p in sorted(resource("templates").glob("*.json"))]
