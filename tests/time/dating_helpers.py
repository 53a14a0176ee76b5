"""Helpers shared by the dating tests: incidents built by hand on a parsed text, and
the dating stage run on them alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Analysis, Incident, Span
from sitroom.stages.dating import DateStage

Analyse = Callable[[str, dt.date | None], Analysis]
FRIDAY = dt.date(2023, 12, 8)


def incident(item: Analysis, word: str) -> Incident:
    """An incident whose trigger is the first occurrence of `word` in the text."""
    start = item.article.text.index(word)
    trigger = Span(word, start, start + len(word))
    return Incident("Violence against civilians", "Attack", trigger, [item.sentence_of(start)])


def dated(item: Analysis, *incidents: Incident) -> list[Incident]:
    item.incidents = list(incidents)
    DateStage().process([item])
    return item.incidents
