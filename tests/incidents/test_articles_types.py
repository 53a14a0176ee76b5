"""Typing in full articles: weapons the attackers only carried do not type the act.
Sentences written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.model import Incident

Detect = Callable[[str], list[Incident]]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Militants armed with rifles and rocket-propelled grenades attacked a police "
            "post on Monday, killing three policemen.",
            "Armed clash",
        ),
        ("Gunmen hurled grenades at a police station, wounding three officers.", "Grenade"),
        ("A grenade attack on a bar killed two people on Monday.", "Grenade"),
        ("Drones attacked an army base on Monday, killing four soldiers.", "Air/drone strike"),
    ],
)
def test_carried_weapons_do_not_type_the_act(detect: Detect, text: str, sub: str) -> None:
    (incident,) = detect(text)
    assert incident.sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On May 3, strikes on a fuel port killed at least 30 people and wounded 80, "
            "the health ministry said.",
            "Air/drone strike",
        ),
        ("Clashes between the army and rebels killed 10 people on Monday.", "Armed clash"),
        (
            "Shelling killed three civilians in the city on Monday.",
            "Shelling/artillery/missile attack",
        ),
        ("Gunmen killed six villagers on Monday.", "Attack"),
    ],
)
def test_the_act_not_its_outcome_types_the_incident(detect: Detect, text: str, sub: str) -> None:
    (incident,) = detect(text)
    assert incident.sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "The rebels seized Port Kelan, the capital of the eastern province, in March.",
            "Non-state actor overtakes territory",
        ),
        (
            "Police used tear gas to break up a demonstration by residents angry at the "
            "killings on Tuesday.",
            "Protest with intervention",
        ),
    ],
)
def test_places_taken_and_protests_about_killings(detect: Detect, text: str, sub: str) -> None:
    (incident,) = detect(text)
    assert incident.sub_event_type == sub
