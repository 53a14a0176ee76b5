"""Shared fixtures for the place tests: one spaCy load and one gazetteer per session."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitroom import nlp
from sitroom.config import DEFAULT_MODEL
from sitroom.knowledge.gazetteer import Gazetteer
from sitroom.model import Analysis, Article
from sitroom.stages.parse import ParseStage
from sitroom.stages.places import PlaceStage

if str(Path(__file__).parent) not in sys.path:  # for locate_helpers
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def analyse(gaz: Gazetteer) -> Callable[[str], Analysis]:
    """Parse a text and find its places (the stages the locate stage depends on)."""
    parse = ParseStage(nlp.load(DEFAULT_MODEL))
    places = PlaceStage(gaz)

    def run(text: str) -> Analysis:
        item = Analysis(article=Article(text=text).with_id())
        parse.process([item])
        places.process([item])
        assert item.error is None
        return item

    return run
