"""A source that names the doer attributes the act, and "X claimed that attack" is a
claim reaching back to the act told before (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import incident_at

from sitroom.model import Analysis, Incident
from sitroom.stages.actors import ActorStage
from sitroom.stages.responsibility import findings_in

DAY = dt.date(2025, 8, 14)
Parse = Callable[[str, dt.date], Analysis]


def _run(parse: Parse, text: str, triggers: list[tuple[str, str]]) -> list[Incident]:
    item = parse(text, DAY)
    item.incidents = [incident_at(item, word, sub) for word, sub in triggers]
    ActorStage().process([item])
    assert item.error is None
    return item.incidents


def test_other_government_naming_the_strikes_attributes_them(parse: Parse) -> None:
    text = (
        "Russian air strikes on a market in the town killed at least 14 people, the "
        "Ukrainian government said on Monday."
    )
    (strike,) = _run(parse, text, [("strikes", "Air/drone strike")])
    assert strike.responsibility.status == "attributed"
    assert strike.responsibility.by == "the Ukrainian government"
    assert strike.responsibility.actor == "Military Forces of Russia"


def test_the_doers_own_side_reporting_is_no_attribution(parse: Parse) -> None:
    text = "Israeli troops shot dead two gunmen near the camp, the Israeli military said."
    (shooting,) = _run(parse, text, [("shot", "Attack")])
    assert shooting.responsibility.status != "attributed"


def test_claimed_that_attack_is_a_claim_of_the_act_before(parse: Parse) -> None:
    text = (
        "In March 2021, a car bombing on an army convoy near the border killed 12 soldiers. "
        "Lashkar-e-Taiba claimed that attack, which raised tensions for months."
    )
    bombing, attack = _run(parse, text, [("bombing", "Suicide bomb"), ("attack", "Attack")])
    assert bombing.responsibility.status == "claimed"
    assert bombing.actor1 is not None and bombing.actor1.name == "Lashkar-e-Taiba"
    assert attack.responsibility.status == "claimed"


def test_a_statement_about_the_attack_is_no_claim() -> None:
    found = findings_in("The government claimed the attack on the base was staged.", 0)
    assert [f for f in found if f.status == "claimed"] == []
    upper = findings_in("THE FMLN CLAIMED THE ATTACK IN A COMMUNIQUE BROADCAST TODAY.", 0)
    assert [(f.status, f.actor) for f in upper] == [("claimed", "FMLN")]


def test_the_group_speaking_of_its_own_attack_is_no_attribution(parse: Parse) -> None:
    text = "Al-Shabaab militants attacked an army base near the town on Friday, the group said."
    (attack,) = _run(parse, text, [("attacked", "Attack")])
    assert attack.responsibility.status != "attributed"
