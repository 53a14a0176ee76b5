"""PostgreSQL store fixtures: one real server on loopback for the session, a fresh
database per test. Missing PostgreSQL binaries fail the tests (never skip them).

`tests/store` is put on sys.path so the backend-independent store tests and helpers
there run here against PostgreSQL too."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
for folder in (HERE, HERE.parent / "store"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from pg_server import Server, ServerError, start  # noqa: E402

from sitroom.store import open_store  # noqa: E402
from sitroom.store.postgres import PostgresStore  # noqa: E402


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    try:
        server = start()
    except ServerError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: Server) -> str:
    """The URL of a new, empty database."""
    return pg_server.database()


@pytest.fixture
def store(pg_url: str) -> Iterator[PostgresStore]:
    """The `store` fixture of tests/store, on PostgreSQL."""
    s = open_store(pg_url)
    assert isinstance(s, PostgresStore)
    yield s
    s.close()
