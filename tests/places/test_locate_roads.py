"""Locate: a town that only names a road loses to the town the road passes; a coder's
"coded to X" names the point."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located

from sitroom.model import Analysis


def test_a_road_named_after_towns_loses_to_the_town_near_it(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Bandits ambushed a bus on the Kano-Katsina road near Kankara on Friday, "
        "killing two passengers."
    )
    inc = located(item, "ambushed")
    assert inc.location is not None and inc.location.mention == "Kankara", inc.notes


def test_a_road_named_after_a_town_is_not_the_town(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "A bomb exploded at the Zaria Road bus station in Kano on Tuesday, killing four "
        "people, police said."
    )
    inc = located(item, "exploded")
    assert inc.location is not None and inc.location.mention == "Kano", inc.notes


def test_a_road_alone_still_places_the_incident(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Gunmen ambushed a convoy on the Maiduguri-Damboa road on Monday.")
    inc = located(item, "ambushed")
    assert inc.location is not None and inc.location.mention.startswith("Maiduguri"), inc.notes


def test_coded_to_names_the_point(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "On 3 May 2024, militants attacked herders in a hamlet east of Gao. Location "
        "coded to Mopti."
    )
    inc = located(item, "attacked")
    assert inc.location is not None and inc.location.mention == "Mopti", inc.notes


def test_coded_to_a_stray_namesake_is_ignored(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "On 2 May 2024, militants attacked soldiers in Ngouboua, in Chad's Lac province "
        "(coded to Bol, Lac), killing 12."
    )
    inc = located(item, "attacked")
    loc = inc.location
    assert loc is not None and loc.country in (None, "TCD"), (loc, inc.notes)
