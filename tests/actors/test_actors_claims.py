"""Which incident a claim belongs to, on upper-case wire copy written for these tests:
a boast told in the opening is not the lead's claim, and doers naming their group
claim only the act they did, not the one told just before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import incident_at

from sitroom.model import Analysis
from sitroom.stages.responsibility import assign_responsibility

DAY = dt.date(1990, 3, 4)
Parse = Callable[[str, dt.date], Analysis]


def _statuses(parse: Parse, text: str, triggers: list[tuple[str, str]]) -> list[str]:
    item = parse(text, DAY)
    item.incidents = [incident_at(item, word, sub) for word, sub in triggers]
    assign_responsibility(item)
    return [i.responsibility.status for i in item.incidents]


def test_opening_boast_is_not_the_lead_incidents_claim(parse: Parse) -> None:
    text = (
        "CLANDESTINE, 3 MAR 90 (RADIO PATRIA) -- WE HAVE A REPORT FROM THE EAST. "
        "A TRUCK WAS DESTROYED BY OUR FIGHTERS NEAR THE BRIDGE. "
        "THIS MORNING A PLANE STRAFED THE MARKET AND MANY CIVILIANS WERE INJURED."
    )
    assert _statuses(parse, text, [("INJURED", "Attack")]) == ["unknown"]


def test_a_named_claim_in_the_opening_still_goes_to_the_lead(parse: Parse) -> None:
    text = (
        "THE PEOPLE'S FRONT CLAIMED RESPONSIBILITY FOR THE MURDER OF A JUDGE. "
        "THE JUDGE WAS SHOT DEAD OUTSIDE HIS HOME ON SATURDAY, POLICE SAID."
    )
    assert _statuses(parse, text, [("SHOT", "Attack")]) == ["claimed"]


def test_self_named_kidnappers_do_not_claim_the_shooting_before(parse: Parse) -> None:
    text = (
        "A PEDESTRIAN WAS STRUCK BY A BULLET NEAR THE PLAZA. "
        "A MILITARY SPOKESMAN SAID THAT MEN WHO IDENTIFIED THEMSELVES AS PEOPLE'S FRONT "
        "MEMBERS KIDNAPPED A FARMER NEAR THE RIVER."
    )
    triggers = [("STRUCK", "Attack"), ("KIDNAPPED", "Abduction/forced disappearance")]
    assert _statuses(parse, text, triggers) == ["unknown", "claimed"]


def test_claim_for_the_attack_still_covers_the_killing_told_before(parse: Parse) -> None:
    text = (
        "GUNMEN KILLED A JUDGE IN THE CAPITAL ON MONDAY. "
        "THE PEOPLE'S FRONT CLAIMED RESPONSIBILITY FOR THE ATTACK IN A COMMUNIQUE."
    )
    triggers = [("KILLED", "Attack"), ("ATTACK", "Attack")]
    assert _statuses(parse, text, triggers) == ["claimed", "claimed"]


def test_upper_case_blames_attribute_and_never_claim() -> None:
    from sitroom.stages.responsibility import findings_in

    cases = {
        "OFFICIALS SAID THAT REBEL FRONT MEMBERS WERE RESPONSIBLE FOR THE ATTACK.": (
            "REBEL FRONT MEMBERS",
            "OFFICIALS",
        ),
        "THE MAYOR CONDEMNED THE BOMBING AND ATTRIBUTED IT TO THE URBAN COMMANDOS.": (
            "THE URBAN COMMANDOS",
            "THE MAYOR",
        ),
    }
    for text, (who, by) in cases.items():
        found = findings_in(text, 0)
        assert [(f.status, f.actor, f.by) for f in found] == [("attributed", who, by)], text
    after = findings_in("BOTH BOMBINGS, ATTRIBUTED TO THE DRUG CARTELS, TOOK PLACE AT NIGHT.", 0)
    assert [(f.status, f.actor) for f in after] == [("attributed", "THE DRUG CARTELS")]
    assert findings_in("THOSE WHO WERE RESPONSIBLE FOR THE ATTACK WILL BE PUNISHED.", 0) == []
    assert findings_in("The ministry attributed it to a gas leak.", 0) == []


def test_claim_for_the_kidnappings_covers_the_kidnapping_told_before(parse: Parse) -> None:
    text = (
        "THE ELN KIDNAPPED TWO HONORARY CONSULS IN THE CAPITAL ON MONDAY. "
        "SOURCES OF THE REBEL GROUP CLAIMED RESPONSIBILITY FOR THE KIDNAPPINGS."
    )
    kidnap = "Abduction/forced disappearance"
    triggers = [("KIDNAPPED", kidnap), ("KIDNAPPINGS", kidnap)]
    assert _statuses(parse, text, triggers) == ["claimed", "claimed"]
