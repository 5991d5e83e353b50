"""A throwaway PostgreSQL cluster in a temporary folder on a free port (tests and benchmarks).

The server binaries come from Debian's `postgresql` package (scripts/test installs it).
initdb refuses to run as root, so as root the cluster runs as the unprivileged `postgres`
user that package creates. Host connections use SCRAM passwords, except the superuser's
(trusted, so tests can create roles and databases without one).

A run killed before its teardown leaves its cluster running; the next run stops and removes
every cluster whose owning process is gone (`sweep_orphans`).
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"
HOST = "127.0.0.1"
PREFIX = "perfdesk-pg-"
OWNER = "owner.pid"  # the process that made the cluster, in its folder


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_orphans(root: Path | None = None) -> list[Path]:
    """Stop and remove the clusters under `root` (the temporary folder) whose owner has exited;
    folders without an owner note are left alone. Returns the folders removed."""
    removed = []
    for folder in Path(root or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((folder / OWNER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        data = folder / "data"
        try:
            postmaster = int((data / "postmaster.pid").read_text(encoding="ascii").split()[0])
            command = Path(f"/proc/{postmaster}/cmdline").read_bytes()
            if str(data).encode() in command:  # that server, not a process that reused its number
                os.kill(postmaster, 3)  # SIGQUIT: PostgreSQL's immediate shutdown
        except (OSError, ValueError, IndexError):
            pass
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Cluster:
    def __init__(self, fsync: bool = False):
        self.bin = server_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries not found: install the Debian package postgresql")
        self.user = SUPERUSER if os.geteuid() == 0 else None  # run as this user when root
        sweep_orphans()
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.folder / OWNER).write_text(str(os.getpid()), encoding="ascii")
        self.data = self.folder / "data"
        self.port = free_port()
        self.fsync = fsync
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)

    def _run(self, *args, check=True, **kwargs):
        return subprocess.run([str(self.bin / args[0]), *args[1:]], check=check, user=self.user,
                              capture_output=True, text=True, cwd=self.folder, **kwargs)

    def start(self) -> "Cluster":
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "-A", "trust")
        (self.data / "pg_hba.conf").write_text(
            f"local all all trust\n"
            f"host all {SUPERUSER} {HOST}/32 trust\n"
            f"host all all {HOST}/32 scram-sha-256\n", encoding="utf-8")
        settings = {
            "listen_addresses": HOST, "port": self.port, "unix_socket_directories": str(self.folder),
            "fsync": "on" if self.fsync else "off", "max_connections": 200, "shared_buffers": "64MB",
            "password_encryption": "scram-sha-256",
        }
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.writelines(f"{k} = '{v}'\n" for k, v in settings.items())
        self.pg_ctl("start")
        return self

    def pg_ctl(self, action: str, mode: str = "fast") -> None:
        args = ["pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-m", mode, action]
        if action in ("start", "restart"):
            args += ["-l", str(self.folder / "server.log")]
        self._run(*args)

    def restart(self, mode: str = "immediate") -> None:
        """Stop the server as a crash would (immediate) or politely (fast), then start it again."""
        self.pg_ctl("stop", mode)
        self.pg_ctl("start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@{HOST}:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres", params=None):
        """Run one statement as the superuser (autocommit); returns the rows, if any."""
        import psycopg
        with psycopg.connect(host=HOST, port=self.port, user=SUPERUSER, dbname=database, autocommit=True) as conn:
            cursor = conn.execute(statement, params)
            return cursor.fetchall() if cursor.description else None

    def create_database(self, name: str, template: str = "template0") -> str:
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def create_role(self, name: str, password: str) -> None:
        self.sql(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")

    def wait_ready(self, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while self._run("pg_isready", "-h", HOST, "-p", str(self.port), check=False).returncode != 0:
            if time.monotonic() > end:
                raise TimeoutError("PostgreSQL did not start")
            time.sleep(0.1)
