"""The PDF renderer: content (reports.content) set with reportlab platypus and bundled fonts.

Importing this package starts reportlab (every module here uses it) without two costs of its
start that these documents never need; a command-line export spends most of its time starting.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from contextlib import contextmanager
from functools import cached_property


def _defer(name: str) -> None:
    """Make `import name` give a module that is loaded when it is first used (LazyLoader)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or not hasattr(spec.loader, "exec_module"):
        return  # not found, or a loader LazyLoader cannot wrap: imported as usual
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # as an import binds a submodule; `from parent import child` then touches nothing
        setattr(sys.modules[parent], child, module)


class DeferredPattern:
    """A regular expression compiled when it is first used (any attribute: match, sub, …)."""

    def __init__(self, pattern: str, flags: int, compile_now):
        self._source = (pattern, flags, compile_now)

    @cached_property
    def compiled(self) -> re.Pattern:
        pattern, flags, compile_now = self._source
        return compile_now(pattern, flags)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


@contextmanager
def _patterns_over_all_unicode_deferred():
    """While inside, `re.compile` of a pattern with a character range up to U+FFFF gives a
    DeferredPattern: Python compiles such a range slowly (reportlab's URL pattern for hyphenating
    links and its own CJK splitter, both unused here: ~20% of a one-table export)."""
    compile_now = re.compile

    def compile_deferred(pattern, flags=0):
        if isinstance(pattern, str) and "\uffff" in pattern:
            return DeferredPattern(pattern, flags, compile_now)
        return compile_now(pattern, flags)

    re.compile = compile_deferred
    try:
        yield
    finally:
        re.compile = compile_now


# reportlab imports Pillow when it starts but needs it only for bitmap images, which these
# documents never hold.
_defer("PIL.Image")
if "reportlab.platypus" not in sys.modules:
    with _patterns_over_all_unicode_deferred():
        import reportlab.platypus  # noqa: F401
