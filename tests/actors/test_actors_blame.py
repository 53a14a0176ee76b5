"""Blame told after the event, doers identified later, and the sides of a clash
(issue 5; texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from actor_helpers import with_actors

from sitroom.knowledge.actors import lexicon
from sitroom.stages.responsibility import findings_in

DAY = dt.date(2025, 6, 2)


def run(parse, text: str, word: str, sub: str):
    return with_actors(parse, text, word, sub, DAY)


def _blames(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.status, f.actor, f.by) for f in findings_in(text, 0)]


def test_blamer_is_the_subject_of_blamed() -> None:
    assert _blames("Local officials blamed al-Shabaab for the ambush.") == [
        ("attributed", "al-Shabaab", "Local officials")
    ]
    found = _blames("The governor attributed the bombing to the Tuareg separatist rebels.")
    assert found[0][:1] == ("attributed",) and found[0][2] == "The governor"


def test_passive_accusation_blames_its_subject() -> None:
    found = _blames("Peacekeepers have been accused of killing four herders in the north.")
    assert found == [("attributed", "Peacekeepers", None)]
    assert _blames("He was accused of killing his neighbour.") == []


def test_suspicion_about_a_victim_is_no_blame() -> None:
    text = "Gunmen said they came to avenge a trader suspected to be a cattle rustler."
    assert all(status != "attributed" for status, _, _ in _blames(text))


def test_later_blame_names_the_unnamed_perpetrator(parse) -> None:
    text = (
        "Armed men stormed a market in Djibo on Saturday and shot dead eleven traders. "
        "Army sources blamed JNIM fighters for the raid."
    )
    incident = run(parse, text, "shot", "Attack")
    assert incident.actor1 is not None
    assert incident.actor1.name.startswith("JNIM")
    assert incident.responsibility.status == "attributed"
    assert incident.responsibility.by == "Army sources"


def test_claimant_is_the_group_a_modifier_describes() -> None:
    text = "The blast was claimed by the breakaway Taliban faction Jamaat-ul-Ahrar."
    claims = [f for f in findings_in(text, 0) if f.status == "claimed"]
    assert claims and claims[0].actor == "Jamaat-ul-Ahrar"


def test_doers_identified_in_the_next_sentence(parse) -> None:
    text = (
        "Gunmen raided a farm near Gusau on Tuesday, killing four farmers. "
        "Police said the attackers were cattle rustlers from a nearby forest."
    )
    incident = run(parse, text, "raided", "Attack")
    assert incident.actor1 is not None
    assert "cattle rustlers" in incident.actor1.mention
    text = (
        "A teacher was stabbed to death in Sylhet on Friday. "
        "Two of the assailants were caught by neighbours and were identified as seminary students."
    )
    incident = run(parse, text, "stabbed", "Attack")
    assert incident.actor1 is not None and "seminary students" in incident.actor1.mention


def test_equipment_of_the_doers_is_no_identity(parse) -> None:
    text = "Gunmen shot dead a shopkeeper in Zaria on Friday. The attackers were armed with rifles."
    incident = run(parse, text, "shot", "Attack")
    assert incident.actor1 is not None and "rifles" not in incident.actor1.mention


def test_victims_named_as_members_are_not_the_doers(parse) -> None:
    text = (
        "Masked gunmen opened fire on a convoy in Baidoa, killing three members of the "
        "United Nations food agency, police said."
    )
    incident = run(parse, text, "fire", "Attack")
    assert incident.actor1 is not None
    assert incident.actor1.name.startswith("Unidentified Armed Group")


def test_armed_side_of_a_farmer_herder_clash(parse) -> None:
    text = "Six people were killed in clashes between farmers and herdsmen in Numan on Monday."
    incident = run(parse, text, "killed", "Attack")
    assert incident.actor1 is not None and incident.actor1.name == "Fulani Ethnic Militia"


def test_vague_sides_keep_their_words_but_stay_unidentified(parse) -> None:
    text = "Fighting between two rival clans killed nine people near Jowhar on Sunday."
    incident = run(parse, text, "killed", "Attack")
    assert incident.actor1 is not None
    assert incident.actor1.name.startswith("Unidentified Armed Group")
    assert "clans" in incident.actor1.mention


def test_passive_by_a_description_of_thieves(parse) -> None:
    text = "Four herders were killed by camel thieves near Kutum on Sunday."
    incident = run(parse, text, "killed", "Attack")
    assert incident.actor1 is not None
    assert incident.actor1.mention == "camel thieves"


def test_alleged_belonging_names_the_community(parse) -> None:
    text = (
        "A village elder was killed in Pibor on Monday by a band of armed men, allegedly "
        "belonging to Murle youth of the county."
    )
    incident = run(parse, text, "killed", "Attack")
    assert incident.actor1 is not None and "Murle" in incident.actor1.mention


def test_aliases_of_current_groups() -> None:
    lex = lexicon()
    for alias, name in (
        ("Shebab", "Al Shabaab"),
        ("Raskamboni militias", "Ras Kamboni Brigades"),
        ("Hashd al-Sha'bi", "Popular Mobilization Forces"),
        ("ADF-NALU", "ADF: Allied Democratic Forces"),
    ):
        hits = [m for m in lex.find(f"Fighters of the {alias} attacked") if m.entry]
        assert hits and hits[0].entry is not None and hits[0].entry.name == name, alias


def test_kind_of_violence_describes_the_unnamed_group(parse) -> None:
    text = "Nine people were killed in clan clashes near Beledweyne on Thursday."
    incident = run(parse, text, "killed", "Attack")
    assert incident.actor1 is not None
    assert incident.actor1.name.startswith("Unidentified Armed Group")
    assert incident.actor1.mention == "clan clashes"
    assert incident.actor1.type == "identity militia"


def test_narrators_by_phrase_names_the_doer_but_a_quoted_one_only_attributes() -> None:
    plain = findings_in("The raid police said was carried out by hired assassins.", 0)
    assert plain and plain[0].note.startswith("blame")
    quoted = findings_in("“The attacks were carried out by militias,” said an envoy.", 0)
    assert quoted and quoted[0].note.startswith("said")


def test_coalition_air_strike_is_the_leading_state(parse) -> None:
    text = "Six people were killed when an air strike by the Saudi-led coalition hit a farm."
    incident = run(parse, text, "air strike", "Air/drone strike")
    assert incident.actor1 is not None
    assert incident.actor1.name == "Military Forces of Saudi Arabia"


def test_protest_target_and_demonym_protesters(parse) -> None:
    text = "Hundreds of Tunisian students marched in Sfax on Monday against the education minister."
    incident = run(parse, text, "marched", "Peaceful protest")
    assert incident.actor1 is not None and incident.actor1.name == "Protesters (Tunisia)"
    assert incident.actor2 is not None and "minister" in incident.actor2.mention
    text = (
        "Thousands of Baloch demonstrated in Quetta on Sunday demanding independence from Pakistan."
    )
    incident = run(parse, text, "demonstrated", "Peaceful protest")
    assert incident.actor2 is not None and incident.actor2.name == "Government of Pakistan"


def test_claims_told_in_other_words() -> None:
    text = "The militia said on its Telegram channel that its fighters had ambushed a convoy."
    assert ("claimed", "The militia") in [(f.status, f.actor) for f in findings_in(text, 0)]
    text = "The gang's leader boasted of the ambush in a video."
    assert [f.status for f in findings_in(text, 0)] == ["claimed"]
    text = "Missiles hit a depot near Tabqa in a strike Ankara said targeted a militant cell."
    found = findings_in(text, 0)
    assert found and (found[0].status, found[0].actor, found[0].by) == ("claimed", None, "Ankara")


def test_no_violent_act_no_blame() -> None:
    text = "Witnesses said the raiders accused villagers of sheltering soldiers."
    assert all(f.status != "attributed" for f in findings_in(text, 0))


def test_security_organ_announcing_its_own_arrests_is_a_claim(parse) -> None:
    text = (
        "Ugandan police arrested six suspected militants in a raid on a house in Kasese "
        "on Friday, the Uganda Police Force said."
    )
    incident = run(parse, text, "arrested", "Arrests")
    assert incident.responsibility.status == "claimed"
    text = (
        "Ugandan police arrested six suspected militants in a raid in Kasese on Friday, "
        "Kenya's police service said."
    )
    incident = run(parse, text, "arrested", "Arrests")
    assert incident.responsibility.status != "claimed"


def test_a_victim_named_before_the_trigger_is_not_the_doer(parse) -> None:
    text = "A police officer on guard duty was shot and wounded near the market in Jos."
    incident = run(parse, text, "shot", "Attack")
    assert incident.actor1 is not None
    assert not incident.actor1.name.startswith("Police Forces")
    text = "Nine people, including the village head and a police sergeant, died in the raid."
    incident = run(parse, text, "raid", "Attack")
    assert incident.actor1 is not None
    assert not incident.actor1.name.startswith("Police Forces")


def test_clash_with_nobody_named_is_an_unidentified_group(parse) -> None:
    text = "Heavy fighting near Kadugli on Monday left eleven people dead."
    incident = run(parse, text, "fighting", "Armed clash")
    assert incident.actor1 is not None
    assert incident.actor1.name.startswith("Unidentified Armed Group")


def test_people_who_protest_are_the_protesters(parse) -> None:
    text = "Angry supporters of the Labour Party staged rallies in Kano on Monday."
    incident = run(parse, text, "rallies", "Peaceful protest")
    assert incident.actor1 is not None and incident.actor1.name.startswith("Protesters")
    assert "Labour Party" in incident.actor1.mention
    text = "Striking dockworkers continued their hunger strike in Mombasa on Tuesday."
    incident = run(parse, text, "strike", "Peaceful protest")
    assert incident.actor1 is not None and incident.actor1.name.startswith("Protesters")
    assert "dockworkers" in incident.actor1.mention


def test_victims_vehicle_names_no_doer(parse) -> None:
    text = (
        "Three soldiers were killed on Monday when their patrol vehicle struck a roadside "
        "bomb near Bama. An army spokesman blamed fighters of Boko Haram."
    )
    incident = run(parse, text, "bomb", "Remote explosive/landmine/IED")
    assert incident.actor1 is not None and incident.actor1.name.startswith("Boko Haram")
