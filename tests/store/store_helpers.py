"""Synthetic articles for store tests: `Analysis` objects built directly, and a tiny
deterministic pipeline for wire leads, so store tests need no spaCy model."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sitroom.model import (
    Actor,
    Analysis,
    Article,
    Incident,
    Place,
    Sentence,
    Span,
    Statistic,
    Timex,
    stable_id,
)
from sitroom.stages import Pipeline, Stage

# a few towns with approximate coordinates (public gazetteer facts)
TOWNS = {
    "Maiduguri": ("NGA", 11.85, 13.16),
    "Kano": ("NGA", 12.00, 8.52),
    "Mosul": ("IRQ", 36.34, 43.13),
    "Kirkuk": ("IRQ", 35.47, 44.39),
    "Goma": ("COD", -1.68, 29.23),
    "Gao": ("MLI", 16.27, -0.04),
}
_LEAD = re.compile(
    r"(?P<n>\d+) (?:people|villagers|soldiers) (?P<verb>killed|wounded) in (?P<town>\w+)"
)


def incident(
    text: str,
    *,
    article_id: str,
    ordinal: int = 0,
    town: str = "Kano",
    day: dt.date | None = dt.date(2024, 3, 1),
    killed: int | None = 3,
    injured: int | None = None,
    sub_event_type: str = "Attack",
    event_type: str = "Violence against civilians",
    actor: str = "Unidentified Armed Group",
    status: str = "new",
) -> Incident:
    country, lat, lon = TOWNS[town]
    at = max(text.find(town), 0)
    end = text.find(".") + 1 or len(text)
    return Incident(
        event_type=event_type,
        sub_event_type=sub_event_type,
        trigger=Span(text[:5], 0, 5),
        sentences=[0],
        id=stable_id(article_id, ordinal, prefix="ev-"),
        date=day,
        date_precision="day" if day else "unknown",
        status=status,  # type: ignore[arg-type]
        actor1=Actor(actor, "gunmen", "political militia", None),
        actor2=Actor("Civilians", "villagers", "civilians", country),
        location=Place(town, town, at, at + len(town), None, country, lat, lon, None, 1),
        fatalities=killed,
        injured=injured,
        weapons=["firearm"],
        evidence=[Span(text[:end], 0, end)],
        notes={"date": "from 'on Friday'"},
    )


def analysis(
    text: str,
    *,
    published: dt.date | None = dt.date(2024, 3, 2),
    source: str | None = "Wire",
    incidents: Sequence[dict[str, object]] = ({},),
    article_id: str = "",
) -> Analysis:
    """An extracted article: one incident per dict of `incident` keyword arguments."""
    art = Article(text=text, id=article_id, published=published, source=source).with_id()
    item = Analysis(article=art)
    cut = text.find(".") + 1 or len(text)
    item.sentences = [Sentence(0, cut, text[:cut])]
    if cut < len(text):
        item.sentences.append(Sentence(cut, len(text), text[cut:]))
    item.incidents = [
        incident(text, article_id=art.id, ordinal=n, **kw)  # type: ignore[arg-type]
        for n, kw in enumerate(incidents)
    ]
    item.places = [inc.location for inc in item.incidents if inc.location]
    item.times = [Timex("Friday", 0, 0, "DATE", "2024-03-01")]
    item.statistics = [Statistic(10.0, "at least", "attacks", "this year", Span(text[:5], 0, 5))]
    return item


class LeadStage(Stage):
    """Reads '<N> villagers killed in <Town>' from a wire lead: one incident, or none."""

    name = "test-leads"
    writes = ("sentences", "incidents", "places")

    def process_one(self, item: Analysis) -> None:
        text = item.article.text
        item.sentences = [Sentence(0, len(text), text)]
        m = _LEAD.search(text)
        if m is None or m.group("town") not in TOWNS:
            return
        n = int(m.group("n"))
        killed = n if m.group("verb") == "killed" else None
        injured = n if m.group("verb") == "wounded" else None
        inc = incident(
            text,
            article_id=item.article.id,
            town=m.group("town"),
            killed=killed,
            injured=injured,
            day=item.article.published,
        )
        item.incidents = [inc]
        item.places = [inc.location] if inc.location else []


def lead_pipeline() -> Pipeline:
    return Pipeline([LeadStage()])


def wire_lead(n: int) -> str:
    """The n-th of a family of distinct short wire leads (written for these tests)."""
    towns = list(TOWNS)
    town = towns[n % len(towns)]
    verb = "killed" if n % 3 else "wounded"
    return (
        f"{n + 2} villagers {verb} in {town} when gunmen on motorcycles attacked a market "
        f"on Friday, a local official said (report {n})."
    )
