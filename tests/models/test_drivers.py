"""peewee is loaded without psycopg; a server workspace gets it (models.drivers)."""
from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
{first}
import peewee
print('psycopg' in sys.modules, peewee.psycopg is not None,
      [getattr(peewee.Psycopg3Adapter, a, None) is not None for a in ('txn_idle', 'txn_inerror', 'txn_unknown')],
      peewee.Json_pg3 is not None, peewee.Jsonb_pg3 is not None, getattr(peewee, 'TransactionStatus', None) is not None)
"""


def _probe(first: str) -> str:
    run = subprocess.run([sys.executable, "-c", PROBE.format(first=first)], capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_commands_on_a_file_do_not_load_psycopg():
    # the command line itself loads no peewee at all; a file workspace loads it without psycopg
    assert _probe("import perfdesk.cli; assert 'peewee' not in sys.modules; from perfdesk.models import Workspace"
                  ) == "False False [False, False, False] False False False"


def test_a_server_workspace_gives_peewee_what_its_own_import_gives():
    native = _probe("")  # peewee imported alone finds psycopg itself
    assert native == "True True [True, True, True] True True True"
    assert _probe("import perfdesk.models.server") == native
