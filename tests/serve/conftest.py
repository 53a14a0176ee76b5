"""Shared fixtures of the service tests: stored incidents built directly, no NLP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from sitroom.model import Analysis, Article, Incident, Place, Responsibility, Span


def _make(text: str, day: int, place: Place, killed: int) -> Analysis:
    art = Article(text=text, published=dt.date(2024, 3, day), source="Wire").with_id()
    inc = Incident(
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        trigger=Span("bomb", text.index("bomb"), text.index("bomb") + 4),
        sentences=[0],
        id=f"e-{day}",
        date=dt.date(2024, 3, day),
        date_precision="day",
        location=place,
        fatalities=killed,
        evidence=[Span(text, 0, len(text))],
        responsibility=Responsibility(),
    )
    return Analysis(article=art, incidents=[inc])


@pytest.fixture()
def make_analysis() -> Callable[[str, int, Place, int], Analysis]:
    """An article with one IED incident at `place` on 2024-03-`day`."""
    return _make
