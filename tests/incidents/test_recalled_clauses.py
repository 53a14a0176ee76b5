"""A when-/after-/relative clause with its own act and its own date recalls an earlier
occurrence: it is a mention of its own, and its place and toll stay out of the lead
mention. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from padded import PAD, TAIL

from sitroom.model import Incident

Detect = Callable[[str], list[Incident]]


def _mentions(detect: Detect, sentence: str) -> list[Incident]:
    return detect(PAD + "\n\n" + sentence + TAIL)


def test_since_date_when_clause_is_its_own_mention(detect: Detect) -> None:
    found = _mentions(
        detect,
        "It was the deadliest attack in the region since March 2019, "
        "when gunmen killed 160 villagers in Dagabou.",
    )
    triggers = [i.trigger.text for i in found if i.trigger is not None]
    assert "killed" in triggers and "attack" in triggers


def test_undated_after_clause_stays_with_the_lead(detect: Detect) -> None:
    found = _mentions(
        detect, "Gunmen killed ten villagers on Sunday after they stormed the market in Dagabou."
    )
    assert len(found) == 1


def test_when_clause_after_a_tally_is_an_incident(detect: Detect) -> None:
    found = _mentions(
        detect,
        "The army has suffered heavy losses in the region, most recently in April, "
        "when 12 soldiers were killed near Dagabou.",
    )
    assert [i.trigger.text for i in found if i.trigger is not None] == ["killed"]
