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
