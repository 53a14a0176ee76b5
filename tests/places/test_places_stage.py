"""PlaceStage on hand-written news text: spans, resolution and non-places."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.evaluate.geoparsing import haversine_km
from sitroom.model import Analysis, Place

TEXT = (
    "Three Katyusha rockets hit the Green Zone in Baghdad at 1:15am GMT, an Iraqi "
    "official said. Separately, police in Long Beach, CA, arrested two men. "
    "Aid groups warned that hunger is spreading across Africa. "
    "At least four people were killed in the village of Qarawiyah near Kirkuk."
)


def by_mention(places: list[Place], mention: str) -> Place:
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not among {[p.mention for p in places]}"
    return hits[0]


def test_offsets_point_into_the_text(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(TEXT)
    assert item.places
    for p in item.places:
        assert p.start is not None and p.end is not None
        assert TEXT[p.start : p.end] == p.mention


def test_places_are_found_and_resolved(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(TEXT).places
    baghdad = by_mention(places, "Baghdad")
    assert baghdad.country == "IRQ" and baghdad.precision == 1
    zone = by_mention(places, "Green Zone")
    assert zone.lat is not None and zone.lon is not None
    assert haversine_km(zone.lat, zone.lon, 33.30, 44.39) < 10
    lb = by_mention(places, "Long Beach")
    assert lb.admin1 == "California" and lb.country == "USA"
    africa = by_mention(places, "Africa")
    assert africa.feature == "continent" and africa.country is None


def test_demonyms_count_and_non_places_do_not(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(TEXT).places
    iraqi = by_mention(places, "Iraqi")
    assert iraqi.country == "IRQ" and iraqi.precision == 3 and iraqi.feature == "demonym"
    mentions = {p.mention for p in places}
    assert "Katyusha" not in mentions and "GMT" not in mentions


def test_marked_unknown_village_is_a_place(analyse: Callable[[str], Analysis]) -> None:
    places = analyse(TEXT).places
    village = by_mention(places, "Qarawiyah")
    assert village.feature == "approximate" and village.precision == 2
    kirkuk = by_mention(places, "Kirkuk")
    assert kirkuk.precision == 2  # "near Kirkuk"


def test_country_context_resolves_ambiguous_names(analyse: Callable[[str], Analysis]) -> None:
    text = (
        "Storms hit Atlanta and Savannah overnight. The governor of Georgia declared an "
        "emergency as rivers rose near Macon."
    )
    georgia = by_mention(analyse(text).places, "Georgia")
    assert georgia.country == "USA"


def test_article_without_places(analyse: Callable[[str], Analysis]) -> None:
    assert analyse("Nothing happened today, officials said.").places == []


def test_the_capital_is_a_place(analyse: Callable[[str], Analysis]) -> None:
    places = analyse("Three car bombs exploded in and around the Iraqi capital on Sunday.").places
    capital = by_mention(places, "Iraqi capital")
    assert capital.name == "Baghdad" and capital.country == "IRQ"


def test_coder_area_lists(analyse: Callable[[str], Analysis]) -> None:
    text = "On 12 June, militants attacked a base in Bacadweyne (Galkacyo, Mudug)."
    places = analyse(text).places
    village = by_mention(places, "Bacadweyne")
    assert village.country == "SOM" and village.precision == 2 and village.lat is not None


def test_upper_case_wire_text(analyse: Callable[[str], Analysis]) -> None:
    text = (
        "LIMA, 12 JAN 90 -- A CAR BOMB EXPLODED IN SAN ISIDRO, A DISTRICT OF LIMA. "
        "POLICE SAID THE HOMES WERE RAIDED IN THE NIGHT. THE GENEVA\nAGREEMENT WAS CITED."
    )
    places = analyse(text).places
    mentions = {p.mention for p in places}
    assert "LIMA" in mentions and "SAN ISIDRO" in mentions
    assert "CAR" not in mentions and "WERE" not in mentions
    assert all("\n" not in p.mention for p in places)
    assert by_mention(places, "LIMA").country == "PER"
