from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.store import open_store
from sitroom.store.sqlite import SQLiteStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    s = open_store(str(tmp_path / "test.db"))
    assert isinstance(s, SQLiteStore)
    yield s
    s.close()
