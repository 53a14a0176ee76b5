"""Locate: a country naming troops in an earlier sentence is no place; an inner holder
contradicting the province named outside it is a namesake."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located

from sitroom.model import Analysis


def test_troops_of_a_country_named_before_are_no_place(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Suicide bombers struck polling stations on Sunday in Afghanistan's first vote "
        "since US troops left. At least 40 people were wounded."
    )
    inc = located(item, "wounded")
    assert inc.location is not None and inc.location.mention == "Afghanistan", inc.notes


def test_an_inner_holder_in_another_state_is_a_namesake(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Gunmen killed six farmers at Tudun Wada village in Wase LGA of Plateau State "
        "on Sunday, police said."
    )
    inc = located(item, "killed")
    loc = inc.location
    assert loc is not None and loc.admin1 in (None, "Plateau"), (loc, inc.notes)
