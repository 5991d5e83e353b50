"""Rich text pasted from web forms into table cells ("<p>…</p>", "<br>", "&nbsp;") as plain paragraphs.

Published tables are often typed into online budget systems whose editors store HTML; the
markup then leaks into exported workbooks and JSON. perfdesk keeps text plain: every import
runs it through `plain_text`, and a schema migration cleans workspaces written before.
Text without markup (including targets such as "<5%" or "<=30分钟") is returned unchanged.
"""
from __future__ import annotations

import html
import re

_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#[xX][0-9A-Fa-f]+);")
_BREAKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def has_markup(text: str) -> bool:
    return bool(_TAG.search(text) or _ENTITY.search(text))


def plain_text(text: str | None) -> str | None:
    """Block tags become line breaks, other tags vanish, entities are decoded, blank lines collapse."""
    if not text or not has_markup(text):
        return text
    broken = _TAG.sub(lambda m: "\n" if m.group(1).lower() in _BREAKS else "", text)
    decoded = html.unescape(broken)
    lines = [_SPACES.sub(" ", line).strip() for line in decoded.splitlines()]
    return "\n".join(line for line in lines if line)
