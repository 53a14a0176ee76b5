"""Locate: a name resolved elsewhere in the text lends its coordinates to an unresolved
mention of it; a mountain range read as a far-off town does not overrule the district
holding a village; a definite subject before a verb is no mention of the same incident."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located, near

from sitroom.model import Analysis, Incident, Span
from sitroom.stages.locate import LocateStage, _owned


def test_an_unresolved_mention_takes_its_namesakes_coordinates(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Police arrested four men in the town of Kirkuk on Monday. Troops recaptured "
        "Kirkuk from the militants in 2017."
    )
    inc = located(item, "recaptured")
    assert inc.location is not None and near(inc, 35.47, 44.39), inc.notes


def test_a_verb_after_a_definite_subject_is_another_incident(
    analyse: Callable[[str], Analysis],
) -> None:
    text = "A bomb killed two soldiers near Kirkuk. The group seized Mosul in 2014."
    item = analyse(text)
    incidents = []
    for word in ("bomb", "seized"):
        start = text.index(word)
        incidents.append(
            Incident(
                event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED",
                trigger=Span(word, start, start + len(word)),
                sentences=[item.sentence_of(start)],
            )
        )
    item.incidents = incidents
    LocateStage().process([item])
    assert 1 in _owned(item, incidents[0])
    assert incidents[0].location is not None
    assert incidents[0].location.mention == "Kirkuk", incidents[0].notes
