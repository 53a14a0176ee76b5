"""Groups a sentence names that did not do the act (sentences written for these tests):
the holders of a protest or a checkpoint that was attacked, a party whose bracketed
abbreviation the dictionary knows for another actor, a source named after a blame, and
a town the parser made the subject of a verb."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import with_actors

from sitroom.knowledge.actors import lexicon
from sitroom.model import Analysis

DAY = dt.date(2014, 10, 9)
Parse = Callable[[str, dt.date], Analysis]


def test_protest_held_by_a_group_is_the_target(parse: Parse) -> None:
    text = (
        "At least 30 people were killed in a suicide bombing at a rally by Houthis in "
        "central Sanaa, Yemen, on Thursday."
    )
    incident = with_actors(parse, text, "bombing", "Suicide bomb", DAY)
    assert incident.actor1 is not None and incident.actor1.name != "Ansar Allah"


def test_checkpoint_manned_by_a_group_is_the_target(parse: Parse) -> None:
    text = (
        "A car bomb exploded near a checkpoint manned by Houthi rebels in Yemen, killing "
        "eleven people."
    )
    incident = with_actors(parse, text, "bomb", "Remote explosive/landmine/IED", DAY)
    assert incident.actor1 is not None and incident.actor1.name != "Ansar Allah"


def test_abbreviation_of_the_words_before_it() -> None:
    lex = lexicon()
    party = "a councillor of the Awami National Party (ANP) was killed"
    assert not [m for m in lex.find(party) if m.entry is not None]
    police = "the Afghan National Police (ANP) said"
    assert {m.entry.name for m in lex.find(police) if m.entry} == {"Police Forces of Afghanistan"}


def test_blame_ends_at_the_comma(parse: Parse) -> None:
    text = (
        "Six civilians were killed near Gossi in northern Mali in an attack blamed on "
        "Islamist fighters, said local sources as well as the UN."
    )
    incident = with_actors(parse, text, "killed", "Attack", DAY)
    assert incident.actor1 is not None and incident.actor1.name != "United Nations"
