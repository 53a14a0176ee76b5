"""Locate: a part of a city named with it ("the Kabul district of Karte Seh", "Sadr
City in eastern Baghdad") is where it happened, not the city holding it."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located, near

from sitroom.model import Analysis


def test_the_city_named_before_its_quarter_holds_it(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "In the southern Mogadishu neighbourhood of Hodan, a suicide bomber killed 12 "
        "students on Monday."
    )
    inc = located(item, "killed")
    assert inc.location is not None and inc.location.mention == "Hodan", inc.notes
    assert near(inc, 2.04, 45.34), inc.notes  # in Mogadishu


def test_a_possessive_district_of(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("A car bomb exploded near a checkpoint in Baghdad's northern district of Shaab.")
    inc = located(item, "exploded")
    assert inc.location is not None and inc.location.mention == "Shaab", inc.notes


def test_an_area_of_a_district_is_held_by_it(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Gunmen shot dead two shopkeepers near the Shahi area of Kupwara district on Friday."
    )
    inc = located(item, "shot")
    assert inc.location is not None and inc.location.mention == "Shahi", inc.notes
