"""Reader test fixtures. The folder is put on sys.path so tests can import
`read_corpus` under pytest's importlib import mode too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

import read_corpus


@pytest.fixture(scope="session")
def bad_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CHECKS.md bad-input folder (14 hostile files, 2 good articles), built once."""
    folder = tmp_path_factory.mktemp("bad-input")
    read_corpus.build(folder)
    return folder
