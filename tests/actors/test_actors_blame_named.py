"""Blames that name the doer of an incident whose text leaves it unnamed (sentences
written for these tests): a participle after "officials said", a passive a speaker
vouches for, a blame in the sentence before the lead, and separatists as doers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import incident_at

from sitroom.model import Analysis, Incident
from sitroom.stages.actors import ActorStage

DAY = dt.date(2014, 6, 2)
Parse = Callable[[str, dt.date], Analysis]


def _first(parse: Parse, text: str, word: str, sub: str) -> Incident:
    item = parse(text, DAY)
    item.incidents = [incident_at(item, word, sub)]
    ActorStage().process([item])
    assert item.error is None
    return item.incidents[0]


def test_accusing_after_officials_said_names_the_blamer(parse: Parse) -> None:
    text = (
        "Three traders who were abducted near the market last week were found dead, "
        "local officials said on Monday, accusing tribal militiamen of killing them."
    )
    incident = _first(parse, text, "abducted", "Abduction/forced disappearance")
    assert incident.responsibility.status == "attributed"
    assert incident.responsibility.by == "local officials"
    assert incident.actor1 is not None and "militiamen" in incident.actor1.mention


def test_passive_doer_a_speaker_vouches_for(parse: Parse) -> None:
    text = (
        "A shopkeeper was stabbed to death in the old town on Friday in an attack "
        'police said was carried out by a "hired killer".'
    )
    incident = _first(parse, text, "stabbed", "Attack")
    assert incident.responsibility.status == "attributed"
    assert incident.responsibility.by == "police"
    assert incident.actor1 is not None and incident.actor1.mention == "hired killer"


def test_blame_in_the_sentence_before_the_lead_incident(parse: Parse) -> None:
    text = (
        "The Ethiopian air force is accused of bombing farms near the river, witnesses "
        "told a local radio. Several herders were killed and others injured."
    )
    incident = _first(parse, text, "killed", "Attack")
    assert incident.responsibility.status == "attributed"
    assert incident.actor1 is not None and incident.actor1.name == "Military Forces of Ethiopia"


def test_separatists_blamed_are_the_doers(parse: Parse) -> None:
    text = (
        "Twelve people died in an attack on a bus station in the province last week, "
        "with the police blaming armed separatists."
    )
    incident = _first(parse, text, "attack", "Attack")
    assert incident.actor1 is not None
    assert incident.actor1.name.startswith("Unidentified Armed Group")
    assert incident.actor1.mention == "armed separatists"


def test_blaming_verb_subject_is_not_the_doer(parse: Parse) -> None:
    text = (
        "Eleven people were killed in a car bomb blast near a bus depot on Friday. "
        "Officials blamed the attack on the Pakistani Taliban."
    )
    item = parse(text, DAY)
    item.incidents = [incident_at(item, "blast", "Remote explosive/landmine/IED")]
    item.incidents.append(incident_at(item, "attack", "Attack"))
    ActorStage().process([item])
    for incident in item.incidents:
        assert incident.actor1 is not None
        assert incident.actor1.name.startswith("TTP"), incident.notes["actor1"]
        assert incident.responsibility.status == "attributed"


def test_passive_blamed_on_names_the_doer(parse: Parse) -> None:
    text = "Four farmers were shot dead on Sunday in an attack that was blamed on bandits."
    incident = _first(parse, text, "shot", "Attack")
    assert incident.responsibility.status == "attributed"
    assert incident.responsibility.actor == "bandits"
    assert incident.actor1 is not None and incident.actor1.mention == "bandits"


def test_blame_by_the_source_named_before_who(parse: Parse) -> None:
    text = (
        "Gunmen killed nine villagers near the river on Monday, said local police, "
        "who attributed the violence to armed Peul herders."
    )
    incident = _first(parse, text, "killed", "Attack")
    assert incident.responsibility.status == "attributed"
    assert incident.responsibility.by == "local police"
    assert incident.actor1 is not None and incident.actor1.name == "Fulani Ethnic Militia"


def test_the_attack_was_claimed_reaches_back_to_the_lead(parse: Parse) -> None:
    text = (
        "Fourteen people were killed in an attack on a hotel in the capital on Sunday, "
        "a medical source said. The attack was claimed by al-Shabaab in a statement."
    )
    item = parse(text, DAY)
    item.incidents = [
        incident_at(item, "killed", "Attack"),
        incident_at(item, "attack", "Attack", 1),
    ]
    ActorStage().process([item])
    lead = item.incidents[0]
    assert lead.responsibility.status == "claimed"
    assert lead.actor1 is not None and lead.actor1.name == "Al Shabaab"
