"""Sides of a clash between communities whose names the tagger takes for places
(sentences written for these tests): they are the communities' militias; a place
between which nothing is fought stays a place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import with_actors

from sitroom.model import Analysis

DAY = dt.date(2014, 6, 9)
Parse = Callable[[str, dt.date], Analysis]


def test_community_named_like_a_town_is_a_side(parse: Parse) -> None:
    text = (
        "Seven people were killed in a clash between Kabawa and the Jukun tribes at a "
        "village of Guma local government area."
    )
    incident = with_actors(parse, text, "killed", "Armed clash", DAY)
    assert incident.actor1 is not None and incident.actor1.mention == "Kabawa"
    assert incident.actor1.type == "identity militia"


def test_clash_involving_two_clans(parse: Parse) -> None:
    text = "Twelve people died in a bloody clash involving the Urgondo and Shitile clans."
    incident = with_actors(parse, text, "clash", "Armed clash", DAY)
    assert incident.actor1 is not None and "Urgondo" in incident.actor1.mention


def test_dispute_between_communities_names_no_doer(parse: Parse) -> None:
    text = (
        "Unknown gunmen killed a pastor at Wakama community. A leader blamed a boundary "
        "dispute between Wakama and its neighbour, the Kpogo community."
    )
    incident = with_actors(parse, text, "killed", "Attack", DAY)
    assert incident.actor1 is not None and incident.actor1.name.startswith("Unidentified")
