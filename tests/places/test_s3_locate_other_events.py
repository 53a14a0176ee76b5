"""Locate: a town where another event of the sentence happened is no finer place for
this one; a country naming troops in an earlier sentence is no place."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located

from sitroom.model import Analysis


def test_a_town_of_another_clause_does_not_refine_the_country(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Bombings and other attacks killed 23 people in Iraq on Tuesday, and police found "
        "the bodies of nine men shot dead in Baghdad."
    )
    inc = located(item, "Bombings")
    assert inc.location is not None and inc.location.mention == "Iraq", inc.notes


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
