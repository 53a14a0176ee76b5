"""Locate: a capital or country standing for its government ("which Islamabad accuses",
"relations between Delhi and Dhaka", "Pakistan said") is no place of the incident, nor
a country leading air strikes or where a government is based."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located

from sitroom.model import Analysis


def test_a_capital_that_accuses_is_a_government(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "The army said it had bombed hideouts of the rebels, whom Kinshasa accuses of "
        "planning attacks."
    )
    inc = located(item, "bombed")
    assert "in the trigger's sentence" not in inc.notes["location"], inc.notes


def test_parties_to_relations_are_no_place(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Relations between Islamabad and Kabul have soured since the Taliban seized Kandahar "
        "in 2021."
    )
    inc = located(item, "seized")
    assert inc.location is not None and inc.location.mention == "Kandahar", inc.notes


def test_a_country_that_says_is_no_place(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Border guards exchanged fire near Chaman in Balochistan province on Monday. "
        "Afghanistan said three of its soldiers were wounded."
    )
    inc = located(item, "wounded")
    assert inc.location is not None and inc.location.mention != "Afghanistan", inc.notes


def test_a_country_leading_air_strikes_is_their_author(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "In May, the two sides agreed to a truce, ending weeks of intense Russian air "
        "strikes on rebel-held areas of Syria."
    )
    inc = located(item, "agreed")
    assert inc.location is not None and inc.location.mention == "Syria", inc.notes


def test_where_a_government_is_based_is_no_place(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Gunmen attacked a ferry in the Gulf of Guinea on Monday. The government, which "
        "is based in Lagos, called the attack an act of piracy."
    )
    inc = located(item, "attack an")
    assert inc.location is None or inc.location.mention != "Lagos", inc.notes
