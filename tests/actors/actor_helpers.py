"""Helpers for the actors/tolls/statistics tests (a uniquely named module, so that it
never clashes with another test folder's helpers)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

from sitroom.model import Analysis, Incident, Span

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def incident_at(item: Analysis, word: str, sub: str, nth: int = 0) -> Incident:
    """An incident whose trigger is the nth occurrence of `word` (what the incident
    stage would give), for testing the stages that fill it in."""
    from sitroom.model import SUB_EVENT_TYPES

    start = [m.start() for m in re.finditer(re.escape(word), item.article.text)][nth]
    sentence = item.sentence_of(start)
    trigger = Span(word, start, start + len(word))
    return Incident(SUB_EVENT_TYPES[sub], sub, trigger, sentences=[sentence])


def seed_text() -> tuple[str, dt.date]:
    gold = Path(os.environ.get("SITROOM_SHARED", SHARED))
    raw = (gold / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    m = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s*", raw)
    assert m is not None
    return raw[m.end() :], dt.date.fromisoformat(m.group(1))


def with_actors(
    parse: Callable[[str, dt.date], Analysis], text: str, word: str, sub: str, day: dt.date
) -> Incident:
    """The incident triggered by `word` in `text`, after the actor stage alone."""
    from sitroom.stages.actors import ActorStage

    item = parse(text, day)
    incident = incident_at(item, word, sub)
    item.incidents = [incident]
    ActorStage().process([item])
    assert item.error is None
    return incident
