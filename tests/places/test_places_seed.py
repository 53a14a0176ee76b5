"""The seed showcase's places (../shared/examples, read in place, never copied) and the
event-location gold suite's floor."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sitroom.evaluate.geoparsing import haversine_km
from sitroom.model import Analysis, Incident, Span
from sitroom.stages.locate import LocateStage

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = Path(os.environ.get("SITROOM_GOLD", SHARED / "gold"))


def _incident(item: Analysis, phrase: str, trigger: str) -> Incident:
    start = item.article.text.index(phrase) + phrase.index(trigger)
    return Incident(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        trigger=Span(trigger, start, start + len(trigger)),
        sentences=[item.sentence_of(start)],
    )


def test_seed_incidents_land_where_the_analyst_puts_them(
    analyse: Callable[[str], Analysis],
) -> None:
    raw = (SHARED / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    text = raw.split("2023-12-08", 1)[1].lstrip()
    item = analyse(text)
    item.incidents = [
        _incident(item, "rockets were launched", "launched"),
        _incident(item, "strike” was carried out", "carried out"),
        _incident(item, "a drone had targeted", "targeted"),
    ]
    LocateStage().process([item])
    want = [((33.30, 44.39), 1), ((35.47, 44.39), 2), ((33.80, 42.44), 1)]
    for incident, ((lat, lon), precision) in zip(item.incidents, want, strict=True):
        loc = incident.location
        assert loc is not None and loc.lat is not None and loc.lon is not None
        assert haversine_km(loc.lat, loc.lon, lat, lon) < 10, incident.notes
        assert loc.precision == precision


@pytest.mark.gold
def test_event_location_accuracy_floor() -> None:
    from sitroom.evaluate.event_location import run

    report = run(GOLD)
    assert report.metrics["accuracy"] >= 0.80
    assert report.metrics["accuracy"] > report.baselines["first_place_in_sentence"]["accuracy"]
