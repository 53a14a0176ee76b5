import datetime as dt

from actor_helpers import incident_at, seed_text, with_actors

from sitroom.knowledge.actors import lexicon
from sitroom.model import ACTOR_TYPES
from sitroom.stages.actors import ActorStage

DAY = dt.date(2024, 3, 4)


def run(parse, text: str, word: str, sub: str):
    return with_actors(parse, text, word, sub, DAY)


def test_dictionary_loads_with_valid_types() -> None:
    lex = lexicon()
    assert all(e.type in ACTOR_TYPES for e in lex.named.values())
    hits = lex.find("ISWAP fighters and al-Shabab militants met Nigerian troops")
    names = [m.entry.name for m in hits if m.entry]
    assert names[0] == "Islamic State West Africa Province"
    assert names[1] == "Al Shabaab"
    assert names[2] == "Military Forces of Nigeria"
    assert [m.country for m in lex.find("Kenyan police")] == ["KEN", None]


def test_upper_case_text_does_not_read_words_as_abbreviations() -> None:
    hits = lexicon().find("THE FMLN GUERRILLAS SAID IT IS FAR FROM OVER")
    assert [m.entry.name for m in hits if m.entry] == [
        "FMLN: Farabundo Marti National Liberation Front"
    ]


def test_active_subject_and_object(parse) -> None:
    incident = run(
        parse,
        "Boko Haram fighters attacked a military base in Borno state, Nigeria, on Sunday.",
        "attacked",
        "Armed clash",
    )
    assert incident.actor1 is not None and incident.actor1.name.startswith("Boko Haram")
    assert incident.actor2 is not None and incident.actor2.name == "Military Forces of Nigeria"
    assert incident.actor2.type == "state forces"


def test_passive_by_phrase_and_country_from_demonym(parse) -> None:
    incident = run(
        parse,
        "Three villagers were killed by Malian soldiers near Mopti, residents said.",
        "killed",
        "Attack",
    )
    assert incident.actor1 is not None
    assert incident.actor1.name == "Military Forces of Mali"
    assert incident.actor2 is not None and incident.actor2.name == "Civilians (Mali)"


def test_unnamed_gunmen_keep_their_mention(parse) -> None:
    incident = run(
        parse,
        "Suspected Islamist gunmen riding on motorbikes shot dead five people in Kano, Nigeria.",
        "shot",
        "Attack",
    )
    assert incident.actor1 is not None
    assert "gunmen" in incident.actor1.mention
    assert incident.actor1.name == "Unidentified Armed Group (Nigeria)"


def test_responsibility_claimed_and_unclaimed(parse) -> None:
    claimed = run(
        parse,
        "A car bomb exploded outside a hotel in Mogadishu. Al-Shabaab claimed responsibility.",
        "exploded",
        "Remote explosive/landmine/IED",
    )
    assert claimed.responsibility.status == "claimed"
    assert claimed.responsibility.actor == "Al-Shabaab"
    unclaimed = run(
        parse,
        "A bomb killed four people at a bus stop in Quetta. No group has claimed the attack.",
        "bomb",
        "Remote explosive/landmine/IED",
    )
    assert unclaimed.responsibility.status == "unclaimed"
    assert unclaimed.responsibility.unclaimed


def test_seed_attribution_wins_over_no_claim(parse) -> None:
    text, published = seed_text()
    item = parse(text, published)
    salvoes = incident_at(item, "launched", "Shelling/artillery/missile attack")
    salvoes.sentences = sorted({salvoes.sentences[0], item.sentence_of(text.index("salvoes"))})
    strike = incident_at(item, "self-defence strike", "Air/drone strike")
    hamas = incident_at(item, "attack by Hamas", "Attack")
    item.incidents = [salvoes, strike, hamas]
    ActorStage().process([item])
    r = salvoes.responsibility
    assert (r.status, r.actor, r.by, r.unclaimed) == (
        "attributed",
        "Iran-aligned militias",
        "a US spokesperson",
        True,
    )
    assert strike.responsibility.status == "claimed"
    assert strike.actor1 is not None and strike.actor1.country == "USA"
    assert "responsibility" in salvoes.notes and "actor1" in salvoes.notes
    assert salvoes.actor1 is not None and salvoes.actor1.name.startswith("Unidentified")
    assert hamas.actor1 is not None and hamas.actor1.name == "Hamas"


def test_claims_denials_and_first_person() -> None:
    from sitroom.stages.responsibility import findings_in

    denied = findings_in("The group has not claimed responsibility for its actions.", 0)
    assert {f.status for f in denied} == {"unclaimed"}
    ours = findings_in("Our units ambushed an army convoy near the bridge.", 0)
    assert [f.status for f in ours] == ["claimed"]
    object_of = findings_in("The cartel claimed responsibility for the murder of two men.", 0)
    assert object_of[0].about == "murder"


def test_clash_sides_and_victims(parse) -> None:
    incident = run(
        parse,
        "ISWAP fighters clashed with Nigerian troops in Monguno, Nigeria, killing 7 soldiers.",
        "clashed",
        "Armed clash",
    )
    assert incident.actor1 is not None and incident.actor1.name.startswith("Islamic State West")
    assert incident.actor2 is not None and incident.actor2.name == "Military Forces of Nigeria"


def test_a_groups_own_attack_is_claimed(parse) -> None:
    incident = run(
        parse,
        "The crisis began with Hamas's attack on southern Israel, which killed 1,200 people.",
        "attack",
        "Attack",
    )
    assert incident.actor1 is not None and incident.actor1.name == "Hamas"
    assert incident.responsibility.status == "claimed"
