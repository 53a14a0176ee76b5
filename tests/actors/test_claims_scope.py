"""What a claim covers: care given to the wounded is no claim, and a claim of ground
held belongs to the fight for that ground, not to an air strike told in the same story
(texts written for these tests)."""

from __future__ import annotations

from sitroom.model import Analysis, Article, Incident, Span
from sitroom.stages.responsibility import Finding, _owner, findings_in


def _claims(text: str) -> list[Finding]:
    return [f for f in findings_in(text, 0) if f.status == "claimed"]


def test_wounded_taken_to_hospital_by_our_troops_is_no_claim() -> None:
    text = "One injured farmer has already been taken by our troops to the district clinic."
    assert _claims(text) == []
    assert _claims("The lorry driver was evacuated by our soldiers to the base.") == []


def test_attack_by_our_fighters_in_the_passive_stays_a_claim() -> None:
    found = _claims("The supply convoy was ambushed by our fighters near the river crossing.")
    assert len(found) == 1 and found[0].note.startswith("first-person")


def test_ground_held_is_marked_on_the_claim() -> None:
    held = _claims("The rebel front said today they have occupied three districts of the port.")
    assert [f.territory for f in held] == [True]
    struck = _claims("The rebel front said today they have attacked the garrison at dawn.")
    assert [f.territory for f in struck] == [False]


def _incident(trigger: str, event_type: str, sub: str, sentence: int) -> Incident:
    return Incident(
        event_type=event_type,
        sub_event_type=sub,
        trigger=Span(trigger, 0, len(trigger)),
        sentences=[sentence],
    )


def test_claim_of_ground_goes_to_the_clash_not_the_air_strike() -> None:
    strike = _incident("helicopters", "Explosions/Remote violence", "Air/drone strike", 1)
    clash = _incident("fighting", "Battles", "Armed clash", 3)
    item = Analysis(article=Article(text="x").with_id(), incidents=[strike, clash])
    claim = Finding("claimed", "the rebel front", "the rebel front", 0, "claim", territory=True)
    assert _owner(item, 0, claim) is clash
    item.incidents = [strike]
    assert _owner(item, 0, claim) is None
