"""Locate: places that belong to the report, an actor or another clause lose."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located, near

from sitroom.model import Analysis


def test_the_dateline_is_only_a_fallback(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "LAHORE, Pakistan \u2014 A mob lynched a shopkeeper accused of blasphemy and burned "
        "his shop in a village near Sargodha on Tuesday, police said."
    )
    inc = located(item, "mob")
    assert inc.location is not None and inc.location.mention == "Sargodha"
    item = analyse(
        "NAIROBI, Kenya \u2014 Police arrested three suspects and seized explosives in a "
        "raid on a house in Wajir on Monday, officials said."
    )
    inc = located(item, "arrested")
    assert inc.location is not None and inc.location.mention == "Wajir"


def test_the_dateline_stands_in_when_nothing_else(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("KANO, Nigeria \u2014 Gunmen shot dead three traders on Monday, police said.")
    inc = located(item, "shot")
    assert inc.location is not None and inc.location.mention == "KANO"


def test_where_it_was_said_loses(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Spokesmen in Lagos said on Monday that gunmen who attacked a bus on its way to "
        "a market in Ore had been arrested."
    )
    inc = located(item, "attacked")
    assert inc.location is not None and inc.location.mention == "Ore"


def test_a_country_backing_the_actor_is_no_place(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Iran-backed rebels fired rockets at a market in Yemen's city of Marib, killing 12."
    )
    inc = located(item, "fired")
    assert inc.location is not None and inc.location.country == "YEM"
    assert near(inc, 15.46, 45.32)


def test_a_country_that_acts_gives_way(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Heavy shelling hit Avdiivka overnight. Russia launched 30 drones, the air force said."
    )
    inc = located(item, "launched")
    assert inc.location is not None and inc.location.country == "UKR"


def test_a_list_of_towns_is_not_a_chain(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Drones were shot down over the Kharkiv, Sumy and Poltava regions.")
    inc = located(item, "shot down")
    assert near(inc, 49.99, 36.23)  # Kharkiv keeps its own point


def test_a_reference_point_gives_way_to_the_town_named_next(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "A suicide bomber struck mourners at a mosque south of Baghdad on Friday. The "
        "blast brought down the roof of a mosque in Mahmudiyah."
    )
    inc = located(item, "struck")
    assert near(inc, 33.06, 44.36)  # Mahmudiyah, not Baghdad


def test_a_province_holds_no_reference_point(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "A roadside bomb tore through a minibus travelling to a wedding in Logar province "
        "south of Kabul, and nine people were killed, an official said."
    )
    inc = located(item, "bomb")
    assert inc.location is not None and inc.location.mention.startswith("Logar")


def test_a_tally_across_a_country_stays_there(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "A wave of bombings across Iraq killed 40 people on Monday. Police said the "
        "deadliest struck a market in Kirkuk."
    )
    inc = located(item, "bombings")
    assert inc.location is not None and inc.location.feature == "country"


def test_a_short_stated_distance_is_no_reference(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Bandits killed an aid worker in the Darfur region on Sunday. The attack happened "
        "about 15 kilometres southwest of Nyala, the UN said."
    )
    inc = located(item, "killed")
    assert near(inc, 12.05, 24.88)  # Nyala, not the centre of Darfur


def test_in_a_part_of_a_town_is_that_town(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Six fighters were killed in a gunfight in west of Beledweyne town, the capital of "
        "Hiiraan, elders said."
    )
    inc = located(item, "gunfight")
    assert near(inc, 4.74, 45.20)


def test_a_report_verb_after_the_place_is_no_owner(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Airstrikes by an alliance led by Saudi Arabia have killed 40 people in two "
        "districts in the northern Yemeni province of Saada, officials said Thursday."
    )
    inc = located(item, "Airstrikes")
    assert inc.location is not None and inc.location.country == "YEM"


def test_the_place_of_an_earlier_abduction_loses(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "On Sunday, soldiers freed nine farmers kidnapped on the Jos-Bauchi road after a "
        "shootout with the kidnappers near Toro."
    )
    inc = located(item, "shootout")
    assert inc.location is not None and inc.location.mention == "Toro"


def test_the_event_verb_governing_the_trigger_is_its_own(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse("Four soldiers were killed in a bomb blast in Kandahar city on Monday.")
    inc = located(item, "blast")
    assert inc.location is not None and inc.location.mention.startswith("Kandahar")
    assert "another event" not in inc.notes["location"]
