"""One sentence, two dated incidents: a coordinated clause with its own date whose act
is told by an event noun ('and in March 2023, 13 prisoners died in a riot at ...') is a
mention of its own, with its own toll. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Incident

Detect = Callable[..., list[Incident]]

TEXT = (
    "Officials said the jail had a long history of violence. "
    "In June 2022, 21 inmates were killed in clashes in the same jail, and in "
    "February 2024, nine prisoners and a warden died in a riot at the Kandra prison "
    "in the east, officials said. Guards were later sent to the jail."
)


def test_noun_told_clause_is_its_own_mention(detect: Detect) -> None:
    found = detect(TEXT, dt.date(2025, 3, 1))
    subs = sorted(i.sub_event_type for i in found)
    assert len(found) == 2, subs
    assert any(i.trigger.text == "riot" for i in found)


def test_clause_without_own_date_stays_one(detect: Detect) -> None:
    text = (
        "Officials said the jail had a long history of violence. In June 2022, 21 "
        "inmates were killed in clashes in the jail, and nine guards were hurt in the "
        "riot that followed, officials said. Guards were later sent to the jail."
    )
    assert len(detect(text, dt.date(2025, 3, 1))) == 1
