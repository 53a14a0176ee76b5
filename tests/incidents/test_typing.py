"""Incident detection and ACLED typing on short reports written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.model import SUB_EVENT_TYPES, Incident

Detect = Callable[[str], list[Incident]]

CASES = [
    (
        "Militants fired three rockets at an army base near the town on Monday.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Mortar shells landed in a residential district of the city overnight.",
        "Shelling/artillery/missile attack",
    ),
    ("Fighter jets carried out air strikes on rebel positions in the valley.", "Air/drone strike"),
    ("A drone struck a car on the highway, killing two men.", "Air/drone strike"),
    ("A suicide bomber blew himself up at a crowded market, killing 12 people.", "Suicide bomb"),
    (
        "A roadside bomb exploded as a police patrol passed, wounding four officers.",
        "Remote explosive/landmine/IED",
    ),
    ("Unknown attackers hurled a grenade into a bar, injuring six customers.", "Grenade"),
    ("Gunmen killed five villagers and burned their huts in an overnight raid.", "Attack"),
    ("Soldiers clashed with rebels outside the city on Sunday, leaving ten dead.", "Armed clash"),
    (
        "Armed men kidnapped a priest and two teachers on the road to the mission.",
        "Abduction/forced disappearance",
    ),
    (
        "Police fired tear gas to disperse hundreds of protesters in the capital.",
        "Protest with intervention",
    ),
    (
        "Thousands of teachers marched peacefully through the capital to demand higher pay.",
        "Peaceful protest",
    ),
    (
        "Security forces opened fire on protesters, killing three of them.",
        "Excessive force against protesters",
    ),
    (
        "Rioters threw stones at police and set fire to cars after the match.",
        "Violent demonstration",
    ),
    (
        "Army bomb experts defused an explosive device found near the school.",
        "Disrupted weapons use",
    ),
    ("Police seized rifles and ammunition from a militant hideout.", "Disrupted weapons use"),
    (
        "Government troops recaptured the town from the insurgents after heavy fighting.",
        "Government regains territory",
    ),
    (
        "Insurgents seized control of the district headquarters on Tuesday.",
        "Non-state actor overtakes territory",
    ),
    ("Looters ransacked shops in the market overnight.", "Looting/property destruction"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_main_incident_type(detect: Detect, text: str, expected: str) -> None:
    incidents = detect(text)
    assert incidents, f"no incident in {text!r}"
    main = incidents[0]
    assert main.sub_event_type == expected, main.notes
    assert main.event_type == SUB_EVENT_TYPES[expected]
    assert main.notes["type"]


def test_trigger_and_evidence_point_into_the_text(detect: Detect) -> None:
    text = "Officials met on Monday. Later, a car bomb exploded outside the ministry."
    incidents = detect(text)
    assert len(incidents) == 1
    trig = incidents[0].trigger
    assert text[trig.start : trig.end] == trig.text
    assert incidents[0].sentences == [1]
    assert "car bomb" in incidents[0].weapons


@pytest.mark.parametrize(
    "text",
    [
        "The minister discussed security in a phone call with his counterpart. "
        "Both sides agreed to hold talks in the new year. The talks will be held in Geneva. "
        "Officials said the war in the region had gone on for too long.",
        "The group vowed to destroy the bridge and threatened to attack the capital. "
        "Analysts said the rebels could strike again at any time. "
        "The government said it reserves the right to respond.",
    ],
)
def test_no_incident_in_diplomacy_and_threats(detect: Detect, text: str) -> None:
    assert detect(text) == []


FILLER = " ".join(
    f"The committee will publish report number {n} on the economy next year." for n in range(12)
)


def test_counts_over_time_are_no_incidents_in_an_article(detect: Detect) -> None:
    counts = (
        "Since March there have been dozens of rocket and drone strikes against the bases. "
        "The coalition has counted at least 78 attacks since October. "
        "Its forces have come under repeated attacks in recent weeks. "
    )
    assert detect(counts + FILLER) == []


def test_a_short_report_keeps_its_one_event(detect: Detect) -> None:
    """A one-paragraph report is about an event: its strongest cue is kept even when it
    reads like a general statement."""
    incidents = detect("Gunmen have stormed a university, killing students in their classrooms.")
    assert [i.sub_event_type for i in incidents] == ["Attack"]


def test_upper_case_wire_text_is_read(detect: Detect) -> None:
    text = "TERRORISTS DYNAMITED A BRIDGE AND A BOMB EXPLODED NEAR THE POLICE STATION TODAY."
    incidents = detect(text)
    assert incidents
    assert incidents[0].event_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "text",
    [
        "Workers staged a strike on Monday in the capital.",
        "The strike by coal miners entered its third day in the north.",
    ],
)
def test_a_work_stoppage_is_a_protest_not_an_air_strike(detect: Detect, text: str) -> None:
    assert [m.sub_event_type for m in detect(text)] == ["Peaceful protest"]


def test_gunmen_who_struck_a_village_attacked_it(detect: Detect) -> None:
    found = detect("Gunmen struck a village near Gao on Sunday, killing ten farmers.")
    assert found[0].sub_event_type == "Attack"


def test_a_strike_with_jets_stays_an_air_strike(detect: Detect) -> None:
    found = detect("Jets struck a village near Idlib on Sunday, killing ten people.")
    assert found[0].sub_event_type == "Air/drone strike"


def test_firearms_seized_beside_a_murder_are_a_seizure(detect: Detect) -> None:
    text = (
        "Two firearms, one of which police link to a murder, and several rounds of ammunition "
        "were seized in Kingston over the weekend."
    )
    assert detect(text)[0].sub_event_type == "Disrupted weapons use"


def test_strikers_arrested_are_a_protest_with_intervention(detect: Detect) -> None:
    found = detect("The 250 strikers arrested in La Paz were taken in trucks to an air base.")
    assert found[0].sub_event_type == "Protest with intervention"
