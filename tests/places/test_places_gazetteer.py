"""The gazetteer's public API: lookups, countries, demonyms and resolution."""

from __future__ import annotations

import time

from sitroom.evaluate.geoparsing import haversine_km
from sitroom.knowledge.gazetteer import Context, Gazetteer, ensure_index, fold


def near(lat: float | None, lon: float | None, want: tuple[float, float], km: float) -> bool:
    return lat is not None and lon is not None and haversine_km(lat, lon, *want) <= km


def test_fold_ignores_accents_case_dots_and_hyphens() -> None:
    assert fold("Ḩalab") == "halab"
    assert fold("U.S.") == "us"
    assert fold("Ain al-Asad") == fold("ain al asad")
    assert fold("Sa’dah") == "sadah"


def test_cities_and_project_sites_resolve(gaz: Gazetteer) -> None:
    kirkuk = gaz.resolve("Kirkuk")
    assert kirkuk is not None and kirkuk.country == "IRQ" and kirkuk.feature == "city"
    assert near(kirkuk.lat, kirkuk.lon, (35.47, 44.39), 10)
    base = gaz.resolve("Ain al-Asad Airbase")
    assert base is not None and near(base.lat, base.lon, (33.80, 42.44), 10)
    zone = gaz.resolve("Green Zone")
    assert zone is not None and near(zone.lat, zone.lon, (33.30, 44.39), 10)


def test_known_traps(gaz: Gazetteer) -> None:
    africa = gaz.resolve("Africa")
    assert africa is not None and africa.feature == "continent"
    usa = gaz.resolve("USA")
    assert usa is not None and usa.feature == "country" and usa.country == "USA"
    assert gaz.resolve("CA") is None  # an abbreviation alone is no place


def test_country_codes_names_and_demonyms(gaz: Gazetteer) -> None:
    iraq = gaz.country("IRQ")
    assert iraq is not None and iraq.name == "Iraq"
    assert gaz.country("IQ") == iraq
    assert gaz.country("Iraq") == iraq
    iraqi = gaz.demonym("Iraqi")
    assert iraqi is not None and iraqi.country == "IRQ"
    assert gaz.demonym("Kirkuk") is None


def test_enclosing_area_and_context_pick_the_right_namesake(gaz: Gazetteer) -> None:
    lb = gaz.resolve("Long Beach", within="US.CA")
    assert lb is not None and lb.admin1 == "California"
    spr = gaz.resolve("Springfield", within="US.IL")
    assert spr is not None and near(spr.lat, spr.lon, (39.80, -89.64), 30)
    georgia = gaz.resolve("Georgia", context=Context(countries={"USA": 1.0}))
    assert georgia is not None and georgia.country == "USA"
    assert gaz.resolve("Georgia").country == "GEO"  # type: ignore[union-attr]


def test_arabic_article_is_optional(gaz: Gazetteer) -> None:
    assert {c.country for c in gaz.lookup("Qamishli")} & {"SYR"}


def test_index_opens_fast_and_lookups_are_fast() -> None:
    path = ensure_index()
    t0 = time.perf_counter()
    fresh = Gazetteer(path)
    assert time.perf_counter() - t0 < 1.0
    names = ["Baghdad", "Mosul", "Aleppo", "Kabul", "Lagos", "Goma", "Kharkiv", "Gao"]
    t0 = time.perf_counter()
    for _ in range(50):
        for n in names:
            fresh.resolve(n)
    assert len(names) * 50 / (time.perf_counter() - t0) > 2000


def test_spelling_variants_within_a_country(gaz: Gazetteer) -> None:
    kunduz = gaz.fuzzy("Konduz", "AFG")
    assert kunduz is not None and kunduz.name == "Kunduz"
    assert gaz.fuzzy("Konduz", "BRA") is None or gaz.fuzzy("Konduz", "BRA").country == "BRA"  # type: ignore[union-attr]
    assert gaz.fuzzy("Gao", "MLI") is None  # too short to guess


def test_capitals(gaz: Gazetteer) -> None:
    assert gaz.capital("IRQ").name == "Baghdad"  # type: ignore[union-attr]
    assert gaz.capital("SOM").name == "Mogadishu"  # type: ignore[union-attr]
