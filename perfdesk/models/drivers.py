"""peewee without psycopg until a workspace on a server is opened.

peewee imports psycopg (its optional PostgreSQL driver) as it loads whenever psycopg is installed:
about 0.15 s of every command — a third of a one-table PDF export — although only a workspace on
a PostgreSQL server (models.server) uses it. So peewee is first imported here with psycopg
hidden, and `postgresql_ready()` gives peewee what its own import would have found (the same
lines as peewee's) before a server connection is made.
"""
from __future__ import annotations

import sys

if "peewee" not in sys.modules and "psycopg" not in sys.modules:
    sys.modules["psycopg"] = None  # peewee's `import psycopg` raises ImportError: nothing loaded
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


def postgresql_ready() -> None:
    """Import psycopg and hand it to peewee, as peewee's import does when psycopg is present."""
    import peewee
    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb
    peewee.psycopg, peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = psycopg, TransactionStatus, Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
