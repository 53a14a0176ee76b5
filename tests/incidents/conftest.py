"""Shared fixtures for the incident tests: one spaCy load per session. The folder is put
on sys.path so tests can import `padded`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitroom import nlp
from sitroom.config import DEFAULT_MODEL
from sitroom.model import Analysis, Article, Incident
from sitroom.stages.incidents import IncidentStage
from sitroom.stages.parse import ParseStage

if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def detect() -> Callable[[str], list[Incident]]:
    """Parse a text and run the incident stage alone (mentions, before consolidation)."""
    parse = ParseStage(nlp.load(DEFAULT_MODEL))
    stage = IncidentStage()

    def run(text: str, published: dt.date | None = None) -> list[Incident]:
        item = Analysis(article=Article(text=text, published=published).with_id())
        parse.process([item])
        stage.process([item])
        assert item.error is None
        return item.incidents

    return run
