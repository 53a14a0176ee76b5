"""Store test fixtures. The folder is put on sys.path so tests can import
`store_helpers` under pytest's importlib import mode too."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.store import open_store
from sitroom.store.sqlite import SQLiteStore

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = open_store(str(tmp_path / "test.db"))
    assert isinstance(s, SQLiteStore)
    yield s
    s.close()
