"""Town names the NER takes for a person or a body: kept as places when the text marks
them as places and the gazetteer has a town of that name in a country the text names."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.evaluate.geoparsing import haversine_km
from sitroom.model import Analysis, Place


def _mentions(item: Analysis) -> list[str]:
    return [p.mention for p in item.places]


def _near(place: Place, lat: float, lon: float, km: float = 50.0) -> bool:
    assert place.lat is not None and place.lon is not None
    return haversine_km(place.lat, place.lon, lat, lon) <= km


def test_a_town_after_a_preposition_in_a_named_country(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse("Three car bombs in Hilla, in southern Iraq, killed at least nine people.")
    hilla = [p for p in item.places if p.mention == "Hilla"]
    assert hilla, _mentions(item)
    assert _near(hilla[0], 32.48, 44.42)


def test_a_town_named_with_its_settlement_word(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Police in Borno State said gunmen attacked Bama Town early on Wednesday and "
        "burned dozens of houses."
    )
    assert "Bama" in _mentions(item)


def test_a_direction_of_a_town_marks_it(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Clan militias clashed in villages east of Jowhar, the capital of Middle Shabelle "
        "region of Somalia, elders said."
    )
    assert "Jowhar" in _mentions(item)


def test_no_rescue_without_a_named_country(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Reporters waited at Kelly's house until the evening.")
    assert "Kelly" not in _mentions(item)


def test_a_word_inside_an_organisation_name_stays_a_word(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "A professor at Chapman University in California said the Market Division of "
        "the bank would close."
    )
    assert "University" not in _mentions(item)
    assert "Market" not in _mentions(item)


def test_the_capital_of_a_countrys_state_is_not_the_national_capital(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse("Gunmen killed five people in Maiduguri, the capital of Nigeria's Borno state.")
    assert all(p.name != "Abuja" for p in item.places), [p.name for p in item.places]


def test_a_state_named_inside_an_organisation_is_the_state(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse("Gunmen attacked a village in Bauchi State and killed four farmers.")
    bauchi = [p for p in item.places if p.name == "Bauchi"]
    assert bauchi and bauchi[0].feature == "admin1"


def test_militias_and_peoples_are_no_places(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Anti-Balaka militias and Tuareg fighters killed ten people in Bangui.")
    assert [p.mention for p in item.places] == ["Bangui"]
