"""Telling a server address (`postgresql://user@host:port/dbname`) from a workspace file path.

Passwords are never kept by perfdesk: an address is shown and remembered without one, and the
password comes from PostgreSQL's own .pgpass / service file, or is asked for each time.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from perfdesk.models import messages as msg
from perfdesk.models.errors import WorkspaceError

SCHEMES = ("postgresql", "postgres")


def is_server(target: str | Path | None) -> bool:
    """True for a `postgresql://…` (or `postgres://…`) address; paths are never addresses."""
    if not isinstance(target, str):
        return False
    scheme, sep, _ = target.partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


def check(url: str) -> str:
    """The address, refused in Chinese when it names no database (nor a service)."""
    parts = urlsplit(url)
    if not parts.path.strip("/") and "service=" not in parts.query:
        raise WorkspaceError(msg.BAD_ADDRESS.format(address=redact(url)))
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise WorkspaceError(msg.BAD_ADDRESS.format(address=redact(url))) from None
    return url


def redact(url: str) -> str:
    """The address without any password in it (`user:password@` or `?password=`), fit to show
    and to remember."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    if parts.password is None and all(k != "password" for k, _ in query):
        return url
    netloc = parts.netloc
    if parts.password is not None:  # user:password@host: the host part as written ([::1]:5432 too)
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{host}"
    kept = urlencode([(k, v) for k, v in query if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, kept, parts.fragment))


def database_name(url: str) -> str:
    return urlsplit(url).path.strip("/") or "perfdesk"


def workspace_target(text: str) -> str | Path:
    """A command-line or dialog argument as given: an address stays text, anything else is a path."""
    return text if is_server(text) else Path(text)
