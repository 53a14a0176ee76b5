"""LocateStage: the incident's place, chosen among the places of its sentences."""

from __future__ import annotations

from collections.abc import Callable

from locate_helpers import located as _located

from sitroom.evaluate.geoparsing import haversine_km
from sitroom.model import Analysis, Incident


def located(item: Analysis, trigger: str) -> Incident:
    """The strike whose trigger is the first `trigger` in the text, after locating."""
    return _located(item, trigger, "Explosions/Remote violence", "Air/drone strike")


def test_site_attached_to_the_trigger_wins(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "On Wednesday, a US official said a drone had targeted Western troops at the "
        "Ain al-Asad Airbase in western Iraq, but there were no casualties."
    )
    loc = located(item, "targeted").location
    assert loc is not None and loc.name == "Ain al-Asad Airbase" and loc.precision == 1
    assert "location" in item.incidents[0].notes


def test_near_gives_precision_two(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "A US military official said a strike was carried out in northern Iraq against a "
        "drone launch site in the vicinity of Kirkuk."
    )
    loc = located(item, "carried out").location
    assert loc is not None and loc.mention == "Kirkuk" and loc.precision == 2


def test_not_the_origin_of_a_person(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "A taxi driver from Nairobi was shot dead by police officers in Mombasa on Sunday."
    )
    loc = located(item, "shot").location
    assert loc is not None and loc.mention == "Mombasa"


def test_nested_village_gets_the_town_coordinates(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Nine fighters were killed in the village of Qarawiyah in the western countryside "
        "of Kobani on Tuesday."
    )
    loc = located(item, "killed").location
    assert loc is not None and loc.mention == "Qarawiyah" and loc.precision == 2
    assert loc.lat is not None and loc.lon is not None
    assert haversine_km(loc.lat, loc.lon, 36.89, 38.35) < 10


def test_previous_sentence_then_main_place(analyse: Callable[[str], Analysis]) -> None:
    item = analyse(
        "Fighting raged in Goma on Monday. Rebels shelled positions held by the army. "
        "Aid workers fled."
    )
    inc = located(item, "shelled")
    assert inc.location is not None and inc.location.mention == "Goma"
    assert "preceding" in inc.notes["location"]


def test_no_place_at_all(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Gunmen attacked a convoy, officials said.")
    inc = located(item, "attacked")
    assert inc.location is None and inc.notes["location"]


def test_the_object_of_a_capture_is_the_place(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Rebels captured Birao on Tuesday after a day of fighting.")
    loc = located(item, "captured").location
    assert loc is not None and loc.mention == "Birao"


def test_an_active_subject_is_the_actor(analyse: Callable[[str], Analysis]) -> None:
    item = analyse("Eritrea shelled positions along the river near Zalambessa on Monday.")
    loc = located(item, "shelled").location
    assert loc is None or loc.mention != "Eritrea"
