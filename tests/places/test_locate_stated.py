"""Locate: a sentence that says where the incident happened, and a definite mention of
the same incident in the next sentence, give the place."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located, near

from sitroom.model import Analysis, Incident, Span
from sitroom.stages.locate import LocateStage


def test_the_next_sentence_says_where_it_happened(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Nine villagers were killed in Nigeria's Plateau State on Tuesday. The attack "
        "took place in Bokkos, a farming town, police said."
    )
    inc = located(item, "killed")
    assert inc.location is not None and inc.location.mention == "Bokkos", inc.notes
    assert "next sentence says it happened" in inc.notes["location"]


def test_a_region_gives_way_to_the_stated_town(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Four voters were shot dead during elections in Honduras's northern provinces. "
        "The incident occurred shortly before polls opened in La Ceiba, officials said."
    )
    inc = located(item, "shot")
    assert inc.location is not None and inc.location.mention == "La Ceiba", inc.notes
    assert near(inc, 15.78, -86.79)


def test_a_new_incident_in_the_next_sentence_is_no_statement(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "Gunmen killed five traders in Kaduna on Monday. It happened a day after soldiers "
        "raided a camp in Zaria."
    )
    item = analyse(text)
    inc, raid = _incidents(item, text, "killed", "raided")
    assert inc.location is not None and inc.location.mention == "Kaduna", inc.notes
    assert raid.location is not None and raid.location.mention == "Zaria", raid.notes


def _incidents(item: Analysis, text: str, *words: str) -> list[Incident]:
    """One incident per trigger word, all located together."""
    incidents = []
    for word in words:
        start = text.index(word)
        incidents.append(
            Incident(
                event_type="Violence against civilians",
                sub_event_type="Attack",
                trigger=Span(word, start, start + len(word)),
                sentences=[item.sentence_of(start)],
            )
        )
    item.incidents = incidents
    LocateStage().process([item])
    return incidents


def test_a_definite_mention_next_is_the_same_incident(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "A suicide bomber struck a crowded mosque south of Baghdad on Friday, killing 20 "
        "people. The explosion, which brought down the roof of a mosque in Mahmudiyah, "
        "also wounded 31 people."
    )
    item = analyse(text)
    incidents = _incidents(item, text, "bomber", "explosion")
    first = incidents[0]
    assert first.location is not None and first.location.mention == "Mahmudiyah", first.notes
