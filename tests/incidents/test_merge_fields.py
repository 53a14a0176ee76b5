"""Merging mentions: each field comes with the explanation of the mention it came from,
and a named actor wins over a placeholder whichever mention names it."""

from __future__ import annotations

import datetime as dt

from sitroom.model import Actor, Article, Incident, Place, Sentence, Span
from sitroom.stages.consolidate import consolidate

TEXT = (
    "Gunmen attacked a village near Gao on Monday. "
    "The attack, claimed by the Islamic State Sahel Province, killed nine people."
)
SENTENCES = [Sentence(0, 45, TEXT[0:45]), Sentence(46, len(TEXT), TEXT[46:])]


def _mention(trigger: str, sentence: int, **fields: object) -> Incident:
    start = TEXT.index(trigger)
    return Incident(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=Span(trigger, start, start + len(trigger)),
        sentences=[sentence],
        date=dt.date(2024, 3, 4),
        date_precision="day",
        **fields,  # type: ignore[arg-type]
    )


def test_named_actor_of_a_later_mention_wins_with_its_note() -> None:
    unnamed = Actor("Unidentified Armed Group (Mali)", "Gunmen", "unidentified armed group")
    named = Actor("Islamic State Sahel Province", "Islamic State Sahel Province", "rebel group")
    gao = Place("Gao", "Gao", 31, 34, country="MLI", lat=16.27, lon=-0.04)
    first = _mention(
        "attacked",
        0,
        actor1=unnamed,
        location=gao,
        notes={"actor1": "no perpetrator named", "location": "'Gao': near the town"},
    )
    later = _mention(
        "attack",
        1,
        actor1=named,
        fatalities=9,
        notes={"actor1": "the group that claimed it", "fatalities": "9 killed"},
    )
    (merged,) = consolidate([first, later], SENTENCES, Article(text=TEXT).with_id())
    assert merged.actor1 == named
    assert merged.notes["actor1"] == "the group that claimed it"
    assert merged.location == gao
    assert merged.notes["location"] == "'Gao': near the town"
    assert merged.fatalities == 9
    assert merged.notes["fatalities"] == "9 killed"


def test_a_field_nobody_filled_keeps_no_stray_note() -> None:
    first = _mention("attacked", 0, notes={"injured": "stale"})
    later = _mention("attack", 1)
    (merged,) = consolidate([first, later], SENTENCES, Article(text=TEXT).with_id())
    assert merged.injured is None
    assert "injured" not in merged.notes


WEEK_TEXT = (
    "Gunmen attacked a village near Gao on Tuesday. "
    "Last week, soldiers fought militants near Gao, killing six."
)
WEEK_SENTENCES = [Sentence(0, 46, WEEK_TEXT[0:46]), Sentence(47, len(WEEK_TEXT), WEEK_TEXT[47:])]


def test_a_day_outside_last_week_is_another_incident() -> None:
    from sitroom.model import Timex

    lead = Incident(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=Span("attacked", 7, 15),
        sentences=[0],
        date=dt.date(2024, 11, 19),  # a Tuesday
        date_precision="day",
    )
    earlier = Incident(
        event_type="Battles",
        sub_event_type="Armed clash",
        trigger=Span("fought", 67, 73),
        sentences=[1],
        date=dt.date(2024, 11, 13),  # the Wednesday of the week before
        date_precision="week",
        notes={"basis": "generic"},
    )
    times = [
        Timex("Tuesday", 38, 45, "DATE", "2024-11-19"),
        Timex("Last week", 47, 56, "DATE", "2024-W46"),
    ]
    article = Article(text=WEEK_TEXT, published=dt.date(2024, 11, 20)).with_id()
    merged = consolidate([lead, earlier], WEEK_SENTENCES, article, times)
    assert [m.sub_event_type for m in merged] == ["Attack", "Armed clash"]
    assert [m.status for m in merged] == ["new", "background"]
