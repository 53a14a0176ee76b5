"""The sides of a protest or a riot (ACLED: the demonstrators are actor1, the police who
disperse or fire on them actor2) and a lexicon group written as a number-letter code
(texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from actor_helpers import with_actors

DAY = dt.date(2025, 3, 4)


def run(parse, text: str, word: str, sub: str):
    return with_actors(parse, text, word, sub, DAY)


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


def test_raiders_named_by_community_are_its_ethnic_militia(parse) -> None:
    text = "Suspected Turkana raiders stole cattle near Lokichoggio, Kenya, and shot dead a herder."
    incident = run(parse, text, "shot dead", "Attack")
    assert incident.actor1 is not None
    assert incident.actor1.name == "Turkana Ethnic Militia (Kenya)"


def test_herders_outside_nigeria_are_not_fulani(parse) -> None:
    text = "Misseriya herders attacked a village near Abyei, Sudan, killing six people."
    incident = run(parse, text, "attacked", "Attack")
    assert incident.actor1 is not None and "Fulani" not in incident.actor1.name
    assert incident.actor1.name.startswith("Misseriya")


def test_unnamed_herders_in_nigeria_are_the_fulani_militia(parse) -> None:
    text = "Armed men suspected to be herders killed six farmers near Agatu, Benue State, Nigeria."
    incident = run(parse, text, "killed", "Attack")
    assert incident.actor1 is not None and incident.actor1.name.startswith("Fulani")


def test_herders_shot_dead_are_civilians(parse) -> None:
    text = "Gunmen shot dead three herders near Moroto, Uganda, on Sunday."
    incident = run(parse, text, "shot dead", "Attack")
    assert incident.actor2 is not None and incident.actor2.type == "civilians"


def test_the_one_who_laid_the_bomb_is_actor1(parse) -> None:
    text = (
        "On Monday, an army patrol hit an explosive device laid by al-Shabaab militants "
        "near Beledweyne, Somalia."
    )
    incident = run(parse, text, "hit", "Remote explosive/landmine/IED")
    assert incident.actor1 is not None and incident.actor1.name == "Al Shabaab"
    assert incident.actor2 is not None and incident.actor2.type == "state forces"


def test_the_side_that_seized_a_town_after_a_withdrawal_is_actor1(parse) -> None:
    text = "On Friday, Fano fighters seized Debre Tabor, Ethiopia, after ENDF troops withdrew."
    incident = run(parse, text, "withdrew", "Non-violent transfer of territory")
    assert incident.actor1 is not None and incident.actor1.name.startswith("Fano")
    assert incident.actor2 is not None and incident.actor2.type == "state forces"


def test_force_user_is_the_police_of_a_dispersed_protest(parse) -> None:
    from sitroom.stages.actors import force_user

    text = "Police opened fire on demonstrators in Lusaka, Zambia, killing two of them."
    incident = run(parse, text, "opened fire", "Excessive force against protesters")
    user = force_user(incident)
    assert user is not None and user.type == "state forces"


def test_herdsmen_outside_nigeria_are_not_fulani() -> None:
    from sitroom.knowledge.actors import lexicon
    from sitroom.model import Actor
    from sitroom.stages.actors import _communal_militia

    fulani = Actor("Fulani Ethnic Militia", "Herdsmen", "identity militia", "NGA")
    found = _communal_militia(fulani, lexicon(), "SDN")
    assert found is not None and found.name == "Unidentified Armed Group (Sudan)"
    kept = _communal_militia(fulani, lexicon(), "NGA")
    assert kept is not None and kept.name.startswith("Fulani")
