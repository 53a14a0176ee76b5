"""The gazetteer index is named by its inputs: editing a data file gives a new index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitroom.knowledge import data_path
from sitroom.knowledge import gazetteer as gz


def test_the_index_key_follows_every_data_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in gz._DATA_FILES:
        shutil.copy(data_path(name), tmp_path / name)
    real = gz.index_key()
    monkeypatch.setattr(gz, "data_path", lambda name: tmp_path / name)
    assert gz.index_key() == real  # same bytes, same index
    for name in gz._DATA_FILES:
        original = (tmp_path / name).read_bytes()
        (tmp_path / name).write_bytes(original + b"# an added line\n")
        assert gz.index_key() != real, f"editing {name} must rebuild the index"
        (tmp_path / name).write_bytes(original)


def test_the_index_in_use_is_the_one_of_the_current_inputs() -> None:
    path = gz.ensure_index()
    assert path.name == f"gazetteer-{gz.index_key()}.sqlite" and path.exists()
