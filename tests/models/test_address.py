"""Server addresses: told from file paths, checked, and shown without any password."""
from __future__ import annotations

import pytest

from perfdesk.models import address
from perfdesk.models.errors import WorkspaceError


@pytest.mark.parametrize("url, shown", [
    ("postgresql://li:秘密@db.local:5433/jixiao", "postgresql://li@db.local:5433/jixiao"),
    ("postgresql://li:秘密@[::1]:5433/jixiao", "postgresql://li@[::1]:5433/jixiao"),
    ("postgresql://li:p%40ss@[fe80::1]/jixiao", "postgresql://li@[fe80::1]/jixiao"),
    ("postgresql://li@db.local/jixiao?password=秘密&sslmode=require", "postgresql://li@db.local/jixiao?sslmode=require"),
    ("postgresql://li@db.local/jixiao", "postgresql://li@db.local/jixiao"),
])
def test_an_address_is_shown_without_its_password(url, shown):
    assert address.redact(url) == shown


def test_an_ipv6_address_is_checked_like_any_other():
    assert address.check("postgresql://li@[::1]:5432/jixiao")
    with pytest.raises(WorkspaceError, match="服务器地址不正确"):
        address.check("postgresql://li@::1:5432/jixiao")
