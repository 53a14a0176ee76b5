"""The sides of a protest or a riot (ACLED: the demonstrators are actor1, the police who
disperse or fire on them actor2) and a lexicon group written as a number-letter code
(texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from actor_helpers import incident_at

from sitroom.stages.actors import ActorStage

DAY = dt.date(2025, 3, 4)


def run(parse, text: str, word: str, sub: str):
    item = parse(text, DAY)
    incident = incident_at(item, word, sub)
    item.incidents = [incident]
    ActorStage().process([item])
    assert item.error is None
    return incident


def test_police_firing_tear_gas_at_students_is_actor2(parse) -> None:
    text = (
        "On Monday, police fired tear gas at students protesting against higher bus fares "
        "in Bamenda, Cameroon."
    )
    incident = run(parse, text, "protesting", "Protest with intervention")
    assert incident.actor1 is not None and incident.actor1.name.startswith("Protesters")
    assert incident.actor2 is not None and incident.actor2.type == "state forces"


def test_police_dispersing_them_in_the_next_sentence(parse) -> None:
    text = (
        "Hundreds of traders marched through Kumasi, Ghana, on Tuesday over new market "
        "levies. Police dispersed them with water cannon."
    )
    incident = run(parse, text, "dispersed", "Protest with intervention")
    assert incident.actor1 is not None and incident.actor1.type == "protesters"
    assert incident.actor2 is not None and incident.actor2.type == "state forces"


def test_excessive_force_still_names_the_demonstrators_first(parse) -> None:
    text = "Police opened fire on demonstrators in Lusaka, Zambia, killing two of them."
    incident = run(parse, text, "opened fire", "Excessive force against protesters")
    assert incident.actor1 is not None and incident.actor1.type == "protesters"
    assert incident.actor2 is not None and incident.actor2.type == "state forces"


def test_unarmed_people_rioting_are_rioters(parse) -> None:
    text = "Bus drivers rioted in Kisumu, Kenya, on Friday, burning two lorries."
    incident = run(parse, text, "rioted", "Violent demonstration")
    assert incident.actor1 is not None and incident.actor1.type == "rioters"


def test_soldiers_attacking_a_village_stay_actor1_outside_protests(parse) -> None:
    text = "Soldiers attacked residents of a village near Bria, Central African Republic."
    incident = run(parse, text, "attacked", "Attack")
    assert incident.actor1 is not None and incident.actor1.type == "state forces"


def test_a_number_letter_group_name_is_known(parse) -> None:
    text = "3R rebels ambushed a convoy near Bocaranga, Central African Republic, on Sunday."
    incident = run(parse, text, "ambushed", "Armed clash")
    assert incident.actor1 is not None and incident.actor1.name.startswith("3R")
