"""Fixtures for the time tests: one spaCy load per session, a parse helper."""

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
from sitroom.stages.times import TimexStage

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

if str(Path(__file__).parent) not in sys.path:  # for dating_helpers
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def analyse() -> Callable[[str, dt.date | None], Analysis]:
    """Parse a text and find its temporal expressions, as the pipeline does."""
    stage = ParseStage(nlp.load(DEFAULT_MODEL))

    def run(text: str, published: dt.date | None = None) -> Analysis:
        item = Analysis(article=Article(text=text, published=published).with_id())
        stage.process([item])
        TimexStage().process([item])
        return item

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's body (the text after its `date` header)."""
    raw = (SHARED / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    header = raw.lstrip()
    if not header.startswith("date "):
        raise ValueError("seed article without its date header")
    return header[len("date 2023-12-08") :].lstrip()
