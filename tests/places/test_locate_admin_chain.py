"""Locate: the areas a text names as holding a place constrain and back up its point."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located, near

from sitroom.model import Analysis, Place
from sitroom.stages.locate_holders import _chain


def test_unknown_village_takes_the_smallest_named_area(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Gunmen killed eleven farmers at Kwarbadi village in northern Nigeria's Zamfara "
        "state on Sunday, police said."
    )
    inc = located(item, "killed")
    assert inc.location is not None and inc.location.mention.startswith("Kwarbadi")
    assert inc.location.country == "NGA" and inc.location.precision in (2, 3)
    assert near(inc, 12.17, 6.25, 120)  # Zamfara, not the centre of Nigeria
    assert "holding it" in inc.notes["location"]


def test_neighbourhood_of_a_capital_takes_the_city(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Soldiers opened fire on a crowd in the Boy-Rabe district, part of the Central "
        "African Republic capital Bangui, killing nine people."
    )
    inc = located(item, "opened fire")
    assert near(inc, 4.36, 18.56)


def test_named_state_overrules_a_namesake_elsewhere(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Rioting inmates killed nine people inside the Tepic prison in the city of Iguala, "
        "Guerrero."
    )
    inc = located(item, "killed")
    assert near(inc, 18.34, -99.54)  # Iguala, not the city of Tepic in Nayarit


def test_a_direction_is_a_reference_not_a_holder(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("A car bomb killed six people in Samarra, north of Baghdad, on Monday.")
    inc = located(item, "killed")
    assert near(inc, 34.20, 43.87)  # Samarra keeps its own point


def test_a_possessive_after_a_comma_is_no_holder() -> None:
    text = "A bomb killed four guards in Kandahar, Pakistan's envoy said."
    city = Place("Kandahar", "Kandahar", 29, 37, country="AFG", lat=31.6, lon=65.7)
    owner = Place("Pakistan", "Pakistan", 39, 47, country="PAK", lat=30.0, lon=70.0)
    assert _chain(text, city, [city, owner]) == []
    text = "A bomb killed four guards in Kandahar, Afghanistan's south, on Monday."
    holder = Place("Afghanistan", "Afghanistan", 39, 50, country="AFG", feature="country")
    region = Place("south", "south", 53, 58)
    assert _chain(text, city, [city, holder, region]) == [holder, region]


def test_country_gives_way_to_a_province_named_later(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "A roadside bomb killed eight civilians in eastern Afghanistan on Sunday. The "
        "victims were on their way to a wedding in Helmand province."
    )
    inc = located(item, "bomb")
    assert inc.location is not None and inc.location.country == "AFG"
    assert inc.location.feature in ("admin1", "region")


def test_quarter_of_a_named_city_is_no_namesake_abroad(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Gunmen shot dead a trader outside his shop in Gandu ward of Kano city on Friday."
    )
    inc = located(item, "shot")
    assert inc.location is not None and inc.location.country == "NGA"
    assert near(inc, 12.0, 8.52)


def test_a_district_of_a_city_is_a_part_not_a_holder(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "A car bomb exploded in a market in Mogadishu's Hodan district, killing six people."
    )
    inc = located(item, "exploded")
    assert near(inc, 2.04, 45.34)
