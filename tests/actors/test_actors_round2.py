"""Claims, tolls and perpetrators added for old upper-case wire, coder notes and wire
leads (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from sitroom.stages.responsibility import findings_in
from sitroom.stages.tolls import figures_in


def _claims(text: str) -> list[tuple[str, str | None]]:
    return [(f.status, f.actor) for f in findings_in(text, 0)]


def test_doers_naming_their_group_is_a_claim() -> None:
    text = "POLICE SAID THE MEN CLAIMED TO BELONG TO THE EXTREMIST MIR GROUP."
    assert ("claimed", "MIR") in [(s, a and a.split()[-1]) for s, a in _claims(text)]
    text = "A GROUP OF MEN WHO IDENTIFIED THEMSELVES AS FMLN MEMBERS KIDNAPPED A FARMER."
    found = findings_in(text, 0)
    assert found and found[0].status == "claimed" and found[0].about == "kidnapping"


def test_rebel_radio_first_person_is_a_claim() -> None:
    text = "THE ENEMY BATTALION ADVANCED ON THE TOWN; IT WAS NEUTRALIZED BY OUR AMBUSHES."
    assert [s for s, _ in _claims(text)] == ["claimed"]
    text = "THE GUERRILLAS ASSURED TODAY THEY HAVE CONSOLIDATED THEIR HOLD ON FOUR SECTORS."
    assert ("claimed", "GUERRILLAS") in [(s, a and a.split()[-1]) for s, a in _claims(text)]


def test_claim_names_its_object_across_words() -> None:
    text = "The Islamic State claimed responsibility on its news agency for the bombing."
    assert findings_in(text, 0)[0].about == "bombing"


def test_coder_note_tolls() -> None:
    assert [(f.kind, f.value, f.update) for f in figures_in("Fatalities: 6.")] == [
        ("killed", 6, True)
    ]
    assert [f.value for f in figures_in("Fatalities coded as 12.")] == [12]
    listed = figures_in("On 2 May, 4 soldiers and 9 militants were killed in the clash.")
    assert sum(f.value for f in listed) == 13  # both sides of the clash, counted once
    among = figures_in("Six people and one policeman among them were killed.")
    assert not any(f.adds for f in among)
    assert [f.value for f in figures_in("two gunmen killed seven farmers")] == [7]


def test_wire_lead_perpetrator_from_the_attack_noun(parse) -> None:  # type: ignore[no-untyped-def]
    from sitroom.stages.actors import ActorStage
    from sitroom.stages.incidents import IncidentStage

    text = (
        "Eleven people were killed and four others injured in Garsen [coastal Kenya], "
        "in an attack by a clan militia from Somalia."
    )
    item = parse(text, dt.date(2014, 3, 2))
    IncidentStage().process([item])
    ActorStage().process([item])
    names = [i.actor1.mention for i in item.incidents if i.actor1 is not None]
    assert names and all("militia" in n for n in names)


def test_claim_for_several_acts_is_plural() -> None:
    text = "The Extraditables claimed responsibility for the murder of two newspaper employees."
    found = findings_in(text, 0)
    assert found and found[0].plural and found[0].about == "murder"
    single = findings_in("The group claimed responsibility for the murder of a judge.", 0)
    assert single and not single[0].plural


def test_relative_clause_victim_is_one(parse) -> None:  # type: ignore[no-untyped-def]
    from sitroom.stages.tolls import parse_figures

    item = parse("The lawyers represent the family of Maria Vella, who was killed in 2019.")
    figures = [f for i, d in item.parses.items() for f in parse_figures(d, 0)]
    assert [(f.kind, f.value) for f in figures] == [("killed", 1)]
