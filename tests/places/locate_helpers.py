"""Helpers shared by the locate tests: one incident built by hand on a parsed text,
placed by the locate stage alone."""

from __future__ import annotations

from sitroom.evaluate.geoparsing import haversine_km
from sitroom.model import Analysis, Incident, Span
from sitroom.stages.locate import LocateStage


def located(
    item: Analysis,
    trigger: str,
    event_type: str = "Violence against civilians",
    sub_event_type: str = "Attack",
) -> Incident:
    """The incident whose trigger is the first `trigger` in the text, after locating."""
    start = item.article.text.index(trigger)
    incident = Incident(
        event_type=event_type,
        sub_event_type=sub_event_type,
        trigger=Span(trigger, start, start + len(trigger)),
        sentences=[item.sentence_of(start)],
    )
    item.incidents = [incident]
    LocateStage().process([item])
    assert item.error is None
    return incident


def near(inc: Incident, lat: float, lon: float, km: float = 50.0) -> bool:
    loc = inc.location
    assert loc is not None and loc.lat is not None and loc.lon is not None, inc.notes
    return haversine_km(loc.lat, loc.lon, lat, lon) <= km
