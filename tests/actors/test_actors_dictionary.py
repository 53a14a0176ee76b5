"""Dictionary names of 2013-2015 groups and forces, a claimant the dictionary lacks,
and a name that only describes the group after it (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import incident_at, with_actors

from sitroom.knowledge.actors import lexicon
from sitroom.model import Analysis
from sitroom.stages.actors import ActorStage

DAY = dt.date(2014, 9, 1)
Parse = Callable[[str, dt.date], Analysis]


def _entry(text: str) -> str | None:
    return next((m.entry.name for m in lexicon().find(text) if m.entry is not None), None)


def test_aliases_of_groups_and_forces() -> None:
    assert _entry("Heavily armed NDFB militants") == "NDFB: National Democratic Front of Bodoland"
    assert _entry("the Ethiopian National Defense Forces") == "Military Forces of Ethiopia"
    assert _entry("Kenya Defense Forces jets") == "Military Forces of Kenya"
    assert _entry("the Hezb-i-Islami faction") == "Hezb-e-Islami"
    assert _entry("armed Peul herders") == "Fulani Ethnic Militia"
    assert _entry("A TIP OF THE ICEBERG") is None  # an English word, not an abbreviation


def test_aircraft_type_names_the_air_force(parse: Parse) -> None:
    text = "An Antonov bomber dropped six bombs on a village in the Nuba Mountains on Monday."
    incident = with_actors(parse, text, "bomber", "Air/drone strike", DAY)
    assert incident.actor1 is not None and incident.actor1.name == "Military Forces of Sudan"


def test_claimant_missing_from_the_dictionary_becomes_the_doer(parse: Parse) -> None:
    text = (
        "Nine people were killed in a grenade attack on a court on Monday. A little-known "
        "outfit, Jundul Haqq Brigade, has claimed the responsibility for the attack."
    )
    item = parse(text, DAY)
    item.incidents = [incident_at(item, "grenade", "Grenade")]
    ActorStage().process([item])
    incident = item.incidents[0]
    assert incident.responsibility.status == "claimed"
    assert incident.actor1 is not None and incident.actor1.name == "Jundul Haqq Brigade"


def test_linked_name_only_describes_the_group_after_it(parse: Parse) -> None:
    text = (
        "Six people were killed and nine wounded in a bomb attack near a market on the "
        "island, where Al-Qaeda-linked Abu Sayyaf militants operate."
    )
    incident = with_actors(parse, text, "killed", "Attack", DAY)
    assert incident.actor1 is not None and incident.actor1.name == "Abu Sayyaf"


def test_a_states_tanks_and_aircraft_are_its_forces(parse: Parse) -> None:
    text = "Turkish tanks fired shells at villages across the border on Sunday, killing two."
    incident = with_actors(parse, text, "fired", "Shelling/artillery/missile attack", DAY)
    assert incident.actor1 is not None and incident.actor1.name == "Military Forces of Turkey"


def test_rebel_word_beats_the_country_word_before_it(parse: Parse) -> None:
    text = "Yemeni rebel artillery killed seven civilians in the city on Tuesday."
    incident = with_actors(parse, text, "artillery", "Shelling/artillery/missile attack", DAY)
    assert incident.actor1 is not None
    assert incident.actor1.name.startswith("Unidentified Armed Group")
