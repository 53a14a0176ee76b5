"""Sides of a clash (sentences written for these tests): a name the parser cut at its
hyphen, names given after a count ("two tribes, the X and Y"), the force in clashes
between protesters and police, and a named doer beating the side a clash is "with"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import with_actors

from sitroom.model import Analysis
from sitroom.stages.actors import force_user

DAY = dt.date(2015, 3, 9)
Parse = Callable[[str, dt.date], Analysis]


def test_hyphenated_group_is_one_side(parse: Parse) -> None:
    text = "Clashes between Anti-Balaka and Seleka fighters killed nine people near Bossangoa."
    incident = with_actors(parse, text, "killed", "Armed clash", DAY)
    assert incident.actor1 is not None and incident.actor1.name == "Anti-Balaka"


def test_names_after_a_count_of_sides(parse: Parse) -> None:
    text = (
        "Fighting between two rival clans, the Habar Gidir and Abgaal, killed 14 people "
        "near the town on Sunday."
    )
    incident = with_actors(parse, text, "killed", "Armed clash", DAY)
    assert incident.actor1 is not None and "Habar Gidir" in incident.actor1.mention


def test_police_used_the_force_in_clashes_with_protesters(parse: Parse) -> None:
    text = (
        "At least twelve people were killed in clashes between protesters and the "
        "police in the capital, officials said."
    )
    incident = with_actors(parse, text, "killed", "Violent demonstration", DAY)
    assert incident.actor2 is not None and incident.actor2.type == "state forces"
    incident.fatalities = 12  # the toll stage's answer: the dead are the force's doing
    force = force_user(incident)
    assert force is not None and force.type == "state forces"
    incident.fatalities = None  # a clash with no dead: the demonstrators stay first
    assert force_user(incident) is incident.actor1


def test_named_doer_beats_the_side_a_clash_is_with(parse: Parse) -> None:
    text = (
        "Four villagers were killed when mortar rounds were fired by Taliban fighters "
        "during clashes with Afghan forces in Kunduz province."
    )
    incident = with_actors(parse, text, "killed", "Shelling/artillery/missile attack", DAY)
    assert incident.actor1 is not None and incident.actor1.name == "Taliban"


def test_two_states_forces_in_one_phrase_are_the_two_sides(parse: Parse) -> None:
    text = (
        "Indian and Pakistani border forces exchanged fire across the frontier on "
        "Sunday, an official said."
    )
    incident = with_actors(parse, text, "fire", "Armed clash", DAY)
    assert incident.actor1 is not None and incident.actor1.name == "Military Forces of India"
    assert incident.actor2 is not None and incident.actor2.name == "Military Forces of Pakistan"


def test_target_of_an_attack_on_a_held_place_is_its_holder(parse: Parse) -> None:
    text = "Tanks shelled positions of the rebel militia near the river on Tuesday."
    incident = with_actors(parse, text, "shelled", "Shelling/artillery/missile attack", DAY)
    assert incident.actor2 is not None and "rebel militia" in (incident.actor2.mention or "")
    text = "Government troops captured part of a rebel stronghold near the border on Friday."
    incident = with_actors(parse, text, "captured", "Government regains territory", DAY)
    assert incident.actor2 is not None and "rebel" in (incident.actor2.mention or "")
