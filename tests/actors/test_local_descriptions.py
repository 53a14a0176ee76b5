"""Descriptions that name one group where and when it acts (sentences written for these
tests): unnamed Islamist insurgents in Nigeria before the 2016 ISWAP split are Boko
Haram, Shiite rebels in Yemen are the Houthis; elsewhere, or later, they stay unnamed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import with_actors

from sitroom.knowledge.actors import local_group
from sitroom.model import Analysis

Parse = Callable[[str, dt.date], Analysis]
BOKO_HARAM = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def test_islamist_insurgents_in_nigeria_before_the_split(parse: Parse) -> None:
    text = "Suspected Islamist insurgents shot dead eleven traders in northeastern Nigeria."
    incident = with_actors(parse, text, "shot", "Attack", dt.date(2014, 5, 2))
    assert incident.actor1 is not None and incident.actor1.name == BOKO_HARAM
    assert incident.actor1.mention == "Suspected Islamist insurgents"


def test_islamist_insurgents_after_the_split_stay_unnamed(parse: Parse) -> None:
    text = "Suspected Islamist insurgents shot dead eleven traders in northeastern Nigeria."
    incident = with_actors(parse, text, "shot", "Attack", dt.date(2019, 5, 2))
    assert incident.actor1 is not None and incident.actor1.name.startswith("Unidentified")


def test_islamist_insurgents_elsewhere_stay_unnamed() -> None:
    day = dt.date(2014, 5, 2)
    assert local_group("Islamist insurgents", "MLI", day) is None
    assert local_group("Islamist insurgents in the northeast", "NGA", day) is not None
    assert local_group("female suicide bombers", "NGA", day) is None


def test_shiite_rebels_in_yemen(parse: Parse) -> None:
    text = "Shiite rebels shelled a village in northern Yemen on Monday, killing nine students."
    incident = with_actors(
        parse, text, "shelled", "Shelling/artillery/missile attack", dt.date(2013, 11, 4)
    )
    assert incident.actor1 is not None and incident.actor1.name == "Ansar Allah"
