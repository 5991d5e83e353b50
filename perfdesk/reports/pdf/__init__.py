"""The PDF renderer: content (reports.content) set with reportlab platypus and bundled fonts."""
from __future__ import annotations

import importlib.util
import sys


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


# reportlab imports Pillow when it starts (~15 ms of a one-table export) but needs it only for
# bitmap images, which these documents never hold.
_defer("PIL.Image")
