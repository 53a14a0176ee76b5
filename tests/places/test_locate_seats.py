"""An incident known only to its province is coded at the province's capital, as
conflict coders do. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located, near

from sitroom.model import Analysis


def test_a_province_only_incident_sits_at_its_capital(
    analyse: Callable[[str], Analysis],
) -> None:
    item = analyse("Gunmen killed seven traders in Yobe State on Monday, police said.")
    inc = located(item, "killed")
    assert inc.location is not None and inc.location.feature == "admin1", inc.notes
    assert near(inc, 11.75, 11.96), inc.location  # Damaturu
    assert "main town" in inc.notes["location"]


def test_a_town_keeps_its_own_point(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Gunmen killed seven traders in Potiskum in Yobe State on Monday.")
    inc = located(item, "killed")
    assert near(inc, 11.71, 11.08), inc.location  # Potiskum
