"""A group that only reports the event is not its doer, and the force that opened fire
on protesters is the doer of the killing (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import incident_at, with_actors

from sitroom.knowledge.actors import lexicon
from sitroom.model import Analysis
from sitroom.stages.actors import ActorStage

DAY = dt.date(2014, 7, 3)
Parse = Callable[[str, dt.date], Analysis]


def test_group_that_reported_the_strike_is_no_doer(parse: Parse) -> None:
    text = (
        "The Luhansk People's Republic has reported that eleven civilians were killed in "
        "an air strike on a village in eastern Ukraine."
    )
    incident = with_actors(parse, text, "strike", "Air/drone strike", DAY)
    assert incident.actor1 is not None and not incident.actor1.name.startswith("LPR")


def test_group_that_accused_the_victim_stays_the_suspect(parse: Parse) -> None:
    text = (
        "Gunmen killed a teacher and his four sons in Panjgur in Pakistan, officials said, "
        "adding that the Baluch Liberation Front had accused the man of spying."
    )
    incident = with_actors(parse, text, "killed", "Attack", DAY)
    assert incident.actor1 is not None and incident.actor1.name == "Baloch Liberation Front"


def test_aviation_of_a_state_is_its_forces() -> None:
    hits = lexicon().find("bombardment by Ukrainian aviation")
    assert any(h.generic is not None and h.generic.type == "state forces" for h in hits)


def test_police_who_opened_fire_did_the_killing(parse: Parse) -> None:
    text = (
        "Twenty civilians were killed on Wednesday when police opened fire on students "
        "who were protesting in Ambo, Ethiopia."
    )
    item = parse(text, DAY)
    killed = incident_at(item, "killed", "Attack")
    fire = incident_at(item, "fire", "Excessive force against protesters")
    item.incidents = [killed, fire]
    ActorStage().process([item])
    assert killed.actor1 is not None and killed.actor1.type == "state forces"
