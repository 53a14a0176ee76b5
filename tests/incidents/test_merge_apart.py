"""Consolidation keeps apart incidents a report lists one after another: a kidnapping
at a hamlet not on the map after a shooting at a town, and a 'Meanwhile,' sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom import config, pipeline
from sitroom.model import Analysis, Article, Incident, Place, Sentence, Span
from sitroom.stages.consolidate import consolidate

TURN = (
    "Soldiers clashed with rebels near Beni on Tuesday, the army said. "
    "Three rebels were killed in the fighting. "
    "Meanwhile, a boy was injured by shrapnel when a grenade exploded near Oicha."
)

ELABORATED = (
    "Gunmen shot dead a village chief in Kajuru on Monday, police said. "
    "The attackers also kidnapped his two sons before fleeing."
)


@pytest.fixture(scope="module")
def run_pipeline() -> pipeline.Pipeline:
    return pipeline.build(config.load())


def _incidents(p: pipeline.Pipeline, text: str) -> list[Incident]:
    item = Analysis(article=Article(text=text, published=dt.date(2024, 3, 12)).with_id())
    (out,) = list(pipeline.run(p, [item]))
    assert out.error is None
    return out.incidents


LISTED = [
    "Gunmen shot and wounded two traders near Kafanchan on Monday evening.",
    "The wounded men were taken to a clinic by volunteers.",
    "Police also said armed men kidnapped a farmer near Kwarbai hamlet, in Gora district.",
]


def _sentences(texts: list[str]) -> list[Sentence]:
    out, start = [], 0
    for text in texts:
        out.append(Sentence(start, start + len(text), text))
        start += len(text) + 1
    return out


def _mention(
    sentences: list[Sentence], i: int, word: str, sub: str, place: Place | None
) -> Incident:
    s = sentences[i]
    at = s.start + s.text.index(word)
    return Incident(
        "Violence against civilians",
        sub,
        Span(word, at, at + len(word)),
        [i],
        date=dt.date(2024, 3, 11),
        date_precision="day",
        location=place,
    )


def _place(sentences: list[Sentence], i: int, name: str, lat: float | None) -> Place:
    at = sentences[i].start + sentences[i].text.index(name)
    lon = None if lat is None else 8.3
    return Place(name, name, at, at + len(name), country="NGA", lat=lat, lon=lon)


def test_kidnapping_at_unmapped_place_stays_apart() -> None:
    """A kidnapping at a hamlet the gazetteer cannot find, told after a shooting at a
    town, is another incident; the same kidnapping with no place of its own merges."""
    sentences = _sentences(LISTED)
    shot = _mention(sentences, 0, "shot", "Attack", _place(sentences, 0, "Kafanchan", 9.58))
    hamlet = _place(sentences, 2, "Kwarbai hamlet", None)
    kidnap = _mention(sentences, 2, "kidnapped", "Abduction/forced disappearance", hamlet)
    apart = consolidate([shot, kidnap], sentences, Article(text=" ".join(LISTED)))
    assert sorted(i.sub_event_type for i in apart) == ["Abduction/forced disappearance", "Attack"]
    shot = _mention(sentences, 0, "shot", "Attack", _place(sentences, 0, "Kafanchan", 9.58))
    kidnap = _mention(sentences, 2, "kidnapped", "Abduction/forced disappearance", None)
    assert len(consolidate([shot, kidnap], sentences, Article(text=" ".join(LISTED)))) == 1


def test_meanwhile_opens_another_incident(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, TURN)
    assert len(incidents) == 2
    assert incidents[0].event_type == "Battles"
    assert incidents[1].sentences == [2]


def test_kidnapping_in_the_attack_still_merges(run_pipeline: pipeline.Pipeline) -> None:
    incidents = _incidents(run_pipeline, ELABORATED)
    assert len(incidents) == 1
