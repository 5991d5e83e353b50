"""Indicator-framework templates (resources/templates/*.json) as indicator subtrees.

A template's 一级 may carry a default 分值 ("weight"); on a scored form it is written into the
label the way published tables print it ("产出指标（50分）"), where the audit checks it against
the 分值 of the rows below.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from perfdesk.resources import resource
from perfdesk.scoring.evaluation import Indicator

WEIGHTED_LABEL = "{name}（{weight}分）"


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    source: str
    indicators: tuple[Indicator, ...]  # 一级 labels without weights
    weights: tuple[Decimal | None, ...] = ()  # default 分值 per 一级, in order
    note: str = ""  # the default 分值 in words, for the menu's tooltip

    def nodes(self, scored: bool) -> tuple[Indicator, ...]:
        """The subtrees to insert; on a scored form each 一级 label carries its default 分值."""
        if not scored:
            return self.indicators
        return tuple(
            node if weight is None else _renamed(node, WEIGHTED_LABEL.format(name=node.name, weight=weight))
            for node, weight in zip(self.indicators, self.weights or (None,) * len(self.indicators)))


def _renamed(node: Indicator, name: str) -> Indicator:
    return replace(node, name=name)


def _node(data: dict, level: int) -> Indicator:
    return Indicator(name=data["name"], level=level,
                     children=tuple(_node(c, level + 1) for c in data.get("children", ())))


def _weight(data: dict) -> Decimal | None:
    return None if data.get("weight") is None else Decimal(str(data["weight"]))


def load_template(path: Path) -> Template:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Template(path.stem, data["name"], data.get("source", ""),
                    tuple(_node(n, 1) for n in data["indicators"]),
                    tuple(_weight(n) for n in data["indicators"]), data.get("weights", ""))


def templates() -> list[Template]:
    return [load_template(p) for p in sorted(resource("templates").glob("*.json"))]


def template(key: str) -> Template | None:
    return next((t for t in templates() if t.key == key), None)
