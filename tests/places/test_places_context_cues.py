"""Where a text is when its names alone do not say: an armed group's countries, Nigeria's
local government areas, weak readings abroad (a foreign alternate name, a part of a
longer name, a country code, a generic word) that the text's other names contradict.
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.knowledge.gazetteer import Gazetteer
from sitroom.model import Analysis, Place
from sitroom.stages.place_resolution import cue_countries


def named(places: list[Place], mention: str) -> Place:
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not among {[p.mention for p in places]}"
    return hits[0]


def test_an_armed_group_names_its_countries() -> None:
    cues = cue_countries("Boko Haram fighters raided a fishing town before dawn.")
    assert cues["NGA"] == 1.0 and {"CMR", "NER", "TCD"} <= set(cues)
    assert "SOM" in cue_countries("Al-Shabaab claimed the blast.")
    assert "CAF" in cue_countries("Seleka rebels burnt the houses.")


def test_a_lower_case_word_or_a_government_official_is_no_cue() -> None:
    assert cue_countries("Suspected herdsmen attacked the farmers.") == {}
    assert cue_countries("Two Iraqi local government officials were shot.") == {}
    assert "NGA" in cue_countries("Gunmen struck a village in Ukum Local Government Area.")
    assert "NGA" in cue_countries("The attack on Daudu in Guma LGA left five dead.")


def test_a_boko_haram_town_is_the_nigerian_one(analyse: Callable[[str], Analysis]) -> None:
    text = "Boko Haram fighters killed 30 fishermen in Baga on the shore of Lake Chad."
    assert named(analyse(text).places, "Baga").country == "NGA"


def test_a_local_government_area_is_nigerian(analyse: Callable[[str], Analysis]) -> None:
    text = "Thirty villagers were killed in Logo LGA overnight, officials said."
    assert named(analyse(text).places, "Logo").country == "NGA"


def test_a_foreign_alternate_name_loses_to_the_other_names_country(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "Fighters killed 20 herders in the areas of Daba and Majak, villages of Renk "
        "County, officials said."
    )
    daba = named(analyse(text).places, "Daba")
    assert daba.country != "AUS", daba


def test_a_part_of_an_unknown_name_abroad_is_no_town(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "Two Iraqi officials from the town of Khan Bani Saad were found dead on the "
        "outskirts of Baghdad on Tuesday."
    )
    town = named(analyse(text).places, "Khan Bani Saad")
    assert town.country == "IRQ", town


def test_a_country_code_in_lower_case_is_a_village(analyse: Callable[[str], Analysis]) -> None:
    text = "Militants killed 14 people in the village of Ala in the Diffa region of Niger."
    ala = named(analyse(text).places, "Ala")
    assert ala.country == "NER" and ala.feature != "country", ala


def test_a_generic_word_is_no_county(analyse: Callable[[str], Analysis]) -> None:
    text = "Gunmen killed five pupils on Lake Chad's Tetewa Island on Monday night."
    island = named(analyse(text).places, "Tetewa Island")
    assert island.country != "USA", island


def test_a_leader_led_body_is_no_place(analyse: Callable[[str], Analysis]) -> None:
    text = (
        "A blast targeting an official of the Ahmad Madobe-led administration occurred at "
        "a junction in Kismaayo town, killing him."
    )
    places = analyse(text).places
    assert not any("Madobe" in p.mention for p in places), places
    assert named(places, "Kismaayo").country == "SOM"


def test_a_province_seat_is_its_capital(gaz: Gazetteer) -> None:
    yobe = gaz.seat("Yobe", "NGA")
    assert yobe is not None and yobe.name == "Damaturu"
    kano = gaz.seat("Kano", "NGA")  # no row: the town of the province's name
    assert kano is not None and kano.name == "Kano"


def test_every_listed_seat_is_known(gaz: Gazetteer) -> None:
    assert len(gaz._seats()) >= 200
