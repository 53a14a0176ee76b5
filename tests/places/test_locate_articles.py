"""Locate in full articles: a dateline is a last resort even against the article's main
place, and a country inside an organisation's name is who acted, not where."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located

from sitroom.model import Analysis


def test_the_main_place_beats_the_dateline(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "NAIROBI, Kenya \u2014 Four herders were killed on Sunday, police said.\n\n"
        "The attack happened in Mandera, police said. Elders in Mandera called for calm.\n"
    )
    inc = located(item, "killed")
    assert inc.location is not None and inc.location.name == "Mandera", inc.notes


def test_the_dateline_stays_without_another_place(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "KANO, Nigeria \u2014 Gunmen shot dead three traders on Monday, police said.\n\n"
        "No group said it was behind the killings.\n"
    )
    inc = located(item, "shot")
    assert inc.location is not None and inc.location.mention == "KANO", inc.notes


def test_a_country_in_an_organisation_name_is_no_place(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Gunmen attacked a convoy near Gao on Monday. The vessel was hit later that day, "
        "according to the United Kingdom Maritime Trade Operations agency."
    )
    inc = located(item, "hit")
    loc = inc.location
    assert loc is not None and loc.country != "GBR", inc.notes


def test_a_town_beats_the_area_named_as_holding_it(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "On Friday, resistance groups said their fighters had seized the town of Kawlin, "
        "in northern Sagaing, after a long battle with the army."
    )
    inc = located(item, "seized")
    assert inc.location is not None and inc.location.mention == "Kawlin", inc.notes
    assert "held by" in inc.notes["location"]
    assert inc.location.lat is not None and inc.location.lat > 23.0  # its own coordinates
