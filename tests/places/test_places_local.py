"""Local names in African conflict reporting: districts, coder lists, namesakes abroad."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.model import Analysis, Incident, Place, Span
from sitroom.stages.locate import LocateStage

DOGO = "Gunmen killed nine farmers in Dogo village, Wase local government area of Plateau State."


def places_by_mention(item: Analysis) -> dict[str, Place]:
    return {p.mention: p for p in item.places}


def test_district_named_by_its_type_word(analyse: Callable[[str], Analysis]) -> None:
    text = DOGO
    found = places_by_mention(analyse(text))
    assert found["Wase"].feature == "admin2" and found["Wase"].country == "NGA"
    village = found["Dogo village"]
    assert village.feature == "approximate" and village.precision == 2
    assert (village.lat, village.lon) == (found["Wase"].lat, found["Wase"].lon)


def test_coder_list_split_into_areas(analyse: Callable[[str], Analysis]) -> None:
    text = "On 2 May 2024, militants attacked Malam Fatori (Abadam, Borno), killing 3 soldiers."
    found = places_by_mention(analyse(text))
    assert found["Abadam"].feature == "admin2"
    assert found["Borno"].feature == "admin1"
    assert found["Malam Fatori"].country == "NGA"


def test_namesake_abroad_yields_to_the_named_country(analyse: Callable[[str], Analysis]) -> None:
    text = "Insurgents raided Gaya and Zang in Hong Local Government Area of Adamawa State."
    found = places_by_mention(analyse(text))
    assert found["Gaya"].country == "NGA"  # not the Indian city


def test_direction_word_before_a_country(analyse: Callable[[str], Analysis]) -> None:
    text = "Gunmen shot dead five people in northeast Nigeria, police said."
    found = places_by_mention(analyse(text))
    assert found["Nigeria"].feature == "country"


def test_approximate_place_explained(analyse: Callable[[str], Analysis]) -> None:
    text = DOGO
    item = analyse(text)
    start = text.index("killed")
    item.incidents = [
        Incident(
            event_type="Violence against civilians",
            sub_event_type="Attack",
            trigger=Span("killed", start, start + 6),
            sentences=[0],
        )
    ]
    LocateStage().process([item])
    loc = item.incidents[0].location
    assert loc is not None and loc.mention == "Dogo village"
    assert loc.feature == "approximate" and loc.lat is not None
    assert "coordinates of 'Wase'" in item.incidents[0].notes["location"]


def test_district_abroad_is_no_match(analyse: Callable[[str], Analysis]) -> None:
    text = "On 14 August 2022, soldiers killed 20 civilians in Nia Ouro (Mopti, Mopti)."
    found = places_by_mention(analyse(text))
    village = found["Nia Ouro"]
    assert village.country == "MLI" and village.feature == "approximate"
