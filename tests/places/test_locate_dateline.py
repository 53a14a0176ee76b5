"""Locate: when the dateline scores best in the lead sentence, a province or town of
that sentence still holds before the article's main place is consulted."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located

from sitroom.model import Analysis


def test_a_province_beside_the_dateline_holds(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "MAPUTO, Mozambique \u2014 Insurgents beheaded five villagers in a night raid in "
        "Mozambique's northern Cabo Delgado province, officials said on Thursday.\n\n"
        "The attackers arrived in Mucojo late on Tuesday. Many people fled to Pemba."
    )
    inc = located(item, "beheaded")
    assert inc.location is not None and inc.location.mention != "MAPUTO", inc.notes
    assert inc.location.lat is not None and inc.location.lat > -14.0, inc.notes


def test_a_demonym_describing_the_dead_gives_way_to_the_place_before(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse(
        "Last month, an air strike on a cafe in the Nur Shams camp near Tulkarm killed 18 "
        "people. The camp was also the scene of a fierce battle in April 2002, when 52 "
        "Palestinians and 23 Israeli soldiers were killed."
    )
    inc = located(item, "were killed")
    assert inc.location is not None and inc.location.feature != "demonym", inc.notes
