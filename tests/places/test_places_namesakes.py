"""Namesakes abroad in full articles: a township, a town the text puts in an area, an
English adjective that is also a region's name. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.model import Analysis, Place


def named(places: list[Place], mention: str) -> list[Place]:
    hits = [p for p in places if p.mention == mention]
    assert hits, f"{mention!r} not among {[p.mention for p in places]}"
    return hits


def test_a_township_in_a_named_country_is_no_city_abroad(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "Aircraft bombed a cattle fair in Kani township on Friday. Resistance fighters "
        "have held much of Sagaing region in Myanmar for two years. Back in Kani, "
        "families slept in the fields."
    )
    for p in named(analyse(text).places, "Kani"):
        assert p.country != "JPN", p


def test_a_township_inside_a_named_region_takes_that_region(
    analyse: Callable[[str], Analysis],
) -> None:
    places = analyse(
        "Heavy fighting broke out in Kani township in Sagaing region of Myanmar on Monday."
    ).places
    (kani,) = named(places, "Kani")
    assert kani.country == "MMR" and kani.admin1 == "Sagaing", kani


def test_a_name_put_in_a_country_once_keeps_that_country(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "Troops stormed Kani, a town in Myanmar's Sagaing region, at dawn. "
        "Shops in Kani stayed shut the next day."
    )
    for p in named(analyse(text).places, "Kani"):
        assert p.country != "JPN", p


def test_a_famous_city_abroad_is_still_itself(analyse: Callable[[str], Analysis]) -> None:
    text = "Officials from Myanmar flew to Osaka for talks on the war in Sagaing region."
    (osaka,) = named(analyse(text).places, "Osaka")
    assert osaka.country == "JPN", osaka


def test_maritime_as_an_adjective_is_no_region(analyse: Callable[[str], Analysis]) -> None:
    text = (
        "Maritime security firm Seaward said a tanker was struck off the coast of Yemen. "
        "A maritime agency confirmed the report."
    )
    assert all(p.mention.lower() != "maritime" for p in analyse(text).places)


def test_conflict_towns_missing_from_cities500_are_known(
    analyse: Callable[[str], Analysis],
) -> None:
    places = analyse(
        "Jihadists ambushed a convoy near Hombori in Mali. In Myanmar, rebels seized "
        "Kawlin. Shells fell on Abu Shouk camp in North Darfur, Sudan."
    ).places
    assert named(places, "Hombori")[0].country == "MLI"
    assert named(places, "Abu Shouk")[0].country == "SDN"


def test_an_unknown_township_does_not_borrow_a_foreign_dateline(
    analyse: Callable[[str], Analysis],
) -> None:
    text = (
        "BANGKOK — A military jet dropped bombs on a crowded market in Kani township on "
        "Tuesday morning, killing 12 people. Villagers in Myanmar's Sagaing region fear "
        "more raids now that the ceasefire has collapsed and the army is short of men. "
        "A spokesman for the junta did not answer calls. Some families have since fled "
        "to Monywa."
    )
    (kani,) = named(analyse(text).places, "Kani")
    assert kani.country == "MMR", kani
