"""A nominal killing in a when-clause after a past date ('the worst since May 2023,
when the killing of a militia leader set off days of fighting') is a recalled incident
of its own, and 'the killing of a farmer' names a new act (no anaphora). Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Incident

Detect = Callable[..., list[Incident]]
DAY = dt.date(2026, 2, 6)
LEAD = "Rival militias fought in the south of the capital on Wednesday, killing six people. "
PAD = (
    " The government called for calm and said it would investigate. The airport was "
    "closed for several hours, and schools in the district stayed shut on Thursday. "
    "Diplomats urged both sides to respect the truce agreed by the elders. Residents "
    "said the streets were quiet by the afternoon, but many shops stayed closed and "
    "some families left for other parts of the city. The council of elders said it "
    "would meet again next week to discuss the handover of the checkpoints and the "
    "release of detained fighters held by both sides."
)


def test_killing_in_when_clause_after_since_is_recalled(detect: Detect) -> None:
    text = LEAD + (
        "The clashes were the worst in the city since May 2023, when the killing of a "
        "militia leader set off days of fighting in which dozens were killed." + PAD
    )
    later = [i for i in detect(text, DAY) if 1 in i.sentences]
    assert later, "the recalled killing is lost"
    assert all(i.notes.get("mention") != "anaphoric" for i in later)


def test_killing_of_someone_named_here_is_no_anaphora(detect: Detect) -> None:
    text = LEAD + (
        "The town had escaped the violence until June 2024, when the killing of a "
        "farmer set off arson attacks on dozens of homes." + PAD
    )
    later = [i for i in detect(text, DAY) if 1 in i.sentences]
    assert later and all(i.notes.get("mention") != "anaphoric" for i in later)


def test_the_killing_alone_is_anaphoric(detect: Detect) -> None:
    text = LEAD + "The killing was condemned by the government on Thursday." + PAD
    found = [i for i in detect(text, DAY) if 1 in i.sentences]
    assert all(i.notes.get("mention") == "anaphoric" for i in found)
