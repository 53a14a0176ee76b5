"""Shared fixtures for the actors/tolls/statistics tests: one spaCy load per session."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitroom import nlp
from sitroom.config import DEFAULT_MODEL
from sitroom.model import Analysis, Article
from sitroom.stages.parse import ParseStage

# importable as `actor_helpers` under pytest's importlib import mode too
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def parse() -> Callable[[str, dt.date | None], Analysis]:
    stage = ParseStage(nlp.load(DEFAULT_MODEL))

    def run(text: str, published: dt.date | None = None) -> Analysis:
        item = Analysis(article=Article(text=text, published=published).with_id())
        stage.process([item])
        return item

    return run
