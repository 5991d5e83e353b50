import itertools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "data" / "fixtures"
ENGINES = ("sqlite", "postgresql")
_databases = itertools.count(1)


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Never touch the real user data folder (nor a real ~/.pgpass) from a test."""
    monkeypatch.setenv("PERFDESK_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Font metrics (reports.pdf.fontcache) are cached in a folder of the run's own."""
    os.environ["PERFDESK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def pg_cluster():
    """A real PostgreSQL server for the whole run, in a temporary folder on a free port."""
    from tests.pgcluster import Cluster
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


_recycled: list[str] = []  # databases a finished test used, emptied for the next one


@pytest.fixture
def empty_database(pg_cluster):
    """A factory of new, empty databases on the test server; returns each one's address.

    A database a test used is emptied (its schema dropped and made anew) for a later test
    rather than dropped: dropping one forces a checkpoint and a new one is 8 MB of files.
    """
    made = []

    def make() -> str:
        if _recycled:
            name = _recycled.pop()
            pg_cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = %s AND pid <> pg_backend_pid()", params=(name,))
            pg_cluster.sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION pg_database_owner; "
                           "GRANT USAGE ON SCHEMA public TO PUBLIC", database=name)
        else:
            name = f"perfdesk_test_{next(_databases)}"
            pg_cluster.sql(f'CREATE DATABASE "{name}" TEMPLATE template0 STRATEGY FILE_COPY')
        made.append(name)
        return pg_cluster.url(name)
    yield make
    _recycled.extend(made)


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


@pytest.fixture
def new_target(engine, tmp_path, request):
    """A factory of places for a new workspace on the engine under test: a file path that does
    not exist yet, or the address of an empty database on the test server."""
    names = itertools.count(1)

    def make(name: str | None = None):
        if engine == "sqlite":
            return tmp_path / f"{name or f'ws{next(names)}'}.perfdesk"
        return request.getfixturevalue("empty_database")()
    return make


@pytest.fixture
def tiny_disk():
    """A real file system with a few hundred KB (tmpfs, needs root); filled on demand
    (tests/models/helpers.fill_disk)."""
    if os.name == "nt" or os.geteuid() != 0 or not sys.platform.startswith("linux"):
        pytest.skip("mounting a small file system needs root on Linux")
    folder = Path(tempfile.mkdtemp(prefix="perfdesk-full-"))
    mount = ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True).returncode:
        folder.rmdir()
        pytest.skip("cannot mount tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)
        folder.rmdir()
